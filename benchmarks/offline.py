"""Home visits offline (issue 11): the size of a take-along and the time to open a case without a network.

Usage: .venv/bin/python benchmarks/offline.py [--cases N] [--rounds N]

Works on a throwaway database: a SQLite file in a temporary folder, or, when DATABASE_URL points to
PostgreSQL, a new database `<name>_offline_bench_<random>` beside it that is dropped afterwards. It
makes N cases of one case worker (each: 3 goals, 4 steps per goal, 20 progress notes of about 400
characters, an agreement, an assessment, an evaluation moment to hold), serves the app with Django's
LiveServerThread on 127.0.0.1, and drives Debian's /usr/bin/chromium with Playwright: the app downloads
the cases, then, with the network cut, opens each case `--rounds` times.

Each figure stands beside a floor measured in the same run, and their ratio:
- size: the JSON of /offline/api/bundle/ and the encrypted records in IndexedDB, against the text of
  the same rows as one raw SQL query returns them (target: under 2 MB for 20 cases);
- time: `window.carepathOffline.openCase(id)` (read from IndexedDB, decrypt, render), against reading the
  same encrypted record from IndexedDB without decrypting or rendering (target: under 200 ms).
Prints figures; nothing is asserted.
"""

import argparse
import datetime
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

DATA_DIR = tempfile.mkdtemp(prefix="carepath-offline-bench-")
os.environ["CAREPATH_DATA_DIR"] = DATA_DIR
os.environ["CAREPATH_DEBUG"] = "0"  # no query log in memory
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepath.settings.base")
# Playwright's sync API runs an event loop in this thread; the ORM calls beside it are synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()
logging.disable(logging.WARNING)  # the sign-in's and the server's log lines would drown the figures

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F, TextField, Value  # noqa: E402
from django.db.models.functions import Cast  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402
from django.utils import timezone  # noqa: E402

from carepath.agreements.models import AgreementVersion  # noqa: E402
from carepath.assessments.models import Assessment  # noqa: E402
from carepath.cases.models import Case  # noqa: E402
from carepath.evaluations.models import EvaluationMoment  # noqa: E402
from carepath.goals.models import Goal  # noqa: E402
from carepath.notes.models import ProgressNote  # noqa: E402
from carepath.offline import devices  # noqa: E402
from carepath.offline.bundle import LAST_NOTES  # noqa: E402
from carepath.offline.tests.factories import device_with  # noqa: E402
from carepath.people.models import Person  # noqa: E402
from carepath.plans.models import Step  # noqa: E402
from carepath.testing.auth import TwoStepClient  # noqa: E402
from carepath.testing.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from carepath.testing.factories import (  # noqa: E402
    AgreementVersionFactory,
    AssessmentFactory,
    CaseFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    StepFactory,
    UserFactory,
)

GOALS, STEPS_PER_GOAL, NOTES, NOTE_CHARS = 3, 4, 20, 400
TARGET_BYTES, TARGET_MS = 2 * 1024 * 1024, 200.0
WORDS = (
    "mother school bus appointment money rent doctor talked agreed next week brother job centre worried "
    "better tired shopping neighbour cooking sleep routine walk phone letter debt plan support together"
).split()

# The encrypted records of the cases store, as they lie in IndexedDB: ciphertext and IV bytes.
STORED_BYTES = """async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('carepath-offline');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const sizes = {};
  for (const store of db.objectStoreNames) {
    const rows = await new Promise((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    sizes[store] = rows.reduce((n, row) => n + (row.data ? row.data.byteLength + row.iv.byteLength : 0), 0);
  }
  db.close();
  return sizes;
}"""
# The floor of opening a case: one raw IndexedDB get of the same sealed record, no decrypting, no rendering.
RAW_GET = """async (id) => {
  window.__benchDb ??= await new Promise((resolve, reject) => {
    const request = indexedDB.open('carepath-offline');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  const record = await new Promise((resolve, reject) => {
    const request = window.__benchDb.transaction('cases').objectStore('cases').get(id);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const ms = performance.now() - started;
  if (!record || !record.data.byteLength) throw new Error('no record');
  return ms;
}"""
# Between the two: read and decrypt through the app's own vault.js, without rendering.
DECRYPT = """async (id) => {
  const src = document.querySelector('script[type=module][src*="offline/app.js"]').src;
  const vault = await import(new URL('vault.js', src).href);
  const key = await vault.loadKey();
  const started = performance.now();
  const item = await vault.getCase(key, id);
  const ms = performance.now() - started;
  if (!item) throw new Error('no case');
  return ms;
}"""


def text(rng: random.Random, chars: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < chars:
        words.append(rng.choice(WORDS))
    return (" ".join(words)[: chars - 1] + ".").capitalize()


def make_cases(count: int) -> tuple[Any, list[Case]]:
    """`count` open cases of one case worker, each as full as a case in its second year."""
    rng = random.Random(1)  # noqa: S311 (made-up words, not secrets)
    worker = UserFactory(first_name="Ilse", last_name="Verhoeven")
    cases = []
    now = timezone.now()
    for n in range(count):
        case = CaseFactory(
            signal__received_by=worker,
            signal__person__given_name=f"Rūta{n}",
            signal__person__family_name="Ozoliņa-Kazlauskienė",
            signal__person__phone="+370 612 34567",
            signal__person__email=f"ruta{n}@example.org",
            signal__person__address=f"Liepų g. {n + 1}-4\nLT-44275 Kaunas",
        )
        for g in range(GOALS):
            goal = GoalFactory(case=case, citizen_words=text(rng, 90), title=text(rng, 60))
            for s in range(STEPS_PER_GOAL):
                StepFactory(goal=goal, what=text(rng, 70), who=f"Rūta with her support worker ({g}.{s})")
        for k in range(NOTES):
            ProgressNoteFactory(case=case, text=text(rng, NOTE_CHARS), written_at=now - datetime.timedelta(days=k))
        AgreementVersionFactory(case=case, summary=text(rng, 600))
        AssessmentFactory(
            case=case,
            physical_description=text(rng, 200),
            communication_description=text(rng, 200),
            social_description=text(rng, 200),
            strengths=text(rng, 150),
        )
        EvaluationMomentFactory(case=case)
        cases.append(case)
    return worker, cases


def _as_text(queryset: Any, *columns: Any) -> Any:
    """The rows' columns as text, padded to 8 columns, for one UNION ALL of every table the bundle reads."""
    padded = list(columns) + [Value("")] * (8 - len(columns))
    named = {
        f"c{i}": Cast(column if not isinstance(column, str) else F(column), TextField())
        for i, column in enumerate(padded)
    }
    return queryset.order_by().annotate(**named).values_list(*named)


def floor_rows(case_ids: list[int]) -> tuple[int, int]:
    """The same rows the bundle holds, as one raw SQL query returns them; their text's UTF-8 bytes."""
    notes = [
        pk
        for case_id in case_ids
        for pk in ProgressNote.objects.filter(case_id=case_id)
        .order_by("-written_at", "-pk")
        .values_list("pk", flat=True)[:LAST_NOTES]
    ]
    agreements = [
        AgreementVersion.objects.filter(case_id=c).order_by("-number").values_list("pk", flat=True)[0] for c in case_ids
    ]
    assessments = [
        Assessment.objects.filter(case_id=c).order_by("-assessed_on", "-pk").values_list("pk", flat=True)[0]
        for c in case_ids
    ]
    parts = [
        _as_text(Case.objects.filter(pk__in=case_ids), "id", "case_type__name", "person_id"),
        _as_text(
            Person.objects.filter(pk__in=Case.objects.filter(pk__in=case_ids).values("person_id")),
            "id",
            "given_name",
            "family_name",
            "birth_date",
            "phone",
            "email",
            "address",
        ),
        _as_text(
            Goal.objects.filter(case_id__in=case_ids), "id", "case_id", "citizen_words", "title", "status", "version"
        ),
        _as_text(
            Step.objects.filter(goal__case_id__in=case_ids),
            "id",
            "goal_id",
            "what",
            "who",
            "due_on",
            "status",
            "version",
        ),
        _as_text(
            ProgressNote.objects.filter(pk__in=notes),
            "id",
            "case_id",
            "written_at",
            "written_by__username",
            "text",
            "goal_id",
            "step_id",
        ),
        _as_text(AgreementVersion.objects.filter(pk__in=agreements), "case_id", "summary", "accepted_on", "number"),
        _as_text(
            Assessment.objects.filter(pk__in=assessments),
            "case_id",
            "assessed_on",
            "physical_level",
            "physical_description",
            "communication_level",
            "communication_description",
            "social_level",
            "social_description",
        ),
        _as_text(
            EvaluationMoment.objects.filter(case_id__in=case_ids, held_on=None),
            "id",
            "case_id",
            "planned_on",
            "version",
        ),
    ]
    sql, params = parts[0].union(*parts[1:], all=True).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # As psql's unaligned output or a TSV: values joined by a tab, one row a line.
    size = sum(len("\t".join("" if v is None else str(v) for v in row).encode()) + 1 for row in rows)
    return size, len(rows)


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def measure(
    base: str, worker: Any, token: str, cases: list[Case], rounds: int, cpu_slowdown: float = 1
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    session = TwoStepClient()
    session.force_login(worker)
    cookies = [
        {"name": "sessionid", "value": session.cookies["sessionid"].value, "url": base},
        {"name": devices.COOKIE, "value": token, "url": base},
    ]
    ids = [c.pk for c in cases]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1024, "height": 900})
            context.add_cookies(cookies)
            page = context.new_page()
            page.set_default_timeout(60_000)
            bundle = page.request.get(f"{base}/offline/api/bundle/")
            if bundle.status != 200:
                sys.exit(f"The bundle answered {bundle.status}: {bundle.text()[:300]}")
            bundle_bytes = len(bundle.body())
            page.goto(f"{base}/offline/app/")
            page.evaluate("window.carepathOffline.ready")
            downloaded = page.evaluate("window.carepathOffline.download()")
            if downloaded.get("cases") != len(ids):
                sys.exit(f"The app downloaded {downloaded}, not {len(ids)} cases")
            stored = page.evaluate(STORED_BYTES)

            context.set_offline(True)
            if cpu_slowdown > 1:  # a phone's slower processor, as Chrome's developer tools emulate it
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
            for pk in ids:  # warm-up, not counted: the first decrypt and render of each kind of page
                page.evaluate("(id) => window.carepathOffline.openCase(id)", pk)
            opened, decrypted, raw = [], [], []
            for _ in range(rounds):
                for pk in ids:
                    ms = page.evaluate("(id) => window.carepathOffline.openCase(id)", pk)
                    if ms is None:
                        sys.exit(f"Case {pk} did not open offline")
                    opened.append(ms)
                    decrypted.append(page.evaluate(DECRYPT, pk))
                    raw.append(page.evaluate(RAW_GET, pk))
        finally:
            browser.close()
    return {"bundle_bytes": bundle_bytes, "stored": stored, "opened": opened, "decrypted": decrypted, "raw": raw}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20, help="cases taken along (at most CAREPATH_OFFLINE_MAX_CASES)")
    parser.add_argument("--rounds", type=int, default=5, help="times each case is opened offline")
    parser.add_argument(
        "--cpu-slowdown", type=float, default=1,
        help="slow the browser's processor down this many times while opening cases (e.g. 6 for a mid-range phone)",
    )
    options = parser.parse_args()
    if not 1 <= options.cases <= settings.CAREPATH_OFFLINE_MAX_CASES:
        sys.exit(f"--cases must be between 1 and {settings.CAREPATH_OFFLINE_MAX_CASES}")

    db = settings.DATABASES["default"]
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    bench_name = (
        f"{db['NAME']}_offline_bench_{uuid.uuid4().hex[:6]}"
        if engine == "PostgreSQL"
        else str(Path(DATA_DIR) / "bench.sqlite3")
    )
    db.setdefault("TEST", {})["NAME"] = bench_name
    original_name = db["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)  # migrates
    assert connection.settings_dict["NAME"] == bench_name  # only the throwaway database is dropped below
    server = None
    try:
        worker, cases = make_cases(options.cases)
        _device, token = device_with(worker, cases)
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        figures = measure(
            f"http://127.0.0.1:{server.port}", worker, token, cases, options.rounds, options.cpu_slowdown
        )
        floor_bytes, floor_row_count = floor_rows([c.pk for c in cases])
    finally:
        if server is not None:
            server.terminate()
        connection.creation.destroy_test_db(original_name, verbosity=0)
        shutil.rmtree(DATA_DIR, ignore_errors=True)

    stored = figures["stored"]
    sealed_cases = stored.get("cases", 0)
    sealed_all = sum(stored.values())
    opened, decrypted, raw = figures["opened"], figures["decrypted"], figures["raw"]
    print("Home visits offline: the take-along's size and opening a case without a network")
    slowdown = f" --cpu-slowdown {options.cpu_slowdown:g}" if options.cpu_slowdown > 1 else ""
    print(f"Command: .venv/bin/python benchmarks/offline.py --cases {options.cases} --rounds {options.rounds}"
          + slowdown)
    print(
        f"Data: {engine}; {options.cases} cases of one case worker, each {GOALS} goals, "
        f"{GOALS * STEPS_PER_GOAL} steps, {NOTES} progress notes of {NOTE_CHARS} characters "
        f"(the bundle takes the last {LAST_NOTES}), an agreement, an assessment, an evaluation moment; "
        "no attachments"
    )
    print(
        f"Browser: {CHROMIUM} (headless); opening: {options.rounds} rounds x {options.cases} cases = "
        f"N={len(opened)} per measure, after one warm-up round, network off"
        + (f", processor slowed {options.cpu_slowdown:g} times (CDP CPU throttling)" if slowdown else "")
    )
    rows = [
        (
            "size: bundle JSON (/offline/api/bundle/)",
            f"{figures['bundle_bytes']:,} B",
            f"{floor_bytes:,} B",
            figures["bundle_bytes"] / floor_bytes,
            "-",
        ),
        (
            "size: encrypted cases in IndexedDB",
            f"{sealed_cases:,} B",
            f"{floor_bytes:,} B",
            sealed_cases / floor_bytes,
            f"< {TARGET_BYTES:,} B: {'met' if sealed_cases < TARGET_BYTES else 'MISSED'}",
        ),
        (
            "size: all of IndexedDB (every store)",
            f"{sealed_all:,} B",
            f"{floor_bytes:,} B",
            sealed_all / floor_bytes,
            "-",
        ),
    ]
    for label, p in (("p50", 50), ("p95", 95)):
        shown, floor = percentile(opened, p), percentile(raw, p)
        verdict = f"< {TARGET_MS:.0f} ms: {'met' if shown < TARGET_MS else 'MISSED'}"
        rows.append(
            (
                f"open a case offline {label} (read, decrypt, render)",
                f"{shown:.2f} ms",
                f"{floor:.2f} ms",
                shown / floor,
                verdict,
            )
        )
        rows.append(
            (
                f"  of which read + decrypt {label} (vault.getCase)",
                f"{percentile(decrypted, p):.2f} ms",
                f"{floor:.2f} ms",
                percentile(decrypted, p) / floor,
                "-",
            )
        )
    header = ("figure", "value", "floor", "ratio", "target")
    widths = [max(len(str(r[i])) if i != 3 else len(f"{r[i]:.2f}") for r in [*rows]) for i in range(5)]
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for label, value, floor, ratio, target in rows:
        cells = (label, value, floor, f"{ratio:.2f}", target)
        print(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    print(
        f"Floors: size = the same rows' text as one raw SQL query (UNION ALL of {floor_row_count} rows, values "
        "tab-separated, one row a line); time = one raw IndexedDB get of the same sealed record, without "
        "decrypting or rendering."
    )


if __name__ == "__main__":
    main()
