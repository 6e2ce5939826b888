"""Every language of the UI has every message: the committed .po files hold what the source asks
for today (makemessages finds nothing new), each translated, none fuzzy, placeholders kept, and
the compiled catalogue Django loads says the same."""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

REPO = Path(__file__).resolve().parents[2]
LOCALE = REPO / "carepath" / "locale"
TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
# What makemessages reads: the project's code and templates, not its tests or tools (as `make catalogues`).
IGNORE = [".venv/*", "node_modules/*", "tests/*", "benchmarks/*", "*/tests/*", "var/*"]


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


def test_the_ui_has_seven_languages():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "da", "lt", "pt", "de", "it", "bg"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code: str):
    po = catalogue(code)
    assert len(po) > 1000
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert po.metadata["Language"] == code


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_are_kept(code: str):
    wrong = []
    for entry in catalogue(code):
        if entry.msgid_plural:
            # Each plural form may use the placeholders of either English form (a form for exactly
            # one may say "one" instead of the count, a form for 21 must say the count), and no other.
            allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
            wrong += [
                (entry.msgid, text)
                for text in entry.msgstr_plural.values()
                if not set(PLACEHOLDER.findall(text)) <= allowed
            ]
        elif sorted(PLACEHOLDER.findall(entry.msgstr)) != sorted(PLACEHOLDER.findall(entry.msgid)):
            wrong.append((entry.msgid, entry.msgstr))
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_django_loads_the_translations(code: str):
    """The compiled .mo (make messages) is current: Django answers each message with the .po's text."""
    stale = []
    with translation.override(code):
        for entry in catalogue(code):
            if entry.msgid_plural or not entry.msgid:
                continue
            if entry.msgctxt:
                got = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                got = translation.gettext(entry.msgid)
            if got != entry.msgstr:
                stale.append(entry.msgid)
    assert stale == [], "run `make messages`"


def test_the_catalogues_hold_every_message_of_the_source(tmp_path: Path, monkeypatch):
    """A string newly marked in a template or in Python, and not yet in the .po files, fails here.
    (makemessages needs Debian's gettext, which `make test` installs.)"""
    assert shutil.which("xgettext"), "install gettext (make gettext)"
    # makemessages writes into any `locale` folder it walks past, so it runs on a copy of the source:
    # the committed catalogues are only read.
    source_copy = tmp_path / "carepath"
    shutil.copytree(
        REPO / "carepath", source_copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "static", "media")
    )
    copy = source_copy / "locale"
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[copy]):
        call_command("makemessages", locale=TRANSLATED, ignore_patterns=IGNORE, no_obsolete=True, verbosity=0)
    for code in TRANSLATED:
        committed = {(e.msgctxt, e.msgid) for e in catalogue(code)}
        source = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / code / "LC_MESSAGES" / "django.po"))}
        assert sorted(source - committed, key=str) == [], f"{code}: new messages; run makemessages and translate them"
        assert sorted(committed - source, key=str) == [], f"{code}: messages no longer used; run makemessages"
    assert os.listdir(copy)
