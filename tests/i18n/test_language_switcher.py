"""The language switcher: a user chooses a language and every page follows, with its dates and numbers."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation

from carepath.testing.factories import CitizenFactory, UserFactory

pytestmark = pytest.mark.django_db


def _in(code: str, message: str) -> str:
    with translation.override(code):
        return translation.gettext(message)


@pytest.mark.parametrize("code", ["da", "lt", "pt", "de", "it", "bg"])
def test_choosing_a_language_translates_the_staff_pages(client, code):
    client.force_login(UserFactory())
    chosen = client.post(reverse("set_language"), {"language": code, "next": reverse("dashboard:home")})
    assert chosen.status_code == 302 and chosen["Location"] == reverse("dashboard:home")
    page = client.get(reverse("dashboard:home")).content.decode()
    assert f'<html lang="{code}"' in page
    assert _in(code, "Dashboard") != "Dashboard"
    assert _in(code, "Dashboard") in page
    assert "Skip to main content" not in page  # the first words of every page, translated


def test_the_portal_follows_the_chosen_language_too(client):
    citizen = CitizenFactory()
    client.force_login(citizen)
    client.post(reverse("set_language"), {"language": "lt"})
    page = client.get(reverse("portal:home", args=[citizen.person.pk])).content.decode()
    assert '<html lang="lt"' in page
    assert _in("lt", "Today") in page


def test_the_switcher_is_on_the_sign_in_page_and_names_each_language_in_itself(client):
    page = client.get(reverse("login")).content.decode()
    for name in ["English", "Dansk", "Lietuviškai", "Português", "Deutsch", "Italiano", "Български"]:
        assert name in page


def test_dates_and_numbers_follow_the_language():
    day = datetime.date(2026, 11, 29)
    template = Template("{% load dates %}{{ day|day }} · {{ share }}")
    shown = {}
    for code in ["en", "da", "de"]:
        with translation.override(code):
            shown[code] = template.render(Context({"day": day, "share": Decimal("63.6")}))
            assert formats.date_format(day, "DATE_FORMAT")
    assert shown["en"] == "Sunday 29 November 2026 · 63.6"
    assert "søndag" in shown["da"] and "29. november 2026" in shown["da"] and "63,6" in shown["da"]
    assert "Sonntag" in shown["de"] and "29. November 2026" in shown["de"] and "63,6" in shown["de"]
