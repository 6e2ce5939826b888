"""Finds text in templates that a user would read but that is not marked for translation.

Django's template lexer splits a template into tags, variables and plain text. Text inside
{% translate %} / {% blocktranslate %} is marked; any other plain text that still holds a letter
once markup is removed is a string a translator never sees. Attribute values people read
(alt, title, aria-label, placeholder, and value of buttons) count as text too.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description", "aria-roledescription"}
# The product's name is the same in every language.
NOT_TRANSLATED = {"Carepath", "– Carepath"}
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Text that is not language: entities, punctuation, CSS/JS bodies are handled by the parser.
ENTITY = re.compile(r"&[#\w]+;")


@dataclass(frozen=True)
class Finding:
    template: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.template}:{self.line}: {self.text!r}"


class _Text(HTMLParser):
    """Collects the visible text and readable attribute values of an HTML page, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, str]] = []
        self._skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or (name == "value" and tag == "button")):
                self.found.append((self.getpos()[0], value))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.found.append((self.getpos()[0], data))


PLACEHOLDER = "\x00"  # stands for a template tag or variable: no letter, and it keeps words apart


def without_template_code(source: str) -> str:
    """The template with every tag, variable, comment and translated block replaced by a placeholder,
    keeping the line breaks so that lines still match."""
    parts = []
    depth = 0  # inside {% blocktranslate %} or {% comment %}: not text to check
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            first = token.contents.split()[0] if token.contents else ""
            if first in {"blocktranslate", "blocktrans", "comment"}:
                depth += 1
            elif first in {"endblocktranslate", "endblocktrans", "endcomment"}:
                depth -= 1
        raw = token.contents  # of a tag or variable, only its line breaks matter
        if token.token_type == TokenType.TEXT and not depth:
            parts.append(raw)
        else:
            parts.append(PLACEHOLDER + "\n" * raw.count("\n"))
    return "".join(parts)


def unmarked_text(path: Path, root: Path) -> list[Finding]:
    parser = _Text()
    parser.feed(without_template_code(path.read_text(encoding="utf-8")))
    parser.close()
    findings = []
    for line, text in parser.found:
        text = ENTITY.sub(" ", text).replace(PLACEHOLDER, " ").strip()
        if LETTER.search(text) and text not in NOT_TRANSLATED:
            findings.append(Finding(str(path.relative_to(root)), line, " ".join(text.split())))
    return findings
