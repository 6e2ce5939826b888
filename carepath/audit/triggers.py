"""Database triggers that refuse UPDATE and DELETE on the audit log, whoever connects.

The application refuses changes too (models.py), but the triggers also stop a script or a console
that goes around it. Someone who owns the database can still drop them: that is what the hash
chain is for.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"
MESSAGE = "the audit log is append-only"

POSTGRESQL_CREATE = [
    f"""
    CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}: % refused', TG_OP USING ERRCODE = 'restrict_violation';
    END
    $$
    """,
    f"""
    CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_append_only()
    """,
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_append_only()",
]

SQLITE_CREATE = [
    f"""
    CREATE TRIGGER audit_no_{verb.lower()} BEFORE {verb} ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}: {verb} refused'); END
    """
    for verb in ("UPDATE", "DELETE")
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS audit_no_{verb}" for verb in ("update", "delete")]


def _statements(connection: BaseDatabaseWrapper, *, create: bool) -> list[str]:
    if connection.vendor == "postgresql":
        return POSTGRESQL_CREATE if create else POSTGRESQL_DROP
    if connection.vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    # Carepath runs on SQLite and PostgreSQL only (docs/decisions/0001); an unknown engine must not
    # silently get an audit log that can be rewritten.
    raise ImproperlyConfigured(f"Carepath supports SQLite and PostgreSQL, not {connection.vendor}.")


def create(connection: BaseDatabaseWrapper) -> None:
    """Install the triggers."""
    with connection.cursor() as cursor:
        for sql in _statements(connection, create=True):
            cursor.execute(sql)


def drop(connection: BaseDatabaseWrapper) -> None:
    """Remove the triggers (migrating backwards, or emptying the whole database with `flush`)."""
    with connection.cursor() as cursor:
        for sql in _statements(connection, create=False):
            cursor.execute(sql)
