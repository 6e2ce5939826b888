from carepath.linkage.synthetic import INSTITUTIONS, generate


def test_the_same_seed_gives_the_same_data():
    assert generate(200, seed=3) == generate(200, seed=3)


def test_truth_pairs_are_one_person_same_support_at_different_institutions():
    data = generate(500, seed=3)
    by_key = {record.key: record for record in data.records}
    assert len(data.truth) > 50
    for left, right in data.truth:
        a, b = by_key[left], by_key[right]
        assert data.person_of[left] == data.person_of[right]
        assert a.institution != b.institution
        assert (a.kind, a.period) == (b.kind, b.period)


def test_records_spread_over_ten_institutions_and_carry_errors():
    data = generate(500, seed=3)
    assert {record.institution for record in data.records} == set(INSTITUTIONS)
    by_key = {record.key: record for record in data.records}
    differing = sum(by_key[left].person != by_key[right].person for left, right in data.truth)
    assert differing > len(data.truth) / 2


def test_support_elsewhere_of_another_kind_or_month_is_not_a_duplicate() -> None:
    data = generate(2000, seed=3)
    by_person: dict[int, list[str]] = {}
    for key, person in data.person_of.items():
        by_person.setdefault(person, []).append(key)
    by_key = {record.key: record for record in data.records}
    other_support = [
        (a, b) for keys in by_person.values() for a in keys for b in keys
        if a < b and (by_key[a].kind, by_key[a].period) != (by_key[b].kind, by_key[b].period)
    ]
    assert other_support
    assert not any(pair in data.truth or pair[::-1] in data.truth for pair in other_support)
