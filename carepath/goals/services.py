"""Changes to goals. Each function is one transaction and writes the audit log."""

import datetime
from collections.abc import Iterable

from django.db import transaction

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.concurrency import save_versioned
from carepath.goals.models import Goal
from carepath.organisations.authority import set_links
from carepath.portal.models import Wish

EDITABLE = ["citizen_words", "title", "indicator", "target", "due_on", "life_domain", "proposed_by", "is_group_goal"]


class GroupGoalRuleBroken(ValueError):
    """A group goal is shared with at least one other case the user sees, and only with such cases,
    all of the goal's own authority."""


def _check_group(
    *, case: Case, by: User, is_group_goal: bool, group_cases: Iterable[Case], unseen: int = 0
) -> list[Case]:
    cases = list(group_cases) if is_group_goal else []
    if is_group_goal and not cases and not unseen:
        raise GroupGoalRuleBroken("a group goal needs at least one other case")
    ids = {c.pk for c in cases}
    if case.pk in ids:
        raise GroupGoalRuleBroken("a goal is not shared with its own case")
    if len(ids) != policy.visible_cases(by).filter(pk__in=ids).count():
        raise GroupGoalRuleBroken("a goal is shared only with cases the user sees")
    if any(c.authority_id != case.authority_id for c in cases):
        raise GroupGoalRuleBroken("a goal is shared only with cases of its own authority")
    return cases


@transaction.atomic
def create_goal(
    *,
    case: Case,
    by: User,
    citizen_words: str,
    title: str,
    indicator: str,
    target: str,
    due_on: datetime.date,
    life_domain: str,
    proposed_by: str,
    is_group_goal: bool = False,
    group_cases: Iterable[Case] = (),
    wish: Wish | None = None,
) -> Goal:
    """Set a goal with the citizen; a group goal is shared with the other people's cases.

    A goal set from a wish the citizen wrote in the portal marks the wish as taken up.
    """
    shared = _check_group(case=case, by=by, is_group_goal=is_group_goal, group_cases=group_cases)
    goal = Goal.objects.create(
        case=case,
        citizen_words=citizen_words,
        title=title,
        indicator=indicator,
        target=target,
        due_on=due_on,
        life_domain=life_domain,
        proposed_by=proposed_by,
        is_group_goal=is_group_goal,
        created_by=by,
    )
    set_links(goal.group_cases, shared)
    policy.record(by, AuditEvent.Action.CREATE, goal, case=case)
    if wish is not None:
        wish.taken_up_in = goal
        wish.save(update_fields=["taken_up_in"])
        policy.record(by, AuditEvent.Action.UPDATE, wish, case=case)
    return goal


@transaction.atomic
def update_goal(
    *,
    goal: Goal,
    by: User,
    seen_version: int,
    group_cases: Iterable[Case] = (),
    **fields: object,
) -> Goal:
    """Change a goal; raises StaleEdit if someone saved it since `seen_version`.

    Cases the goal is shared with that `by` cannot see stay shared: nobody removes what they cannot see.
    """
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(goal, name, value)
    unseen = list(goal.group_cases.exclude(pk__in=policy.visible_cases(by).values("pk")))
    shared = _check_group(
        case=goal.case, by=by, is_group_goal=goal.is_group_goal, group_cases=group_cases, unseen=len(unseen)
    )
    save_versioned(goal, expected_version=seen_version, fields=list(fields))
    set_links(goal.group_cases, [*shared, *unseen] if goal.is_group_goal else [])
    policy.record(by, AuditEvent.Action.UPDATE, goal, case=goal.case)
    return goal


@transaction.atomic
def change_status(*, goal: Goal, by: User, status: str, seen_version: int) -> Goal:
    """Mark a goal as being worked on, achieved or stopped; raises StaleEdit on a stale form."""
    goal.status = status
    save_versioned(goal, expected_version=seen_version, fields=["status"])
    policy.record(by, AuditEvent.Action.UPDATE, goal, case=goal.case)
    return goal
