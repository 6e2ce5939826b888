"""Writes caseload.xlsx from caseload.csv: the same rows, with real date cells, as a spreadsheet
exported from a previous system would have. Run it after changing the CSV:

    .venv/bin/python carepath/imports/examples/build_xlsx.py
"""

import csv
import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
DATE_COLUMNS = {"birth_date", "opened_on", "goal_due_on"}


def build(source: Path = HERE / "caseload.csv", target: Path = HERE / "caseload.xlsx") -> None:
    with source.open(encoding="utf-8-sig", newline="") as text:
        rows = list(csv.reader(text))
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Caseload"
    headings = rows[0]
    sheet.append(headings)
    for row in rows[1:]:
        sheet.append([_value(heading, value) for heading, value in zip(headings, row, strict=True)])
    for cell in sheet[1]:
        sheet.column_dimensions[cell.column_letter].width = max(12, len(str(cell.value)) + 2)
    workbook.save(target)


def _value(heading: str, value: str) -> object:
    if heading in DATE_COLUMNS and value:
        return datetime.date.fromisoformat(value)
    return value or None


if __name__ == "__main__":
    build()
