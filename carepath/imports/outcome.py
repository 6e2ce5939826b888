"""What checking or importing a file found: every problem by row and column, or the cases it
would create (or created). Shared by the page and the command, so both report the same."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from carepath.accounts.models import User
    from carepath.cases.models import Case, CaseType
    from carepath.organisations.models import Unit


@dataclass(frozen=True)
class RowError:
    """One problem. `row` as the user's spreadsheet numbers it (1 is the headings; None: the file as a
    whole), `column` the heading it is under ("" for the file). Never a value from the file: the
    report may be printed or logged, and the values are personal data."""

    row: int | None
    column: str | Promise
    message: str | Promise


@dataclass(frozen=True)
class PersonData:
    given_name: str
    family_name: str
    birth_date: datetime.date
    address: str = ""
    phone: str = ""
    email: str = ""
    preferred_language: str = ""

    @property
    def key(self) -> tuple[str, str, datetime.date]:
        """Same name (ignoring case) and date of birth: the same person, as everywhere in Carepath."""
        return (self.given_name.casefold(), self.family_name.casefold(), self.birth_date)


@dataclass(frozen=True)
class GoalData:
    row: int
    citizen_words: str
    title: str
    life_domain: str
    due_on: datetime.date
    indicator: str
    target: str
    proposed_by: str


@dataclass
class PlannedCase:
    """One case of the file: its first row gives the person and the case, every row may add a goal."""

    rows: list[int]
    reference: str
    unit: "Unit"
    case_type: "CaseType"
    opened_on: datetime.date
    person: PersonData
    case_manager: "User"
    goals: list[GoalData] = field(default_factory=list)
    already_imported: bool = False
    created: "Case | None" = None

    @property
    def rows_label(self) -> str:
        return ", ".join(str(row) for row in self.rows)


@dataclass
class Outcome:
    rows: int = 0  # rows with data under the headings
    cases: list[PlannedCase] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = True

    @property
    def imported(self) -> bool:
        return not self.dry_run and not self.errors

    @property
    def new_cases(self) -> list[PlannedCase]:
        return [case for case in self.cases if not case.already_imported]

    @property
    def skipped_cases(self) -> int:
        return sum(1 for case in self.cases if case.already_imported)

    @property
    def people(self) -> int:
        """People of the new cases; someone already in Carepath is counted but not added again."""
        return len({case.person.key for case in self.new_cases})

    @property
    def goals(self) -> int:
        return sum(len(case.goals) for case in self.new_cases)
