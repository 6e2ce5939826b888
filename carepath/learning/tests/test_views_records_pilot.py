"""After Action Reviews and Appreciative Inquiries of a pilot: the pilot is chosen among those one may see."""

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.learning.models import AfterActionReview, AppreciativeInquiry
from carepath.learning.tests.factories import AfterActionReviewFactory
from carepath.pilots.tests.factories import PilotFactory
from carepath.testing.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXTS = {
    "review": {"planned": "Three beds", "happened": "Two beds", "why_different": "Rain", "lessons": "Plant later"},
    "inquiry": {"discover": "Harvest day", "dream": "A market stall", "design": "A rota", "destiny": "Rasa, May"},
}
MODELS = {"review": AfterActionReview, "inquiry": AppreciativeInquiry}


@pytest.mark.parametrize("kind", ["review", "inquiry"])
def test_the_new_page_of_a_pilot_preselects_it(client, kind):
    user = UserFactory()
    unit = UnitFactory(organisation=user.organisation)
    pilot = PilotFactory(unit=unit, title="Residents plan the garden")
    client.force_login(user)
    body = client.get(reverse(f"learning:{kind}_new"), {"pilot": pilot.pk}).content.decode()
    assert f'<option value="{pilot.pk}" selected>Residents plan the garden</option>' in body
    assert f'<option value="{unit.pk}" selected>' in body  # the pilot's unit
    assert reverse("pilots:pilot_detail", args=[pilot.pk]) in body  # cancel goes back to the pilot


@pytest.mark.parametrize("kind", ["review", "inquiry"])
def test_a_record_about_a_pilot_is_saved_with_it_and_shown_both_ways(client, kind):
    user = UserFactory()
    pilot = PilotFactory(unit=user.unit, title="Residents plan the garden")
    client.force_login(user)
    data = {"unit": user.unit_id, "subject": "First harvest", "held_on": timezone.localdate().isoformat()}
    response = client.post(
        reverse(f"learning:{kind}_new") + f"?pilot={pilot.pk}", data | TEXTS[kind] | {"pilot": pilot.pk}
    )
    saved = MODELS[kind].objects.get()
    assert response.status_code == 302 and saved.pilot == pilot
    assert reverse("pilots:pilot_detail", args=[pilot.pk]) in client.get(response["Location"]).content.decode()
    assert "First harvest" in client.get(reverse("pilots:pilot_detail", args=[pilot.pk])).content.decode()


@pytest.mark.parametrize("kind", ["review", "inquiry"])
def test_a_pilot_of_another_organisation_is_neither_offered_nor_accepted(client, kind):
    user = UserFactory()
    theirs = PilotFactory(title="Their secret pilot")
    client.force_login(user)
    body = client.get(reverse(f"learning:{kind}_new"), {"pilot": theirs.pk}).content.decode()
    assert "Their secret pilot" not in body
    data = {"unit": user.unit_id, "subject": "First harvest", "held_on": timezone.localdate().isoformat()}
    response = client.post(reverse(f"learning:{kind}_new"), data | TEXTS[kind] | {"pilot": theirs.pk})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not MODELS[kind].objects.exists()


def test_a_record_needs_no_pilot(client):
    review = AfterActionReviewFactory()
    client.force_login(review.created_by)
    body = client.get(reverse("learning:review_detail", args=[review.pk])).content.decode()
    assert "/pilots/" not in body.split("<main", 1)[-1].split("</main>", 1)[0]
