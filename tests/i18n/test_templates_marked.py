"""Every word a user reads in a template is marked for translation."""

from pathlib import Path

import pytest

from tests.i18n.untranslated import unmarked_text

ROOT = Path(__file__).resolve().parents[2] / "carepath"
# Django templates and the Jinja2 partials (decision 0019): both mark text the same way, in tags.
TEMPLATES = sorted([*ROOT.rglob("templates/**/*.html"), *ROOT.rglob("jinja2/**/*.html")])


def test_the_templates_are_found():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_text_outside_translate_tags(template: Path):
    assert [str(f) for f in unmarked_text(template, ROOT)] == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("<p>Hello</p>", ["Hello"]),
        ('<img src="x.png" alt="A bus stop">', ["A bus stop"]),
        ('<a aria-label="Close" href="#">{% translate "x" %}</a>', ["Close"]),
        ("<p>{{ name }}'s file</p>", ["'s file"]),
        ("{% if a %}<b>Yes</b>{% endif %}", ["Yes"]),
        ('<p>{% translate "Hello" %}</p>', []),
        ("<p>{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}</p>", []),
        ('<p aria-label="{% translate "Close" %}">{{ x }} · 3 – 4 &nbsp;</p>', []),
        ("<script>var greeting = 'Hello';</script><style>a::after { content: 'x' }</style>", []),
        ("{# A comment for developers #}{% comment %}Also not shown{% endcomment %}", []),
    ],
)
def test_the_check_finds_unmarked_text_and_only_that(tmp_path: Path, source: str, found: list[str]):
    template = tmp_path / "t.html"
    template.write_text(source)
    assert [f.text for f in unmarked_text(template, tmp_path)] == found
