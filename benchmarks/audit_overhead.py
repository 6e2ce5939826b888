"""What the audit log adds to a case page, and what one chained append costs.

Usage: .venv/bin/python benchmarks/audit_overhead.py [--citizens N] [--requests N] [--appends N] [--log-entries N]

Works on a throwaway database: a SQLite file in a temporary folder, or, when DATABASE_URL points to
PostgreSQL, a new database `<name>_audit_bench` beside it that is dropped afterwards. Prints timings;
nothing is asserted.
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

DATA_DIR = tempfile.mkdtemp(prefix="carepath-audit-bench-")
os.environ["CAREPATH_DATA_DIR"] = DATA_DIR
os.environ["CAREPATH_DEBUG"] = "0"  # no query log in memory
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepath.settings.base")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()
logging.disable(logging.INFO)  # the sign-in's log lines would drown the figures

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, models  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from carepath.audit.chain import GENESIS, entry_hash  # noqa: E402
from carepath.audit.log import append  # noqa: E402
from carepath.audit.models import AuditEvent  # noqa: E402
from carepath.audit.verify import verify_chain  # noqa: E402
from carepath.cases.models import Case, CaseTeamMember  # noqa: E402
from carepath.people.models import Person  # noqa: E402

try:  # staff sign in with a second step; this client passes it as a right code would
    from carepath.testing.auth import TwoStepClient as SignedInClient  # noqa: E402
except ImportError:
    SignedInClient = Client  # type: ignore[misc,assignment]

INSERT_COLUMNS = "at, user_id, action, what, object_id, case_id, person_id, prev_hash, hash"


class PlainEvent(models.Model):
    """The audit table's twin without chain, lock or triggers: what a raw INSERT costs."""

    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10)
    what = models.CharField(max_length=50)
    object_id = models.PositiveBigIntegerField(null=True)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, null=True, related_name="+")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        app_label = "audit"
        db_table = "bench_plain_event"
        indexes = [
            models.Index(fields=["person", "at"], name="bench_person_at"),
            models.Index(fields=["case", "at"], name="bench_case_at"),
        ]

    def __str__(self) -> str:
        return str(self.pk)


def milliseconds(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def busiest_case() -> tuple[Case, Any]:
    """An open case with the most progress notes, and a member of its team."""
    case = (
        Case.objects.filter(status=Case.Status.OPEN, team__isnull=False)
        .annotate(note_count=Count("notes", distinct=True))
        .order_by("-note_count", "pk")
        .first()
    )
    if case is None:
        sys.exit("No open case with a team: generate more citizens.")
    return case, CaseTeamMember.objects.filter(case=case).select_related("user").first().user


def prefill_log(entries: int, case: Case, user_id: int) -> None:
    """Put `entries` chained entries in the log in bulk, so that appends and verify meet a used table."""
    prev, at, batch = GENESIS, timezone.now(), []
    for n in range(entries):
        row = dict(
            prev_hash=prev,
            at=at,
            user_id=user_id,
            action="view",
            what="cases.case",
            object_id=case.pk,
            case_id=case.pk,
            person_id=case.person_id,
        )
        prev = entry_hash(**row)  # type: ignore[arg-type]
        batch.append(
            [row["at"], user_id, "view", "cases.case", case.pk, case.pk, case.person_id, row["prev_hash"], prev]
        )
        if len(batch) == 10_000 or n == entries - 1:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO audit_auditevent ({INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 9)})",  # noqa: S608
                    batch,
                )
            batch = []


def page_times(client: Client, url: str, requests: int) -> tuple[list[float], list[float]]:
    """Each round requests the page once audited and once with `record` a no-op, in alternating order."""
    audited: list[float] = []
    silent: list[float] = []

    def one(audit: bool) -> float:
        if audit:
            return milliseconds(lambda: client.get(url))
        # Both writers off: `record` (a page's own look) and `record_listed` (the names a list shows).
        with (
            mock.patch("carepath.access.policy.record", lambda *a, **k: None),
            mock.patch("carepath.access.policy.record_listed", lambda *a, **k: None),
        ):
            return milliseconds(lambda: client.get(url))

    for round_ in range(requests):
        first = round_ % 2 == 0
        a, b = one(first), one(not first)
        audited.append(a if first else b)
        silent.append(b if first else a)
    return audited, silent


def append_and_insert_times(case: Case, user_id: int, count: int) -> tuple[list[float], list[float], list[float]]:
    """One chained append versus one raw INSERT into the twin table (and an ORM create there, as record() did
    before the chain), each in its own transaction."""
    with connection.schema_editor() as editor:
        editor.create_model(PlainEvent)
    sql = f"INSERT INTO bench_plain_event ({INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 9)})"  # noqa: S608
    appends, inserts, creates = [], [], []
    fields = dict(what="cases.case", object_id=case.pk, case_id=case.pk, person_id=case.person_id)
    for _ in range(count):
        appends.append(
            milliseconds(
                lambda: append(
                    user_id=user_id,
                    action="view",
                    what="cases.case",
                    object_id=case.pk,
                    case_id=case.pk,
                    person_id=case.person_id,
                )
            )
        )
        params = [timezone.now(), user_id, "view", "cases.case", case.pk, case.pk, case.person_id, "0" * 64, "1" * 64]

        def insert(params: list[Any] = params) -> None:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

        inserts.append(milliseconds(insert))
        creates.append(
            milliseconds(
                lambda: PlainEvent.objects.create(
                    at=timezone.now(), user_id=user_id, action="view", prev_hash="", hash="", **fields
                )
            )
        )
    return appends, inserts, creates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=300, help="page requests per mode")
    parser.add_argument("--appends", type=int, default=1000)
    parser.add_argument("--log-entries", type=int, default=100_000, help="audit entries already there")
    options = parser.parse_args()

    db = settings.DATABASES["default"]
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    bench_name = f"{db['NAME']}_audit_bench" if engine == "PostgreSQL" else str(Path(DATA_DIR) / "bench.sqlite3")
    db["TEST"]["NAME"] = bench_name
    original_name = db["NAME"]
    setup_test_environment()  # the test Client's host name is allowed
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    # Only the throwaway database is dropped at the end (destroy_test_db drops the one in use).
    assert connection.settings_dict["NAME"] == bench_name
    try:
        call_command("generate", citizens=options.citizens, seed=1, stdout=open(os.devnull, "w"))  # noqa: SIM115
        case, member = busiest_case()
        prefill_log(options.log_entries, case, member.pk)
        client = SignedInClient()
        client.force_login(member)
        url = reverse("cases:case_detail", args=[case.pk])
        first = client.get(url)
        if first.status_code != 200:
            sys.exit(f"The case page answered {first.status_code} {first.get('Location', '')}")
        for _ in range(20):  # warm up caches, templates, connection
            client.get(url)
        before = AuditEvent.objects.count()
        client.get(url)
        per_page = AuditEvent.objects.count() - before

        audited, silent = page_times(client, url, options.requests)
        dashboard = reverse("dashboard:home")
        before = AuditEvent.objects.count()
        client.get(dashboard)
        per_dashboard = AuditEvent.objects.count() - before
        dash_on, dash_off = (statistics.median(t) for t in page_times(client, dashboard, options.requests))
        appends, inserts, creates = append_and_insert_times(case, member.pk, options.appends)
        entries = AuditEvent.objects.count()
        verify_ms = milliseconds(lambda: verify_chain())

        page_on, page_off = statistics.median(audited), statistics.median(silent)
        one_append, one_insert = statistics.median(appends), statistics.median(inserts)
        print(
            f"{engine}: {options.citizens} citizens, {Case.objects.count()} cases, {Person.objects.count()} people; "
            f"audit log {options.log_entries} entries before the run, {entries} after"
        )
        print(f"case page ({per_page} audit entries per request), N={options.requests} requests per mode:")
        print(
            f"  median audited {page_on:.2f} ms, record() as no-op {page_off:.2f} ms: "
            f"ratio {page_on / page_off:.3f} (+{page_on - page_off:.2f} ms)"
        )
        print(f"dashboard ({per_dashboard} 'listed' entries per request, one per person named), same N:")
        print(
            f"  median audited {dash_on:.2f} ms, writers as no-op {dash_off:.2f} ms: "
            f"ratio {dash_on / dash_off:.3f} (+{dash_on - dash_off:.2f} ms)"
        )
        print(f"one audit append vs raw INSERT into a twin table, N={options.appends} each, own transaction each:")
        print(
            f"  median append {one_append:.3f} ms, raw INSERT {one_insert:.3f} ms: ratio {one_append / one_insert:.2f}"
        )
        one_create = statistics.median(creates)
        print(
            f"  (ORM create into the twin, as record() wrote before the chain: {one_create:.3f} ms; "
            f"append / create {one_append / one_create:.2f})"
        )
        print(f"verify: {entries} entries in {verify_ms / 1000:.2f} s ({entries / verify_ms * 1000:,.0f} entries/s)")
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)
        import shutil

        shutil.rmtree(DATA_DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
