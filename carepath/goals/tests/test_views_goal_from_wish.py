"""A wish the citizen writes in the portal shows on the case and becomes a goal in their words."""

import pytest
from django.urls import reverse

from carepath.goals.models import Goal
from carepath.portal.models import Wish
from carepath.testing.factories import CaseFactory, CitizenFactory
from carepath.testing.pages import case_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def wish():
    case = CaseFactory()
    citizen = CitizenFactory(person=case.person)
    return Wish.objects.create(case=case, text="I want to learn to swim.", written_by=citizen)


def test_the_case_page_shows_the_new_wish_with_a_way_to_take_it_up(client, wish):
    page = case_page(client, wish.case)
    assert "I want to learn to swim." in page
    assert f"{reverse('goals:goal_new', args=[wish.case.pk])}?wish={wish.pk}" in page


def test_the_goal_form_starts_from_the_wish_and_saving_takes_it_up(client, wish):
    case = wish.case
    client.force_login(case.signal.received_by)
    url = f"{reverse('goals:goal_new', args=[case.pk])}?wish={wish.pk}"
    form = client.get(url).content.decode()
    assert "I want to learn to swim.</textarea>" in form
    assert 'value="citizen" class="govuk-radios__input" id="id_proposed_by_0" required checked' in form
    data = {
        "citizen_words": "I want to learn to swim.",
        "title": "Swim 25 metres",
        "indicator": "Metres swum without help",
        "target": "25 metres",
        "due_on": "2027-06-30",
        "life_domain": "leisure",
        "proposed_by": "citizen",
    }
    assert client.post(url, data).status_code == 302
    goal = Goal.objects.get(title="Swim 25 metres")
    wish.refresh_from_db()
    assert wish.taken_up_in == goal
    assert "Set a goal from this wish" not in case_page(client, case)


def test_a_wish_of_another_case_is_ignored(client, wish):
    other = CaseFactory()
    client.force_login(other.signal.received_by)
    form = client.get(f"{reverse('goals:goal_new', args=[other.pk])}?wish={wish.pk}").content.decode()
    assert "I want to learn to swim." not in form
