"""Reading reminders and calendar feeds, and what a feed lists (starting from the access policy)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases import selectors as case_selectors
from carepath.cases.models import Case, Deadline
from carepath.plans.models import Step
from carepath.portal import selectors as portal_selectors
from carepath.reminders.models import CalendarFeed, Reminder, digest

OPEN_STEP = (Step.Status.PLANNED, Step.Status.IN_PROGRESS)


def reminders_of(user: User) -> QuerySet[Reminder]:
    """The user's own reminders, newest first. They carry no content of a file (see models.Reminder)."""
    return Reminder.objects.filter(user_id=user.pk).order_by("-created_at", "-pk")


def unread_count(user: User) -> int:
    """How many of the user's reminders they have not marked as read."""
    return Reminder.objects.filter(user_id=user.pk, read_at__isnull=True).count()


def active_feed(owner: User) -> CalendarFeed | None:
    """The owner's calendar feed that still works, if any (making a new one revokes the old)."""
    return CalendarFeed.objects.filter(owner_id=owner.pk, revoked_at__isnull=True).first()


def feed_by_token(token: str) -> CalendarFeed | None:
    """The working feed the secret opens: not revoked, of an active account. Otherwise None (a 404)."""
    return (
        CalendarFeed.objects.filter(token_hash=digest(token), revoked_at__isnull=True, owner__is_active=True)
        .select_related("owner")
        .first()
    )


@dataclass(frozen=True)
class StaffCalendar:
    steps: list[Step]  # each with .goal.case loaded
    deadlines: list[Deadline]  # each with .signal (and its case, if any) loaded


def staff_calendar(user: User) -> StaffCalendar:
    """A professional's calendar: the open steps of the open cases they are on the team of and whose
    file they may see, and the deadlines they answer for (the same as on their dashboard)."""
    # On the team, and the whole file shared with them (a provider without consent to share sees
    # the referral only, not the plan): the rule of policy.may(VIEW), asked per case.
    cases = [
        case
        for case in policy.visible_cases(user)
        .filter(team__user_id=user.pk, status=Case.Status.OPEN)
        .select_related("unit__organisation")
        if policy.shares_file(user, case)
    ]
    by_id = {case.pk: case for case in cases}
    steps = list(
        Step.objects.filter(goal__case_id__in=by_id, status__in=OPEN_STEP)
        .select_related("goal")
        .order_by("due_on", "pk")
    )
    for step in steps:
        step.goal.case = by_id[step.goal.case_id]
    return StaffCalendar(steps, list(case_selectors.open_deadlines_for(user)))


def citizen_steps(user: User) -> list[Step]:
    """A citizen's own open steps (their goals and the group goals shared with them), as the portal shows them."""
    if user.person is None:
        return []
    return list(
        Step.objects.filter(goal__in=portal_selectors.goal_ids(user.person), status__in=OPEN_STEP)
        .select_related("goal")
        .order_by("due_on", "pk")
    )
