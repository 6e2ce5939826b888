"""Every kind of problem is reported on its row and column, all of them at once, and nothing is written."""

import datetime

import pytest
from django.utils import timezone

from carepath.cases.models import Case
from carepath.imports.models import ImportedCase
from carepath.imports.services import import_caseload
from carepath.imports.tests.helpers import HEADINGS, Town, csv_bytes, good_rows, row
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db
NO_GOAL = {name: "" for name in HEADINGS if name.startswith("goal_")}


def problems(town: Town, rows: list[dict[str, object]], *, by=None) -> list[tuple[int | None, str]]:
    outcome = import_caseload(name="f.csv", content=csv_bytes(rows), by=by or town.leader, dry_run=False)
    if outcome.errors:
        assert not Case.objects.exists()
    return [(e.row, str(e.column)) for e in outcome.errors]


def message(town: Town, rows: list[dict[str, object]]) -> str:
    outcome = import_caseload(name="f.csv", content=csv_bytes(rows), by=town.leader, dry_run=True)
    assert len(outcome.errors) == 1, outcome.errors
    return str(outcome.errors[0].message)


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"given_name": ""}, "given_name"),
        ({"family_name": "x" * 101}, "family_name"),
        ({"birth_date": "1985-13-01"}, "birth_date"),
        ({"birth_date": "0985-01-01"}, "birth_date"),
        ({"phone": "call me"}, "phone"),
        ({"email": "ona-at-example"}, "email"),
        ({"preferred_language": "Lithuanian"}, "preferred_language"),
        ({"case_type": "Adults"}, "case_type"),
        ({"unit": "Nowhere"}, "unit"),
        ({"opened_on": ""}, "opened_on"),
        ({"opened_on": "1980-01-01"}, "opened_on"),  # before the date of birth
        ({"reference": ""}, "reference"),
        ({"case_manager": "nobody"}, "case_manager"),
        ({"goal_life_domain": "sports"}, "goal_life_domain"),
        ({"goal_title": ""}, "goal_title"),
        ({"goal_proposed_by": "mayor"}, "goal_proposed_by"),
        ({"goal_due_on": "soon"}, "goal_due_on"),
    ],
)
def test_a_wrong_value_is_reported_on_its_row_and_column(town: Town, changes: dict, column: str):
    assert problems(town, [row(), row(**{"reference": "R-2", **changes})]) == [(3, column)]


def test_dates_in_the_future_are_refused_where_they_cannot_be(town: Town):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    assert problems(town, [row(birth_date=tomorrow, opened_on=tomorrow)]) == [(2, "birth_date"), (2, "opened_on")]


def test_every_problem_of_the_file_is_reported_at_once(town: Town):
    rows = [row(email="x"), row(reference="R-2", unit="Nowhere", goal_life_domain="x"), row(reference="R-3")]

    assert problems(town, rows) == [(2, "email"), (3, "unit"), (3, "goal_life_domain")]


def test_a_partly_filled_goal_names_each_missing_goal_column(town: Town):
    rows = [row(**{**NO_GOAL, "goal_title": "Swim"})]

    assert problems(town, rows) == [(2, "goal_citizen_words"), (2, "goal_life_domain"), (2, "goal_due_on")]


def test_rows_of_one_case_must_repeat_the_same_person_and_case(town: Town):
    rows = [
        row(),
        row(goal_title="Cook", phone="+45 1", opened_on="2024-10-02"),
        row(goal_title="Run", given_name="Eva"),
    ]

    assert problems(town, rows) == [(3, "phone"), (3, "opened_on"), (4, "given_name")]
    assert "row 2" in message(town, [row(), row(goal_title="Cook", phone="+45 1")])


def test_one_person_in_two_cases_must_have_the_same_details(town: Town):
    rows = [row(), row(reference="R-2", email="other@example.org"), row(reference="R-3", given_name="ONA")]

    assert problems(town, rows) == [(3, "email")]  # names are matched ignoring case


def test_the_same_goal_twice_in_a_case_is_a_duplicate(town: Town):
    assert problems(town, [row(), row(goal_title="SWIM once a week")]) == [(3, "goal_title")]


def test_a_second_row_of_a_case_without_a_goal_is_a_duplicate(town: Town):
    assert problems(town, [row(**NO_GOAL), row(**NO_GOAL)]) == [(3, "reference")]


def test_a_team_leader_may_import_only_into_the_units_they_lead(town: Town):
    other = f.UnitFactory.create(organisation=town.adults.organisation, name="Elsewhere")
    other.leader = f.UserFactory.create(role="team_leader", unit=other)
    other.save(update_fields=["leader"])

    assert problems(town, [row(unit="Elsewhere")]) == [(2, "unit")]
    assert "may not import" in message(town, [row(unit="Elsewhere")])
    assert problems(town, [row(unit="Elsewhere")], by=town.administrator) == []
    assert other.cases.count() == 1


def test_a_provider_unit_cannot_hold_cases(town: Town):
    f.UnitFactory.create(organisation=f.ProviderFactory.create(), name="Day centre")

    assert "provider" in message(town, [row(unit="Day centre")])


def test_a_unit_name_two_organisations_share_is_written_with_its_organisation(town: Town):
    f.UnitFactory.create(organisation=f.AuthorityFactory.create(name="Hilltown"), name="Adult social services")

    assert "Organisation: Unit" in message(town, [row()])
    assert problems(town, [row(unit="Municipality of Rivertown:  adult social services")]) == []


def test_the_case_manager_must_work_for_the_units_organisation(town: Town):
    f.UserFactory.create(username="elsewhere")  # a case worker of another authority
    f.ProviderStaffFactory.create(username="provider")

    assert problems(town, [row(case_manager="elsewhere"), row(reference="R-2", case_manager="provider")]) == [
        (2, "case_manager"),
        (3, "case_manager"),
    ]


def test_a_unit_without_a_team_leader_needs_a_named_case_manager(town: Town):
    town.adults.leader = None
    town.adults.save(update_fields=["leader"])

    assert problems(town, [row()], by=town.administrator) == [(2, "case_manager")]
    f.UserFactory.create(username="worker", unit=town.adults)
    assert problems(town, [row(case_manager="worker")], by=town.administrator) == []


def test_missing_unknown_and_repeated_headings_are_reported_on_row_1(town: Town):
    values = row(nickname="Onute")
    del values["birth_date"]
    content = csv_bytes([values]).replace(b"goal_target", b"goal_title", 1)
    outcome = import_caseload(name="f.csv", content=content, by=town.leader, dry_run=True)

    assert {(e.row, str(e.column)) for e in outcome.errors} == {
        (1, "goal_title"),
        (1, "nickname"),
        (1, "birth_date"),
    }


def test_a_file_that_cannot_be_read_is_one_problem_of_the_whole_file(town: Town):
    outcome = import_caseload(name="f.csv", content="given_name\nÖ".encode("latin-1"), by=town.leader, dry_run=True)

    assert [(e.row, e.column) for e in outcome.errors] == [(None, "")]
    assert "UTF-8" in str(outcome.errors[0].message)


def test_no_message_repeats_a_value_from_the_file(town: Town):
    rows = [row(email="secret-ona", phone="secret phone", birth_date="secret", goal_life_domain="secret")]
    outcome = import_caseload(name="f.csv", content=csv_bytes(rows), by=town.leader, dry_run=True)

    assert len(outcome.errors) == 4
    assert not any("secret" in str(e.message) for e in outcome.errors)


def test_a_good_file_has_no_problems_and_plans_its_cases(town: Town):
    assert problems(town, good_rows()) == []
    assert ImportedCase.objects.count() == 3


def test_an_unknown_column_does_not_stop_the_rows_being_checked(town: Town):
    rows = [row(nickname="Onute"), row(reference="R-2", email="x")]

    assert problems(town, rows) == [(1, "nickname"), (3, "email")]
