"""Reading learning records: always through the units the access policy opens to the user.

A focus group names service users through its cases. A page shows (and audits) only the
participants whose case the viewer may see; the others are counted, not named.
"""

import datetime
from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import STAFF_ROLES, User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup, FocusGroupMaterial
from carepath.pilots import selectors as pilot_selectors
from carepath.pilots.models import Pilot
from carepath.plans.models import Step
from carepath.reports.tables import Voice

R = TypeVar("R", FocusGroup, AfterActionReview, AppreciativeInquiry)
VIEW = AuditEvent.Action.VIEW


def learning_records(
    user: User,
    model: type[R],
    *,
    unit_id: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[R]:
    """The records of `model` the user may see, optionally of one unit and within a period (inclusive)."""
    records = model._default_manager.filter(unit__in=policy.visible_learning_units(user)).select_related(
        "unit__organisation"
    )
    if unit_id is not None:
        records = records.filter(unit_id=unit_id)
    if date_from is not None:
        records = records.filter(held_on__gte=date_from)
    if date_to is not None:
        records = records.filter(held_on__lte=date_to)
    return records


def focus_group_list(
    user: User,
    *,
    unit_id: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[FocusGroup]:
    """Focus groups for the list page, with how many took part (no names: a list shows activities)."""
    records = learning_records(user, FocusGroup, unit_id=unit_id, date_from=date_from, date_to=date_to)
    return records.annotate(participant_count=Count("cases", distinct=True))


def get_learning_record(user: User, model: type[R], record_id: int) -> R:
    """The record if the user may see it; otherwise 404, so a stranger cannot learn it exists (audited)."""
    found = learning_records(user, model).filter(pk=record_id).first()
    if found is None:
        if model._default_manager.filter(pk=record_id).exists():
            policy.record(user, AuditEvent.Action.DENIED, what=model._meta.label_lower, object_id=record_id)
        raise Http404()
    return found


def pilot_of_query(user: User, pilot_id: str) -> Pilot | None:
    """The pilot a new review or inquiry is about (`?pilot=`), if the user may see it; else none."""
    if not pilot_id.isdigit():
        return None
    return pilot_selectors.visible_pilots(user).filter(pk=int(pilot_id)).first()


def participants_seen(user: User, focus_group: FocusGroup) -> tuple[list[Case], int]:
    """The participant cases the user may see (named on the page) and how many others took part."""
    visible = policy.visible_cases(user).values("pk")
    participants = focus_group.cases.select_related("person").order_by("person__family_name", "person__given_name")
    named = list(participants.filter(pk__in=visible))
    return named, participants.count() - len(named)


def open_focus_group(user: User, focus_group_id: int) -> tuple[FocusGroup, list[Case], int]:
    """A focus group for a page, with the participants the user may see.

    The look is audited as one `view` of the focus group per participant named on the page (with
    their case and person), so each person finds it in "who looked at my file"; one `view` without
    a person when the page names no one.
    """
    focus_group = get_learning_record(user, FocusGroup, focus_group_id)
    named, others = participants_seen(user, focus_group)
    record_look(user, focus_group, named)
    return focus_group, named, others


def record_look(user: User, opened: Model, named: list[Case]) -> None:
    """One `view` of `opened` per case named, or one without a case when no one is named."""
    if not named:
        policy.record(user, VIEW, opened)
    for case in named:
        policy.record(user, VIEW, opened, case=case)


def get_material(user: User, material_id: int) -> FocusGroupMaterial:
    """A photo or video of a focus group the user may see (else 404, audited); the look is audited
    like the focus group itself: the picture may show any participant."""
    material = FocusGroupMaterial.objects.select_related("focus_group").filter(pk=material_id).first()
    if material is None:
        raise Http404()
    visible = learning_records(user, FocusGroup).filter(pk=material.focus_group_id).exists()
    if not visible:
        policy.record(user, AuditEvent.Action.DENIED, material)
        raise Http404()
    named, _others = participants_seen(user, material.focus_group)
    record_look(user, material, named)
    return material


def focus_group_details(focus_group: FocusGroup, named: list[Case]) -> dict[str, object]:
    """What the detail page shows beside the text: staff, and the goals, steps and materials of the named cases."""
    case_ids = [case.pk for case in named]
    return {
        "staff": list(focus_group.staff.order_by("last_name", "first_name")),
        "goals": list(focus_group.goals.filter(case_id__in=case_ids).order_by("title")),
        "steps": list(focus_group.steps.filter(goal__case_id__in=case_ids).order_by("what")),
        "materials": list(focus_group.materials.all()),
    }


# Choices for the focus group form ---------------------------------------------------------------


def participant_choices(user: User, focus_group: FocusGroup | None = None) -> QuerySet[Case]:
    """The cases the user may name as participants: their visible open cases, and those already chosen."""
    rule = Q(status=Case.Status.OPEN)
    if focus_group is not None and focus_group.pk:
        rule |= Q(focus_groups=focus_group)
    return (
        policy.visible_cases(user)
        .filter(rule)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
        .distinct()
    )


def staff_choices(user: User) -> QuerySet[User]:
    """Staff of the user's own organisation who may be named as taking part."""
    if user.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(organisation_id=user.organisation_id, role__in=STAFF_ROLES, is_active=True).order_by(
        "last_name", "first_name"
    )


def goal_choices(cases: QuerySet[Case]) -> QuerySet[Goal]:
    return Goal.objects.filter(case__in=cases).select_related("case").order_by("case_id", "title")


def step_choices(cases: QuerySet[Case]) -> QuerySet[Step]:
    return Step.objects.filter(goal__case__in=cases).select_related("goal").order_by("goal__case_id", "goal_id", "what")


def record_choices_listed(user: User, cases: Iterable[Case], *, except_case_ids: Iterable[int] = ()) -> None:
    """A form offering people as participants lists them: one `listed` entry per person offered
    (except those already audited as viewed participants)."""
    skip = set(except_case_ids)
    policy.record_listed(user, [(case.person_id, case) for case in cases if case.pk not in skip])


# For the reports -------------------------------------------------------------------------------


def findings_for(cases: QuerySet[Case], date_from: datetime.date, date_to: datetime.date) -> list[Voice]:
    """What focus groups found, for a report's voice: impressions and recommendations of the focus
    groups held in the period (inclusive) in which any of `cases` took part. One query."""
    groups = (
        FocusGroup.objects.filter(held_on__range=(date_from, date_to), cases__in=cases)
        .distinct()
        .order_by("held_on", "pk")
        .values_list("activity", "held_on", "impressions", "recommendations")
    )
    voices: list[Voice] = []
    for activity, held_on, impressions, recommendations in groups:
        source = _("Focus group: %(activity)s, %(date)s") % {
            "activity": activity,
            "date": date_format(held_on, "SHORT_DATE_FORMAT"),
        }
        texts = (impressions.strip(), recommendations.strip())
        voices.extend(Voice(text=text, source=source) for text in texts if text)
    return voices
