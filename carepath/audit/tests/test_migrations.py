"""The chain migration keeps and chains the entries written before it; flushing still empties the log."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from carepath.access import policy
from carepath.audit.verify import verify_chain
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets=None):
    """Migrate to `targets`, or forward to the latest migration of every app."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_entries_written_before_the_chain_are_kept_and_chained():
    case = CaseFactory()
    old_apps = _migrate([("audit", "0002_alter_auditevent_action")])
    OldEvent = old_apps.get_model("audit", "AuditEvent")
    for action in ("view", "create", "update"):
        OldEvent.objects.create(at=timezone.now(), user_id=case.signal.received_by_id, action=action,
                                what="cases.case", object_id=case.pk, case_id=case.pk, person_id=case.person_id)
    _migrate()
    outcome = verify_chain()
    assert (outcome.broken, outcome.checked) == (None, 3)


def test_flush_empties_the_log_and_puts_the_triggers_back():
    case = CaseFactory()
    policy.record(case.signal.received_by, "view", case, case=case)
    call_command("flush", interactive=False, verbosity=0)
    assert verify_chain().checked == 0
    case = CaseFactory()
    policy.record(case.signal.received_by, "view", case, case=case)
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
