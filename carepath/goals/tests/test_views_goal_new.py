import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.goals.models import Goal
from carepath.goals.tests.factories import case_of
from carepath.testing.factories import CaseFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("goals:goal_new", args=[case.pk])


def _data(**changes):
    data = {
        "citizen_words": "I want to learn English.",
        "title": "Follow an English course for beginners",
        "indicator": "Lessons attended",
        "target": "20 lessons",
        "due_on": (timezone.localdate() + datetime.timedelta(days=120)).isoformat(),
        "life_domain": LifeDomain.EDUCATION,
        "proposed_by": Goal.ProposedBy.CITIZEN,
    }
    return data | changes


def test_citizen_words_come_first_with_their_hint(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.get(_url(case))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index('id="id_citizen_words"') < body.index('id="id_title"')
    assert "write it as they say it" in body
    assert "---------" not in body


def test_case_worker_sets_a_goal(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/cases/{case.pk}/#goals")
    assert "The goal is set." in response.content.decode()
    goal = Goal.objects.get(case=case)
    assert goal.citizen_words == "I want to learn English."
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="goals.goal").exists()


def test_group_goal_choices_are_the_users_other_open_cases(client):
    case = CaseFactory()
    worker = case.signal.received_by
    other = case_of(worker)
    case_of(worker, status=Case.Status.CLOSED)
    CaseFactory()  # someone else's case
    client.force_login(worker)
    form = client.get(_url(case)).context["form"]
    assert list(form.fields["group_cases"].queryset) == [other]


def test_group_goal_is_shared_with_the_chosen_cases(client):
    case = CaseFactory()
    other = case_of(case.signal.received_by)
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(is_group_goal="on", group_cases=[other.pk]))
    assert response.status_code == 302
    assert list(Goal.objects.get().group_cases.all()) == [other]


def test_group_goal_without_people_answers_400_with_message_and_kept_input(client):
    case = CaseFactory()
    case_of(case.signal.received_by)
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(is_group_goal="on", citizen_words="We want a trip to the sea."))
    assert_form_error(
        response,
        "group_cases",
        "Choose at least one other person who shares this group goal.",
        kept=["We want a trip to the sea."],
    )
    assert not Goal.objects.exists()


def test_sharing_with_a_case_the_user_cannot_see_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(is_group_goal="on", group_cases=[CaseFactory().pk]))
    assert response.status_code == 400
    assert not Goal.objects.exists()


def test_due_date_in_the_past_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(_url(case), _data(due_on=yesterday))
    assert_form_error(response, "due_on", "cannot be in the past")


def test_missing_citizen_words_are_asked_for(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(citizen_words=""))
    assert_form_error(response, "citizen_words", "Write the goal in the citizen's own words.")


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_sets_a_goal(client, who, get, post):
    case = CaseFactory()
    client.force_login(someone(who, case))
    assert client.get(_url(case)).status_code == get
    assert client.post(_url(case), _data()).status_code == post
    assert Goal.objects.exists() == (post == 302)
