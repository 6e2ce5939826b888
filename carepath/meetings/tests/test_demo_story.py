from io import StringIO

import pytest
from django.core.management import call_command

from carepath.meetings.models import NetworkMeeting
from carepath.plans.models import Step

pytestmark = pytest.mark.django_db


def test_the_silva_family_meets_the_school_the_family_helper_and_the_case_worker():
    call_command("demo", stdout=StringIO())
    meeting = NetworkMeeting.objects.get(case__person__given_name="Beatriz", case__person__family_name="Silva")
    kinds = sorted(meeting.participants.values_list("kind", flat=True))
    assert kinds == ["family", "family", "guest", "professional", "professional"]
    organisations = {p.user.organisation.kind for p in meeting.participants.filter(kind="professional")}
    assert organisations == {"authority", "provider"}
    assert meeting.decisions.count() == 2 and meeting.strategy
    steps = Step.objects.filter(meeting_action__meeting=meeting)
    assert steps.count() == 2
    assert all(step.goal.case_id == meeting.case_id for step in steps)
