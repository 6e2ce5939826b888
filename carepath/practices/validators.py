"""The ESN form's limits, with messages that say what to change."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SUMMARY_MAX_SENTENCES = 3
ACTIVITIES_MAX_WORDS = 300

# A sentence ends at ., ! or ? (or an ellipsis) followed by a space or the end of the text;
# "e.g. the bank" or "3.5" do not end one.
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?…]+(?=\s|$)")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def count_sentences(text: str) -> int:
    text = text.strip()
    if not text:
        return 0
    ends = list(_SENTENCE_END.finditer(text))
    unterminated = 0 if ends and ends[-1].end() == len(text) else 1
    return len(ends) + unterminated


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def validate_summary(text: str) -> None:
    n = count_sentences(text)
    if n > SUMMARY_MAX_SENTENCES:
        raise ValidationError(
            _("Summarise the practice in at most %(max)s sentences; this summary has %(n)s.")
            % {"max": SUMMARY_MAX_SENTENCES, "n": n},
            code="too_many_sentences",
        )


def validate_words(text: str) -> None:
    n = count_words(text)
    if n > ACTIVITIES_MAX_WORDS:
        raise ValidationError(
            ngettext(
                "Describe the activities in at most %(max)s words; this text has %(n)s word.",
                "Describe the activities in at most %(max)s words; this text has %(n)s words.",
                n,
            )
            % {"max": ACTIVITIES_MAX_WORDS, "n": n},
            code="too_many_words",
        )


def validate_links(text: str) -> None:
    check = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(text.splitlines(), start=1):
        address = line.strip()
        if not address:
            continue
        try:
            check(address)
        except ValidationError:
            raise ValidationError(
                _("Line %(line)s is not a web address (it should start with https://): %(text)s")
                % {"line": number, "text": address[:80]},
                code="invalid_link",
            ) from None
