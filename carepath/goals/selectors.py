"""Reads for goals, always starting from the access policy."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.goals.models import Goal, GoalGroupCase


def shareable_cases(user: User, *, case: Case, keep: Iterable[int] = ()) -> QuerySet[Case]:
    """Open cases `user` sees, other than `case`, that a group goal of `case` may be shared with:
    cases of the same authority only (a goal is one authority's record; docs/scaling.md, section 4).

    `keep` are the ids already shared, kept as choices even when their case has closed since.
    """
    return (
        policy.visible_cases(user)
        .filter(Q(status=Case.Status.OPEN) | Q(pk__in=list(keep)), authority_id=case.authority_id)
        .exclude(pk=case.pk)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )


def ids_of_case(case_id: int) -> QuerySet[Any]:
    """The ids of a case's goals: its own and the group goals it shares.

    A UNION of two indexed lookups, for `pk__in`: "own OR shared" written as one filter joins the
    group table to every goal and the database reads the whole goal table (issue 6: a million goals).
    """
    own = Goal.objects.filter(case_id=case_id).order_by().values("pk")
    shared = GoalGroupCase.objects.filter(case_id=case_id).order_by().values("goal_id")
    return own.union(shared)


def ids_of_person(person_id: int) -> QuerySet[Any]:
    """The ids of the goals of all the person's cases, own and shared group goals (see ids_of_case)."""
    own = Goal.objects.filter(case__person_id=person_id).order_by().values("pk")
    shared = GoalGroupCase.objects.filter(case__person_id=person_id).order_by().values("goal_id")
    return own.union(shared)
