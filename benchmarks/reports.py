# ruff: noqa: S608  (SQL built from model table names and integers this script chose; no input reaches it)
"""How long each report takes over 1,000,000 goals, against a floor: a bare COUNT grouped by level.

Usage: DATABASE_URL=postgres://... .venv/bin/python benchmarks/reports.py [--goals N] [--citizens N] [--runs N]

Works on a throwaway database: a new PostgreSQL database `<name>_reports_bench` beside the one
DATABASE_URL names (dropped afterwards), or a SQLite file in a temporary folder. `carepath generate`
makes the municipality (organisations, units, services, cases); the goals, evaluation moments,
attainments, quality-of-life ratings and deadlines are then added in bulk with INSERT ... SELECT
on the cases of the largest authority, so its team leader's default filter covers all of them.
Prints the data size, then each report's median time and its ratio to the floor; nothing is asserted.
"""

import argparse
import functools
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA_DIR = tempfile.mkdtemp(prefix="carepath-reports-bench-")
os.environ["CAREPATH_DATA_DIR"] = DATA_DIR
os.environ["CAREPATH_DEBUG"] = "0"  # no query log in memory
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepath.settings.base")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()
logging.disable(logging.INFO)

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from carepath.accounts.models import Role, User  # noqa: E402
from carepath.cases.models import Case, Deadline  # noqa: E402
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating  # noqa: E402
from carepath.goals.models import Goal  # noqa: E402
from carepath.organisations.models import Organisation  # noqa: E402


def milliseconds(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def reporting_leader() -> User:
    """The team leader of the authority with the most cases: their default filter is their organisation."""
    org = (
        Organisation.objects.filter(kind=Organisation.Kind.AUTHORITY)
        .annotate(n=Count("units__cases"))
        .order_by("-n")
        .first()
    )
    assert org is not None, "carepath generate made no authority"
    leader = User.objects.filter(role=Role.TEAM_LEADER, organisation=org).first()
    if leader is None:
        unit = org.units.first()
        assert unit is not None
        leader = User.objects.create_user(f"bench-leader-{org.pk}", role=Role.TEAM_LEADER, organisation=org, unit=unit)
    return leader


def add_outcomes(org_id: int, goals: int, creator_id: int) -> None:
    """Goals spread over the organisation's cases, two held evaluation moments per case in the last
    12 months, an attainment per goal at the latest one, a rating per life domain at both, three
    deadlines per signal. One INSERT ... SELECT each: the database makes the rows."""
    t = {m.__name__: m._meta.db_table for m in (Case, Goal, EvaluationMoment, GoalAttainment, QualityOfLifeRating)}
    unit_table = Case._meta.get_field("unit").related_model._meta.db_table  # type: ignore[union-attr]
    deadline = Deadline._meta.db_table
    pg = connection.vendor == "postgresql"
    rnd = "random()" if pg else "(abs(random()) / 9223372036854775807.0)"
    today = "CURRENT_DATE" if pg else "date('now')"

    def days_ago(expr: str | int) -> str:
        if pg:
            return f"({today} - CAST({expr} AS integer))"
        return f"date('now', '-' || CAST({expr} AS integer) || ' days')"

    def series(n: str) -> str:
        if pg:
            return f"generate_series(1, {n}) AS s(i)"
        return f"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) SELECT i FROM s) AS s"

    cases_sql = (
        f"SELECT c.id, c.signal_id, c.authority_id FROM {t['Case']} c JOIN {unit_table} u ON u.id = c.unit_id"
        f" WHERE u.organisation_id = {org_id}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({cases_sql}) x")
        cases = cursor.fetchone()[0]
        per_case = -(-goals // cases)
        domains = ["work", "education", "leisure", "housing", "social_relations", "health", "daily_living", "finances"]
        domain_case = "CASE " + " ".join(f"WHEN {{n}} % 8 = {i} THEN '{d}'" for i, d in enumerate(domains)) + " END"
        cursor.execute(
            f"INSERT INTO {t['Goal']} (case_id, authority_id, citizen_words, title, indicator, target, due_on,"
            f" life_domain, proposed_by, is_group_goal, status, created_by_id, created_at, version)"
            f" SELECT c.id, c.authority_id, 'I want to do it on my own.', 'Goal', 'Done', 'Once',"
            f" {days_ago(f'{rnd} * 300')},"
            f" {domain_case.format(n='(c.id + s.i)')}, CASE WHEN s.i % 3 = 0 THEN 'staff' ELSE 'citizen' END,"
            f" false, 'active', {creator_id}, CURRENT_TIMESTAMP, 1"
            f" FROM ({cases_sql}) c CROSS JOIN {series(str(per_case))} LIMIT {goals}"
        )
        for held in (330, 30):  # "before" and "after"
            cursor.execute(
                f"INSERT INTO {t['EvaluationMoment']} (case_id, authority_id, planned_on, held_on, citizen_words,"
                f" satisfaction, citizen_view, citizen_view_in_portal, created_by_id)"
                f" SELECT c.id, c.authority_id, {days_ago(held)}, {days_ago(held)},"
                f" CASE WHEN c.id % 10 = 0 THEN 'It went well.' ELSE '' END, 1 + c.id % 5, 1 + (c.id + 2) % 5,"
                f" c.id % 2 = 0, {creator_id} FROM ({cases_sql}) c"
            )
        cursor.execute(
            f"INSERT INTO {t['GoalAttainment']} (evaluation_id, authority_id, goal_id, level, gas_score, comment)"
            f" SELECT e.id, e.authority_id, g.id,"
            f" CASE WHEN g.id % 22 < 14 THEN 'fully' WHEN g.id % 22 < 19 THEN 'partially' ELSE 'not' END,"
            f" (g.id % 5) - 2, ''"
            f" FROM {t['Goal']} g JOIN {t['EvaluationMoment']} e"
            f" ON e.case_id = g.case_id AND e.held_on = {days_ago(30)}"
            f" WHERE g.created_by_id = {creator_id}"
        )
        cursor.execute(
            f"INSERT INTO {t['QualityOfLifeRating']} (evaluation_id, authority_id, domain, score)"
            f" SELECT e.id, e.authority_id, d.domain, 1 + (e.id + length(d.domain)) % 5 FROM {t['EvaluationMoment']} e"
            f" JOIN ({cases_sql}) c ON c.id = e.case_id"
            f" CROSS JOIN (" + " UNION ALL ".join(f"SELECT '{d}' AS domain" for d in domains) + ") d"
        )
        cursor.execute(
            f"INSERT INTO {deadline} (signal_id, authority_id, label, due_on, done_on)"
            f" SELECT c.signal_id, c.authority_id, 'Deadline ' || s.i, {days_ago('s.i * 40')},"
            f" CASE WHEN (c.id + s.i) % 4 = 0 THEN NULL ELSE {days_ago('s.i * 40 + (c.id % 3) - 1')} END"
            f" FROM ({cases_sql}) c CROSS JOIN {series('3')}"
        )
        if pg:
            cursor.execute("ANALYZE")


def floor_query() -> Callable[[], Any]:
    """The least any goal-attainment figure can cost: attainments counted by level, nothing joined."""
    sql = f"SELECT level, COUNT(*) FROM {GoalAttainment._meta.db_table} GROUP BY level"

    def run() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=1_000_000)
    parser.add_argument("--citizens", type=int, default=20_000, help="for carepath generate")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per report (the median is printed)")
    options = parser.parse_args()

    try:
        from carepath.reports.selectors import REPORTS, build_report
    except ImportError:
        sys.exit("carepath.reports.selectors.build_report is not there yet: nothing to measure.")

    db = settings.DATABASES["default"]
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    bench_name = f"{db['NAME']}_reports_bench" if engine == "PostgreSQL" else str(Path(DATA_DIR) / "bench.sqlite3")
    db["TEST"]["NAME"] = bench_name
    original_name = db["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    assert connection.settings_dict["NAME"] == bench_name  # only the throwaway database is dropped at the end
    try:
        started = time.perf_counter()
        call_command("generate", citizens=options.citizens, seed=1, stdout=open(os.devnull, "w"))  # noqa: SIM115
        leader = reporting_leader()
        add_outcomes(leader.organisation_id, options.goals, leader.pk)  # type: ignore[arg-type]
        built = time.perf_counter() - started
        print(
            f"{engine}: {Goal.objects.count():,} goals, {EvaluationMoment.objects.count():,} evaluation moments, "
            f"{GoalAttainment.objects.count():,} attainments, {QualityOfLifeRating.objects.count():,} quality-of-life "
            f"ratings, {Deadline.objects.count():,} deadlines, {Case.objects.count():,} cases "
            f"(built in {built:.0f} s)"
        )
        if engine == "PostgreSQL":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
                print(f"database size: {cursor.fetchone()[0]}")
        floor = floor_query()
        floor()
        floor_ms = statistics.median(milliseconds(floor) for _ in range(options.runs))
        print(f"floor (COUNT of attainments GROUP BY level, {options.runs} runs): median {floor_ms:.1f} ms")
        print(f"reports as {leader.get_role_display()} with the default filter (their organisation, last 12 months):")
        for slug in REPORTS:
            build_report(slug, leader, {})  # warm up
            times = [milliseconds(functools.partial(build_report, slug, leader, {})) for _ in range(options.runs)]
            median = statistics.median(times)
            ratio = median / floor_ms
            print(f"  {slug:<16} median {median:8.1f} ms  (max {max(times):8.1f})  ratio to floor {ratio:6.1f}")
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)
        import shutil

        shutil.rmtree(DATA_DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
