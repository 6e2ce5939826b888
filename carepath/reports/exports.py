"""A report as a file: CSV, XLSX or PDF, each built from the same `Report` and returned as bytes.

Every export carries the title, the filter in words, every table and the voices with their source,
so a figure never travels without what it was computed over. A column whose header ends in "%"
(for example "%" or "Share (%)") holds percentages from 0 to 100: a number in CSV and PDF, a
fraction with a percent format in XLSX, so a spreadsheet computes with it.
"""

import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from carepath.reports import pdf
from carepath.reports.tables import Cell, Report, Table

PERCENT_FORMAT = "0.0%"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a text as a formula
NUMBER_LIKE = re.compile(r"^[-+]?\d+([.,]\d+)?\s?%?$")  # "-2" as a label is harmless
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31  # Excel's limit


def is_percent_column(header: str) -> bool:
    return header.strip().rstrip(")").rstrip().endswith("%")


def _text_safe(value: Cell) -> Cell:
    """A quote that starts like a formula stays text when the file is opened (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER_LIKE.match(value):
        return "'" + value
    return value


# CSV -----------------------------------------------------------------------------------------------


def to_csv(report: Report) -> bytes:
    """One sheet of rows: title, filter, each table (title, header, rows, note), then the voices.

    UTF-8 with a byte order mark, so spreadsheet programs read the letters right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([report.title])
    writer.writerow([_("Filter"), report.filter_description])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([_text_safe(table.title)])
        writer.writerow(table.columns)
        writer.writerows([_text_safe(_plain(cell)) for cell in row] for row in table.rows)
        if table.note:
            writer.writerow([table.note])
    if report.voices:
        writer.writerow([])
        writer.writerow([_("What people said")])
        writer.writerow([_("Quote"), _("Source")])
        writer.writerows([_text_safe(voice.text), _text_safe(voice.source)] for voice in report.voices)
    return out.getvalue().encode("utf-8-sig")


def _plain(cell: Cell) -> Cell:
    return float(cell) if isinstance(cell, Decimal) else cell


# XLSX ----------------------------------------------------------------------------------------------


def to_xlsx(report: Report) -> bytes:
    """A workbook: an "About" sheet (title, filter, list of tables), one sheet per table, and the voices."""
    book = Workbook()
    about = book.active
    assert about is not None  # a new workbook has its first sheet
    about.title = _("About")
    about.append([report.title])
    about["A1"].font = Font(bold=True, size=14)
    about.append([_("Filter"), report.filter_description])
    about.append([])
    used: set[str] = {about.title}
    for table in report.tables:
        sheet = book.create_sheet(_sheet_name(table.title, used))
        about.append([_("Sheet"), sheet.title, table.title])
        _write_table(sheet, table)
    if report.voices:
        sheet = book.create_sheet(_sheet_name(_("What people said"), used))
        sheet.append([_("Quote"), _("Source")])
        _bold_row(sheet, 1)
        for voice in report.voices:
            _append_text_safe(sheet, [voice.text, voice.source])
        _widths(sheet, [80, 40])
    _widths(about, [14, 60, 40])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_table(sheet: Worksheet, table: Table) -> None:
    """Title in A1, the header in row 3 (frozen), the rows below, the note after them."""
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([])
    sheet.append(table.columns)
    _bold_row(sheet, 3)
    sheet.freeze_panes = "A4"
    percent = [is_percent_column(header) for header in table.columns]
    for row in table.rows:
        cells = _append_text_safe(sheet, [_fraction(cell) if percent[i] else cell for i, cell in enumerate(row)])
        for i, cell in enumerate(cells):
            if i < len(percent) and percent[i] and isinstance(cell.value, int | float | Decimal):
                cell.number_format = PERCENT_FORMAT
    if table.note:
        sheet.append([])
        sheet.append([table.note])
    longest = [max([len(str(c)) for c in column] + [8]) for column in zip(table.columns, *table.rows, strict=False)]
    _widths(sheet, [min(60, n + 2) for n in longest])


def _fraction(cell: Cell) -> Cell:
    if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
        return float(cell) / 100
    return cell


def _append_text_safe(sheet: Worksheet, values: list[Cell]) -> tuple:  # type: ignore[type-arg]
    """Append a row; text that starts with "=" stays text (openpyxl would store it as a formula)."""
    sheet.append(values)
    cells = tuple(sheet[sheet.max_row])
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
    return cells


def _bold_row(sheet: Worksheet, row: int) -> None:
    for cell in sheet[row]:
        cell.font = Font(bold=True)


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = " ".join(SHEET_NAME_FORBIDDEN.sub(" ", title).split()).strip("'")[:SHEET_NAME_LENGTH].rstrip() or _("Table")
    name, n = base, 1
    while name.lower() in {u.lower() for u in used}:
        n += 1
        suffix = f" ({n})"
        name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
    used.add(name)
    return name


def _is_numeric(column: list[Cell]) -> bool:
    return all(isinstance(cell, int | float | Decimal | None) for cell in column)


def _at(row: list[Cell], i: int) -> Cell:
    return row[i] if i < len(row) else None


# PDF and the registry of formats -------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    number: ParagraphStyle
    header: ParagraphStyle
    header_number: ParagraphStyle
    quote: ParagraphStyle


def _styles() -> _Styles:
    return _Styles(
        title=pdf.style("Title", 20, bold=True, space_after=8),
        heading=pdf.style("Heading", 14, bold=True, space_after=6),
        body=pdf.style("Body", 10.5),
        small=pdf.style("Small", 9, color=pdf.GREY),
        cell=pdf.style("Cell", 9.5, space_after=0),
        number=pdf.style("Number", 9.5, space_after=0, align=TA_RIGHT),
        header=pdf.style("Header", 9.5, bold=True, space_after=0),
        header_number=pdf.style("HeaderNumber", 9.5, bold=True, space_after=0, align=TA_RIGHT),
        quote=pdf.style("Quote", 11, space_after=2),
    )


def to_pdf(report: Report) -> bytes:
    """Title and filter, every table (with its bar chart where the report asks for one), then the voices."""
    s = _styles()
    story: list[Flowable] = [
        pdf.Heading(report.title, 0, s.title),
        Paragraph(pdf.text(_("Filter: %(filter)s") % {"filter": report.filter_description}), s.body),
    ]
    for table in report.tables:
        story += [Spacer(1, 4 * mm), pdf.Heading(table.title, 1, s.heading)]
        if table.chart == "bar" and (chart := pdf.bar_chart(table, A4[0] - 36 * mm)) is not None:
            story.append(chart)
        story.append(_pdf_table(table, s))
        if table.note:
            story.append(Paragraph(pdf.text(table.note), s.small))
    if report.voices:
        story += [Spacer(1, 4 * mm), pdf.Heading(_("What people said"), 1, s.heading)]
        for voice in report.voices:
            story.append(Paragraph(pdf.text(f"“{voice.text}”"), s.quote))
            story.append(Paragraph(pdf.text(voice.source), s.small))
    return pdf.build(report.title, story)


def _pdf_table(table: Table, s: _Styles) -> PdfTable:
    """The figures as a grid; numeric columns right-aligned, the header repeated on every page."""
    percent = [is_percent_column(c) for c in table.columns]
    numeric = [_is_numeric([_at(row, i) for row in table.rows]) for i in range(len(percent))]
    header = [Paragraph(pdf.text(c), s.header_number if numeric[i] else s.header) for i, c in enumerate(table.columns)]
    rows = [
        [
            Paragraph(pdf.text(pdf.figure(cell, percent=percent[i])), s.number if numeric[i] else s.cell)
            for i, cell in enumerate(row[: len(percent)])
        ]
        for row in table.rows
    ]
    grid = PdfTable([header, *rows], repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("LINEBELOW", (0, 0), (-1, 0), 1, pdf.BLACK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, pdf.LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    grid.setStyle(TableStyle(commands))
    return grid


@dataclass(frozen=True)
class Format:
    build: Callable[[Report], bytes]
    content_type: str


FORMATS: dict[str, Format] = {
    "csv": Format(to_csv, "text/csv; charset=utf-8"),
    "xlsx": Format(to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": Format(to_pdf, "application/pdf"),
}


def file_name(report: Report, fmt: str, on: datetime.date) -> str:
    """The report's slug and the date: never a name, a filter value or anything else personal."""
    slug = re.sub(r"[^a-z0-9-]", "", report.slug.lower()) or "report"
    return f"carepath-{slug}-{on.isoformat()}.{fmt}"
