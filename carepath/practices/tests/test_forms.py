"""Every field of the ESN form and every limit it sets."""

import pytest

from carepath.practices.choices import COUNTRIES, Principle, Status, Theme
from carepath.practices.forms import AssessmentForm, LibraryFilterForm, PracticeForm

pytestmark = pytest.mark.django_db

REQUIRED = [
    "title",
    "organisations",
    "country",
    "contact",
    "themes",
    "status",
    "summary",
    "context",
    "objective_1",
    "activities",
    "outcomes",
    "evaluation",
]
OPTIONAL = ["principles", "theme_other", "status_other", "objective_2", "objective_3", "links", "comments_and_tips"]


def valid_data(**changes):
    data = {
        "title": "I Believe in the Unbelievable",
        "organisations": "Vilnius City Municipality",
        "country": "LT",
        "contact": "policy@esn-eu.org",
        "themes": [Theme.DISABILITY, Theme.PERSON_CENTRED],
        "principles": ["17"],
        "status": Status.ESTABLISHED,
        "summary": "The project tackles stigma. It focuses on empowerment. And on integration.",
        "context": "Negative attitudes lead to discrimination.",
        "objective_1": "Address social exclusion.",
        "objective_2": "",
        "objective_3": "",
        "activities": "Service users propose their dreams and draw up a plan with a staff member.",
        "outcomes": "Of 44 goals, 28 were fully achieved.",
        "evaluation": "Focus groups after each activity.",
        "links": "https://www.valakampusn.lt/en/",
        "comments_and_tips": "",
        "language": "en",
    }
    data.update(changes)
    return data


def test_a_complete_form_is_valid_and_hands_every_field_to_the_service():
    form = PracticeForm(valid_data())
    assert form.is_valid(), form.errors
    fields = form.practice_fields()
    assert fields["themes"] == [Theme.DISABILITY, Theme.PERSON_CENTRED]
    assert fields["principles"] == [17]
    assert set(REQUIRED + OPTIONAL) <= set(fields)


@pytest.mark.parametrize("name", REQUIRED)
def test_each_required_field_is_asked_for(name):
    form = PracticeForm(valid_data(**{name: [] if name == "themes" else ""}))
    assert not form.is_valid()
    assert name in form.errors


def test_no_theme_says_choose_at_least_one():
    form = PracticeForm(valid_data(themes=[]))
    assert form.errors["themes"] == ["Choose at least one theme."]


@pytest.mark.parametrize("name", OPTIONAL)
def test_each_optional_field_may_stay_empty(name):
    form = PracticeForm(valid_data(**{name: [] if name == "principles" else ""}))
    assert form.is_valid(), form.errors


def test_the_form_offers_the_whole_lists_of_the_esn_form():
    form = PracticeForm()
    assert len(form.fields["themes"].choices) == 24  # 23 themes and "Other"
    assert [value for value, _ in form.fields["principles"].choices] == list(range(1, 21))
    assert len(form.fields["status"].choices) == 7
    assert len(form.fields["country"].choices) == len(COUNTRIES) + 1
    assert Principle(20).label == "20. Access to essential services"


def test_summary_of_four_sentences_is_refused_with_a_clear_message():
    form = PracticeForm(valid_data(summary="One. Two. Three. Four."))
    assert not form.is_valid()
    assert "at most 3 sentences" in form.errors["summary"][0]


def test_summary_longer_than_1000_characters_is_refused():
    form = PracticeForm(valid_data(summary="A" * 1001 + "."))
    assert "summary" in form.errors


def test_activities_over_300_words_are_refused_and_the_text_is_kept():
    long = " ".join(["word"] * 301)
    form = PracticeForm(valid_data(activities=long))
    assert not form.is_valid()
    assert "at most 300 words" in form.errors["activities"][0]
    assert form["activities"].value() == long


def test_at_most_three_objectives():
    form = PracticeForm(valid_data(objective_2="Two", objective_3="Three"))
    assert form.is_valid(), form.errors
    assert [n for n in form.fields if n.startswith("objective_")] == ["objective_1", "objective_2", "objective_3"]


def test_objective_longer_than_500_characters_is_refused():
    assert "objective_1" in PracticeForm(valid_data(objective_1="x" * 501)).errors


def test_title_longer_than_200_characters_is_refused():
    assert "title" in PracticeForm(valid_data(title="x" * 201)).errors


def test_a_link_that_is_no_web_address_is_refused():
    form = PracticeForm(valid_data(links="https://example.org\nour annual report"))
    assert "Line 2" in form.errors["links"][0]


def test_other_theme_must_be_specified():
    form = PracticeForm(valid_data(themes=[Theme.OTHER]))
    assert "theme_other" in form.errors
    assert PracticeForm(valid_data(themes=[Theme.OTHER], theme_other="Rural services")).is_valid()


def test_other_status_must_be_specified():
    form = PracticeForm(valid_data(status=Status.OTHER))
    assert "status_other" in form.errors
    assert PracticeForm(valid_data(status=Status.OTHER, status_other="Paused for funding")).is_valid()


def test_unknown_country_theme_or_principle_is_refused():
    assert "country" in PracticeForm(valid_data(country="XX")).errors
    assert "themes" in PracticeForm(valid_data(themes=["astrology"])).errors
    assert "principles" in PracticeForm(valid_data(principles=["21"])).errors


def test_assessment_form_asks_a_score_on_each_of_the_eight_criteria():
    form = AssessmentForm({"assessed_on": "2026-11-01"})
    assert not form.is_valid()
    assert sorted(n for n in form.errors if n.startswith("score_")) == [f"score_{i}" for i in range(1, 9)]
    data = {"assessed_on": "2026-11-01", **{f"score_{i}": str(i % 5 + 1) for i in range(1, 9)}, "comment_3": "Good"}
    form = AssessmentForm(data)
    assert form.is_valid(), form.errors
    assert form.scores()[3] == (4, "Good")
    assert form.scores()[5] == (1, "")


def test_assessment_form_refuses_a_score_outside_1_to_5():
    data = {"assessed_on": "2026-11-01", **{f"score_{i}": "3" for i in range(1, 9)}, "score_8": "6"}
    assert "score_8" in AssessmentForm(data).errors


def test_library_filters_keep_only_what_was_chosen():
    form = LibraryFilterForm({"q": "dreams", "theme": "disability", "principle": "17", "country": "", "status": ""})
    assert form.filters() == {"q": "dreams", "theme": "disability", "principle": 17}
