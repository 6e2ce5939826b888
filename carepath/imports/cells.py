"""Reading one row's cells into values, with a message per column for what is wrong.

Messages never repeat the value (it is personal data); they say what the column needs.
"""

import datetime
import re
from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from carepath.imports.columns import BY_NAME, Column
from carepath.imports.outcome import RowError
from carepath.imports.reading import Cell

# The dates Carepath's forms accept (carepath/formats/en), and real date cells of a spreadsheet.
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")
PHONE = re.compile(r"^[0-9+()\-/. ]+$")
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
Check = Callable[[str], str]


class Invalid(Exception):
    """A value that is not what its column needs; the message says what it needs."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


class Row:
    """One row of the file: typed values by column, problems collected in `errors`."""

    def __init__(
        self, number: int, cells: dict[str, Cell], errors: list[RowError], columns: Mapping[str, Column] = BY_NAME
    ) -> None:
        self.number = number
        self.cells = cells
        self.errors = errors
        self.failed = False
        self.columns = columns  # another file's columns (e.g. the support register's), same checks

    def error(self, column: str, message: str | Promise) -> None:
        self.errors.append(RowError(self.number, column, message))
        self.failed = True

    def has(self, column: str) -> bool:
        cell = self.cells.get(column, "")
        return bool(cell if isinstance(cell, str) else True)

    def text(self, column: str, *, required: bool | None = None) -> str:
        cell = self.cells.get(column, "")
        value = cell.isoformat() if isinstance(cell, datetime.date) else cell.strip()
        spec = self.columns[column]
        if not value and (spec.required if required is None else required):
            self.error(column, _("Fill in this column."))
        elif spec.max_length and len(value) > spec.max_length:
            self.error(column, _("Use %(max)d characters or fewer.") % {"max": spec.max_length})
        return value

    def date(self, column: str, *, required: bool | None = None) -> datetime.date | None:
        cell = self.cells.get(column, "")
        if isinstance(cell, datetime.date):
            value: datetime.date | None = cell
        else:
            value = parse_date(self.text(column, required=required))
            if value is None and cell.strip():
                self.error(column, _("Enter a real date, for example 2025-03-31 or 31.03.2025."))
        if value is not None and value.year < 1900:
            self.error(column, _("Enter a real date, for example 2025-03-31 or 31.03.2025."))
            return None
        return value

    def checked(self, column: str, check: Check, *, required: bool | None = None) -> str:
        """The column's text, passed through `check` (which raises Invalid) when not empty."""
        value = self.text(column, required=required)
        if value:
            try:
                return check(value)
            except Invalid as problem:
                self.error(column, problem.message)
        return value


def parse_date(value: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise Invalid(_("Enter an e-mail address like name@example.org.")) from None
    return value


def phone(value: str) -> str:
    if not PHONE.match(value):
        raise Invalid(_("Use only digits, spaces and + - ( ) / . in a phone number."))
    return value


def language(value: str) -> str:
    if not LANGUAGE.match(value):
        raise Invalid(_("Enter a language code such as lt, da or pt-BR."))
    return value


def one_of(codes: list[str]) -> Check:
    """A check that the value is one of the codes (case ignored); the message lists them."""

    def check(value: str) -> str:
        code = value.strip().lower()
        if code not in codes:
            raise Invalid(_("Use one of these codes: %(codes)s.") % {"codes": ", ".join(codes)})
        return code

    return check


def not_in_future(value: datetime.date | None, row: Row, column: str, message: str | Promise) -> None:
    if value is not None and value > timezone.localdate():
        row.error(column, message)
