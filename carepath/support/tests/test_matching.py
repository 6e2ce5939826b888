import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from carepath.linkage import matcher
from carepath.support import matching, services
from carepath.support.models import SupportMatch, SupportRecord, SupportReview
from carepath.support.tests.factories import colleague_of, food_bank_staff, municipality_staff, support

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    """The seed-002 family at both institutions in the same month, one name mistyped; and other people."""
    worker, volunteer = municipality_staff(), food_bank_staff()
    ours = support(worker)
    theirs = support(volunteer, family_names="Fereira")
    support(worker, given_names="Marek", family_names="Kowalczyk", birth_date=None, address="3 Station Road")
    support(volunteer, given_names="Yusuf", family_names="Demir", address="7 Bridge Street")
    support(colleague_of(worker), kind="clothing")  # same person, same institution: not a match
    return ours, theirs


def test_the_same_person_at_two_institutions_is_found_once(pair):
    ours, theirs = pair
    result = matching.run()
    assert (result.encodings, result.new) == (5, 1)
    match = SupportMatch.objects.get()
    assert {match.left_key, match.right_key} == {ours.link_key, theirs.link_key}
    assert {match.left_institution_id, match.right_institution_id} == {ours.institution_id, theirs.institution_id}
    assert (match.kind, match.period) == ("food", ours.period) and match.score >= matcher.THRESHOLD


def test_running_again_adds_nothing_and_keeps_the_reviews(pair):
    ours, _ = pair
    matching.run()
    match = SupportMatch.objects.get()
    review = services.review_match(
        match=match, support=ours, by=SupportRecord.objects.get(pk=ours.pk).recorded_by,
        outcome="complements", conversation="We talked.", expected_version=None,
    )
    again = matching.run()
    assert again.new == 0 and again.pairs == 1
    assert list(SupportMatch.objects.values_list("pk", flat=True)) == [match.pk]
    assert SupportReview.objects.get().pk == review.pk


def test_matching_reads_the_encodings_only(pair):
    with CaptureQueriesContext(connection) as queries:
        matching.run()
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "support_supportencoding" in sql
    assert "support_supportrecord" not in sql
    assert "people_person" not in sql


def test_the_matcher_is_given_no_clear_text(pair, monkeypatch):
    given = []
    real = matcher.match

    def spy(records, **kwargs):
        given.extend(records)
        return real(records, **kwargs)

    monkeypatch.setattr(matcher, "match", spy)
    matching.run()
    assert given and all(type(record) is matcher.Encoded for record in given)
    texts = " ".join(f"{r.key} {r.institution} {r.kind} {r.period}" for r in given)
    for name in ("Ana", "Ferreira", "Fereira", "Marek", "Kowalczyk", "Yusuf", "Demir", "Mill", "1984"):
        assert name.lower() not in texts.lower()
    assert all(name.encode() not in record.clk for record in given for name in ("Ana", "Ferreira"))


def test_nothing_is_matched_when_nothing_is_encoded(settings):
    settings.CAREPATH_LINKAGE_SECRET = ""
    support(municipality_staff())
    support(food_bank_staff())
    assert matching.run().pairs == 0
