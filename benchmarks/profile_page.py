"""Where a page of the suite spends its time: cProfile over N requests, the top functions printed.

Usage: .venv/bin/python benchmarks/profile_page.py dashboard|case|portal|caseload [--runs N] [--top N]
       [--sort cumulative|tottime] [--sql]

Same actors and database as benchmarks/suite.py (DATABASE_URL). With --sql it also prints each query
of one request with its time, slowest first. A tool for finding the next thing to make faster; its
figures are not the suite's (the profiler itself slows Python down by about half).
"""

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suite  # type: ignore[import-not-found]  # noqa: E402  benchmarks/suite.py, beside this file
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from carepath.testing.auth import TwoStepClient  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", choices=["dashboard", "case", "portal", "caseload"])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--sql", action="store_true", help="also list one request's queries, slowest first")
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
    if options.sql:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        for q in sorted(captured.captured_queries, key=lambda q: -float(q["time"])):
            print(f"{float(q['time']) * 1000:8.2f} ms  {q['sql'][:300]}")
        print()
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for _ in range(options.runs):
        client.get(url)
    profiler.disable()
    print(f"{options.runs} requests of {options.page}: {(time.perf_counter() - start) * 1000 / options.runs:.1f} ms "
          "each under the profiler")
    pstats.Stats(profiler).sort_stats(options.sort).print_stats(options.top)


if __name__ == "__main__":
    main()
