"""The exports open and say what the report says: read back with csv, openpyxl and pypdf."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pypdf

from carepath.reports import exports
from carepath.reports.tables import Report, Table, Voice


def seed_000_report() -> Report:
    """Seed 000's unit: 44 evaluated goals, 28 fully, 10 partially and 6 not achieved."""
    return Report(
        slug="goal-attainment",
        title="Goal attainment",
        filter_description="Unit: Day centre Saulė; period 01/01/2026 to 31/12/2026",
        tables=[
            Table(
                title="Goals by attainment",
                columns=["Attainment", "Goals", "%"],
                rows=[
                    ["Fully achieved", 28, Decimal("63.6")],
                    ["Partially achieved", 10, Decimal("22.7")],
                    ["Not achieved", 6, Decimal("13.6")],
                ],
                chart="bar",
                note="44 goals evaluated in the period.",
            ),
            Table(
                title="Goal Attainment Scale: mean and distribution",
                columns=["GAS score", "Goals"],
                rows=[["-2", 1], ["-1", 5], ["0", 20], ["+1", 12], ["+2", 6], ["Mean", 0.386]],
            ),
        ],
        voices=[
            Voice("I went to Riga by bus on my own!", "Evaluation moment, 12/03/2026"),
            Voice('=HYPERLINK("http://example.org")', "Goal, in the citizen's words"),
        ],
    )


def test_csv_has_title_filter_tables_and_voices():
    rows = list(csv.reader(io.StringIO(exports.to_csv(seed_000_report()).decode("utf-8-sig"))))
    assert rows[0] == ["Goal attainment"]
    assert rows[1] == ["Filter", "Unit: Day centre Saulė; period 01/01/2026 to 31/12/2026"]
    header = rows.index(["Attainment", "Goals", "%"])
    assert rows[header + 1 : header + 4] == [
        ["Fully achieved", "28", "63.6"],
        ["Partially achieved", "10", "22.7"],
        ["Not achieved", "6", "13.6"],
    ]
    assert ["I went to Riga by bus on my own!", "Evaluation moment, 12/03/2026"] in rows


def test_csv_keeps_a_quote_that_looks_like_a_formula_as_text():
    rows = list(csv.reader(io.StringIO(exports.to_csv(seed_000_report()).decode("utf-8-sig"))))
    assert ['\'=HYPERLINK("http://example.org")', "Goal, in the citizen's words"] in rows
    assert ["-2", "1"] in rows  # a number-like label is left alone


def test_csv_starts_with_a_byte_order_mark_for_spreadsheets():
    assert exports.to_csv(seed_000_report()).startswith(b"\xef\xbb\xbf")


def _workbook(report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(report)))


def test_xlsx_has_a_sheet_per_table_and_one_for_the_voices():
    book = _workbook(seed_000_report())
    assert book.sheetnames == [
        "About",
        "Goals by attainment",
        "Goal Attainment Scale mean and",  # no ":" and 31 characters at most, as Excel wants
        "What people said",
    ]
    about = book["About"]
    assert about["A1"].value == "Goal attainment"
    assert about["B2"].value == "Unit: Day centre Saulė; period 01/01/2026 to 31/12/2026"


def test_xlsx_figures_are_numbers_and_percentages_have_a_percent_format():
    sheet = _workbook(seed_000_report())["Goals by attainment"]
    assert [c.value for c in sheet[3]] == ["Attainment", "Goals", "%"]
    assert [c.value for c in sheet[4]] == ["Fully achieved", 28, 0.636]
    assert sheet["B4"].data_type == "n"
    assert sheet["C4"].data_type == "n"
    assert sheet["C4"].number_format == "0.0%"
    assert [sheet["C5"].value, sheet["C6"].value] == [0.227, 0.136]
    assert sheet["A8"].value == "44 goals evaluated in the period."


def test_xlsx_voices_with_their_source_and_no_formula():
    sheet = _workbook(seed_000_report())["What people said"]
    assert [c.value for c in sheet[2]] == ["I went to Riga by bus on my own!", "Evaluation moment, 12/03/2026"]
    assert sheet["A3"].data_type == "s"  # would be "f" had openpyxl taken it for a formula
    assert sheet["A3"].value == '=HYPERLINK("http://example.org")'


def test_xlsx_sheet_names_stay_unique():
    same = Table(title="Per unit", columns=["Unit", "Cases"], rows=[["A", 1]])
    book = _workbook(Report(slug="caseloads", title="Caseloads", filter_description="All", tables=[same, same]))
    assert book.sheetnames == ["About", "Per unit", "Per unit (2)"]


def _pdf_text(report: Report) -> str:
    reader = pypdf.PdfReader(io.BytesIO(exports.to_pdf(report)))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_text_holds_the_figures_the_filter_and_the_voices():
    text = _pdf_text(seed_000_report())
    for expected in (
        "Goal attainment",
        "Day centre Saulė",
        "Fully achieved",
        "63.6 %",
        "22.7 %",
        "13.6 %",
        "28",
        "I went to Riga by bus on my own!",
        "Evaluation moment, 12/03/2026",
    ):
        assert expected in text


def test_pdf_headings_are_in_the_outline_and_the_document_has_a_title_and_language():
    reader = pypdf.PdfReader(io.BytesIO(exports.to_pdf(seed_000_report())))
    top = reader.outline
    assert top[0].title == "Goal attainment"
    assert [entry.title for entry in top[1]] == [
        "Goals by attainment",
        "Goal Attainment Scale: mean and distribution",
        "What people said",
    ]
    assert reader.metadata.title == "Goal attainment"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_pdf_draws_a_bar_chart_only_where_the_table_asks_for_one():
    with_chart = exports.to_pdf(seed_000_report())
    report = seed_000_report()
    report.tables[0] = Table(title="Goals by attainment", columns=report.tables[0].columns, rows=report.tables[0].rows)
    without_chart = exports.to_pdf(report)
    # The chart's bars carry their values as labels: "63.6" appears once more with the chart.
    assert _pdf_text_of(with_chart).count("63.6") == _pdf_text_of(without_chart).count("63.6") + 1


def _pdf_text_of(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def test_pdf_of_an_empty_report_still_opens():
    report = Report(
        slug="satisfaction",
        title="Satisfaction",
        filter_description="All units",
        tables=[Table(title="Faces", columns=["Answer", "%"], rows=[["Happy", None]], chart="bar")],
    )
    assert "Satisfaction" in _pdf_text(report)


def test_pdf_escapes_markup_in_quotes():
    report = seed_000_report()
    report.voices.append(Voice("I <b>really</b> liked it & want more", "Focus group"))
    assert "I <b>really</b> liked it & want more" in _pdf_text(report)


def test_file_name_is_the_slug_and_the_date():
    report = seed_000_report()
    assert exports.file_name(report, "xlsx", datetime.date(2026, 3, 12)) == "carepath-goal-attainment-2026-03-12.xlsx"
