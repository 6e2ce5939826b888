"""Entries to work on, and a way to tamper with them as someone with direct database access would."""

from typing import Any, cast

from django.db import connection

from carepath.audit import log, triggers
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.testing.factories import CaseFactory


def chain_of(count: int) -> list[AuditEvent]:
    """`count` entries about one case, written by its case worker, oldest first."""
    case = cast(Case, CaseFactory())
    user = case.signal.received_by
    return [
        log.append(user_id=user.pk, action=AuditEvent.Action.VIEW, what="cases.case", object_id=case.pk,
                   case_id=case.pk, person_id=case.person_id)
        for _ in range(count)
    ]


def as_dba(sql: str, params: list[Any]) -> None:
    """Run raw SQL after dropping the append-only triggers, like a database owner could.

    The test's transaction is rolled back afterwards, triggers included.
    """
    triggers.drop(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def skip_ids(count: int) -> None:
    """Let the next entry's id jump by `count`, as a rolled-back insert does on PostgreSQL."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('audit_auditevent', 'id')) FROM generate_series(1, %s)",
                [count],
            )
        else:
            cursor.execute("UPDATE sqlite_sequence SET seq = seq + %s WHERE name = 'audit_auditevent'", [count])
