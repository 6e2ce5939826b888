import datetime
from dataclasses import fields

import numpy as np
import pytest

from carepath.linkage import matcher
from carepath.linkage.encoding import Encoder, Record
from carepath.linkage.matcher import Encoded, match
from carepath.linkage.synthetic import generate
from carepath.linkage.text import WORD, fold

SECRET = b"shared by the participating institutions"


def encoded(data, *, secret=SECRET):
    """What the institutions send: each encodes its own records."""
    filters = Encoder(secret=secret).encode_many([record.person for record in data.records])
    return [
        Encoded(r.key, r.institution, r.kind, r.period, filters[row].tobytes()) for row, r in enumerate(data.records)
    ]


def scores(found):
    return {tuple(sorted((m.left, m.right))) for m in found}


def test_planted_duplicates_are_found_with_high_precision_and_recall():
    data = generate(600, seed=11)
    found = scores(match(encoded(data)))
    truth = {tuple(sorted(pair)) for pair in data.truth}
    true_positives = len(found & truth)
    assert true_positives / len(found) > 0.95
    assert true_positives / len(truth) > 0.93


def test_pairs_are_only_across_institutions_with_the_same_kind_and_month():
    data = generate(600, seed=12)
    sent = encoded(data)
    by_key = {record.key: record for record in sent}
    found = match(sent, threshold=0.5)
    assert found
    for pair in found:
        left, right = by_key[pair.left], by_key[pair.right]
        assert left.institution != right.institution
        assert (left.kind, left.period) == (right.kind, right.period)
        assert 0.5 <= pair.score <= 1


def test_one_person_at_one_institution_twice_or_in_another_month_is_not_reported():
    clk = Encoder(secret=SECRET).encode(Record("Jonas", "Petraitis", datetime.date(1980, 3, 15)))
    sent = [
        Encoded("a", "food bank", "food", "2026-03", clk),
        Encoded("b", "food bank", "food", "2026-03", clk),
        Encoded("c", "charity", "food", "2026-04", clk),
        Encoded("d", "charity", "clothing", "2026-03", clk),
        Encoded("e", "municipality", "food", "2026-03", clk),
    ]
    assert scores(match(sent)) == {("a", "e"), ("b", "e")}


def test_the_matcher_never_receives_a_clear_text_name(monkeypatch):
    data = generate(300, seed=13)
    people = [record.person for record in data.records]
    names = {word for p in people for word in WORD.findall(fold(f"{p.given_names} {p.family_names}"))}
    received = []
    real_match = matcher.match

    def spy(records, **options):
        received.extend(records)
        return real_match(records, **options)

    monkeypatch.setattr(matcher, "match", spy)
    assert matcher.match(encoded(data))
    assert len(received) == len(data.records)
    for record in received:
        assert type(record) is Encoded
        assert type(record.clk) is bytes
        for field in fields(Encoded):
            value = getattr(record, field.name)
            if isinstance(value, str):
                assert not set(WORD.findall(fold(value))) & names, (field.name, value)
            else:
                assert field.name == "clk"


@pytest.mark.parametrize(
    "record",
    [
        {"key": "a", "name": "Jonas Petraitis"},
        Record("Jonas", "Petraitis", None),
        ("a", "food bank", "food", "2026-03", "Jonas Petraitis"),
    ],
)
def test_anything_but_an_encoding_is_refused(record):
    with pytest.raises(TypeError):
        match([record])


@pytest.mark.parametrize("clk", ["Jonas Petraitis", b"Jonas Petraitis", np.zeros(16, dtype=np.uint64)])
def test_a_name_or_a_wrong_size_in_place_of_the_encoding_is_refused(clk):
    with pytest.raises(TypeError):
        match([Encoded("a", "food bank", "food", "2026-03", clk)])


def test_no_records_give_no_pairs():
    assert match([]) == []


def test_arrays_of_another_shape_are_refused():
    with pytest.raises(TypeError):
        matcher.match_arrays(np.zeros((2, 8), dtype=np.uint64), block=np.zeros(2), institution=np.zeros(2))
