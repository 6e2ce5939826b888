"""The columns of a caseload file: their headings, which are required, and how long a value may be.

The headings are fixed English identifiers in every language, so that one file format serves every
municipality and a translated page never changes what a file must contain (docs/import.md).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from carepath.core.choices import LifeDomain
from carepath.goals.models import Goal
from carepath.imports.outcome import RowError


@dataclass(frozen=True)
class Column:
    name: str
    description: str | Promise
    required: bool = False
    max_length: int | None = None


PERSON = (
    Column("given_name", _("The person's given name."), required=True, max_length=100),
    Column("family_name", _("The person's family name."), required=True, max_length=100),
    Column("birth_date", _("Date of birth. With the name, it finds a person already in Carepath."), required=True),
    Column("address", _("Home address."), max_length=300),
    Column("phone", _("Phone number."), max_length=40),
    Column("email", _("E-mail address."), max_length=254),
    Column("preferred_language", _("Language code, for example lt, da or pt-BR."), max_length=10),
)
CASE = (
    Column("case_type", _("The name of a case type in Carepath, for example Child and family."), required=True),
    Column("unit", _("The responsible unit by its name, or as “Organisation: Unit”."), required=True),
    Column("opened_on", _("The date the case was opened in the previous system."), required=True),
    Column(
        "reference",
        _("The case's reference in the previous system. Rows with the same reference are one case."),
        required=True,
        max_length=100,
    ),
    Column("case_manager", _("User name of the case manager; empty: the unit's team leader.")),
)
GOAL = (
    Column("goal_citizen_words", _("The goal in the citizen's own words. Leave every goal column empty for no goal.")),
    Column("goal_title", _("The specific goal."), max_length=300),
    Column("goal_life_domain", format_lazy("{} {}.", _("Life domain code, one of:"), ", ".join(LifeDomain.values))),
    Column("goal_due_on", _("The date by which the goal is reached.")),
    Column("goal_indicator", _("How the goal is measured."), max_length=300),
    Column("goal_target", _("The target."), max_length=200),
    Column(
        "goal_proposed_by",
        format_lazy("{} {}.", _("Who proposed it (empty: citizen), one of:"), ", ".join(Goal.ProposedBy.values)),
    ),
)
# A row either has no goal (every goal column empty) or has at least these.
GOAL_REQUIRED = ("goal_citizen_words", "goal_title", "goal_life_domain", "goal_due_on")

COLUMNS = PERSON + CASE + GOAL
BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = tuple(column.name for column in COLUMNS if column.required)


def heading(raw: object) -> str:
    """A heading as the file has it, tolerant of case and surrounding spaces."""
    return str(raw if raw is not None else "").strip().lower()


def check_headings(
    headings: list[str], *, known: Mapping[str, Column] = BY_NAME, required: Iterable[str] = REQUIRED
) -> tuple[list[RowError], bool]:
    """Problems of the heading row (row 1), and whether the rows can still be checked: not when a
    required column is missing or a heading repeats (every row would be wrong, or ambiguous); an
    unknown or empty heading only means that column is not read."""
    errors = []
    seen: set[str] = set()
    repeated = False
    for position, name in enumerate(headings, start=1):
        if not name:
            errors.append(RowError(1, _("column %(number)d") % {"number": position}, _("This column has no heading.")))
        elif name in seen:
            errors.append(RowError(1, name, _("This column appears twice.")))
            repeated = True
        elif name not in known:
            errors.append(
                RowError(1, name, _("Carepath does not know this column. The import guide lists the columns."))
            )
        seen.add(name)
    missing = [RowError(1, name, _("This column is missing.")) for name in required if name not in seen]
    return errors + missing, not (missing or repeated)
