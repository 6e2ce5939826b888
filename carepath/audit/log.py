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
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from carepath.audit.chain import GENESIS
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case

# The stored columns, in the model's order (the id comes from the database).
_FIELDS = [f for f in AuditEvent._meta.concrete_fields if not f.primary_key]
_COLUMNS = [f.column for f in _FIELDS if f.column]  # every concrete field has one; the filter is for typing
_TIMES = {"at", "device_at"}
# Rows per INSERT: at most 14 parameters a row stays under SQLite's oldest limit of 999.
_ROWS_PER_INSERT = 64

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
        _insert([event])
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
        _insert(events)
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
            authority_id=entry.authority_id,  # None with a case: the INSERT reads it from the case
            reason=entry.reason,
            device_at=entry.device_at,
            prev_hash=prev_hash,
            chained_after=last_id if n == 0 else None,  # the fork guard: see the model
        )
        event.hash = event.computed_hash()
        prev_hash = event.hash
        events.append(event)
    return events


def _insert(events: list[AuditEvent]) -> None:
    """One INSERT for all the entries, written here rather than by the ORM's save or bulk_create.

    Those prepare every value of every row through its model field and compile the statement anew:
    for a list page's 50 entries (650 values), over a third of the page's time under the profiler
    (docs/performance.md).
    An entry whose case's authority was not given reads it from the case in the INSERT itself.
    """
    for start in range(0, len(events), _ROWS_PER_INSERT):
        _insert_rows(events[start : start + _ROWS_PER_INSERT])


def _insert_rows(events: list[AuditEvent]) -> None:
    # Names from the models, every value a parameter: nothing from a request is in the SQL.
    case_authority = f"(SELECT authority_id FROM {Case._meta.db_table} WHERE id = %s)"  # noqa: S608
    rows: list[str] = []
    params: list[Any] = []
    for event in events:
        placeholders = []
        for f in _FIELDS:
            value = getattr(event, f.attname)
            if f.attname == "authority_id" and value is None and event.case_id is not None:
                placeholders.append(case_authority)
                params.append(event.case_id)
                continue
            placeholders.append("%s")
            params.append(connection.ops.adapt_datetimefield_value(value) if f.attname in _TIMES else value)
        rows.append(f"({', '.join(placeholders)})")
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in _COLUMNS)
    sql = f"INSERT INTO {table} ({names}) VALUES {', '.join(rows)}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} RETURNING id", params)
        ids = [row[0] for row in cursor.fetchall()]
    for event, pk in zip(events, ids, strict=True):  # rows come back in the order of VALUES on both databases
        event.pk = pk
        event._state.adding = False
        event._state.db = connection.alias
