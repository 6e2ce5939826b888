"""The list of pilots: a unit's organisation sees its pilots, filtered by step; nobody else does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.learning.tests.factories import AfterActionReviewFactory
from carepath.pilots.models import Step
from carepath.pilots.tests.factories import PilotFactory
from carepath.practices.tests.factories import PracticeFactory
from carepath.testing.factories import UserFactory
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db
URL = reverse("pilots:pilot_list")


def test_the_list_shows_the_organisations_pilots_with_their_step(client):
    user = UserFactory()
    PilotFactory(unit=user.unit, title="Residents plan the garden", step=Step.ASSESS)
    PilotFactory(title="Someone else's pilot")
    client.force_login(user)
    body = client.get(URL).content.decode()
    assert "Residents plan the garden" in body and "4. Assess the outcomes" in body
    assert "Someone else&#x27;s pilot" not in body and "Someone else's pilot" not in body
    assert reverse("pilots:pilot_new") in body
    assert reverse("learning:review_list") in body  # among the learning records


def test_the_list_filters_by_step(client):
    user = UserFactory()
    PilotFactory(unit=user.unit, title="Exploring", step=Step.EXPLORE)
    PilotFactory(unit=user.unit, title="Assessing", step=Step.ASSESS)
    client.force_login(user)
    body = client.get(URL, {"step": Step.EXPLORE}).content.decode()
    assert "Exploring" in body and "Assessing" not in body


def test_an_unknown_step_is_a_filter_error_not_a_crash(client):
    user = UserFactory()
    PilotFactory(unit=user.unit, title="Exploring")
    client.force_login(user)
    response = client.get(URL, {"step": "nowhere"})
    assert response.status_code == 200
    assert "Exploring" in response.content.decode()  # an invalid filter filters nothing


def test_an_administrator_outside_any_organisation_sees_none_and_cannot_start_one(client):
    PilotFactory(title="Residents plan the garden")
    client.force_login(administrator())
    body = client.get(URL).content.decode()
    assert "Residents plan the garden" not in body
    assert reverse("pilots:pilot_new") not in body


def test_the_list_queries_do_not_grow_with_pilots(client, django_assert_max_num_queries):
    user = UserFactory()
    PilotFactory(unit=user.unit)
    client.force_login(user)
    with CaptureQueriesContext(connection) as before:
        client.get(URL)
    for _ in range(5):
        pilot = PilotFactory(unit=user.unit, practice=PracticeFactory(owner=user.organisation))
        AfterActionReviewFactory(unit=user.unit, pilot=pilot)
    with django_assert_max_num_queries(len(before)):
        response = client.get(URL)
    assert response.content.decode().count("Became a practice") == 5
