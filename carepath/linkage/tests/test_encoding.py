import datetime

import pytest

from carepath.linkage.encoding import BYTES, Encoder, Record, dice, encode

SECRET = b"shared by the participating institutions"
JONAS = Record("Jonas", "Petraitis", datetime.date(1980, 3, 15), "Mill Lane 4, Riverton")


def test_same_secret_gives_the_same_encoding():
    assert encode(JONAS, secret=SECRET) == encode(JONAS, secret=SECRET)
    assert len(encode(JONAS, secret=SECRET)) == BYTES


def test_another_secret_gives_another_encoding():
    other = encode(JONAS, secret=b"another secret, another network")
    assert other != encode(JONAS, secret=SECRET)
    assert dice(other, encode(JONAS, secret=SECRET)) < 0.6


def test_a_short_secret_is_refused():
    with pytest.raises(ValueError):
        Encoder(secret=b"short")


def test_swapped_name_order_gives_the_same_encoding():
    swapped = Record("Petraitis", "Jonas", JONAS.birth_date, JONAS.address)
    assert encode(swapped, secret=SECRET) == encode(JONAS, secret=SECRET)


def test_lost_diacritics_and_capitals_give_the_same_encoding():
    written = Record("Šarūnas", "Žukauskas", datetime.date(1990, 1, 2), "Ąžuolų gatvė 3")
    plain = Record("SARUNAS", "zukauskas", datetime.date(1990, 1, 2), "Azuolu Gatve 3")
    assert encode(written, secret=SECRET) == encode(plain, secret=SECRET)


def test_a_typo_or_a_mistyped_birth_year_stays_alike():
    mistyped = Record("Jonas", "Petraitys", JONAS.birth_date, JONAS.address)
    one_digit = Record("Jonas", "Petraitis", datetime.date(1981, 3, 15), JONAS.address)
    for alike in (mistyped, one_digit):
        assert dice(encode(alike, secret=SECRET), encode(JONAS, secret=SECRET)) > 0.8


def test_a_swapped_birth_day_and_month_stays_alike():
    april = Record("Jonas", "Petraitis", datetime.date(1980, 4, 7), JONAS.address)
    july = Record("Jonas", "Petraitis", datetime.date(1980, 7, 4), JONAS.address)
    assert dice(encode(april, secret=SECRET), encode(july, secret=SECRET)) > 0.8


def test_a_moved_person_without_second_name_stays_alike():
    moved = Record("Jonas", "Petraitis", JONAS.birth_date, "Harbour Street 120, Oakham")
    two_names = Record("Jonas Vytautas", "Petraitis", JONAS.birth_date, JONAS.address)
    assert dice(encode(moved, secret=SECRET), encode(JONAS, secret=SECRET)) > 0.75
    assert dice(encode(two_names, secret=SECRET), encode(JONAS, secret=SECRET)) > 0.8


def test_unrelated_people_are_not_alike():
    other = Record("Maria", "Kowalska", datetime.date(1955, 11, 2), "Station Road 17, Eastfield")
    assert dice(encode(other, secret=SECRET), encode(JONAS, secret=SECRET)) < 0.55


def test_same_name_born_decades_apart_is_below_the_match_threshold():
    father = Record("Jonas", "Petraitis", datetime.date(1952, 7, 1), "Station Road 17, Eastfield")
    assert dice(encode(father, secret=SECRET), encode(JONAS, secret=SECRET)) < 0.78


def test_encode_many_equals_encode_one_by_one():
    people = [JONAS, Record("Ana", "Silva", None, "")]
    encoder = Encoder(secret=SECRET)
    assert [row.tobytes() for row in encoder.encode_many(people)] == [encode(p, secret=SECRET) for p in people]
