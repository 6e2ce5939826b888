import datetime

import pytest
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.concurrency import StaleEdit
from carepath.meetings import services
from carepath.meetings.models import MeetingAction, MeetingDecision, NetworkMeeting
from carepath.meetings.tests.factories import fields, held_meeting_of
from carepath.plans.models import Step
from carepath.testing.factories import CaseFactory, GoalFactory

pytestmark = pytest.mark.django_db


def test_an_action_becomes_exactly_one_step_of_its_goal_with_owner_and_date():
    case = CaseFactory()
    goal = GoalFactory(case=case)
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker, goal=goal)
    action = MeetingAction.objects.get(meeting=meeting)
    step = Step.objects.get()
    assert action.step == step
    assert (step.goal, step.what, step.who, step.due_on, step.created_by) == (
        goal,
        "Walk to school together",
        "Ana (mother)",
        action.due_on,
        worker,
    )
    assert step.authority_id == case.authority_id == meeting.authority_id


def test_an_action_owned_by_a_professional_names_them_on_the_step():
    case = CaseFactory()
    goal = GoalFactory(case=case)
    worker = case.signal.received_by
    worker.first_name, worker.last_name = "Rita", "Vaz"
    worker.save()
    action = services.Action(what="Call the school", goal=goal, due_on=timezone.localdate(), owner=worker)
    services.plan_meeting(case=case, by=worker, fields=fields(), actions=[action])
    assert Step.objects.get().who == "Rita Vaz"
    assert MeetingAction.objects.get().owner == worker


def test_editing_a_meeting_keeps_its_steps_and_adds_one_per_new_action():
    case = CaseFactory()
    goal = GoalFactory(case=case)
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker, goal=goal)
    new = services.Action(what="Visit at home", goal=goal, due_on=timezone.localdate(), owner_name="Rita")
    services.update_meeting(
        meeting=meeting,
        case=case,
        by=worker,
        seen_version=meeting.version,
        fields=fields(title="Changed"),
        decisions=["Only one"],
        actions=[new],
    )
    assert Step.objects.count() == 2
    assert list(MeetingDecision.objects.values_list("position", "text")) == [(1, "Only one")]
    assert NetworkMeeting.objects.get().title == "Changed"


def test_decisions_keep_their_order():
    case = CaseFactory()
    meeting = held_meeting_of(case, by=case.signal.received_by)
    decisions = ["The school calls the mother first", "We meet again in a month"]
    assert [d.text for d in meeting.decisions.all()] == decisions


def test_restricted_minutes_need_a_reason():
    case = CaseFactory()
    with pytest.raises(ValueError, match="reason"):
        services.plan_meeting(case=case, by=case.signal.received_by, fields=fields(is_restricted=True))
    assert not NetworkMeeting.objects.exists()


def test_a_closed_case_is_refused_and_nothing_is_written():
    case = CaseFactory(status=Case.Status.CLOSED)
    goal = GoalFactory(case=case)
    with pytest.raises(services.CaseClosed):
        held_meeting_of(case, by=case.signal.received_by, goal=goal)
    assert not NetworkMeeting.objects.exists()
    assert not Step.objects.exists()


def test_an_action_on_a_goal_of_another_case_is_refused():
    case = CaseFactory()
    with pytest.raises(ValueError, match="goal"):
        held_meeting_of(case, by=case.signal.received_by, goal=GoalFactory())
    assert not Step.objects.exists()


def test_a_stale_edit_raises_and_changes_nothing():
    case = CaseFactory()
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker)
    services.update_meeting(meeting=meeting, case=case, by=worker, seen_version=1, fields=fields(title="First"))
    stale = NetworkMeeting.objects.get()
    with pytest.raises(StaleEdit):
        services.update_meeting(meeting=stale, case=case, by=worker, seen_version=1, fields=fields(title="Second"))
    assert NetworkMeeting.objects.get().title == "First"


def test_changes_are_audited_with_ids_only():
    case = CaseFactory()
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker, goal=GoalFactory(case=case))
    written = list(AuditEvent.objects.filter(user=worker, action="create").values_list("what", "case_id"))
    assert ("meetings.networkmeeting", case.pk) in written
    assert ("plans.step", case.pk) in written
    assert ("meetings.meetingaction", case.pk) in written
    assert AuditEvent.objects.filter(what="meetings.networkmeeting", object_id=meeting.pk).count() == 1


def test_a_meeting_ends_after_it_starts():
    case = CaseFactory()
    start = timezone.now()
    with pytest.raises(ValueError, match="ends after"):
        services.plan_meeting(
            case=case,
            by=case.signal.received_by,
            fields=fields(starts_at=start, ends_at=start - datetime.timedelta(minutes=5)),
        )
