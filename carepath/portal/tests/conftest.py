import datetime

import pytest
from django.utils import timezone

from carepath.testing.factories import (
    CaseFactory,
    CitizenFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ProxyFactory,
    RelativeFactory,
    SavingsPlanFactory,
    StepFactory,
    StepPictureFactory,
)

SHARED_NOTE = "Jonas went to the bus stop on his own."
RESTRICTED_NOTE = "Talked with his guardian about the debts."


@pytest.fixture
def citizen(db):
    """A citizen whose open case has a goal, steps (one today, with a picture), savings, notes and a talk."""
    user = CitizenFactory()
    case = CaseFactory(signal__person=user.person)
    goal = GoalFactory(case=case, citizen_words="I want to take the bus to my job on my own.")
    today = timezone.localdate()
    StepPictureFactory(step=StepFactory(goal=goal, what="Walk to the bus stop with Ieva", due_on=today))
    StepFactory(goal=goal, what="Buy a bus card", due_on=today + datetime.timedelta(days=3))
    SavingsPlanFactory(goal=goal)
    EvaluationMomentFactory(case=case, planned_on=today + datetime.timedelta(days=20))
    ProgressNoteFactory(case=case, goal=goal, text=SHARED_NOTE)
    ProgressNoteFactory(case=case, text=RESTRICTED_NOTE, is_restricted=True, restriction_reason="Guardian asked")
    return user


@pytest.fixture
def relative(citizen):
    """A relative with an active proxy to follow the citizen's progress."""
    return ProxyFactory(person=citizen.person, granted_by=citizen).representative


@pytest.fixture
def plan_relative(citizen):
    return ProxyFactory(person=citizen.person, granted_by=citizen, scope="plan_notes").representative


@pytest.fixture
def other_relative(db):
    return RelativeFactory()
