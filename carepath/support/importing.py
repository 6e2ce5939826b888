"""Importing support records from a CSV or XLSX file, for institutions that keep their lists elsewhere.

The reading, the heading check and the cell checks are the caseload import's (carepath/imports);
the columns are the register's. Every row and column is checked first: one wrong row and nothing is
imported, and the report names each problem by row and column, never by its value.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.imports import cells
from carepath.imports.cells import Row
from carepath.imports.columns import Column, check_headings
from carepath.imports.outcome import RowError
from carepath.imports.reading import FileProblem, read_table
from carepath.support import services
from carepath.support.models import SupportKind, SupportRecord

COLUMNS = (
    Column("given_names", _("The person's given names."), required=True, max_length=100),
    Column("family_names", _("The person's family names."), required=True, max_length=100),
    Column("birth_date", _("Date of birth, if known: it makes matching more reliable.")),
    Column("address", _("Home address."), max_length=300),
    Column("kind", format_lazy("{} {}.", _("Kind of support, one of:"), ", ".join(SupportKind.values)), required=True),
    Column("given_on", _("The date the support was given."), required=True),
    Column("amount", _("How much, as a number, for example 25 or 12.50.")),
    Column("unit", _("The unit of the amount, for example EUR or parcels."), max_length=20),
    Column("place", _("Where it was given."), max_length=200),
    Column("note", _("A note.")),
)
BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
ORDER = {column.name: position for position, column in enumerate(COLUMNS)}


@dataclass
class SupportOutcome:
    rows: int = 0
    planned: list[dict[str, object]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = True
    created: list[SupportRecord] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return not self.dry_run and not self.errors


def import_support(*, name: str, content: bytes, by: User, dry_run: bool) -> SupportOutcome:
    """Check the file and, unless `dry_run` or a row is wrong, record every row in one transaction."""
    outcome = SupportOutcome(dry_run=dry_run)
    if not policy.keeps_support_register(by):
        raise ValueError("only staff of an institution keep a support register")
    try:
        table = read_table(name=name, content=content)
    except FileProblem as problem:
        outcome.errors = [RowError(None, "", problem.message)]
        return outcome
    outcome.rows = len(table.rows)
    outcome.errors, checkable = check_headings(table.headings, known=BY_NAME, required=REQUIRED)
    if checkable:
        for number, values in table.rows:
            parsed = _parse(Row(number, values, outcome.errors, columns=BY_NAME))
            if parsed is not None:
                outcome.planned.append(parsed)
    outcome.errors.sort(key=lambda e: (e.row or 0, ORDER.get(str(e.column), -1)))
    if not dry_run and not outcome.errors:
        with transaction.atomic():
            outcome.created = [
                services.record_support(by=by, source=SupportRecord.Source.IMPORT, **row)  # type: ignore[arg-type]
                for row in outcome.planned
            ]
    return outcome


def _parse(row: Row) -> dict[str, object] | None:
    """One row's values for services.record_support; None when any column is wrong (the errors say which)."""
    birth_date, given_on = row.date("birth_date"), row.date("given_on")
    cells.not_in_future(birth_date, row, "birth_date", _("The date of birth cannot be in the future."))
    cells.not_in_future(given_on, row, "given_on", _("The date the support was given cannot be in the future."))
    values: dict[str, object] = {
        "given_names": row.text("given_names"),
        "family_names": row.text("family_names"),
        "birth_date": birth_date,
        "address": row.text("address"),
        "kind": row.checked("kind", cells.one_of(list(SupportKind.values))),
        "given_on": given_on,
        "amount": _amount(row),
        "unit": row.text("unit"),
        "place": row.text("place"),
        "note": row.text("note"),
    }
    return None if row.failed else values


def _amount(row: Row) -> Decimal | None:
    text = row.text("amount").replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0 or value >= Decimal("1e8"):
        row.error("amount", _("Enter the amount as a number, for example 25 or 12.50."))
        return None
    return value.quantize(Decimal("0.01"))

