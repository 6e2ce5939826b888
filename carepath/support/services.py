"""Changes to the support register and to match reviews: one transaction each, audited (ids only).

A record is encoded as it is saved (encodings.encode_records), so what leaves the institution is
always up to date; without a shared secret the record is kept and simply not encoded.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.core.concurrency import StaleEdit, save_versioned
from carepath.people.models import Person
from carepath.support.encodings import encode_records
from carepath.support.models import SupportMatch, SupportRecord, SupportReview

RECORD_FIELDS = (
    "given_names", "family_names", "birth_date", "address", "kind", "given_on", "amount", "unit", "place", "note",
)


def _check_person(person: Person | None, by: User) -> None:
    """A record names a person in Carepath only when the institution already sees them in a case."""
    if person is not None and not policy.visible_cases(by).filter(person_id=person.pk).exists():
        raise ValueError("the person is not in a case the institution may see")


@transaction.atomic
def record_support(
    *,
    by: User,
    given_names: str,
    family_names: str,
    kind: str,
    given_on: datetime.date,
    birth_date: datetime.date | None = None,
    address: str = "",
    amount: Decimal | None = None,
    unit: str = "",
    place: str = "",
    note: str = "",
    person: Person | None = None,
    source: str = SupportRecord.Source.FORM,
) -> SupportRecord:
    """Record support the user's institution gave, and encode it for matching."""
    if not policy.keeps_support_register(by) or by.organisation_id is None:
        raise ValueError("only staff of an institution keep a support register")
    _check_person(person, by)
    support = SupportRecord.objects.create(
        institution_id=by.organisation_id,
        given_names=given_names.strip(),
        family_names=family_names.strip(),
        birth_date=birth_date,
        address=address.strip(),
        kind=kind,
        given_on=given_on,
        amount=amount,
        unit=unit.strip(),
        place=place.strip(),
        note=note,
        person=person,
        recorded_by=by,
        recorded_at=timezone.now(),
        source=source,
    )
    encode_records([support])
    policy.record(by, AuditEvent.Action.CREATE, support, person_id=support.person_id)
    return support


@transaction.atomic
def update_support(*, support: SupportRecord, by: User, expected_version: int, **changes: Any) -> SupportRecord:
    """Correct a record (StaleEdit when someone saved it meanwhile) and encode it again."""
    unknown = set(changes) - set(RECORD_FIELDS)
    if unknown:
        raise ValueError(f"not a field of a support record: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(support, name, value.strip() if isinstance(value, str) and name != "note" else value)
    save_versioned(support, expected_version=expected_version, fields=list(changes))
    encode_records([support])
    policy.record(by, AuditEvent.Action.UPDATE, support, person_id=support.person_id)
    return support


@transaction.atomic
def review_match(
    *,
    match: SupportMatch,
    support: SupportRecord,
    by: User,
    outcome: str,
    conversation: str,
    expected_version: int | None,
) -> SupportReview:
    """Record (or correct) the user's institution's account of the conversation a match led to.

    `support` is the institution's own record of the pair. `expected_version` is the version of the
    review the user saw, None when there was none yet (a review written meanwhile is then stale too).
    """
    if support.institution_id != by.organisation_id or support.link_key not in (match.left_key, match.right_key):
        raise ValueError("the record is not the institution's side of the match")
    if outcome in SupportReview.SAME_PERSON and not conversation.strip():
        raise ValueError("the conversation with the person is written down")
    existing = SupportReview.objects.filter(match=match, institution_id=by.organisation_id).first()
    now = timezone.now()
    if existing is None:
        if expected_version is not None:
            raise StaleEdit(current_version=None)
        review = SupportReview.objects.create(
            match=match, institution_id=by.organisation_id, record=support, outcome=outcome,
            conversation=conversation.strip(), reviewed_by=by, reviewed_at=now,
        )
        action = AuditEvent.Action.CREATE
    else:
        review = existing
        review.outcome, review.conversation = outcome, conversation.strip()
        review.reviewed_by, review.reviewed_at = by, now
        save_versioned(
            review,
            expected_version=expected_version if expected_version is not None else -1,
            fields=["outcome", "conversation", "reviewed_by", "reviewed_at"],
        )
        action = AuditEvent.Action.UPDATE
    policy.record(by, action, review, person_id=support.person_id)
    return review
