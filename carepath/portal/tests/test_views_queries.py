"""The portal's pages cost the same number of queries however much is in the file (issue 6)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carepath.cases.models import Case
from carepath.testing.factories import (
    GoalFactory,
    ProgressNoteFactory,
    SavingsPlanFactory,
    StepFactory,
    StepPictureFactory,
)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _more_of_everything(case):
    today = timezone.localdate()
    for n in range(4):
        goal = GoalFactory(case=case, citizen_words=f"Wish {n}")
        StepPictureFactory(step=StepFactory(goal=goal, due_on=today))
        StepFactory(goal=goal, due_on=today + datetime.timedelta(days=2))
        SavingsPlanFactory(goal=goal)
        ProgressNoteFactory(case=case, goal=goal)


@pytest.mark.parametrize("page", ["home", "goals", "plan", "notes"])
def test_portal_page_costs_the_same_queries_with_one_goal_or_five(client, citizen, page):
    client.force_login(citizen)
    url = reverse(f"portal:{page}", args=[citizen.person_id])
    client.get(url)  # the first request loads the session
    before = _queries(client, url)
    _more_of_everything(Case.objects.get(person=citizen.person))
    assert _queries(client, url) == before
