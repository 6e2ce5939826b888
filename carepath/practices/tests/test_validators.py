import pytest
from django.core.exceptions import ValidationError

from carepath.practices.validators import (
    count_sentences,
    count_words,
    validate_links,
    validate_summary,
    validate_words,
)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("", 0),
        ("One sentence.", 1),
        ("One sentence without a full stop", 1),
        ("One. Two! Three?", 3),
        ("First, e.g. the bank. Then 3.5 times more.", 2),
        ("It works… Really.", 2),
        ("Wow!! Yes.", 2),
        ("One. Two. Three. Four", 4),
    ],
)
def test_count_sentences(text, n):
    assert count_sentences(text) == n


def test_count_words_counts_hyphenated_and_apostrophes_once():
    assert count_words("Person-centred support isn't one-size-fits-all, said Jonas.") == 6


def test_summary_of_three_sentences_passes_four_fails_with_the_count():
    validate_summary("One. Two. Three.")
    with pytest.raises(ValidationError) as error:
        validate_summary("One. Two. Three. Four.")
    assert "at most 3 sentences" in error.value.messages[0]
    assert "has 4" in error.value.messages[0]


def test_activities_of_300_words_pass_301_fail_with_the_count():
    validate_words(" ".join(["word"] * 300))
    with pytest.raises(ValidationError) as error:
        validate_words(" ".join(["word"] * 301))
    assert "301" in error.value.messages[0]


def test_links_one_per_line_must_be_web_addresses():
    validate_links("https://www.valakampusn.lt/en/\n\nhttp://www.hilfefuerjungs.de/\n")
    with pytest.raises(ValidationError) as error:
        validate_links("https://www.valakampusn.lt/en/\nsee our report")
    assert "Line 2" in error.value.messages[0]
    with pytest.raises(ValidationError):
        validate_links("javascript:alert(1)")


def test_only_web_addresses_become_links_whatever_reached_the_database():
    from carepath.practices.models import Practice

    practice = Practice(links="https://example.org\njavascript:alert(1)\n\nHTTP://old.example.org ")
    assert practice.link_list == ["https://example.org", "HTTP://old.example.org"]
