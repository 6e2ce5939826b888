import csv
import datetime
import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from carepath.practices import exports, selectors
from carepath.practices.choices import Criterion, Principle, Status, Theme
from carepath.practices.services import assess_practice
from carepath.practices.tests.factories import PracticeFactory
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 3, 1)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with line breaks as spaces: a long value may wrap."""
    return " ".join(text.split())


def full_practice(**fields):
    values = {
        "title": "In-house social services programme “I Believe in the Unbelievable”",
        "organisations": "Vilnius City Municipality",
        "contact": "policy@esn-eu.org",
        "summary": "The project tackles stigma and social exclusion.",
        "context": "Negative societal attitudes lead to discrimination.",
        "objective_1": "Address social exclusion through person-centred support.",
        "objective_2": "Promote involvement through public education.",
        "objective_3": "Share what works with employers.",
        "activities": "Residents submit proposals for their dreams and wishes.",
        "outcomes": "Of 44 goals, 28 were fully achieved.",
        "evaluation": "Focus groups after each activity; questionnaires did not work.",
        "links": "https://www.valakampusn.lt/en/\nhttps://example.org/report.pdf",
        "comments_and_tips": "Start with pictures.",
        "themes": [Theme.DISABILITY, Theme.PERSON_CENTRED],
        "principles": [Principle.DISABILITY_INCLUSION],
    }
    values.update(fields)
    return PracticeFactory(**values)


def test_pdf_has_every_label_and_value_of_the_form():
    practice = full_practice()
    text = flat(pdf_text(exports.esn_form_pdf(practice)))
    for label in (
        "Organisation(s)",
        "Country",
        "Contact",
        "Theme",
        "Principles of the European Pillar of Social Rights",
        "Current status of the practice",
        "Summary",
        "Context / Social issues addressed",
        "Objectives",
        "Activities",
        "Outcomes",
        "How the outcomes were evaluated",
        "Links to supporting documents",
        "Comments and tips",
    ):
        assert label in text, label
    for value in (
        practice.title,
        "Vilnius City Municipality",
        "Lithuania",
        "policy@esn-eu.org",
        practice.summary,
        practice.context,
        "1. Address social exclusion through person-centred support.",
        "2. Promote involvement through public education.",
        "3. Share what works with employers.",
        practice.activities,
        practice.outcomes,
        practice.evaluation,
        "https://www.valakampusn.lt/en/",
        "https://example.org/report.pdf",
        "Start with pictures.",
    ):
        assert value in text, value


def test_pdf_marks_the_chosen_theme_principle_and_status_only():
    text = flat(pdf_text(exports.esn_form_pdf(full_practice())))
    assert "☒ Disability" in text
    assert "☒ Person-Centred Care" in text
    assert "☐ Ageing & Care" in text
    assert "☐ Management & Planning" in text
    assert "☐ Other, please specify:" in text
    assert "☒ 17. Inclusion of people with disabilities" in text
    assert "☐ 1. Education, training, life-long learning" in text
    assert "☒ Established and ongoing practice" in text
    assert "☐ Concept and Design Phase" in text
    assert text.count("☒") == 4
    assert text.count("☐") == 24 + 20 + 7 - 4


def test_pdf_lists_every_theme_principle_and_status():
    text = flat(pdf_text(exports.esn_form_pdf(full_practice())))
    for value, label in [*Theme.choices, *Principle.choices, *Status.choices]:
        if value not in (Theme.OTHER, Status.OTHER):
            assert str(label) in text, label
    assert "Other (please specify)" in text


def test_pdf_specifies_other_theme_and_status():
    practice = full_practice(
        themes=[Theme.OTHER], theme_other="Rural services", status=Status.OTHER, status_other="Paused for funding"
    )
    text = flat(pdf_text(exports.esn_form_pdf(practice)))
    assert "☒ Other, please specify: Rural services" in text
    assert "☒ Other (please specify) Paused for funding" in text


def test_pdf_of_a_lithuanian_title_keeps_its_letters():
    practice = full_practice(title="Tikiu neįtikėtinu: šeimos ir vaiko pagalbos koordinavimas", language="lt")
    data = exports.esn_form_pdf(practice)
    assert "Tikiu neįtikėtinu: šeimos ir vaiko pagalbos koordinavimas" in flat(pdf_text(data))
    assert PdfReader(io.BytesIO(data)).metadata.title == practice.title


def test_pdf_metadata_says_the_title_and_names_no_person():
    practice = full_practice()
    data = exports.esn_form_pdf(practice)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == practice.title
    assert reader.metadata.author == "Carepath"
    text = pdf_text(data)
    assert practice.created_by.last_name not in text
    assert practice.owner.name in flat(text)


def test_pdf_labels_follow_the_active_language():
    practice = full_practice()
    with translation.override("lt"):
        lithuanian = flat(pdf_text(exports.esn_form_pdf(practice)))
    assert "Santrauka" in lithuanian
    assert practice.summary in lithuanian  # the practice's own text stays as written


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_has_a_header_a_row_per_practice_and_a_byte_order_mark():
    one = full_practice(title="Tikiu neįtikėtinu", themes=[Theme.PERSON_CENTRED, Theme.DISABILITY])
    PracticeFactory(title="Tailor Cooperative", country="SE", themes=[Theme.LABOUR_MARKET], principles=[4, 1])
    text = exports.library_csv(selectors.all_for_export(UserFactory()))
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    rows = read_csv(text)
    assert [r["Title of the practice"] for r in rows] == ["Tailor Cooperative", "Tikiu neįtikėtinu"]
    header = list(rows[0])
    assert header[:5] == ["Title of the practice", "Organisation(s)", "Documented by", "Country", "Contact"]
    assert [h for h in header if h.startswith("Mean score: ")] == [
        f"Mean score: {label}" for _value, label in Criterion.choices
    ]
    assert header[-1] == "Number of assessments"
    tailor, lt = rows
    assert tailor["Country"] == "Sweden"
    assert tailor["Principles of the European Pillar of Social Rights"] == (
        "1. Education, training, life-long learning; 4. Active support to employment"
    )
    assert lt["Theme"] == "Disability; Person-Centred Care"  # in the form's order
    assert lt["Documented by"] == one.owner.name
    assert lt["Objective 2"] == one.objective_2
    assert lt["Links to supporting documents"] == one.links
    assert lt["Current status of the practice"] == "Established and ongoing practice"
    assert lt["Number of assessments"] == "0"
    assert lt["Mean score: Final users' satisfaction"] == ""


def test_csv_neutralises_cells_that_start_like_a_formula():
    full_practice(
        title='=HYPERLINK("https://evil.example")',
        summary="+1 more idea.",
        contact="@home",
        comments_and_tips="-shared widely",
    )
    row = read_csv(exports.library_csv(selectors.all_for_export(UserFactory())))[0]
    assert row["Title of the practice"] == '\'=HYPERLINK("https://evil.example")'
    assert row["Summary"] == "'+1 more idea."
    assert row["Contact"] == "'@home"
    assert row["Comments and tips"] == "'-shared widely"


def test_csv_mean_scores_over_two_reviewers():
    practice = full_practice()
    first, second = UserFactory(), UserFactory()
    assess_practice(
        practice=practice,
        by=first,
        assessed_on=ON,
        scores={c: (4, "") for c in Criterion.values} | {Criterion.RESULTS: (5, "Clear figures.")},
    )
    assess_practice(
        practice=practice,
        by=second,
        assessed_on=ON,
        scores={Criterion.NEW_NEEDS: (1, ""), Criterion.RESULTS: (4, ""), Criterion.SKILLS: (2, "")},
    )
    row = read_csv(exports.library_csv(selectors.all_for_export(UserFactory())))[0]
    mean = {c: row[f"Mean score: {label}"] for c, label in Criterion.choices}
    assert mean[Criterion.NEW_NEEDS] == "2.5"
    assert mean[Criterion.RESULTS] == "4.5"
    assert mean[Criterion.SKILLS] == "3"
    assert mean[Criterion.SATISFACTION] == "4"  # only the first reviewer scored it
    assert row["Number of assessments"] == "2"


def test_csv_reads_the_library_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    for n in range(5):
        practice = full_practice(title=f"Practice {n}")
        assess_practice(practice=practice, by=UserFactory(), assessed_on=ON, scores={1: (3, "")})
    user = UserFactory()
    with django_assert_max_num_queries(6):
        rows = read_csv(exports.library_csv(selectors.all_for_export(user)))
    assert len(rows) == 5
