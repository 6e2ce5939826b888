"""The matcher on another machine: export the encodings, match them there, import the pairs back."""

import base64
import json
import os
import subprocess
import sys
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from carepath.linkage import files
from carepath.linkage.encoding import BYTES
from carepath.linkage.matcher import Match
from carepath.support import matching, services
from carepath.support.models import SupportEncoding, SupportMatch, SupportRecord, SupportReview
from carepath.support.tests.factories import colleague_of, food_bank_staff, municipality_staff, support

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    """Two people each helped by two institutions in the same month (names mistyped), and others."""
    worker, volunteer, other_town = municipality_staff(), food_bank_staff(), municipality_staff()
    ana = [support(worker), support(volunteer, family_names="Fereira")]
    jonas = [
        support(volunteer, given_names="Jonas", family_names="Petraitis", address="4 Birch Street"),
        support(other_town, given_names="Jonas", family_names="Petraitys", address="4 Birch Street"),
    ]
    support(worker, given_names="Marek", family_names="Kowalczyk", birth_date=None, address="3 Station Road")
    support(colleague_of(worker), kind="clothing")  # same person, same institution: not a match
    return ana + jonas


def matcher_elsewhere(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m carepath.linkage` as the matcher's machine runs it: no Django settings, no database."""
    environment = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(  # noqa: S603  (this interpreter, our own module)
        [sys.executable, "-m", "carepath.linkage", *args],
        capture_output=True, text=True, env=environment, timeout=120, check=False,
    )


def stored() -> set[tuple]:
    return set(SupportMatch.objects.values_list(
        "left_key", "right_key", "left_institution_id", "right_institution_id", "kind", "period", "score"
    ))


def test_export_writes_every_encoding_and_nothing_else(records, tmp_path):
    out = StringIO()
    call_command("support", "export-encodings", str(tmp_path / "sent.jsonl"), stdout=out)
    assert out.getvalue().strip() == f"Exported 6 encoding(s) to {tmp_path / 'sent.jsonl'}."
    lines = [json.loads(line) for line in (tmp_path / "sent.jsonl").read_text().splitlines()]
    assert all(sorted(line) == ["clk", "institution", "key", "kind", "period"] for line in lines)
    keys = SupportEncoding.objects.values_list("link_key", flat=True)
    assert {line["key"] for line in lines} == {str(key) for key in keys}
    first = SupportEncoding.objects.get(link_key=records[0].link_key)
    line = next(line for line in lines if line["key"] == str(first.link_key))
    assert line == {
        "key": str(first.link_key), "institution": str(first.institution_id), "kind": "food",
        "period": first.period, "clk": base64.b64encode(bytes(first.clk)).decode(),
    }
    assert len(base64.b64decode(line["clk"])) == BYTES
    text = " ".join(f"{line['key']} {line['institution']} {line['kind']} {line['period']}" for line in lines).lower()
    for clear in ("ana", "ferreira", "jonas", "petraitis", "birch", "marek", "1984"):
        assert clear not in text
        assert all(clear.encode() not in base64.b64decode(line["clk"]) for line in lines)
    assert files.read_encodings([tmp_path / "sent.jsonl"]) == matching.encoded()


def test_the_export_reads_the_encodings_only(records, tmp_path):
    with CaptureQueriesContext(connection) as queries:
        call_command("support", "export-encodings", str(tmp_path / "sent.jsonl"), stdout=StringIO())
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "support_supportencoding" in sql
    assert "support_supportrecord" not in sql
    assert "people_person" not in sql


def test_the_matcher_elsewhere_gives_the_same_matches_as_matching_here(records, tmp_path):
    call_command("support", "export-encodings", str(tmp_path / "sent.jsonl"), stdout=StringIO())
    result = matcher_elsewhere("match", str(tmp_path / "sent.jsonl"), "--out", str(tmp_path / "pairs.jsonl"))
    assert result.returncode == 0, result.stderr
    assert "Compared 6 encoding(s) of 3 institution(s) from 1 file(s): 2 pair(s)" in result.stdout
    out = StringIO()
    call_command("support", "import-pairs", str(tmp_path / "pairs.jsonl"), stdout=out)
    assert out.getvalue().startswith("Read 2 pair(s): 2 new, 0 skipped")
    imported = stored()
    assert {frozenset(row[:2]) for row in imported} == {
        frozenset((records[0].link_key, records[1].link_key)), frozenset((records[2].link_key, records[3].link_key)),
    }

    SupportMatch.objects.all().delete()
    assert matching.run().new == 2
    assert stored() == imported


def test_importing_again_adds_nothing_and_keeps_the_reviews(records, tmp_path):
    call_command("support", "export-encodings", str(tmp_path / "sent.jsonl"), stdout=StringIO())
    assert matcher_elsewhere("match", str(tmp_path / "sent.jsonl"), "--out", str(tmp_path / "p.jsonl")).returncode == 0
    call_command("support", "import-pairs", str(tmp_path / "p.jsonl"), stdout=StringIO())
    match = SupportMatch.objects.get(left_key__in=[records[0].link_key, records[1].link_key])
    review = services.review_match(
        match=match, support=records[0], by=SupportRecord.objects.get(pk=records[0].pk).recorded_by,
        outcome="complements", conversation="We talked.", expected_version=None,
    )
    before = list(SupportMatch.objects.order_by("pk").values_list("pk", "found_at"))
    out = StringIO()
    call_command("support", "import-pairs", str(tmp_path / "p.jsonl"), stdout=out)
    assert out.getvalue().startswith("Read 2 pair(s): 0 new")
    assert matching.run().new == 0  # nor does matching here find anything new
    assert list(SupportMatch.objects.order_by("pk").values_list("pk", "found_at")) == before
    assert SupportReview.objects.get().pk == review.pk


def test_unknown_keys_and_impossible_pairs_are_reported_and_skipped(records, tmp_path):
    ana, ana_elsewhere, jonas, _ = (str(record.link_key) for record in records)
    marek = str(SupportEncoding.objects.exclude(link_key__in=[r.link_key for r in records]).filter(
        kind="food").get().link_key)
    files.write_pairs(tmp_path / "pairs.jsonl", [
        Match(ana, ana_elsewhere, 0.9),
        Match(ana, str(uuid.uuid4()), 0.95),  # a record of another installation
        Match("not-a-link-key", jonas, 0.95),
        Match(ana, marek, 0.99),  # the same institution
        Match(ana_elsewhere, ana_elsewhere, 1.0),
    ])
    out = StringIO()
    call_command("support", "import-pairs", str(tmp_path / "pairs.jsonl"), stdout=out)
    assert out.getvalue().strip() == (
        "Read 5 pair(s): 1 new, 2 skipped with a key that is no encoding here, "
        "2 skipped as not two institutions with one kind and month."
    )
    assert SupportMatch.objects.get().score == 0.9


def test_a_file_that_is_not_pairs_is_refused_and_nothing_is_stored(records, tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        json.dumps({"left": str(records[0].link_key), "right": str(records[1].link_key), "score": 0.9}) + "\n"
        + json.dumps({"left": str(records[2].link_key), "right": str(records[3].link_key), "score": 0.9,
                      "name": "Jonas Petraitis"}) + "\n"
    )
    with pytest.raises(CommandError, match=r"pairs.jsonl, line 2: has field\(s\) not allowed: 'name'") as refused:
        call_command("support", "import-pairs", str(path), stdout=StringIO())
    assert "Petraitis" not in str(refused.value)
    assert not SupportMatch.objects.exists()


def test_the_import_reads_the_encodings_and_matches_only(records, tmp_path):
    files.write_pairs(tmp_path / "pairs.jsonl", [Match(str(records[0].link_key), str(records[1].link_key), 0.9)])
    with CaptureQueriesContext(connection) as queries:
        call_command("support", "import-pairs", str(tmp_path / "pairs.jsonl"), stdout=StringIO())
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "support_supportencoding" in sql
    assert "support_supportrecord" not in sql
    assert "people_person" not in sql


def test_an_encoding_of_another_size_stops_the_export_and_nothing_is_written(records, tmp_path):
    SupportEncoding.objects.filter(link_key=records[0].link_key).update(clk=b"\1" * (BYTES // 2))
    with pytest.raises(CommandError, match="encode the records again"):
        call_command("support", "export-encodings", str(tmp_path / "sent.jsonl"), stdout=StringIO())
    assert list(tmp_path.iterdir()) == []
