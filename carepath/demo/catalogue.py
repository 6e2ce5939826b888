"""What the demo and the generator share: case types with their deadline rules, the password."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models

from carepath.agreements.models import AgreementVersion
from carepath.cases.models import CaseTeamMember, CaseType, DeadlineRule
from carepath.goals.models import Goal
from carepath.plans.models import StepAttachment

DEFAULT_PASSWORD = "demo-pass-2026"  # noqa: S105 - documented, for demo and synthetic logins only

CHILD_AND_FAMILY = "Child and family"
ADULT_SUPPORT = "Adult support"

# Legal and agreed time limits, counted from the day the signal arrives (seed 002).
CASE_TYPES: dict[str, tuple[str, list[tuple[str, int]]]] = {
    CHILD_AND_FAMILY: (
        "A child and the family: social information within a week, then a negotiated agreement.",
        [("Social information", 7), ("Agreement negotiated with the family", 30)],
    ),
    ADULT_SUPPORT: (
        "An adult who needs support or compensation for a physical or mental impairment.",
        [("Assessment of functional ability", 14)],
    ),
}


def demo_password() -> str:
    """The one password of every demo and synthetic login: CAREPATH_DEMO_PASSWORD or the default."""
    return os.environ.get("CAREPATH_DEMO_PASSWORD") or DEFAULT_PASSWORD


def ensure_case_types() -> dict[str, CaseType]:
    """The case types by name, created with their deadline rules when missing."""
    found: dict[str, CaseType] = {}
    for name, (description, rules) in CASE_TYPES.items():
        case_type, created = CaseType.objects.get_or_create(name=name, defaults={"description": description})
        if created:
            DeadlineRule.objects.bulk_create(
                DeadlineRule(case_type=case_type, label=label, days=days) for label, days in rules
            )
        found[name] = case_type
    return found


# Fields stamped with "now" on insert; made data carries the dates of its own story instead.
STAMPED_FIELDS: list[tuple[type[models.Model], str]] = [
    (Goal, "created_at"),
    (CaseTeamMember, "added_at"),
    (StepAttachment, "added_at"),
    (AgreementVersion, "created_at"),
]


@contextmanager
def story_timestamps() -> Iterator[None]:
    """Let made data set its own creation dates instead of "now" (auto_now_add is lifted meanwhile)."""
    fields = [model._meta.get_field(name) for model, name in STAMPED_FIELDS]
    saved = [field.auto_now_add for field in fields]  # type: ignore[union-attr]
    for field in fields:
        field.auto_now_add = False  # type: ignore[union-attr]
    try:
        yield
    finally:
        for field, value in zip(fields, saved, strict=True):
            field.auto_now_add = value  # type: ignore[union-attr]
