"""Walk the audit chain from the first entry to the last and find the first broken link."""

from contextlib import nullcontext
from dataclasses import dataclass

from django.db import connection, transaction

from carepath.audit.chain import GENESIS, entry_hash
from carepath.audit.models import AuditEvent

FIELDS = (
    "id", "prev_hash", "hash", "at", "user_id", "action", "what", "object_id", "case_id", "person_id",
    "reason", "device_at",
)


@dataclass(frozen=True)
class Break:
    entry_id: int
    problem: str


@dataclass(frozen=True)
class Outcome:
    checked: int  # entries found whole before the break, or all of them
    head_id: int | None  # the last whole entry: keep its id and hash outside the database
    head_hash: str
    broken: Break | None


def verify_chain(*, chunk_size: int = 5000) -> Outcome:
    """Check every entry in id order, streaming, and stop at the first one that does not fit."""
    expected_prev, head_id, checked = GENESIS, None, 0
    # On PostgreSQL a transaction lets the server-side cursor stream instead of being materialised.
    in_transaction = transaction.atomic() if connection.vendor == "postgresql" else nullcontext()
    with in_transaction:
        rows = AuditEvent.objects.order_by("id").values_list(*FIELDS).iterator(chunk_size=chunk_size)
        for entry_id, prev_hash, stored_hash, *content in rows:
            broken = _problem(expected_prev, prev_hash, stored_hash, content)
            if broken:
                return Outcome(checked, head_id, expected_prev, Break(entry_id, broken))
            expected_prev, head_id, checked = stored_hash, entry_id, checked + 1
    return Outcome(checked, head_id, expected_prev, None)


def _problem(expected_prev: str, prev_hash: str, stored_hash: str, content: list) -> str | None:
    at, user_id, action, what, object_id, case_id, person_id, reason, device_at = content
    recomputed = entry_hash(prev_hash=prev_hash, at=at, user_id=user_id, action=action, what=what,
                            object_id=object_id, case_id=case_id, person_id=person_id,
                            reason=reason, device_at=device_at)
    if recomputed != stored_hash:
        return "hash mismatch: the entry was changed after it was written"
    if prev_hash != expected_prev:
        return "previous-hash mismatch: an entry before it was removed, or this one was slipped in"
    return None
