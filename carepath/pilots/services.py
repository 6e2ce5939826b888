"""Writing pilots: record or change one, move it along the roadmap, and turn it into a practice.

Each write is audited once (a pilot names no service user). A change is versioned: a save over
someone else's newer one raises StaleEdit (core.concurrency).
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.core.concurrency import save_versioned
from carepath.pilots import selectors
from carepath.pilots.models import PILOT_FIELDS, Pilot, Step
from carepath.practices.choices import COUNTRIES, Status
from carepath.practices.models import Practice

CREATE = AuditEvent.Action.CREATE
UPDATE = AuditEvent.Action.UPDATE

FIELDS = PILOT_FIELDS
MAX_OBJECTIVES = 3  # the practice form has three objective fields


@transaction.atomic
def record_pilot(*, by: User, pilot: Pilot | None = None, seen_version: int | None = None, **fields: Any) -> Pilot:
    """Create a pilot, or change `pilot`; a change raises StaleEdit when someone saved it since
    `seen_version` was read (the version of `pilot` as loaded when none is given)."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown pilot fields: {sorted(unknown)}")
    values = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    if pilot is None or pilot.pk is None:
        pilot = Pilot(created_by=by, **values)
        pilot.save()
        policy.record(by, CREATE, pilot)
        return pilot
    for name, value in values.items():
        setattr(pilot, name, value)
    pilot.updated_at = timezone.now()
    expected = seen_version if seen_version is not None else pilot.version
    save_versioned(pilot, expected_version=expected, fields=[*values, "updated_at"])
    policy.record(by, UPDATE, pilot)
    return pilot


def move_to_step(*, pilot: Pilot, step: Step | str, by: User, seen_version: int | None = None) -> Pilot:
    """Move the pilot to another step of the roadmap (versioned like any change)."""
    return record_pilot(by=by, pilot=pilot, seen_version=seen_version, step=Step(step))


@transaction.atomic
def link_practice(*, pilot: Pilot, practice: Practice, by: User) -> Pilot:
    """Record that the pilot became `practice`. Not versioned: the edit form does not carry the
    link, so linking never overwrites a concurrent edit of the pilot's texts, nor is refused by one."""
    now = timezone.now()
    Pilot.objects.filter(pk=pilot.pk).update(practice=practice, updated_at=now)
    pilot.practice, pilot.updated_at = practice, now
    policy.record(by, UPDATE, pilot)
    return pilot


def practice_initial(pilot: Pilot) -> dict[str, Any]:
    """The initial values of a practice form made from the pilot, by the practice's field names:
    the pilot's objectives (one a line, at most three), what it tested, what its After Action
    Reviews learnt and what its Appreciative Inquiries found working well."""
    organisation = pilot.unit.organisation
    objectives = _lines(pilot.objectives)[:MAX_OBJECTIVES]
    records = selectors.pilot_records(pilot)
    initial: dict[str, Any] = {
        "title": pilot.title,
        "organisations": organisation.name,
        "status": Status.PILOT.value,
        "context": pilot.scenarios.strip() or pilot.objectives.strip(),
        "evaluation": _joined(review.lessons for review in records.reviews),
        "outcomes": _joined(inquiry.discover for inquiry in records.inquiries),
        "comments_and_tips": pilot.decisions.strip(),
    }
    if organisation.country in {code for code, _name in COUNTRIES}:
        initial["country"] = organisation.country
    for number, objective in enumerate(objectives, start=1):
        initial[f"objective_{number}"] = objective
    return initial


def _lines(text: str) -> list[str]:
    """The non-empty lines of `text`, without list bullets."""
    stripped = (line.strip().lstrip("-*•").strip() for line in text.splitlines())
    return [line for line in stripped if line]


def _joined(texts: Iterable[str]) -> str:
    return "\n\n".join(text.strip() for text in texts if text.strip())
