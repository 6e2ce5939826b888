"""Starting a pilot: for a unit of one's own organisation, with the input kept when refused."""

import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.pilots.models import Pilot, Step
from carepath.testing.factories import UnitFactory, UserFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db
URL = reverse("pilots:pilot_new")


def _data(user, **changes):
    data = {
        "title": "Residents plan the garden",
        "unit": user.unit_id,
        "step": Step.KICK_START,
        "started_on": "2026-04-01",
        "stakeholders": "Residents, two staff, the allotment society",
        "objectives": "Residents choose what to grow",
        "success_factors": "",
        "scenarios": "",
        "decisions": "",
        "keep_momentum": "",
        "notes": "",
    }
    return data | changes


def test_staff_start_a_pilot_for_their_unit(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(URL).content.decode()
    assert "Explore empowerment" in page and "Keep the momentum" in page
    response = client.post(URL, _data(user))
    pilot = Pilot.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("pilots:pilot_detail", args=[pilot.pk])
    assert (pilot.unit, pilot.created_by, pilot.step, str(pilot.started_on)) == (
        user.unit,
        user,
        Step.KICK_START,
        "2026-04-01",
    )
    assert AuditEvent.objects.filter(user=user, action="create", what="pilots.pilot").exists()


def test_a_pilot_without_objectives_is_refused_and_keeps_the_input(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(URL, _data(user, objectives=""))
    assert_form_error(
        response, "objectives", "Enter at least one objective.", kept=['value="Residents plan the garden"']
    )
    assert "Residents, two staff, the allotment society" in response.content.decode()
    assert not Pilot.objects.exists()


def test_a_unit_of_another_organisation_cannot_be_chosen(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(URL, _data(user, unit=UnitFactory().pk))
    assert response.status_code == 400
    assert not Pilot.objects.exists()


def test_an_administrator_outside_any_organisation_starts_none(client):
    client.force_login(administrator())
    assert client.get(URL).status_code == 403
