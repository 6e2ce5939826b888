"""Where a page of the suite spends its time: cProfile over N requests, the top functions printed.

Usage: .venv/bin/python benchmarks/profile_page.py dashboard|case|portal|caseload [--runs N] [--top N]
       [--sort cumulative|tottime] [--sql] [--breakdown]

Same actors and database as benchmarks/suite.py (DATABASE_URL). With --sql it also prints each query
of one request with its time, slowest first. With --breakdown, instead of profiling, it times N
requests without the profiler and splits each into SQL (time inside the database calls), template
rendering, Python's garbage collector and the process's CPU time, printing the fastest, the middle
and the slowest requests: what makes the slow tail slow. A tool for finding the next thing to make
faster; the profiler's figures are not the suite's (it slows Python down by about half).
"""

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suite  # type: ignore[import-not-found]  # noqa: E402  benchmarks/suite.py, beside this file
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import base as template_base  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from carepath.core import gc_tuning  # noqa: E402
from carepath.testing.auth import TwoStepClient  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", choices=["dashboard", "case", "portal", "caseload"])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--sql", action="store_true", help="also list one request's queries, slowest first")
    parser.add_argument("--breakdown", action="store_true", help="split each request's time instead of profiling")
    options = parser.parse_args()

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    a = suite.actors()
    user, url = {
        "dashboard": (a.case_worker, reverse("dashboard:home")),
        "case": (a.case_worker, reverse("cases:case_detail", args=[a.case.pk])),
        "portal": (a.citizen, reverse("portal:home", args=[a.case.person_id])),
        "caseload": (a.leader, reverse("cases:case_list")),
    }[options.page]
    client = TwoStepClient()
    client.force_login(user)
    assert client.get(url).status_code == 200  # warm-up
    for _ in range(gc_tuning.WARM_AFTER_REQUESTS):  # then freeze, as a warm server worker has done
        client.get(url)
    gc_tuning.freeze()
    if options.sql:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        for q in sorted(captured.captured_queries, key=lambda q: -float(q["time"])):
            print(f"{float(q['time']) * 1000:8.2f} ms  {q['sql'][:300]}")
        print()
    if options.breakdown:
        breakdown(lambda: client.get(url), options.runs, options.page)
        return
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for _ in range(options.runs):
        client.get(url)
    profiler.disable()
    print(f"{options.runs} requests of {options.page}: {(time.perf_counter() - start) * 1000 / options.runs:.1f} ms "
          "each under the profiler")
    pstats.Stats(profiler).sort_stats(options.sort).print_stats(options.top)


def breakdown(request: Callable[[], Any], runs: int, page: str) -> None:
    """Each request's wall time split into SQL, template, garbage collection and CPU time (ms)."""
    spent = {"sql": 0.0, "template": 0.0, "gc": 0.0}
    started = {"gc": 0.0, "depth": 0}

    def in_database(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent["sql"] += time.perf_counter() - start

    render = template_base.Template.render

    def outermost_render(self: template_base.Template, context: Any) -> Any:
        started["depth"] += 1
        start = time.perf_counter()
        try:
            return render(self, context)
        finally:
            started["depth"] -= 1
            if started["depth"] == 0:
                spent["template"] += time.perf_counter() - start

    def collector(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started["gc"] = time.perf_counter()
        else:
            spent["gc"] += time.perf_counter() - started["gc"]

    template_base.Template.render = outermost_render  # type: ignore[method-assign]
    gc.callbacks.append(collector)
    rows = []
    with connection.execute_wrapper(in_database):
        for _ in range(runs):
            spent.update(sql=0.0, template=0.0, gc=0.0)
            cpu, wall = time.process_time(), time.perf_counter()
            request()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            rows.append((wall * 1000, spent["sql"] * 1000, spent["template"] * 1000, spent["gc"] * 1000, cpu * 1000))
    rows.sort()
    middle = len(rows) // 2
    shown = [*rows[:3], *rows[max(3, middle - 1) : middle + 2], *rows[-5:]]
    print(f"{runs} requests of {page}, fastest, middle and slowest (ms):")
    print(f"{'wall':>8} {'sql':>8} {'template':>9} {'gc':>8} {'cpu':>8}")
    for wall, sql, template, collect, cpu in shown:
        print(f"{wall:8.1f} {sql:8.1f} {template:9.1f} {collect:8.1f} {cpu:8.1f}")
    walls, cpus = [r[0] for r in rows], [r[4] for r in rows]
    print(f"median wall {statistics.median(walls):.1f}, median CPU {statistics.median(cpus):.1f}")


if __name__ == "__main__":
    main()
