"""The read-replica router: reads to the replica, writes and the reads that must see them to the primary.

The test settings define `replica` as a test mirror of `default` (the same database, through a
second connection), so every query can be seen on the connection it went to. The tests are
transactional: data written on one connection must be committed to be seen on the other.
"""

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.audit import log
from carepath.audit.models import AuditEvent
from carepath.audit.verify import verify_chain
from carepath.cases.models import Case
from carepath.core.concurrency import StaleEdit, save_versioned
from carepath.core.db_pinning import PinToPrimaryMiddleware, pinned_to_primary, pinning_scope, reads_only
from carepath.core.db_routers import ReplicaRouter
from carepath.people.models import Person
from carepath.testing.factories import CaseFactory, UserFactory
from carepath.testing.roles import provider_staff_on, stranger

ROUTER = "carepath.core.db_routers.ReplicaRouter"
BOTH = ["default", "replica"]
both_databases = pytest.mark.django_db(transaction=True, databases=BOTH)

# What a page view may still write or read on the primary: its audit entry (with the chain's lock),
# the session and the second step of the login.
PRIMARY_ONLY_TABLES = ("audit_auditevent", "django_session", "otp_totp_totpdevice", "axes_")


@pytest.fixture
def replica(settings) -> Iterator[None]:
    """Turn the router on for one test, with a fresh read-your-writes state before and after."""
    settings.DATABASE_ROUTERS = [ROUTER]
    with pinning_scope(pinned=False):
        yield


def _queries(alias: str) -> CaptureQueriesContext:
    return CaptureQueriesContext(connections[alias])


def _sql(captured: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in captured.captured_queries]


def _only_primary_tables(statements: list[str]) -> bool:
    transaction_control = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN", "COMMIT")
    return all(
        sql.startswith(transaction_control)
        or "pg_advisory_xact_lock" in sql
        or any(t in sql for t in PRIMARY_ONLY_TABLES)
        for sql in statements
    )


def test_the_test_settings_leave_routing_off_so_other_tests_never_touch_the_replica():
    assert settings.DATABASES["replica"]["TEST"]["MIRROR"] == "default"
    assert ROUTER not in settings.DATABASE_ROUTERS


def _settings_in_a_fresh_process(**env: str) -> str:
    inherited = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    code = "from carepath.settings import base; print(sorted(base.DATABASES), base.DATABASE_ROUTERS)"
    result = subprocess.run(
        [sys.executable, "-c", code], env={**inherited, **env}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_database_replica_url_there_is_no_replica_and_no_router():
    assert _settings_in_a_fresh_process() == "['default'] []"


def test_database_replica_url_adds_the_replica_and_the_router():
    printed = _settings_in_a_fresh_process(DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/carepath")
    assert printed == f"['default', 'replica'] ['{ROUTER}']"


def test_without_the_alias_the_router_answers_nothing():
    class NoReplica(ReplicaRouter):
        replica = "not-configured"

    unconfigured = NoReplica()
    assert unconfigured.db_for_read(Case) is None
    assert unconfigured.db_for_write(Case) is None


def test_migrations_run_on_the_primary_only(replica):
    assert router.allow_migrate_model("default", Case)
    assert not router.allow_migrate_model("replica", Case)
    assert not router.allow_migrate_model("replica", AuditEvent)


def test_objects_from_either_alias_may_be_related_and_are_saved_to_the_primary(replica):
    from_replica, from_primary = Case(pk=1), Person(pk=2)
    from_replica._state.db, from_primary._state.db = "replica", "default"
    assert router.allow_relation(from_replica, from_primary)
    # Left to Django, an object read from the replica would be saved back to it.
    assert router.db_for_write(Case, instance=from_replica) == "default"


@both_databases
def test_a_staff_page_reads_from_the_replica_and_writes_only_its_audit_entry_and_session(replica, client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    with _queries("replica") as on_replica, _queries("default") as on_primary:
        response = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 200
    assert str(case.person) in response.content.decode()
    assert on_replica.captured_queries, "the page read nothing from the replica"
    assert all(sql.lstrip("(").startswith("SELECT") for sql in _sql(on_replica))  # "(SELECT ... UNION ...": reads
    assert _only_primary_tables(_sql(on_primary)), _sql(on_primary)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.VIEW, case_id=case.pk).exists()


@both_databases
def test_a_post_reads_and_writes_on_the_primary_and_the_next_get_reads_from_the_replica_again(replica, client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    with _queries("replica") as on_replica, _queries("default") as on_primary:
        response = client.post(reverse("notes:note_new", args=[case.pk]), {"text": "Went to the club."})
    assert response.status_code == 302
    assert on_replica.captured_queries == []
    assert any("INSERT" in sql and "notes_progressnote" in sql for sql in _sql(on_primary))
    with _queries("replica") as on_replica:
        page = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert "Went to the club." in page.content.decode()
    assert on_replica.captured_queries


@both_databases
def test_reads_after_a_write_go_to_the_primary(replica):
    case = CaseFactory()
    with pinning_scope(pinned=False):
        with _queries("replica") as on_replica:
            Case.objects.get(pk=case.pk)
        assert len(on_replica.captured_queries) == 1
        Person.objects.filter(pk=case.person_id).update(phone="+370 600 00000")
        with _queries("replica") as on_replica, _queries("default") as on_primary:
            assert Person.objects.get(pk=case.person_id).phone == "+370 600 00000"
            Case.objects.get(pk=case.pk)
    assert on_replica.captured_queries == []
    assert len(on_primary.captured_queries) == 2


@both_databases
def test_reads_inside_a_transaction_go_to_the_primary(replica):
    case = CaseFactory()
    with pinning_scope(pinned=False):
        with _queries("replica") as on_replica, transaction.atomic():
            Case.objects.get(pk=case.pk)
            list(Person.objects.all())
        assert on_replica.captured_queries == []
        with _queries("replica") as on_replica:
            Case.objects.get(pk=case.pk)  # the transaction is over, and nothing was written
        assert len(on_replica.captured_queries) == 1


@both_databases
def test_the_audit_chain_locks_reads_its_last_entry_and_appends_on_the_primary(replica):
    user = UserFactory()
    with pinning_scope(pinned=False):
        with _queries("replica") as on_replica, _queries("default") as on_primary:
            first = log.append(user_id=user.pk, action="view", what="cases.case", object_id=1)
            second = log.append(user_id=user.pk, action="view", what="cases.case", object_id=2)
    assert on_replica.captured_queries == []
    statements = _sql(on_primary)
    assert any("audit_auditevent" in sql and sql.startswith("SELECT") for sql in statements)
    if connections["default"].vendor == "postgresql":
        assert sum("pg_advisory_xact_lock" in sql for sql in statements) == 2
    assert second.prev_hash == first.hash
    outcome = verify_chain()
    assert (outcome.checked, outcome.broken) == (2, None)


@both_databases
def test_a_stale_edit_is_still_refused_and_its_version_read_on_the_primary(replica):
    case = CaseFactory()
    Case.objects.filter(pk=case.pk).update(version=2)  # someone else saved it
    with pinning_scope(pinned=False), _queries("replica") as on_replica:
        case.status = Case.Status.CLOSED
        with pytest.raises(StaleEdit) as refused:
            save_versioned(case, expected_version=1, fields=["status"])
    assert refused.value.current_version == 2
    assert on_replica.captured_queries == []
    assert Case.objects.get(pk=case.pk).status == Case.Status.OPEN


def _answer(client, user, case) -> tuple[int, list[str]]:
    before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    client.force_login(user)
    status = client.get(reverse("cases:case_detail", args=[case.pk])).status_code
    client.logout()
    written = AuditEvent.objects.filter(id__gt=before, user=user).order_by("id")
    return status, [f"{e.action} {e.what}" for e in written]


@both_databases
def test_the_access_policy_answers_the_same_with_the_replica(settings, client):
    case = CaseFactory()
    people = {
        "case manager": case.signal.received_by,
        "stranger": stranger(),
        "provider without consent": provider_staff_on(case, consent=False),
    }
    without_replica = {name: _answer(client, user, case) for name, user in people.items()}
    settings.DATABASE_ROUTERS = [ROUTER]
    with pinning_scope(pinned=False):
        with_replica = {name: _answer(client, user, case) for name, user in people.items()}
    assert with_replica == without_replica
    assert without_replica["stranger"][0] == 404
    assert without_replica["provider without consent"][0] == 200
    assert all(actions for _, actions in without_replica.values())


def _pinned_in_view(method: str, view) -> bool:
    """Run the middleware around `view` as Django's handler does, and say whether the view read from the primary."""
    seen = []

    def handler(request):
        middleware.process_view(request, view, (), {})
        seen.append(pinned_to_primary())
        return HttpResponse()

    middleware = PinToPrimaryMiddleware(handler)
    with pinning_scope(pinned=False):
        middleware(RequestFactory().generic(method, "/"))
        assert not pinned_to_primary(), "the request's pin outlived it"
    return seen[0]


def test_a_post_reads_from_the_primary_and_a_get_from_the_replica():
    def view(request):
        return HttpResponse()

    assert _pinned_in_view("POST", view)
    assert _pinned_in_view("DELETE", view)
    assert not _pinned_in_view("GET", view)
    assert not _pinned_in_view("HEAD", view)


def test_a_post_that_changes_nothing_may_read_from_the_replica():
    @reads_only
    def search(request):
        return HttpResponse()

    assert not _pinned_in_view("POST", search)
