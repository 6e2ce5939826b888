"""What the portal shows of a file. Callers have the PortalAccess from the access policy first."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.people.models import Person
from carepath.plans.models import SavingsPlan, Step
from carepath.portal.models import Proxy

COMING_DAYS = 7
OPEN_STEP = (Step.Status.PLANNED, Step.Status.IN_PROGRESS)


def goal_ids(person: Person) -> QuerySet[Goal, Any]:
    """The person's goals: those of their own cases and the group goals shared with them."""
    return goal_selectors.ids_of_person(person.pk)


def current_case(person: Person) -> Case | None:
    """The open case new notes and wishes go to (the most recent, if several are open)."""
    return Case.objects.filter(person=person, status=Case.Status.OPEN).order_by("-opened_at", "-pk").first()


def goals(person: Person) -> list[Goal]:
    """Goals with their steps counted and the latest attainment first, active goals first."""
    attainments = GoalAttainment.objects.select_related("evaluation").order_by("-evaluation__held_on", "-pk")
    return list(
        Goal.objects.filter(pk__in=goal_ids(person))
        .annotate(
            steps_total=Count("steps", filter=~Q(steps__status=Step.Status.DROPPED), distinct=True),
            steps_done=Count("steps", filter=Q(steps__status=Step.Status.DONE), distinct=True),
        )
        .prefetch_related(Prefetch("attainments", queryset=attainments))
        .order_by("status", "due_on", "pk")
    )


@dataclass(frozen=True)
class ComingSteps:
    today: list[Step]  # due today or earlier and not done yet
    next_days: list[Step]


def coming_steps(person: Person) -> ComingSteps:
    today = timezone.localdate()
    steps = list(
        Step.objects.filter(
            goal__in=goal_ids(person), status__in=OPEN_STEP, due_on__lte=today + datetime.timedelta(days=COMING_DAYS)
        )
        .select_related("goal")
        .prefetch_related("attachments")
        .order_by("due_on", "pk")
    )
    return ComingSteps([s for s in steps if s.due_on <= today], [s for s in steps if s.due_on > today])


def plan(person: Person) -> list[Goal]:
    """Active goals with all their steps and supports."""
    steps = Step.objects.exclude(status=Step.Status.DROPPED).prefetch_related("attachments").order_by("due_on", "pk")
    return list(
        Goal.objects.filter(pk__in=goal_ids(person), status=Goal.Status.ACTIVE)
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("due_on", "pk")
    )


def savings_plans(person: Person) -> list[SavingsPlan]:
    return list(
        SavingsPlan.objects.filter(goal__in=goal_ids(person)).select_related("goal").prefetch_related("deposits")
    )


def next_evaluation(person: Person) -> EvaluationMoment | None:
    return (
        EvaluationMoment.objects.filter(case__person=person, held_on__isnull=True, planned_on__gte=timezone.localdate())
        .order_by("planned_on", "pk")
        .first()
    )


def shared_notes(person: Person, limit: int = 100) -> list[ProgressNote]:
    """Notes not restricted by staff, newest first."""
    return list(
        ProgressNote.objects.filter(case__person=person, is_restricted=False)
        .select_related("written_by__organisation", "goal", "step")
        .order_by("-written_at", "-pk")[:limit]
    )


def who_looked(person: Person, page: str | None, per_page: int = 50) -> Page:
    """Every look at and change of the person's file by someone else, newest first."""
    # Another citizen refused at this file is shown without their name: being a Carepath user is
    # their own special-category data. Relatives the person gave a proxy to are shown by name.
    known = Proxy.objects.filter(person=person, representative=OuterRef("user"))
    events = (
        AuditEvent.objects.filter(person=person)
        .exclude(user__person=person)
        .annotate(is_known=Exists(known))
        .select_related("user__organisation")
        .order_by("-at", "-pk")
    )
    return Paginator(events, per_page).get_page(page)


def record_type_name(label: str) -> str:
    """'plans.step' -> 'step': the plain name of a kind of record, for the citizen."""
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def proxies_granted(person: Person) -> list[Proxy]:
    return list(Proxy.objects.filter(person=person).select_related("representative").order_by("-granted_at", "-pk"))
