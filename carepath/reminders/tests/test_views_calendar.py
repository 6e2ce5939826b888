import pytest
from django.urls import reverse

from carepath.reminders.models import CalendarFeed
from carepath.testing.auth import TwoStepClient
from carepath.testing.factories import CitizenFactory, UserFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> TwoStepClient:
    client = TwoStepClient()
    client.force_login(user)
    return client


def test_a_new_address_is_shown_once_and_works():
    user = UserFactory()
    client = signed_in(user)
    page = client.post(reverse("reminders:calendar"), {"action": "new"})
    text = page.content.decode()
    address = text[text.index("http://testserver/api/calendar/"):].split(".ics")[0] + ".ics"
    assert client.get(address).status_code == 200
    assert address not in client.get(reverse("reminders:calendar")).content.decode()


def test_stopping_the_address_makes_it_answer_404():
    user = UserFactory()
    client = signed_in(user)
    text = client.post(reverse("reminders:calendar"), {"action": "new"}).content.decode()
    address = text[text.index("/api/calendar/"):].split(".ics")[0] + ".ics"
    assert client.post(reverse("reminders:calendar"), {"action": "stop"}).status_code == 302
    assert client.get(address).status_code == 404
    assert CalendarFeed.objects.get().revoked_at is not None


def test_a_citizen_makes_their_address_in_the_portal():
    citizen = CitizenFactory()
    client = signed_in(citizen)
    url = reverse("reminders:portal_calendar", kwargs={"person_id": citizen.person_id})
    assert "My plan in my calendar" in client.get(url).content.decode()
    text = client.post(url, {"action": "new"}).content.decode()
    assert "/api/calendar/" in text
    assert CalendarFeed.objects.get().owner == citizen


def test_a_citizen_cannot_open_another_citizens_calendar_page():
    client = signed_in(CitizenFactory())
    other = CitizenFactory()
    url = reverse("reminders:portal_calendar", kwargs={"person_id": other.person_id})
    assert client.post(url, {"action": "new"}).status_code == 404
    assert not CalendarFeed.objects.exists()
