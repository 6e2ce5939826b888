"""Checking every row and column of a caseload file before anything is written.

A file is one row per goal: the person's and the case's columns are repeated on each row of the
case, and must agree (docs/import.md says why). The check reads, never writes; it returns the
cases the file describes and every problem found, by row and column.
"""

import datetime
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TypeVar

from django.utils.translation import gettext_lazy as _

from carepath.accounts.models import User
from carepath.cases.models import CaseType
from carepath.core.choices import LifeDomain
from carepath.goals.models import Goal
from carepath.imports import cells
from carepath.imports.cells import Invalid, Row
from carepath.imports.columns import COLUMNS, GOAL, GOAL_REQUIRED, check_headings
from carepath.imports.lookups import Lookups
from carepath.imports.models import ImportedCase
from carepath.imports.outcome import GoalData, PersonData, PlannedCase, RowError
from carepath.imports.reading import Table
from carepath.organisations.models import Unit

T = TypeVar("T")
ORDER = {column.name: position for position, column in enumerate(COLUMNS)}
SAME_PERSON = _("Differs from row %(row)d, which has the same person (name and date of birth).")
SAME_CASE = _("Differs from row %(row)d, which has the same reference: each row of a case repeats its person and case.")
CASE_AGAIN = _("This case is already on row %(row)d; another row of the same case needs a goal.")
SAME_GOAL = _("The same goal is already on row %(row)d of this case.")


@dataclass(frozen=True)
class ParsedRow:
    number: int
    person: PersonData
    reference: str
    unit: Unit
    case_type: CaseType
    opened_on: datetime.date
    case_manager: User
    goal: GoalData | None

    def case_values(self) -> dict[str, object]:
        """What every row of one case must repeat, beside the person."""
        return {
            "case_type": self.case_type.pk,
            "unit": self.unit.pk,
            "opened_on": self.opened_on,
            "case_manager": self.case_manager.pk,
        }


def check_table(table: Table, *, by: User) -> tuple[list[PlannedCase], list[RowError]]:
    """The cases the file describes and every problem in it (none: it may be imported)."""
    errors, rows_checkable = check_headings(table.headings)
    if not rows_checkable:
        return [], errors
    lookups = Lookups(by)
    parsed = [row for number, values in table.rows if (row := _parse(Row(number, values, errors), lookups))]
    planned = _assemble(parsed, errors)
    _mark_already_imported(planned)
    errors.sort(key=lambda e: (e.row or 0, ORDER.get(str(e.column), -1)))
    return planned, errors


def _parse(row: Row, lookups: Lookups) -> ParsedRow | None:
    """One row's person, case and goal; None when any of its columns is wrong (the errors say which)."""
    person = _person(row)
    case_type = _found(row, "case_type", lookups.case_type)
    unit = _found(row, "unit", lookups.unit)
    manager = _case_manager(row, lookups, unit)
    opened_on = row.date("opened_on")
    cells.not_in_future(opened_on, row, "opened_on", _("The date the case was opened cannot be in the future."))
    if opened_on and person and opened_on < person.birth_date:
        row.error("opened_on", _("The case cannot be opened before the date of birth."))
    reference = row.text("reference")
    goal = _goal(row)
    if row.failed or not (person and case_type and unit and manager and opened_on):
        return None
    return ParsedRow(row.number, person, reference, unit, case_type, opened_on, manager, goal)


def _found(row: Row, column: str, find: Callable[[str], T]) -> T | None:
    value = row.text(column)
    if not value:
        return None
    try:
        return find(value)
    except Invalid as problem:
        row.error(column, problem.message)
        return None


def _case_manager(row: Row, lookups: Lookups, unit: Unit | None) -> User | None:
    username = row.text("case_manager")
    if unit is None:
        return None
    try:
        return lookups.case_manager(username, unit)
    except Invalid as problem:
        row.error("case_manager", problem.message)
        return None


def _person(row: Row) -> PersonData | None:
    given_name, family_name = row.text("given_name"), row.text("family_name")
    birth_date = row.date("birth_date")
    cells.not_in_future(birth_date, row, "birth_date", _("The date of birth cannot be in the future."))
    address = row.text("address")
    phone = row.checked("phone", cells.phone)
    email = row.checked("email", cells.email)
    language = row.checked("preferred_language", cells.language)
    if not (given_name and family_name and birth_date):
        return None
    return PersonData(given_name, family_name, birth_date, address, phone, email, language)


def _goal(row: Row) -> GoalData | None:
    """The row's goal, or None when every goal column is empty (a case without goals yet)."""
    if not any(row.has(column.name) for column in GOAL):
        return None
    for name in GOAL_REQUIRED:
        if not row.has(name):
            row.error(name, _("Fill in this column too, or leave every goal column of the row empty."))
    words, title = row.text("goal_citizen_words"), row.text("goal_title")
    domain = row.checked("goal_life_domain", cells.one_of(LifeDomain.values))
    due_on = row.date("goal_due_on")
    proposed_by = row.checked("goal_proposed_by", cells.one_of(Goal.ProposedBy.values)) or Goal.ProposedBy.CITIZEN
    indicator, target = row.text("goal_indicator"), row.text("goal_target")
    if due_on is None or row.failed:
        return None
    return GoalData(row.number, words, title, domain, due_on, indicator, target, proposed_by)


def _assemble(rows: list[ParsedRow], errors: list[RowError]) -> list[PlannedCase]:
    """Rows into cases, by the previous system's reference; rows of one case, and rows of one
    person, must agree, and a goal appears once per case."""
    cases: dict[tuple[int, str], PlannedCase] = {}
    first_of_case: dict[tuple[int, str], ParsedRow] = {}
    first_of_person: dict[tuple[str, str, datetime.date], ParsedRow] = {}
    for row in rows:
        key = (row.unit.organisation_id, row.reference)
        first = first_of_case.setdefault(key, row)
        if first is not row:
            values = ({**asdict(first.person), **first.case_values()}, {**asdict(row.person), **row.case_values()})
            problems = [(column, SAME_CASE % {"row": first.number}) for column in _differences(*values)]
        else:
            seen = first_of_person.setdefault(row.person.key, row)
            values = asdict(seen.person), asdict(row.person)
            problems = [(column, SAME_PERSON % {"row": seen.number}) for column in _differences(*values)]
        errors += [RowError(row.number, column, message) for column, message in problems]
        if problems:
            continue
        planned = cases.get(key)
        if planned is None:
            planned = cases[key] = _planned(row)
        elif row.goal is None:
            errors.append(RowError(row.number, "reference", CASE_AGAIN % {"row": first.number}))
            continue
        else:
            planned.rows.append(row.number)
        if row.goal is not None:
            _add_goal(planned, row.goal, errors)
    return list(cases.values())


def _planned(row: ParsedRow) -> PlannedCase:
    return PlannedCase(
        rows=[row.number],
        reference=row.reference,
        unit=row.unit,
        case_type=row.case_type,
        opened_on=row.opened_on,
        person=row.person,
        case_manager=row.case_manager,
    )


def _add_goal(planned: PlannedCase, goal: GoalData, errors: list[RowError]) -> None:
    twin = next((g for g in planned.goals if g.title.casefold() == goal.title.casefold()), None)
    if twin is not None:
        errors.append(RowError(goal.row, "goal_title", SAME_GOAL % {"row": twin.row}))
    else:
        planned.goals.append(goal)


def _differences(first: dict[str, object], other: dict[str, object]) -> list[str]:
    """The columns whose values differ; names are compared ignoring case, as people are matched."""

    def same(a: object, b: object) -> bool:
        return a.casefold() == b.casefold() if isinstance(a, str) and isinstance(b, str) else a == b

    return [column for column, value in first.items() if not same(value, other[column])]


def _mark_already_imported(planned: list[PlannedCase]) -> None:
    """Cases an earlier import brought in (same organisation and reference) are skipped, not doubled."""
    known = set(
        ImportedCase.objects.filter(
            organisation_id__in={case.unit.organisation_id for case in planned},
            reference__in={case.reference for case in planned},
        ).values_list("organisation_id", "reference")
    )
    for case in planned:
        case.already_imported = (case.unit.organisation_id, case.reference) in known
