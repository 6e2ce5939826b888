"""Django's `flush`, which empties every table, made to work with the append-only audit log.

On SQLite `flush` empties tables with DELETE, which the audit triggers refuse; the triggers are
dropped and put back around it, in the same transaction. PostgreSQL empties with TRUNCATE, which
row triggers do not see. Test cases that use real transactions flush the database this way.
"""

from typing import Any

from django.core.management.commands import flush
from django.db import connections, transaction

from carepath.audit import triggers


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        with transaction.atomic(using=connection.alias):
            triggers.drop(connection)
            super().handle(**options)
            triggers.create(connection)
