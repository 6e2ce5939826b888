"""Reads to a read replica, writes to the primary (docs/scaling.md, decision 0012).

Listed in DATABASE_ROUTERS only when DATABASE_REPLICA_URL defines the `replica` alias; without
one it answers nothing and Django keeps everything on `default`. A read goes to the primary
instead of the replica when the replica may not have it yet:

- inside a transaction on the primary (`transaction.atomic`): every service, the audit writer
  (its lock and the last hash it chains to) and every select_for_update;
- for the rest of a request after its first write, and for the whole of a request that may
  change something (see db_pinning.py): read-your-own-writes despite replication lag;
- always for the apps in ALWAYS_PRIMARY.
"""

from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model

from carepath.core.db_pinning import pin_to_primary, pinned_to_primary

PRIMARY = DEFAULT_DB_ALIAS
REPLICA = "replica"

# Read from the primary whatever the request:
# - sessions: read at the start of every request, also the GET right after the login's POST; a
#   stale copy would lose the sign-in or its second step, or keep a session that was just ended;
# - audit: the hash chain, and "who looked at my file" shows the look that was just made;
# - otp_totp, axes: throttles, used codes and lockouts; a stale copy would allow another try.
# Their writes pin nothing: what is read back of them comes from the primary anyway, and a page
# view that only writes its audit entry and session goes on reading the rest from the replica.
ALWAYS_PRIMARY = frozenset({"sessions", "audit", "otp_totp", "axes"})


class ReplicaRouter:
    replica = REPLICA

    def _active(self) -> bool:
        return self.replica in settings.DATABASES

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if not self._active():
            return None
        if model._meta.app_label in ALWAYS_PRIMARY or pinned_to_primary() or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return self.replica

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        if not self._active():
            return None
        if model._meta.app_label not in ALWAYS_PRIMARY:
            pin_to_primary()
        # Always named: left to Django, an object read from the replica would be saved back there.
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # The replica is a copy of the primary: an object read from one may point at one from the other.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, self.replica}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        # The replica gets its tables by replication; `migrate` runs on the primary only.
        if db == self.replica:
            return False
        return None
