"""The one writer of the audit log: appends an entry chained to the one before it.

Writers are serialised so the chain never forks: on PostgreSQL by a transaction-scoped advisory
lock taken before the last hash is read; on SQLite every write transaction already holds the
database's write lock (`transaction_mode=IMMEDIATE` in the settings). The unique `prev_hash`
constraint refuses a fork even if that ever failed. When the caller is inside a transaction the
lock is held until it commits: audit entries are written in the same transaction as the change
they describe, or not at all.
"""

from django.db import connection, transaction
from django.utils import timezone

from carepath.audit.chain import GENESIS
from carepath.audit.models import AuditEvent

# Any fixed 64-bit number; only the audit writer takes this lock.
ADVISORY_LOCK_KEY = 0x0A0D17_C4A1  # "audit chain"


def append(
    *,
    user_id: int,
    action: str,
    what: str,
    object_id: int | None = None,
    case_id: int | None = None,
    person_id: int | None = None,
) -> AuditEvent:
    """Add one entry at the end of the chain. Ids only: no content of the record is ever stored."""
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
        prev_hash = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
        event = AuditEvent(
            at=timezone.now(),
            user_id=user_id,
            action=action,
            what=what,
            object_id=object_id,
            case_id=case_id,
            person_id=person_id,
            prev_hash=prev_hash,
        )
        event.hash = event.computed_hash()
        event.save(force_insert=True)
    return event
