"""A pilot becomes a practice: the practice form starts from the pilot, and the saved practice is linked."""

import pytest
from django.urls import reverse

from carepath.learning.tests.factories import AfterActionReviewFactory
from carepath.pilots.models import Pilot
from carepath.pilots.tests.factories import PilotFactory
from carepath.practices.models import Practice
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _url(pilot):
    return f"{reverse('practices:practice_new')}?pilot={pilot.pk}"


def test_the_practice_form_starts_from_the_pilot(client):
    pilot = PilotFactory(title="Residents plan the garden")
    AfterActionReviewFactory(unit=pilot.unit, pilot=pilot, lessons="Buy tools together.")
    client.force_login(pilot.created_by)
    body = client.get(_url(pilot)).content.decode()
    assert 'value="Residents plan the garden"' in body
    assert 'value="Residents choose what to grow."' in body  # the first objective
    assert "Buy tools together." in body


def test_the_saved_practice_is_linked_to_the_pilot(client, django_capture_on_commit_callbacks):
    pilot = PilotFactory(title="Residents plan the garden")
    client.force_login(pilot.created_by)
    data = {
        "title": pilot.title,
        "organisations": pilot.unit.organisation.name,
        "country": "LT",
        "contact": "garden@example.org",
        "themes": ["co_production"],
        "status": "pilot",
        "summary": "Residents plan and run the garden of their home.",
        "context": "Residents had no say in the garden.",
        "objective_1": "Residents choose what to grow.",
        "activities": "Monthly garden meetings of residents and staff.",
        "outcomes": "Half of the residents took part.",
        "evaluation": "An After Action Review after the harvest.",
        "language": "en",
    }
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(_url(pilot), data)
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert Pilot.objects.get(pk=pilot.pk).practice == practice
    body = client.get(reverse("pilots:pilot_detail", args=[pilot.pk])).content.decode()
    assert reverse("practices:practice_detail", args=[practice.pk]) in body


def test_a_pilot_of_another_organisation_cannot_be_made_a_practice(client):
    pilot = PilotFactory()
    client.force_login(UserFactory())
    assert client.get(_url(pilot)).status_code == 404
