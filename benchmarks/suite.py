# ruff: noqa: S608  (SQL built from integers this script chose; no input reaches it)
"""Issue 6's benchmark suite: the pages, the person search and the reports, each against a floor.

Usage: .venv/bin/python benchmarks/suite.py [--citizens N] [--runs N] [--json FILE]

Runs against the database the settings name (DATABASE_URL, or the embedded SQLite file under
CAREPATH_DATA_DIR). When that database holds no synthetic municipality yet, it is migrated and
`carepath generate --citizens N --seed 1` fills it first; an existing one is used as it is, so the
million-citizen database is generated once and measured many times.

For each target it prints p50 and p95 server time (the request through Django's whole stack in
this process: middleware, access policy, audit, queries, template; no network), the number of
queries of one request, and the ratio of p50 to a floor: one raw SQL query reading the same rows,
timed the same number of times in the same run. Nothing is asserted: tests assert query counts.
The benchmark writes what real use writes (audit entries; one portal account when none exists).
"""

import argparse
import json
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

os.environ["CAREPATH_DEBUG"] = "0"  # no query log kept in memory between runs
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepath.settings.base")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()
logging.disable(logging.INFO)

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from carepath.accounts.models import Role, User  # noqa: E402
from carepath.audit.models import AuditEvent  # noqa: E402
from carepath.cases.models import Case, CaseTeamMember  # noqa: E402
from carepath.core import gc_tuning  # noqa: E402
from carepath.goals.models import Goal  # noqa: E402
from carepath.notes.models import ProgressNote  # noqa: E402
from carepath.organisations.models import Unit  # noqa: E402
from carepath.people.models import Person  # noqa: E402
from carepath.people.services import open_portal_account  # noqa: E402
from carepath.reports.selectors import REPORTS, build_report  # noqa: E402
from carepath.testing.auth import TwoStepClient  # noqa: E402


@dataclass
class Figure:
    target: str
    kind: str  # page | search | report
    p50_ms: float
    p95_ms: float
    queries: int
    floor_p50_ms: float
    ratio: float


WIDTH = 28  # of the target column


def milliseconds(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18] if len(samples) > 1 else samples[0]


def timed(run: Callable[[], Any], runs: int) -> list[float]:
    run()  # warm-up: caches, prepared plans, the first template load
    return [milliseconds(run) for _ in range(runs)]


def query_count(run: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured.captured_queries)


def raw(sql: str, params: list[Any]) -> Callable[[], Any]:
    def run() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def figure(target: str, kind: str, run: Callable[[], Any], floor: Callable[[], Any], runs: int) -> Figure:
    samples, floor_samples = timed(run, runs), timed(floor, runs)
    p50, floor_p50 = statistics.median(samples), statistics.median(floor_samples)
    return Figure(target, kind, round(p50, 2), round(p95(samples), 2), query_count(run), round(floor_p50, 3),
                  round(p50 / floor_p50, 1) if floor_p50 else 0.0)


def machine_speed() -> float:
    """Milliseconds for a fixed piece of pure Python (the median of five): the same code took 340 to
    700 ms on one idle shared machine within minutes, so figures of runs are compared with it."""
    def loop() -> None:
        total = 0
        for i in range(1_000_000):
            total += i * i

    return round(statistics.median(milliseconds(loop) for _ in range(5)), 1)


def ensure_data(citizens: int) -> None:
    call_command("migrate", verbosity=0)
    if not User.objects.filter(username__startswith="s1-").exists():
        print(f"Generating {citizens:,} citizens (seed 1)...", flush=True)
        call_command("generate", citizens=citizens, seed=1, verbosity=0)


def data_size() -> dict[str, int]:
    return {"people": Person.objects.count(), "cases": Case.objects.count(), "goals": Goal.objects.count(),
            "progress notes": ProgressNote.objects.count(), "audit entries": AuditEvent.objects.count()}


@dataclass
class Actors:
    case_worker: User
    case: Case
    leader: User
    unit: Unit
    citizen: User


def actors() -> Actors:
    """The busiest case worker of the synthetic authority, their open case with the most notes, the leader
    of the unit with the most open cases, and a citizen with a portal account on an open case."""
    busiest = (
        CaseTeamMember.objects.filter(case__status=Case.Status.OPEN, user__role=Role.CASE_WORKER,
                                      user__username__startswith="s1-")
        .values("user_id").annotate(n=Count("pk")).order_by("-n", "user_id").first()
    )
    if busiest is None:
        sys.exit("No open case with a case worker: generate more citizens.")
    worker = User.objects.get(pk=busiest["user_id"])
    case = (
        Case.objects.filter(status=Case.Status.OPEN, team__user=worker)
        .annotate(n=Count("notes")).order_by("-n", "pk").first()
    )
    assert case is not None
    unit = (
        Unit.objects.filter(leader__isnull=False, cases__status=Case.Status.OPEN)
        .annotate(n=Count("cases")).order_by("-n", "pk").first()
    )
    assert unit is not None and unit.leader is not None
    citizen = User.objects.filter(person=case.person).first()
    if citizen is None:
        citizen, _link = open_portal_account(
            case=case, by=worker, for_person=True, first_name=case.person.given_name,
            last_name=case.person.family_name, email="", username=f"bench-citizen-{case.person_id}",
        )
    return Actors(worker, case, unit.leader, unit, citizen)


def pages(a: Actors, runs: int) -> list[Figure]:
    def client_for(user: User) -> TwoStepClient:
        client = TwoStepClient()
        client.force_login(user)
        return client

    def get(client: TwoStepClient, url: str) -> Callable[[], Any]:
        def run() -> Any:
            response = client.get(url)
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
            return response

        return run

    staff, leader, citizen = client_for(a.case_worker), client_for(a.leader), client_for(a.citizen)
    open_status = Case.Status.OPEN
    # Each floor reads, in one query, the rows the page lists.
    my_cases = (
        "SELECT c.id, c.opened_at, p.given_name, p.family_name, t.name FROM cases_case c "
        "JOIN people_person p ON p.id = c.person_id JOIN cases_casetype t ON t.id = c.case_type_id "
        "WHERE c.status = %s AND c.id IN (SELECT case_id FROM cases_caseteammember WHERE user_id = %s) "
        "ORDER BY c.opened_at DESC LIMIT 50"
    )
    case_rows = (
        "SELECT 'note', id, written_at FROM notes_progressnote WHERE case_id = %s "
        "UNION ALL SELECT 'goal', id, created_at FROM goals_goal WHERE case_id = %s "
        "UNION ALL SELECT 'step', s.id, NULL FROM plans_step s JOIN goals_goal g ON g.id = s.goal_id "
        "WHERE g.case_id = %s"
    )
    person_steps = (
        "SELECT g.id, g.title, s.id, s.what, s.due_on FROM goals_goal g "
        "LEFT JOIN plans_step s ON s.goal_id = g.id JOIN cases_case c ON c.id = g.case_id WHERE c.person_id = %s"
    )
    unit_cases = (
        "SELECT c.id, c.opened_at, p.given_name, p.family_name FROM cases_case c "
        "JOIN people_person p ON p.id = c.person_id WHERE c.unit_id = %s AND c.status = %s "
        "ORDER BY c.opened_at DESC, c.id DESC LIMIT 50"
    )
    person_id = a.case.person_id
    # A server worker freezes its long-lived objects once warm (carepath/core/gc_tuning.py): the same
    # number of requests first, then the same freeze, so that the pages are timed as a worker serves them.
    dashboard, case = get(staff, reverse("dashboard:home")), get(staff, reverse("cases:case_detail", args=[a.case.pk]))
    portal, caseload = get(citizen, reverse("portal:home", args=[person_id])), get(leader, reverse("cases:case_list"))
    for number in range(gc_tuning.WARM_AFTER_REQUESTS):
        [dashboard, case, portal, caseload][number % 4]()
    gc_tuning.freeze()
    return [
        figure("staff dashboard", "page", dashboard, raw(my_cases, [open_status, a.case_worker.pk]), runs),
        figure("case page", "page", case, raw(case_rows, [a.case.pk] * 3), runs),
        figure("portal home", "page", portal, raw(person_steps, [person_id]), runs),
        figure("team leader's caseload", "page", caseload, raw(unit_cases, [a.unit.pk, open_status]), runs),
    ]


def search(a: Actors, runs: int) -> list[Figure]:
    import person_search  # type: ignore[import-not-found]  # benchmarks/person_search.py, beside this file

    r = person_search.measure(a.case_worker, runs)
    floor = r["floor_p50_ms"]
    return [
        Figure("person search", "search", round(r["p50_ms"], 2), round(r["p95_ms"], 2), r["queries"],
               round(floor, 3), round(r["p50_ms"] / floor, 1)),
        Figure("person search + birth date", "search", round(r["with_birth_date_p50_ms"], 2),
               round(r["with_birth_date_p95_ms"], 2), r["queries"], round(floor, 3),
               round(r["with_birth_date_p50_ms"] / floor, 1)),
    ]


def reports(a: Actors, runs: int) -> list[Figure]:
    floor = raw("SELECT level, COUNT(*) FROM evaluations_goalattainment GROUP BY level", [])
    return [figure(f"report: {slug}", "report", lambda slug=slug: build_report(slug, a.leader, {}), floor, runs)
            for slug in REPORTS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=100_000, help="generated when the database has none")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per target (after one warm-up)")
    parser.add_argument("--report-runs", type=int, default=5, help="timed runs per report")
    parser.add_argument("--only", default="pages,search,reports", help="comma-separated: pages, search, reports")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()

    # The test client's host. Not setup_test_environment(): it instruments template rendering
    # (a copy of every context for the test), which a production server does not do.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    ensure_data(options.citizens)
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    size = data_size()
    print(f"{engine}; data: " + ", ".join(f"{n:,} {label}" for label, n in size.items()), flush=True)
    a = actors()
    speed_before = machine_speed()
    print(f"Machine: a fixed Python loop took {speed_before} ms before the run", flush=True)
    print(f"{'target'.ljust(WIDTH)}  {'p50 ms':>9}  {'p95 ms':>9}  {'queries':>7}  {'floor ms':>9}  {'ratio':>6}")
    groups = {"pages": lambda: pages(a, options.runs), "search": lambda: search(a, options.runs),
              "reports": lambda: reports(a, options.report_runs)}
    figures: list[Figure] = []
    for group in options.only.split(","):
        for f in groups[group]():
            figures.append(f)
            print(f"{f.target.ljust(WIDTH)}  {f.p50_ms:>9.2f}  {f.p95_ms:>9.2f}  {f.queries:>7}  "
                  f"{f.floor_p50_ms:>9.3f}  {f.ratio:>6.1f}", flush=True)
    speed_after = machine_speed()
    print(f"Machine: the same loop took {speed_after} ms after the run", flush=True)
    if options.json:
        options.json.write_text(json.dumps({"engine": engine, "size": size, "runs": options.runs,
                                            "machine_loop_ms": [speed_before, speed_after],
                                            "figures": [asdict(f) for f in figures]}, indent=2))


if __name__ == "__main__":
    main()
