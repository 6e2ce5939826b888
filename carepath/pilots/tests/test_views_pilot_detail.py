"""A pilot's page: where it is on the roadmap, its texts, its reviews and inquiries, and its practice."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.learning.tests.factories import AfterActionReviewFactory, AppreciativeInquiryFactory
from carepath.pilots.models import Step
from carepath.pilots.tests.factories import PilotFactory
from carepath.practices.tests.factories import PracticeFactory
from carepath.testing.factories import ProviderStaffFactory, UnitFactory, UserFactory
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db


def _url(pilot):
    return reverse("pilots:pilot_detail", args=[pilot.pk])


def test_the_page_shows_the_roadmap_the_texts_and_the_records(client):
    pilot = PilotFactory(step=Step.ASSESS, decisions="The council holds the budget.")
    review = AfterActionReviewFactory(unit=pilot.unit, pilot=pilot, subject="First harvest")
    inquiry = AppreciativeInquiryFactory(unit=pilot.unit, pilot=pilot, subject="What works in the garden")
    client.force_login(pilot.created_by)
    response = client.get(_url(pilot))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Step 4 of 5: Assess the outcomes" in body
    assert body.count("govuk-task-list__item") == 5
    assert body.index("Explore empowerment") < body.index("Kick-start the idea") < body.index("Keep the momentum")
    assert body.count(">Done<") == 3 and "The pilot is here" in body and body.count("Not yet") == 1
    assert "Reflect on and discuss your experiences".lower() in body.lower()
    assert "The council holds the budget." in body and "Residents run the garden&#x27;s budget." in body
    assert reverse("learning:review_detail", args=[review.pk]) in body
    assert reverse("learning:inquiry_detail", args=[inquiry.pk]) in body
    assert f"{reverse('learning:review_new')}?pilot={pilot.pk}" in body
    assert f"{reverse('learning:inquiry_new')}?pilot={pilot.pk}" in body
    assert f"{reverse('practices:practice_new')}?pilot={pilot.pk}" in body


def test_a_pilot_that_became_a_practice_links_to_it_and_is_not_offered_again(client):
    pilot = PilotFactory()
    pilot.practice = PracticeFactory(owner=pilot.unit.organisation, title="The residents' garden")
    pilot.save()
    client.force_login(pilot.created_by)
    body = client.get(_url(pilot)).content.decode()
    assert reverse("practices:practice_detail", args=[pilot.practice_id]) in body
    assert "?pilot=" in body  # the review and inquiry links stay
    assert reverse("practices:practice_new") not in body


def test_only_the_units_organisation_sees_it_and_a_refusal_is_audited(client):
    pilot = PilotFactory()
    colleague = ProviderStaffFactory(unit=UnitFactory(organisation=pilot.unit.organisation), role="team_leader")
    client.force_login(colleague)
    assert client.get(_url(pilot)).status_code == 200
    for outsider in (UserFactory(), ProviderStaffFactory(), administrator()):
        client.force_login(outsider)
        assert client.get(_url(pilot)).status_code == 404
    assert AuditEvent.objects.filter(action="denied", what="pilots.pilot", object_id=pilot.pk).count() == 3


def test_the_page_queries_do_not_grow_with_records(client, django_assert_max_num_queries):
    pilot = PilotFactory(practice=None)
    client.force_login(pilot.created_by)
    AfterActionReviewFactory(unit=pilot.unit, pilot=pilot)
    with CaptureQueriesContext(connection) as before:
        client.get(_url(pilot))
    AfterActionReviewFactory.create_batch(4, unit=pilot.unit, pilot=pilot)
    AppreciativeInquiryFactory.create_batch(5, unit=pilot.unit, pilot=pilot)
    pilot.practice = PracticeFactory(owner=pilot.unit.organisation)
    pilot.save()
    with django_assert_max_num_queries(len(before)):
        response = client.get(_url(pilot))
    assert response.content.decode().count(reverse("learning:inquiry_new")) == 1
