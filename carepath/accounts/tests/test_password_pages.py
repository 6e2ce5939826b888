"""Choosing and resetting a password: Django's flow in the design system, open without signing in."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from carepath.testing.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def test_a_forgotten_password_sends_a_link_to_the_accounts_address():
    citizen = CitizenFactory(email="jonas@example.org")
    client = Client()
    page = client.get(reverse("password_reset"))
    assert page.status_code == 200 and 'class="govuk-input"' in page.content.decode()
    assert client.post(reverse("password_reset"), {"email": "jonas@example.org"}).status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [citizen.email]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_an_unknown_address_gets_the_same_answer_and_no_mail():
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and mail.outbox == []


def test_a_bad_link_says_so_in_plain_words():
    page = Client().get(reverse("password_reset_confirm", args=["MQ", "set-password"])).content.decode()
    assert "This link does not work any more" in page
