"""Finding a person: accents, capitals, word order and a typo do not matter; only people the user
may find are found; each one found is audited; the number of queries does not grow with the list."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from carepath.audit.models import AuditEvent
from carepath.people import search
from carepath.people.models import Person
from carepath.testing.factories import CaseFactory, PersonFactory, ProviderStaffFactory, SignalFactory, UserFactory
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db

BORN = datetime.date(1984, 3, 9)


def _case_of(given: str, family: str, born: datetime.date | None = BORN, **kwargs):
    return CaseFactory(signal__person=PersonFactory(given_name=given, family_name=family, birth_date=born), **kwargs)


def _names(found: list[search.Found]) -> list[str]:
    return [f"{f.person.given_name} {f.person.family_name}" for f in found]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        (("Jonas", "Petraitys"), "Jonas Petraitis"),  # a typo
        (("Søren", "Kierkegaard"), "Soren Kierkegaard"),  # ø typed as o
        (("Soren", "Kierkegaard"), "Søren Kierkegaard"),  # and the other way
        (("Jūratė", "Kazlauskienė"), "jurate KAZLAUSKIENE"),  # accents and capitals
        (("Jonas", "Petraitis"), "Petraitis Jonas"),  # family name first
        (("Jonas", "Petraitis"), "  petraitis   "),  # the family name alone
        (("Æbelø", "Straße"), "aebelo strasse"),  # letters that are no base letter plus accent
    ],
)
def test_the_name_is_found_however_it_is_typed(stored, typed):
    case = _case_of(*stored)
    found = search.find_people(case.signal.received_by, name=typed, birth_date=None)
    assert [f.person for f in found] == [case.person]
    assert found[0].score is not None and found[0].score > 0.5
    assert found[0].cases == [case]


def test_an_unlike_name_is_not_found():
    case = _case_of("Jonas", "Petraitis")
    assert search.find_people(case.signal.received_by, name="Maria Silva", birth_date=None) == []


def test_the_most_alike_comes_first():
    worker = _case_of("Jonas", "Petraitys").signal.received_by
    _case_of("Jonas", "Petraitis", signal__received_by=worker)
    _case_of("Jonas", "Petraitienė", signal__received_by=worker)
    found = search.find_people(worker, name="Jonas Petraitis", birth_date=None)
    assert _names(found) == ["Jonas Petraitis", "Jonas Petraitienė", "Jonas Petraitys"]
    assert [round(f.score or 0, 2) for f in found] == [1.0, 0.7, 0.68]


def test_every_word_typed_must_be_in_the_name():
    worker = _case_of("Tomas", "Petraitis").signal.received_by
    _case_of("Jonas", "Kazlauskas", signal__received_by=worker)
    assert search.find_people(worker, name="Jonas Petraitis", birth_date=None) == []
    assert _names(search.find_people(worker, name="Petraitis", birth_date=None)) == ["Tomas Petraitis"]


def test_the_birth_date_alone_finds_everyone_born_that_day():
    worker = _case_of("Jonas", "Petraitis").signal.received_by
    _case_of("Rūta", "Vaitkutė", signal__received_by=worker)
    _case_of("Ana", "Silva", born=datetime.date(1984, 3, 10), signal__received_by=worker)
    found = search.find_people(worker, name="", birth_date=BORN)
    assert _names(found) == ["Jonas Petraitis", "Rūta Vaitkutė"]  # by family name
    assert [f.score for f in found] == [None, None]


def test_the_birth_date_narrows_a_name():
    worker = _case_of("Jonas", "Petraitis").signal.received_by
    _case_of("Jonas", "Petraitis", born=datetime.date(2001, 1, 2), signal__received_by=worker)
    found = search.find_people(worker, name="Jonas Petraitys", birth_date=BORN)
    assert [(f.person.birth_date) for f in found] == [BORN]
    assert len(search.find_people(worker, name="Jonas Petraitys", birth_date=None)) == 2


def test_a_name_too_mistyped_for_trigrams_is_found_with_the_birth_date():
    case = _case_of("Petr", "Novák")
    worker = case.signal.received_by
    assert search.find_people(worker, name="Petr Nevák", birth_date=None) == []  # "nevak" in "novak": 0.33
    assert [f.person for f in search.find_people(worker, name="Petr Nevák", birth_date=BORN)] == [case.person]


def test_a_name_and_a_birth_date_must_both_match():
    case = _case_of("Jonas", "Petraitis")
    worker = case.signal.received_by
    assert search.find_people(worker, name="Maria Silva", birth_date=BORN) == []
    assert search.find_people(worker, name="Jonas Petraitis", birth_date=datetime.date(2001, 1, 2)) == []


def test_neither_name_nor_birth_date_is_refused():
    with pytest.raises(ValueError, match="name or a birth date"):
        search.find_people(UserFactory(), name="  ", birth_date=None)


def test_a_person_of_a_signal_of_the_authority_is_found_without_a_case_link():
    signal = SignalFactory(person=PersonFactory(given_name="Jonas", family_name="Petraitis"))
    colleague = UserFactory(unit=signal.unit)
    found = search.find_people(colleague, name="Jonas Petraitis", birth_date=None)
    assert [(f.person, f.cases) for f in found] == [(signal.person, [])]


@pytest.mark.parametrize("who", ["case worker of another authority", "provider without referral"])
def test_a_stranger_finds_no_one(who):
    case = _case_of("Jonas", "Petraitis")
    user = stranger() if who == "case worker of another authority" else ProviderStaffFactory()
    assert search.find_people(user, name="Jonas Petraitis", birth_date=None) == []
    assert search.find_people(user, name="", birth_date=BORN) == []
    assert not AuditEvent.objects.filter(user=user).exists()
    assert Person.objects.filter(pk=case.person_id).exists()


def test_a_provider_with_a_referral_finds_the_person_and_the_case():
    case = _case_of("Jonas", "Petraitis")
    provider = provider_staff_on(case)
    found = search.find_people(provider, name="Jonas Petraitis", birth_date=None)
    assert [(f.person, f.cases) for f in found] == [(case.person, [case])]


def test_each_person_found_is_audited_as_listed_once():
    worker = _case_of("Jonas", "Petraitis").signal.received_by
    second = _case_of("Jonas", "Petraitys", signal__received_by=worker)
    CaseFactory(signal__received_by=worker, signal__person=second.person)  # a second case of the same person
    found = search.find_people(worker, name="Jonas Petraitis", birth_date=None)
    listed = AuditEvent.objects.filter(user=worker, action=AuditEvent.Action.LISTED)
    assert sorted(listed.values_list("person_id", flat=True)) == sorted(f.person.pk for f in found)
    assert len(found) == 2 and listed.filter(what="people.person").count() == 2


def _queries_to_find(worker, count: int) -> int:
    for n in range(count):
        _case_of("Jonas", f"Petraitis{'x' * (n % 3)}", signal__received_by=worker)
    with CaptureQueriesContext(connection) as queries:
        found = search.find_people(worker, name="Jonas Petraitis", birth_date=None)
    assert len(found) == count
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_people_found():
    one = _queries_to_find(UserFactory(), 1)
    ten = _queries_to_find(UserFactory(), 10)
    assert one == ten
    # savepoint, settings, search, units led and cases (visible_cases), audit (lock, last hash, insert), release
    assert ten <= 9


def test_the_limit_caps_the_list():
    worker = UserFactory()
    for _ in range(4):
        _case_of("Jonas", "Petraitis", signal__received_by=worker)
    assert len(search.find_people(worker, name="Jonas Petraitis", birth_date=None, limit=3)) == 3


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Søren Ågård", "soren agard"), ("ŁUKASZ Đoković", "lukasz dokovic"), ("Straße", "strasse"), (None, None)],
)
def test_fold_matches_unaccent_and_lower(text, folded):
    assert search.fold(text) == folded


def test_similarity_and_word_similarity_are_pg_trgms():
    # pg_trgm's documentation: similarity('word', 'two words') = 0.363636, word_similarity = 0.8.
    assert search.similarity("word", "two words") == pytest.approx(4 / 11)
    assert search.word_similarity("word", "two words") == pytest.approx(0.8)
    assert search.similarity("jonas petraitis", "petraitis jonas") == 1.0
    assert search.similarity("", "jonas") == 0.0 and search.word_similarity("", "jonas") == 0.0


PAIRS = [
    ("silba", "Rui Silva"),
    ("jonas", "Tomas Kazlauskas"),
    ("petraitis", "Jonas Petraitys"),
    ("kazlauskos", "Žygimantas Kazlauskienė"),
    ("Søren", "Soren Kierkegaard"),
    ("ab", "Abba Babba"),
    ("x", "Jonas"),
]


@pytest.mark.parametrize(("word", "name"), PAIRS)
def test_the_database_and_python_agree(word, name):
    """On PostgreSQL this compares the port with pg_trgm and unaccent themselves; on SQLite it checks
    that the registered functions are the port."""
    folded_word, folded_name = search.fold(word), search.fold(name)
    if connection.vendor == "postgresql":
        sql = "SELECT lower(carepath_unaccent(%s)), word_similarity(%s, %s), similarity(%s, %s)"
    else:
        sql = "SELECT carepath_fold(%s), carepath_word_similarity(%s, %s), carepath_similarity(%s, %s)"
    with connection.cursor() as cursor:
        cursor.execute(sql, [name, folded_word, folded_name, folded_word, folded_name])
        db_fold, db_word, db_whole = cursor.fetchone()
    assert db_fold == folded_name
    assert db_word == pytest.approx(search.word_similarity(folded_word, folded_name), abs=1e-6)
    assert db_whole == pytest.approx(search.similarity(folded_word, folded_name), abs=1e-6)
