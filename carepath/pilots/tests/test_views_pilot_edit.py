"""Changing a pilot: versioned, so a concurrent change answers 409 and keeps what was typed."""

import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.pilots.models import Pilot, Step
from carepath.pilots.tests.factories import PilotFactory
from carepath.testing.factories import UserFactory
from carepath.testing.forms import assert_form_error

pytestmark = pytest.mark.django_db


def _url(pilot):
    return reverse("pilots:pilot_edit", args=[pilot.pk])


def _data(pilot, **changes):
    data = {
        "title": pilot.title,
        "unit": pilot.unit_id,
        "step": pilot.step,
        "started_on": pilot.started_on.isoformat(),
        "stakeholders": pilot.stakeholders,
        "objectives": pilot.objectives,
        "success_factors": pilot.success_factors,
        "scenarios": pilot.scenarios,
        "decisions": pilot.decisions,
        "keep_momentum": pilot.keep_momentum,
        "notes": pilot.notes,
        "seen_version": pilot.version,
    }
    return data | changes


def test_staff_move_the_pilot_on_and_it_is_audited(client):
    pilot = PilotFactory(step=Step.IDENTIFY)
    client.force_login(pilot.created_by)
    page = client.get(_url(pilot)).content.decode()
    assert 'name="seen_version"' in page and pilot.title in page
    response = client.post(_url(pilot), _data(pilot, step=Step.ASSESS, notes="Harvest in September"))
    assert response.status_code == 302 and response["Location"] == reverse("pilots:pilot_detail", args=[pilot.pk])
    stored = Pilot.objects.get(pk=pilot.pk)
    assert (stored.step, stored.notes, stored.version) == (Step.ASSESS, "Harvest in September", 2)
    assert AuditEvent.objects.filter(user=pilot.created_by, action="update", what="pilots.pilot").exists()


def test_a_stale_change_answers_409_and_keeps_the_typed_text(client):
    pilot = PilotFactory(notes="Before")
    client.force_login(pilot.created_by)
    Pilot.objects.filter(pk=pilot.pk).update(notes="A colleague's notes", version=2)
    response = client.post(_url(pilot), _data(pilot, notes="My notes from the old form"))
    assert_form_error(response, None, "Someone else changed this record while you were editing it.", status=409)
    body = response.content.decode()
    assert "My notes from the old form" in body
    assert 'name="seen_version" value="2"' in body  # the next save applies to the current version
    assert Pilot.objects.get(pk=pilot.pk).notes == "A colleague's notes"
    again = client.post(_url(pilot), _data(pilot, notes="My notes from the old form", seen_version=2))
    assert again.status_code == 302
    assert Pilot.objects.get(pk=pilot.pk).notes == "My notes from the old form"


def test_a_change_with_errors_answers_400_and_keeps_the_input(client):
    pilot = PilotFactory()
    client.force_login(pilot.created_by)
    response = client.post(_url(pilot), _data(pilot, title="", decisions="Decided at the kick-off"))
    assert_form_error(response, "title", "Enter the title of the pilot.", kept=["Decided at the kick-off"])
    assert Pilot.objects.get(pk=pilot.pk).title == pilot.title


def test_another_organisation_cannot_change_it(client):
    pilot = PilotFactory(title="Ours")
    client.force_login(UserFactory())
    assert client.get(_url(pilot)).status_code == 404
    assert client.post(_url(pilot), _data(pilot, title="Theirs")).status_code == 404
    assert Pilot.objects.get(pk=pilot.pk).title == "Ours"
