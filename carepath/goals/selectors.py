"""Reads for goals, always starting from the access policy."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases.models import Case


def shareable_cases(user: User, *, case: Case, keep: Iterable[int] = ()) -> QuerySet[Case]:
    """Open cases `user` sees, other than `case`, that a group goal of `case` may be shared with.

    `keep` are the ids already shared, kept as choices even when their case has closed since.
    """
    return (
        policy.visible_cases(user)
        .filter(Q(status=Case.Status.OPEN) | Q(pk__in=list(keep)))
        .exclude(pk=case.pk)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )
