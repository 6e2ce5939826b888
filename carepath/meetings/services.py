"""Changes to network meetings. Each runs in one transaction and writes the audit log (ids only).

An action agreed in a meeting becomes a step of the case's plan through plans.services.add_step,
so a step made in a meeting follows the same rules as any other step.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.concurrency import save_versioned
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.meetings.models import MeetingAction, MeetingDecision, MeetingParticipant, NetworkMeeting
from carepath.plans import services as plan_services

CREATE = AuditEvent.Action.CREATE
UPDATE = AuditEvent.Action.UPDATE

MEETING_FIELDS = [
    "title",
    "starts_at",
    "ends_at",
    "place",
    "agenda",
    "strategy",
    "minutes",
    "status",
    "is_restricted",
    "restriction_reason",
]


class CaseClosed(ValueError):
    """Meetings, like the plan, are work on an open case."""


@dataclass(frozen=True)
class Participant:
    kind: str  # MeetingParticipant.Kind
    user: User | None = None
    name: str = ""
    relation: str = ""
    attended: bool = True


@dataclass(frozen=True)
class Action:
    what: str
    goal: Goal
    due_on: datetime.date
    owner: User | None = None
    owner_name: str = ""


@dataclass(frozen=True)
class MeetingFields:
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str = ""
    agenda: str = ""
    strategy: str = ""
    minutes: str = ""
    status: str = NetworkMeeting.Status.PLANNED
    is_restricted: bool = False
    restriction_reason: str = ""


def _check(case: Case, fields: MeetingFields, actions: Sequence[Action]) -> None:
    if case.status != Case.Status.OPEN:
        raise CaseClosed("network meetings are held on open cases")
    if fields.is_restricted and not fields.restriction_reason.strip():
        raise ValueError("restricted minutes need a reason")
    if fields.ends_at < fields.starts_at:
        raise ValueError("a meeting ends after it starts")
    goal_ids = set(Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case.pk)).values_list("pk", flat=True))
    if any(action.goal.pk not in goal_ids for action in actions):
        raise ValueError("an action's goal is not a goal of the case")
    if any(not (action.owner_name.strip() or action.owner) for action in actions):
        raise ValueError("an action needs an owner")


def _values(fields: MeetingFields) -> dict[str, object]:
    values = {name: getattr(fields, name) for name in MEETING_FIELDS}
    values["restriction_reason"] = fields.restriction_reason.strip() if fields.is_restricted else ""
    return values


@transaction.atomic
def plan_meeting(
    *,
    case: Case,
    by: User,
    fields: MeetingFields,
    participants: Sequence[Participant] = (),
    decisions: Sequence[str] = (),
    actions: Sequence[Action] = (),
) -> NetworkMeeting:
    """Record a network meeting on an open case, with who takes part, what was decided and who does what."""
    _check(case, fields, actions)
    meeting = NetworkMeeting(case=case, created_by=by, **_values(fields))
    meeting.save()
    policy.record(by, CREATE, meeting, case=case)
    _set_participants(meeting, participants)
    _set_decisions(meeting, decisions)
    _add_actions(meeting, case=case, by=by, actions=actions)
    return meeting


@transaction.atomic
def update_meeting(
    *,
    meeting: NetworkMeeting,
    case: Case,
    by: User,
    seen_version: int,
    fields: MeetingFields,
    participants: Sequence[Participant] = (),
    decisions: Sequence[str] = (),
    actions: Sequence[Action] = (),
) -> NetworkMeeting:
    """Change a meeting; raises StaleEdit if someone saved it since `seen_version`.

    Participants and decisions are replaced by the ones given. Actions already agreed stay (each has
    its step in the plan, changed there); `actions` are new ones, each adding one more step.
    """
    _check(case, fields, actions)
    for name, value in _values(fields).items():
        setattr(meeting, name, value)
    save_versioned(meeting, expected_version=seen_version, fields=MEETING_FIELDS)
    policy.record(by, UPDATE, meeting, case=case)
    meeting.participants.all().delete()
    meeting.decisions.all().delete()
    _set_participants(meeting, participants)
    _set_decisions(meeting, decisions)
    _add_actions(meeting, case=case, by=by, actions=actions)
    return meeting


def _set_participants(meeting: NetworkMeeting, participants: Sequence[Participant]) -> None:
    MeetingParticipant.objects.bulk_create(
        MeetingParticipant(
            meeting=meeting,
            authority_id=meeting.authority_id,
            kind=p.kind,
            user=p.user,
            name=p.name.strip(),
            relation=p.relation.strip(),
            attended=p.attended,
        )
        for p in participants
    )


def _set_decisions(meeting: NetworkMeeting, decisions: Sequence[str]) -> None:
    texts = [text.strip() for text in decisions if text.strip()]
    MeetingDecision.objects.bulk_create(
        MeetingDecision(meeting=meeting, authority_id=meeting.authority_id, position=n, text=text)
        for n, text in enumerate(texts, start=1)
    )


def _add_actions(meeting: NetworkMeeting, *, case: Case, by: User, actions: Sequence[Action]) -> None:
    """Each action becomes exactly one step of its goal: who is the owner's name, by when its due date."""
    for action in actions:
        owner_name = action.owner_name.strip() or (
            action.owner.get_full_name() or action.owner.username if action.owner else ""
        )
        step = plan_services.add_step(
            goal=action.goal, case=case, by=by, what=action.what, who=owner_name, due_on=action.due_on
        )
        made = MeetingAction.objects.create(
            meeting=meeting,
            what=action.what,
            owner=action.owner,
            owner_name=owner_name,
            due_on=action.due_on,
            goal=action.goal,
            step=step,
        )
        policy.record(by, CREATE, made, case=case)
