"""The one writer of the audit log: appends an entry chained to the one before it.

Writers are serialised so the chain never forks: on PostgreSQL by a transaction-scoped advisory
lock taken before the last hash is read; on SQLite every write transaction already holds the
database's write lock (`transaction_mode=IMMEDIATE` in the settings). The unique `chained_after`
(the id of the last entry when a write began) refuses a fork even if that ever failed. When the
caller is inside a transaction the lock is held until it commits: audit entries are written in the
same transaction as the change they describe, or not at all.

An entry about a case carries the case's authority (docs/scaling.md, section 4): the caller gives
it when it has the case at hand; otherwise the INSERT reads it from the case itself, so that no
audited request pays a query for it.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import Subquery
from django.utils import timezone

from carepath.audit.chain import GENESIS
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case

# Any fixed 64-bit number; only the audit writer takes this lock.
ADVISORY_LOCK_KEY = 0x0A0D17_C4A1  # "audit chain"


@dataclass(frozen=True)
class Entry:
    user_id: int
    action: str
    what: str
    object_id: int | None = None
    case_id: int | None = None
    person_id: int | None = None
    authority_id: int | None = None  # the case's; read from the case when not given
    reason: str = ""
    device_at: datetime.datetime | None = None  # a write made offline: the device's time


def append(
    *,
    user_id: int,
    action: str,
    what: str,
    object_id: int | None = None,
    case_id: int | None = None,
    person_id: int | None = None,
    authority_id: int | None = None,
    reason: str = "",
    device_at: datetime.datetime | None = None,
) -> AuditEvent:
    """Add one entry at the end of the chain. Ids only: no content of the record is ever stored."""
    entry = Entry(user_id, action, what, object_id, case_id, person_id, authority_id, reason, device_at)
    with transaction.atomic(savepoint=False):
        _lock()
        event = _chained([entry], *_tail())[0]
        event.save(force_insert=True)
    return event


def append_many(entries: Iterable[Entry]) -> list[AuditEvent]:
    """Add entries at the end of the chain, in order, with one lock and one insert (a list page
    writes one entry per person it shows)."""
    entries = list(entries)
    if not entries:
        return []
    with transaction.atomic(savepoint=False):
        _lock()
        events = _chained(entries, *_tail())
        # The model's own bulk_create refuses unchained entries; these are chained here, under the lock.
        models.QuerySet.bulk_create(AuditEvent.objects.all(), events)
    return events


def locked_tail() -> str:
    """Take the writers' lock for the rest of the transaction and return the last hash: for a bulk
    writer (the synthetic data generator) that chains its own entries with `chain.entry_hash`."""
    _lock()
    return _tail()[1]


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])


def _tail() -> tuple[int, str]:
    """The id and hash of the last entry: (0, GENESIS) while the log is empty."""
    last = AuditEvent.objects.order_by("-id").values_list("id", "hash").first()
    return last or (0, GENESIS)


def _chained(entries: list[Entry], last_id: int, prev_hash: str) -> list[AuditEvent]:
    now = timezone.now()
    events = []
    for n, entry in enumerate(entries):
        event = AuditEvent(
            at=now,
            user_id=entry.user_id,
            action=entry.action,
            what=entry.what,
            object_id=entry.object_id,
            case_id=entry.case_id,
            person_id=entry.person_id,
            authority_id=_authority(entry),
            reason=entry.reason,
            device_at=entry.device_at,
            prev_hash=prev_hash,
            chained_after=last_id if n == 0 else None,  # the fork guard: see the model
        )
        event.hash = event.computed_hash()
        prev_hash = event.hash
        events.append(event)
    return events


def _authority(entry: Entry) -> int | Subquery | None:
    """The authority of the entry's case: given, or read by the INSERT from the case (the event then
    holds that expression, not the number, until it is read back). None without a case."""
    if entry.authority_id is not None or entry.case_id is None:
        return entry.authority_id
    return Subquery(Case.objects.filter(pk=entry.case_id).values("authority_id"))
