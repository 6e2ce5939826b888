"""Writing learning records. Each write is audited: a focus group once per participant case, so each
person finds it in "who looked at my file"; reviews and inquiries, which name no service user, once."""

import datetime
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core import uploads
from carepath.goals.models import Goal
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup, FocusGroupMaterial
from carepath.organisations.authority import set_links
from carepath.organisations.models import Service, Unit
from carepath.plans.models import Step

CREATE = AuditEvent.Action.CREATE
UPDATE = AuditEvent.Action.UPDATE


@transaction.atomic
def record_focus_group(
    *,
    by: User,
    focus_group: FocusGroup | None = None,
    unit: Unit,
    service: Service | None,
    held_on: datetime.date,
    activity: str,
    staff: Iterable[User],
    cases: Iterable[Case],
    other_participants: str = "",
    impressions: str,
    recommendations: str = "",
    areas_to_improve: str = "",
    goals: Iterable[Goal] = (),
    steps: Iterable[Step] = (),
) -> FocusGroup:
    """Create a focus group, or change `focus_group`.

    The form offers only the cases the user sees (and their goals and steps); participants the user
    cannot see stay as they were, so an edit never removes what the editor was not shown.
    """
    is_new = focus_group is None or focus_group.pk is None
    group = focus_group if focus_group is not None else FocusGroup(created_by=by)
    group.unit, group.service, group.held_on, group.activity = unit, service, held_on, activity.strip()
    group.other_participants = other_participants.strip()
    group.impressions, group.recommendations = impressions.strip(), recommendations.strip()
    group.areas_to_improve = areas_to_improve.strip()
    group.save()
    visible = policy.visible_cases(by).values("pk")
    hidden_cases = [] if is_new else list(group.cases.exclude(pk__in=visible))
    hidden_goals = [] if is_new else list(group.goals.exclude(case__in=visible))
    hidden_steps = [] if is_new else list(group.steps.exclude(goal__case__in=visible))
    chosen = list(cases)
    group.staff.set(list(staff))
    # Each link row takes its own case's, goal's or step's authority (they may differ; see the models).
    set_links(group.cases, chosen + hidden_cases)
    set_links(group.goals, list(goals) + hidden_goals)
    set_links(group.steps, list(steps) + hidden_steps)
    action = CREATE if is_new else UPDATE
    if not chosen:
        policy.record(by, action, group)
    for case in chosen:
        policy.record(by, action, group, case=case)
    return group


@transaction.atomic
def add_material(
    *, focus_group: FocusGroup, by: User, kind: str, file: UploadedFile, description: str
) -> FocusGroupMaterial:
    """Keep a photo or video the focus group reviewed, under a random name (an upload's name may carry a person's)."""
    material = FocusGroupMaterial(focus_group=focus_group, kind=kind, description=description.strip(), added_by=by)
    material.file.save(uploads.anonymous_name(file.name or ""), file, save=False)
    try:
        material.save()
        policy.record(by, CREATE, material)
    except Exception:
        material.file.delete(save=False)  # never keep a file without its record
        raise
    return material


@transaction.atomic
def record_review(*, by: User, unit: Unit, **fields: object) -> AfterActionReview:
    """An After Action Review of a team's work or a pilot."""
    review = AfterActionReview.objects.create(unit=unit, created_by=by, **fields)
    policy.record(by, CREATE, review)
    return review


@transaction.atomic
def record_inquiry(*, by: User, unit: Unit, **fields: object) -> AppreciativeInquiry:
    """An Appreciative Inquiry: discover, dream, design, destiny."""
    inquiry = AppreciativeInquiry.objects.create(unit=unit, created_by=by, **fields)
    policy.record(by, CREATE, inquiry)
    return inquiry
