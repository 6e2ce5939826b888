import pytest

from carepath.demo.practice_texts import ASSESSMENTS, PRACTICES, practice_fields
from carepath.practices.choices import COUNTRIES, Criterion, Principle, Score, Status, Theme
from carepath.practices.models import Practice
from carepath.practices.services import TEXT_FIELDS
from carepath.practices.validators import count_sentences, count_words

KEYS = [entry["key"] for entry in PRACTICES]


def entry(key: str) -> dict:
    return next(e for e in PRACTICES if e["key"] == key)


def test_there_are_seven_practices_with_distinct_keys_and_titles():
    assert len(KEYS) == 7
    assert len(set(KEYS)) == 7
    assert len({e["title"] for e in PRACTICES}) == 7


@pytest.mark.parametrize("key", KEYS)
def test_texts_pass_the_models_validators(key):
    fields = practice_fields(entry(key))
    texts = {name: value for name, value in fields.items() if name not in ("themes", "principles")}
    assert set(texts) <= set(TEXT_FIELDS)
    # full_clean runs every field's validators (summary sentences, activity words, links, lengths,
    # choices); the owner and creator are set by save_practice.
    Practice(**texts).full_clean(exclude=["owner", "created_by"])


@pytest.mark.parametrize("key", KEYS)
def test_every_field_the_form_asks_for_is_given(key):
    e = entry(key)
    for name in (
        "title",
        "organisations",
        "country",
        "contact",
        "status",
        "summary",
        "context",
        "objective_1",
        "activities",
        "outcomes",
        "evaluation",
        "links",
        "language",
    ):
        assert e[name].strip(), name
    assert e["language"] == "en"
    assert e["country"] in dict(COUNTRIES)
    assert e["status"] in Status.values
    assert (e["status"] == Status.OTHER) == bool(e.get("status_other"))
    assert 1 <= count_sentences(e["summary"]) <= 3
    assert count_words(e["activities"]) <= 300
    assert all(line.startswith("https://") for line in e["links"].splitlines())


@pytest.mark.parametrize("key", KEYS)
def test_themes_and_principles_are_valid_choices(key):
    e = entry(key)
    assert e["themes"], "the form asks for at least one theme"
    assert set(e["themes"]) <= set(Theme.values)
    assert Theme.OTHER not in e["themes"]
    assert len(set(e["themes"])) == len(e["themes"])
    assert set(e["principles"]) <= set(Principle.values)
    assert len(set(e["principles"])) == len(e["principles"])


def test_no_contact_names_a_person():
    for e in PRACTICES:
        assert e["contact"] == "policy@esn-eu.org" or e["contact"].startswith("https://")


def test_seed_figures_are_kept():
    believe = entry("believe-in-the-unbelievable")
    assert "28 were fully achieved" in believe["outcomes"]
    assert "questionnaire" in believe["evaluation"]
    assert "5 to 27" in entry("mut-mobile-trauma-help")["summary"]
    assert "60 people" in entry("varna-social-enterprise")["outcomes"]


@pytest.mark.parametrize("key", list(ASSESSMENTS))
def test_assessments_score_all_eight_criteria(key):
    assert key in KEYS
    scores = ASSESSMENTS[key]
    assert set(scores) == set(Criterion.values)
    for score, comment in scores.values():
        assert score in Score.values
        assert comment.strip() and "\n" not in comment
