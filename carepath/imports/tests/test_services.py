import pytest

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.goals.models import Goal
from carepath.imports.models import ImportedCase
from carepath.imports.services import import_caseload
from carepath.imports.tests.helpers import Town, csv_bytes, good_rows, row, xlsx_bytes
from carepath.people.models import Person
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int, int, int]:
    return (
        Person.objects.count(),
        Case.objects.count(),
        Goal.objects.count(),
        Signal.objects.count(),
        ImportedCase.objects.count(),
    )


def run(town: Town, content: bytes, *, name: str = "caseload.csv", dry_run: bool = False, by=None):
    return import_caseload(name=name, content=content, by=by or town.leader, dry_run=dry_run)


def test_a_good_file_imports_its_people_cases_and_goals(town: Town):
    outcome = run(town, csv_bytes(good_rows()))

    assert outcome.errors == []
    assert counts() == (2, 3, 3, 3, 3)
    assert (outcome.rows, len(outcome.new_cases), outcome.people, outcome.goals) == (4, 3, 2, 3)
    ona = Person.objects.get(given_name="Ona")
    assert (str(ona.birth_date), ona.phone, ona.email, ona.preferred_language) == (
        "1985-03-02",
        "+370 600 00000",
        "ona@example.org",
        "lt",
    )
    first = ImportedCase.objects.get(reference="R-1").case
    assert first.person == ona and first.unit == town.adults and first.case_type == town.adult_support
    assert first.opened_at.date().isoformat() == "2024-10-01" and first.status == Case.Status.OPEN
    assert sorted(first.goals.values_list("title", flat=True)) == ["Cook twice a week", "Swim once a week"]
    assert str(Person.objects.get(given_name="Mikas").birth_date) == "2001-02-01"  # 01.02.2001


def test_the_same_xlsx_file_imports_the_same(town: Town):
    outcome = run(town, xlsx_bytes(good_rows()), name="caseload.xlsx")

    assert outcome.errors == []
    assert counts() == (2, 3, 3, 3, 3)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(town: Town):
    run(town, csv_bytes(good_rows()))
    audit_before = AuditEvent.objects.count()

    again = run(town, xlsx_bytes(good_rows()), name="again.xlsx")

    assert again.errors == []
    assert counts() == (2, 3, 3, 3, 3)
    assert (len(again.new_cases), again.skipped_cases) == (0, 3)
    assert AuditEvent.objects.count() == audit_before


def test_a_file_with_one_new_case_more_adds_only_that_case(town: Town):
    run(town, csv_bytes(good_rows()))

    outcome = run(town, csv_bytes([*good_rows(), row(reference="R-4", given_name="Rūta")]))

    assert (len(outcome.new_cases), outcome.skipped_cases) == (1, 3)
    assert counts() == (3, 4, 4, 4, 4)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_one_bad_row_imports_nothing_and_names_its_row_and_column(town: Town, kind: str):
    rows = [*good_rows(), row(reference="R-9", goal_due_on="31.02.2026")]  # the fifth row of the sheet
    content = csv_bytes(rows) if kind == "csv" else xlsx_bytes(rows)

    outcome = run(town, content, name=f"caseload.{kind}")

    assert [(e.row, e.column) for e in outcome.errors] == [(6, "goal_due_on")]
    assert "real date" in str(outcome.errors[0].message)
    assert counts() == (0, 0, 0, 0, 0)
    assert not AuditEvent.objects.exists()


def test_a_dry_run_writes_nothing_and_says_what_would_be_created(town: Town):
    outcome = run(town, csv_bytes(good_rows()), dry_run=True)

    assert outcome.errors == [] and not outcome.imported
    assert (len(outcome.new_cases), outcome.people, outcome.goals) == (3, 2, 3)
    assert all(case.created is None for case in outcome.cases)
    assert counts() == (0, 0, 0, 0, 0)
    assert not AuditEvent.objects.exists()


def test_a_person_already_in_carepath_is_matched_by_name_and_birth_date_not_doubled(town: Town):
    known = f.PersonFactory.create(
        given_name="ONA", family_name="vaitė", birth_date="1985-03-02", address="Old address"
    )

    run(town, csv_bytes([row()]))

    assert Person.objects.count() == 1
    assert Case.objects.get().person == known
    known.refresh_from_db()
    assert known.address == "Old address"  # their details are corrected on the case, not by an import


def test_a_namesake_with_another_birth_date_is_another_person(town: Town):
    f.PersonFactory.create(given_name="Ona", family_name="Vaitė", birth_date="1950-01-01")

    run(town, csv_bytes([row()]))

    assert Person.objects.count() == 2


def test_every_change_is_audited_as_done_by_the_importer(town: Town):
    run(town, csv_bytes([row()]))

    case = Case.objects.get()
    entries = list(AuditEvent.objects.order_by("pk").values_list("user_id", "action", "what", "case_id", "person_id"))
    me, person = town.leader.pk, case.person_id
    assert entries == [
        (me, "create", "people.person", None, person),
        (me, "create", "cases.signal", None, person),
        (me, "create", "cases.case", case.pk, person),
        (me, "create", "cases.caseteammember", case.pk, person),
        (me, "create", "imports.importedcase", case.pk, person),
        (me, "create", "goals.goal", case.pk, person),
    ]


def test_an_imported_case_has_its_manager_on_the_team_and_no_deadline_clocks(town: Town):
    f.DeadlineRuleFactory.create(case_type=town.adult_support, days=7)

    run(town, csv_bytes([row(), row(reference="R-2", case_manager="CaseWorker", unit="Children and families")]))

    managers = dict(
        CaseTeamMember.objects.filter(is_case_manager=True).values_list("case__imported_from__reference", "user")
    )
    assert managers == {"R-1": town.leader.pk, "R-2": town.caseworker.pk}  # empty: the unit's team leader
    assert not Deadline.objects.exists()
    signal = Signal.objects.get(case__imported_from__reference="R-1")
    assert signal.status == Signal.Status.CASE_OPENED and "R-1" in signal.problems


def test_an_administrator_may_import_into_any_authority_unit(town: Town):
    outcome = run(town, csv_bytes(good_rows()), by=town.administrator)

    assert outcome.errors == [] and Case.objects.count() == 3
