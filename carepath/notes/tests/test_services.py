import pytest

from carepath.audit.models import AuditEvent
from carepath.notes import services
from carepath.testing.factories import GoalFactory, StepFactory

pytestmark = pytest.mark.django_db


def test_a_note_on_a_step_is_tied_to_its_goal_and_audited():
    step = StepFactory()
    case = step.goal.case
    note = services.write_note(case=case, by=step.created_by, text="Bought the ticket alone.", step=step)
    assert (note.goal, note.step, note.is_restricted, note.restriction_reason) == (step.goal, step, False, "")
    assert note.written_at is not None
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="notes.progressnote").count() == 1


def test_a_restricted_note_keeps_its_reason():
    goal = GoalFactory()
    note = services.write_note(case=goal.case, by=goal.created_by, text="About the brother.", goal=goal,
                               is_restricted=True, restriction_reason="Concerns a third person")
    assert (note.is_restricted, note.restriction_reason) == (True, "Concerns a third person")


def test_a_restricted_note_without_reason_is_refused():
    goal = GoalFactory()
    with pytest.raises(ValueError, match="reason"):
        services.write_note(case=goal.case, by=goal.created_by, text="x", is_restricted=True, restriction_reason=" ")


def test_a_step_of_another_goal_is_refused():
    goal = GoalFactory()
    other_step = StepFactory(goal=GoalFactory(case=goal.case))
    with pytest.raises(ValueError, match="not a step of the goal"):
        services.write_note(case=goal.case, by=goal.created_by, text="x", goal=goal, step=other_step)
