"""Reading a caseload file into rows of cells: CSV (UTF-8 with or without BOM, comma or semicolon)
or XLSX (the first sheet). Row numbers are those the user sees in a spreadsheet: 1 is the headings."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from carepath.imports.columns import heading

MAX_ROWS = 10_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an XLSX is a zip: refuse one that unpacks to far more than a caseload
Cell = str | datetime.date


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says what to do."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Table:
    headings: list[str]
    rows: list[tuple[int, dict[str, Cell]]]  # (row number, heading -> cell), blank rows left out


def read_table(*, name: str, content: bytes) -> Table:
    """The file's headings and rows; raises FileProblem when it cannot be read."""
    suffix = PurePath(name).suffix.lower()
    raw = _read_xlsx(content) if suffix == ".xlsx" else _read_csv(content)
    if not raw:
        raise FileProblem(_("The file is empty: its first row must hold the column headings."))
    headings = [heading(cell) for cell in raw[0][1]]
    while headings and not headings[-1]:
        headings.pop()
    rows = []
    for number, cells in raw[1:]:
        values = {name: _cell(cell) for name, cell in zip(headings, cells, strict=False) if name}
        if any(values.values()):
            rows.append((number, values))
    if not rows:
        raise FileProblem(_("The file has no rows under the headings."))
    if len(rows) > MAX_ROWS:
        raise FileProblem(_("The file has more than %(max)d rows: split it into smaller files.") % {"max": MAX_ROWS})
    return Table(headings, rows)


def _read_csv(content: bytes) -> list[tuple[int, list[object]]]:
    try:
        text = content.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte order mark
    except UnicodeDecodeError:
        raise FileProblem(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from None
    if "\x00" in text:
        raise FileProblem(_("The file is not a CSV file. Choose a CSV or XLSX file."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Each record is a spreadsheet row, even when a quoted value spans several lines.
        return [(number, list(record)) for number, record in enumerate(reader, start=1)]
    except csv.Error:
        raise FileProblem(_("The CSV file cannot be read: check its quotation marks.")) from None


def _read_xlsx(content: bytes) -> list[tuple[int, list[object]]]:
    from openpyxl import load_workbook  # only here: the page and the command load faster without it

    unreadable = _("The spreadsheet cannot be read. Save it again as an XLSX file and try again.")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise FileProblem(unreadable) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileProblem(unreadable)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise FileProblem(unreadable) from None
    try:
        sheet = workbook.worksheets[0]
        return [(number, list(values)) for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
        raise FileProblem(unreadable) from None
    finally:
        workbook.close()


def _cell(value: object) -> Cell:
    """A cell as text, or as a date when the spreadsheet holds a date."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed as a number
    return str(value).strip()
