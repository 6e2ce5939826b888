"""What a device takes along on a home visit: each case's essentials, and nothing else (issue 11).

The person's name and contact, the goals in their own words, the plan's steps with the pictures
marked for offline, the agreement, the last progress notes, the latest assessment and the
evaluation moments still to hold. No list of other people, no search index. Read in a fixed number
of queries whatever the number of cases, each case re-checked against the access policy and each
read audited with the reason "home visit".
"""

import base64
from collections import defaultdict
from typing import Any

from django.db.models import F, Prefetch

from carepath.access import policy
from carepath.accounts.models import User
from carepath.agreements.models import AgreementVersion
from carepath.assessments.models import Assessment
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core import uploads
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.offline.models import Device, TakeAlong
from carepath.plans.models import Step, StepAttachment

LAST_NOTES = 10
# A picture bigger than this stays at the office: a phone's storage and the sync are not for videos.
OFFLINE_PICTURE_MAX_BYTES = 1024 * 1024


def build(device: Device, user: User) -> dict[str, Any]:
    """The take-along of `device`: the cases it marked that `user` may still take along."""
    taken = TakeAlong.objects.filter(device=device).values_list("case_id", flat=True)
    cases = list(
        policy.cases_to_take_along(user)
        .filter(pk__in=list(taken))
        .select_related("person", "case_type", "unit__organisation")
        .order_by("pk")
    )
    # A case no longer allowed (closed, consent withdrawn, moved) is left behind for good.
    TakeAlong.objects.filter(device=device).exclude(case_id__in=[c.pk for c in cases]).delete()
    policy.record_home_visit(user, cases)
    ids = [c.pk for c in cases]
    goals = _by_case(Goal.objects.filter(case_id__in=ids).order_by("pk"))
    steps = _by_case(
        Step.objects.filter(goal__case_id__in=ids)
        .annotate(case_id=F("goal__case_id"))
        .prefetch_related(Prefetch("attachments", queryset=StepAttachment.objects.order_by("pk")))
    )
    agreements = _latest(AgreementVersion.objects.filter(case_id__in=ids).order_by("case_id", "-number"))
    assessments = _latest(Assessment.objects.filter(case_id__in=ids).order_by("case_id", "-assessed_on", "-pk"))
    notes = _by_case(
        ProgressNote.objects.filter(case_id__in=ids).select_related("written_by").order_by("-written_at", "-pk")
    )
    evaluations = _by_case(EvaluationMoment.objects.filter(case_id__in=ids, held_on=None).order_by("planned_on"))
    photos = set(
        Consent.objects.filter(case_id__in=ids, scope=Consent.Scope.PHOTOS, withdrawn_on=None).values_list(
            "case_id", flat=True
        )
    )
    return {
        "cases": [
            {
                "id": case.pk,
                "title": str(case.case_type),
                "person": _person(case),
                "goals": [_goal(g) for g in goals[case.pk]],
                "steps": [_step(s) for s in steps[case.pk]],
                "agreement": _agreement(agreements.get(case.pk)),
                "notes": [_note(n) for n in notes[case.pk][:LAST_NOTES]],
                "assessment": _assessment(assessments.get(case.pk)),
                # Recording an evaluation is the responsible authority's decision (policy.Do.MANAGE).
                "evaluations": [
                    {"id": e.pk, "planned_on": e.planned_on.isoformat(), "version": e.version,
                     "goals": [g.pk for g in goals[case.pk]]}
                    for e in evaluations[case.pk]
                ] if policy.may(user, policy.Do.MANAGE, case) else [],
                "photos_allowed": case.pk in photos,
            }
            for case in cases
        ],
        "choices": {
            "step_status": [[v, str(label)] for v, label in Step.Status.choices],
            "attainment": [[v, str(label)] for v, label in GoalAttainment.Level.choices],
        },
    }


def _by_case(rows: Any) -> defaultdict[int, list[Any]]:
    grouped: defaultdict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.case_id].append(row)
    return grouped


def _latest(rows: Any) -> dict[int, Any]:
    latest: dict[int, Any] = {}
    for row in rows:
        latest.setdefault(row.case_id, row)
    return latest


def _person(case: Case) -> dict[str, Any]:
    p = case.person
    return {
        "id": p.pk,
        "name": f"{p.given_name} {p.family_name}",
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "phone": p.phone,
        "email": p.email,
        "address": p.address,
    }


def _goal(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.pk,
        "citizen_words": goal.citizen_words,
        "formulation": goal.title,
        "status": goal.get_status_display(),
        "version": goal.version,
    }


def _step(step: Step) -> dict[str, Any]:
    return {
        "id": step.pk,
        "goal": step.goal_id,
        "what": step.what,
        "who": step.who,
        "due_on": step.due_on.isoformat(),
        "status": step.status,
        "status_label": step.get_status_display(),
        "version": step.version,
        "attachments": [_attachment(a) for a in step.attachments.all()],
    }


def _attachment(attachment: StepAttachment) -> dict[str, Any]:
    return {
        "id": attachment.pk,
        "kind": attachment.kind,
        "description": attachment.description,
        "text": attachment.text,
        "data_url": _data_url(attachment) if attachment.for_offline else None,
    }


def _data_url(attachment: StepAttachment) -> str | None:
    """The picture itself, inline: the device must show it without asking the server."""
    if attachment.kind != StepAttachment.Kind.IMAGE or not attachment.file:
        return None
    try:
        if attachment.file.size > OFFLINE_PICTURE_MAX_BYTES:
            return None
        with attachment.file.open("rb") as f:
            content = f.read()
    except OSError:  # a file missing from the storage: the description still helps
        return None
    return f"data:{uploads.content_type(attachment.file.name or '')};base64,{base64.b64encode(content).decode()}"


def _agreement(version: AgreementVersion | None) -> dict[str, Any] | None:
    if version is None:
        return None
    return {"text": version.summary, "agreed_on": version.accepted_on.isoformat(), "version": version.number}


def _note(note: ProgressNote) -> dict[str, Any]:
    return {
        "id": note.pk,
        "written_at": note.written_at.isoformat(),
        "written_by": note.written_by.get_full_name() or note.written_by.username,
        "text": note.text,
        "goal": note.goal_id,
        "step": note.step_id,
        "restricted": note.is_restricted,
    }


def _assessment(assessment: Assessment | None) -> dict[str, Any] | None:
    if assessment is None:
        return None
    dimensions = [
        (getattr(Assessment._meta.get_field(f"{name}_level"), "verbose_name", name), f"{name}_level",
         f"{name}_description")
        for name in ("physical", "communication", "social")
    ]
    return {
        "assessed_on": assessment.assessed_on.isoformat(),
        "dimensions": [
            {
                "label": str(label),
                "score": getattr(assessment, level),
                "score_label": str(getattr(assessment, f"get_{level}_display")()),
                "comment": getattr(assessment, description),
            }
            for label, level, description in dimensions
        ],
        "strengths": assessment.strengths,
        "resources": assessment.resources,
    }
