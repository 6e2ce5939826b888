import datetime

import pytest

from carepath.imports import reading
from carepath.imports.reading import FileProblem, read_table
from carepath.imports.tests.helpers import csv_bytes, row, xlsx_bytes


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", False), (",", True), (";", True)])
def test_csv_with_comma_or_semicolon_with_or_without_bom(delimiter: str, bom: bool):
    table = read_table(name="f.csv", content=csv_bytes([row(), row(reference="R-2")], delimiter=delimiter, bom=bom))

    assert table.headings[0] == "given_name"  # the byte order mark is not part of the heading
    assert [number for number, _ in table.rows] == [2, 3]
    assert table.rows[1][1]["reference"] == "R-2"
    assert table.rows[0][1]["family_name"] == "Vaitė"


def test_row_numbers_are_those_of_the_spreadsheet_even_past_blank_rows_and_multi_line_values():
    content = b'given_name,address\r\nOna,"Willow Street 4\r\nRivertown"\r\n,\r\n\r\nEva,x\r\n'

    table = read_table(name="f.csv", content=content)

    assert [(number, values["given_name"]) for number, values in table.rows] == [(2, "Ona"), (5, "Eva")]
    assert table.rows[0][1]["address"] == "Willow Street 4\r\nRivertown"


def test_headings_ignore_case_and_spaces_and_trailing_empty_columns():
    table = read_table(name="f.csv", content=b" Given_Name ;FAMILY_NAME;;\nOna;Vaite;;\n")

    assert table.headings == ["given_name", "family_name"]


def test_xlsx_dates_are_dates_and_numbers_are_text():
    content = xlsx_bytes([row(phone=37060000000.0, birth_date="1985-03-02")])

    table = read_table(name="f.xlsx", content=content)

    number, values = table.rows[0]
    assert number == 2
    assert values["birth_date"] == datetime.date(1985, 3, 2)
    assert values["phone"] == "37060000000"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("f.csv", "given_name\nÖ".encode("latin-1"), "UTF-8"),
        ("f.csv", b"", "empty"),
        ("f.csv", b"given_name,family_name\n,\n", "no rows"),
        ("f.xlsx", b"PK\x03\x04 not really a spreadsheet", "cannot be read"),
        ("f.csv", b"given_name\x00\n", "not a CSV"),
    ],
)
def test_a_file_that_cannot_be_read_says_what_to_do(name: str, content: bytes, says: str):
    with pytest.raises(FileProblem) as problem:
        read_table(name=name, content=content)
    assert says in str(problem.value.message)


def test_a_file_with_too_many_rows_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 2)

    with pytest.raises(FileProblem, match="more than 2 rows"):
        read_table(name="f.csv", content=csv_bytes([row(), row(), row()]))


def test_a_spreadsheet_that_unpacks_to_far_more_than_a_caseload_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 1000)

    with pytest.raises(FileProblem, match="cannot be read"):
        read_table(name="f.xlsx", content=xlsx_bytes([row()]))
