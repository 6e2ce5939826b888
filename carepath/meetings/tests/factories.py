"""Network meetings for tests, made through the services so their steps and audit entries are real."""

import datetime

from django.utils import timezone

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.meetings import services
from carepath.meetings.models import MeetingParticipant, NetworkMeeting


def fields(**overrides: object) -> services.MeetingFields:
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    values: dict[str, object] = {
        "title": "Network meeting about school",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=1),
        "place": "Escola Básica, room 4",
        "agenda": "How the mornings go",
        "strategy": "One plan for the mornings, shared by school and family",
        "minutes": "The parents told how the mornings go.",
        "status": NetworkMeeting.Status.HELD,
    }
    values.update(overrides)
    return services.MeetingFields(**values)  # type: ignore[arg-type]


def held_meeting_of(case: Case, *, by: User, goal: Goal | None = None, **overrides: object) -> NetworkMeeting:
    """A held meeting: `by`, the citizen and a mother take part; two decisions; one action on `goal` if given."""
    kind = MeetingParticipant.Kind
    actions = []
    if goal is not None:
        actions.append(
            services.Action(
                what="Walk to school together",
                goal=goal,
                due_on=timezone.localdate() + datetime.timedelta(days=7),
                owner_name="Ana (mother)",
            )
        )
    return services.plan_meeting(
        case=case,
        by=by,
        fields=fields(**overrides),
        participants=[
            services.Participant(kind.PROFESSIONAL, user=by),
            services.Participant(kind.CITIZEN, name=str(case.person)),
            services.Participant(kind.FAMILY, name="Ana", relation="mother"),
        ],
        decisions=["The school calls the mother first", "We meet again in a month"],
        actions=actions,
    )
