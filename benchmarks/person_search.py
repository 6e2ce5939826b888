# ruff: noqa: S608  (SQL built from the model's table name; the ids are parameters)
"""How long "Find a person" takes (people.search.find_people), against a floor: the same rows read by id.

Usage, on a database that already holds generated people (nothing is created but audit entries):
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/person_search.py [--user s1-cw001] [--runs 300]

The queries are made from real rows the user may find, each changed the way people type names:
a letter of the family name replaced (a typo), the accents stripped, or family name first. Each
search runs as that user, by name alone (the widest search: no birth date to narrow it), then again
with the person's birth date, and writes its `listed` audit entries as the page does. The floor
reads the rows the name search returned with one raw `SELECT ... WHERE id = ANY(...)`. Prints p50
and p95 of each, the ratio to the floor, the query count of one search, how often the name a query
was made from is listed (the person, with the birth date), and the data size. Nothing is asserted.

From a suite: `measure(user, runs)` returns the same figures as a dict (Django set up by the caller).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

VOWELS = "aeiou"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _typo(family: str, rng: random.Random) -> str:
    """One letter inside the family name replaced by another (a vowel by a vowel, as people mishear)."""
    inner = [i for i in range(1, len(family) - 1) if family[i].isalpha()]
    if not inner:
        return family + "s"
    i = rng.choice(inner)
    pool = VOWELS if family[i].lower() in VOWELS else "bcdfgklmnprstvz"
    return family[:i] + rng.choice([c for c in pool if c != family[i].lower()]) + family[i + 1 :]


def make_queries(user: Any, count: int, seed: int = 1) -> list[tuple[str, int]]:
    """(name as typed, id of the person it was made from), from `count` random people `user` may find."""
    from carepath.access import policy
    from carepath.people.search import fold

    rng = random.Random(seed)
    people = policy.searchable_people(user)
    top = people.order_by("-pk").values_list("pk", flat=True).first()
    if top is None:
        raise SystemExit(f"{user.username} can find no one: generate people first (carepath generate).")
    rows: dict[int, tuple[str, str]] = {}
    tries = 0
    while len(rows) < count and tries < 50:  # random ids the user may find, a batch at a time
        tries += 1
        batch = [rng.randint(1, top) for _ in range(count * 20)]
        for pk, given, family in people.filter(pk__in=batch).values_list("pk", "given_name", "family_name"):
            if len(rows) < count:
                rows[pk] = (given, family)
    changes = (
        lambda g, f: f"{g} {_typo(f, rng)}",
        lambda g, f: str(fold(f"{g} {f}")),  # typed without accents (and in lower case)
        lambda g, f: f"{f} {g}",
    )
    return [(changes[n % 3](given, family), pk) for n, (pk, (given, family)) in enumerate(sorted(rows.items()))]


def measure(user: Any, runs: int, *, queries: list[tuple[str, int]] | None = None, seed: int = 1) -> dict[str, Any]:
    """Time `runs` searches by name alone by `user` (cycling through `queries`, made from real rows if
    not given) and the floor for each, then `runs` searches by the same names with the person's birth
    date. Milliseconds; the query count of one search; how often the name a query was made from was
    listed (by name alone) and the person themself (with the birth date)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from carepath.access import policy
    from carepath.people.models import Person
    from carepath.people.search import find_people

    queries = queries or make_queries(user, min(runs, 100), seed)
    table = Person._meta.db_table
    ids_in = "= ANY(%s)" if connection.vendor == "postgresql" else "IN (SELECT value FROM json_each(%s))"
    floor_sql = f"SELECT id, given_name, family_name, birth_date FROM {table} WHERE id {ids_in}"

    def timed(name: str, birth_date: Any) -> tuple[float, list[Any]]:
        start = time.perf_counter()
        found = find_people(user, name=name, birth_date=birth_date)
        return (time.perf_counter() - start) * 1000, found

    def floor(ids: list[int]) -> float:
        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(floor_sql, [ids if connection.vendor == "postgresql" else str(ids)])
            cursor.fetchall()
        return (time.perf_counter() - start) * 1000

    rows = Person.objects.filter(pk__in=[pk for _name, pk in queries])
    source = {pk: (given, family, born) for pk, given, family, born in rows.values_list(
        "pk", "given_name", "family_name", "birth_date")}
    for name, _pk in queries:  # a server in use has its index in memory: warm it
        find_people(user, name=name, birth_date=None)
    with CaptureQueriesContext(connection) as captured:
        find_people(user, name=queries[0][0], birth_date=None)
    by_name, floors, with_date, name_listed, person_found, listed = [], [], [], 0, 0, 0
    for n in range(runs):
        name, pk = queries[n % len(queries)]
        ms, found = timed(name, None)
        by_name.append(ms)
        floors.append(floor([f.person.pk for f in found]))
        # Generated names repeat (hundreds of people per name): the right name listed is the hit.
        name_listed += any((f.person.given_name, f.person.family_name) == source[pk][:2] for f in found)
        listed += len(found)
    for n in range(runs):
        name, pk = queries[n % len(queries)]
        ms, found = timed(name, source[pk][2])
        with_date.append(ms)
        person_found += any(f.person.pk == pk for f in found)
    p50, floor_p50 = statistics.median(by_name), statistics.median(floors)
    return {
        "what": "person search (find_people)",
        "engine": connection.vendor,
        "user": user.username,
        "persons": Person.objects.count(),
        "searchable": policy.searchable_people(user).count(),
        "runs": runs,
        "distinct_queries": len(queries),
        "p50_ms": p50,
        "p95_ms": _percentile(by_name, 0.95),
        "floor_p50_ms": floor_p50,
        "floor_p95_ms": _percentile(floors, 0.95),
        "ratio_p50": p50 / floor_p50 if floor_p50 else None,
        "queries": len(captured),
        "mean_results": listed / runs,
        "found_name_share": name_listed / runs,
        "with_birth_date_p50_ms": statistics.median(with_date),
        "with_birth_date_p95_ms": _percentile(with_date, 0.95),
        "with_birth_date_found_share": person_found / runs,
    }


def explain(user: Any, name: str, birth_date: Any = None) -> str:
    """PostgreSQL's plan of the search query itself (EXPLAIN ANALYZE, with the search's settings)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from carepath.people.search import find_people

    with CaptureQueriesContext(connection) as captured:
        find_people(user, name=name, birth_date=birth_date)
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    with transaction.atomic(), connection.cursor() as cursor:
        if name.strip():
            cursor.execute(selects.pop(0))  # the search's own settings (threshold, no JIT)
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + selects[0])
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", action="append", help="user name(s); default s<seed>-cw001 and s<seed>-leader1")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1, help="the seed of carepath generate, and of the queries")
    parser.add_argument("--explain", action="store_true", help="print the plan of one search (PostgreSQL)")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepath.settings.base")
    os.environ["CAREPATH_DEBUG"] = "0"  # no query log in memory
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from carepath.accounts.models import User

    for username in options.user or [f"s{options.seed}-cw001", f"s{options.seed}-leader1"]:
        user = User.objects.get(username=username)
        queries = make_queries(user, min(options.runs, 100), options.seed)
        result = measure(user, options.runs, queries=queries, seed=options.seed)
        print(
            f"{result['engine']}: {result['persons']:,} persons, {result['searchable']:,} findable by {username} "
            f"({user.get_role_display()}); {result['runs']} searches over {result['distinct_queries']} names "
            f"(typo / accents stripped / family name first)"
        )
        print(
            f"  by name: p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms; "
            f"floor (same rows by id) p50 {result['floor_p50_ms']:.2f} ms, p95 {result['floor_p95_ms']:.2f} ms; "
            f"ratio p50 {result['ratio_p50']:.0f}; {result['queries']} queries per search; "
            f"{result['mean_results']:.1f} people listed on average; "
            f"the name it was made from listed in {result['found_name_share']:.0%} of searches"
        )
        print(
            f"  by name and birth date: p50 {result['with_birth_date_p50_ms']:.1f} ms, "
            f"p95 {result['with_birth_date_p95_ms']:.1f} ms; "
            f"the person found in {result['with_birth_date_found_share']:.0%} of searches"
        )
        if options.explain and result["engine"] == "postgresql":
            print(explain(user, queries[0][0]))


if __name__ == "__main__":
    main()
