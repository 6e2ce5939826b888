"""Reading reminders and calendar feeds, and what a feed lists (starting from the access policy)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases import selectors as case_selectors
from carepath.cases.models import Case, Deadline
from carepath.meetings.models import NetworkMeeting
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
    meetings: list[NetworkMeeting] = field(default_factory=list)  # each with .case loaded


def staff_calendar(user: User) -> StaffCalendar:
    """A professional's calendar: the open steps of the open cases they are on the team of and whose
    file they may see, and the deadlines they answer for (the same as on their dashboard)."""
    # On the team, and the whole file shared with them (a provider without consent to share sees
    # the referral only, not the plan): the rule of policy.may(VIEW), for all the cases in one query.
    on_team = policy.visible_cases(user).filter(team__user_id=user.pk, status=Case.Status.OPEN)
    by_id = {case.pk: case for case in policy.with_shared_file(user, on_team)}
    steps = list(
        Step.objects.filter(goal__case_id__in=by_id, status__in=OPEN_STEP)
        .select_related("goal")
        .order_by("due_on", "pk")
    )
    for step in steps:
        step.goal.case = by_id[step.goal.case_id]
    return StaffCalendar(steps, list(case_selectors.open_deadlines_for(user)), staff_meetings(user))


def staff_meetings(user: User) -> list[NetworkMeeting]:
    """The meetings, not cancelled, of the open cases whose file the user may see, where they are on
    the case team (all its meetings) or take part (that meeting)."""
    mine = Q(case__team__user_id=user.pk) | Q(participants__user_id=user.pk)
    cases = policy.with_shared_file(user, policy.visible_cases(user).filter(status=Case.Status.OPEN))
    return list(
        NetworkMeeting.objects.filter(mine, case__in=cases)
        .exclude(status=NetworkMeeting.Status.CANCELLED)
        .distinct()
        .select_related("case")
        .order_by("starts_at", "pk")
    )


def citizen_meetings(user: User) -> list[NetworkMeeting]:
    """A citizen's own meetings (of their cases), not cancelled, as the portal shows them."""
    if user.person is None:
        return []
    return list(
        NetworkMeeting.objects.filter(case__person=user.person)
        .exclude(status=NetworkMeeting.Status.CANCELLED)
        .order_by("starts_at", "pk")
    )


@dataclass(frozen=True)
class TeamDue:
    """What is due in the cases a professional answers for (a team leader: their whole unit)."""

    steps: QuerySet[Step]  # open steps due on or before the horizon, overdue ones included
    overdue_steps: int
    overdue_deadlines: int
    due_deadlines: int  # not overdue, due on or before the horizon


def team_due(user: User, *, today: datetime.date, horizon: datetime.date) -> TeamDue:
    """The team view of deadlines and steps: the legal deadlines of the user's signals and cases (as on
    the dashboard, counted here) and the agreed steps of the open cases whose file they may see."""
    open_cases = policy.responsible_cases(user).filter(status=Case.Status.OPEN)
    cases = policy.with_shared_file(user, open_cases).order_by().values("pk")
    steps = Step.objects.filter(status__in=OPEN_STEP, due_on__lte=horizon, goal__case_id__in=cases)
    deadlines = case_selectors.open_deadlines_for(user).order_by().aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        due=Count("pk", filter=Q(due_on__gte=today, due_on__lte=horizon)),
    )
    return TeamDue(
        steps=steps.select_related("goal__case__person"),
        overdue_steps=steps.filter(due_on__lt=today).count(),
        overdue_deadlines=deadlines["overdue"],
        due_deadlines=deadlines["due"],
    )


def citizen_steps(user: User) -> list[Step]:
    """A citizen's own open steps (their goals and the group goals shared with them), as the portal shows them."""
    if user.person is None:
        return []
    return list(
        Step.objects.filter(goal__in=portal_selectors.goal_ids(user.person), status__in=OPEN_STEP)
        .select_related("goal")
        .order_by("due_on", "pk")
    )
