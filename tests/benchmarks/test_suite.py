"""CI runs the benchmark suite at a small size, to prove it works (the targets are met in benchmarks,
at a million citizens, never in timed tests): every target is measured and a figure is printed."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"staff dashboard", "case page", "portal home", "team leader's caseload", "person search"}


@pytest.fixture
def database_env(tmp_path):
    """A throwaway database for the suite: a SQLite file, or a new PostgreSQL database dropped afterwards."""
    env = {**os.environ, "CAREPATH_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "carepath.settings.base"}
    if connection.vendor != "postgresql":
        env.pop("DATABASE_URL", None)
        yield env
        return
    params = connection.get_connection_params()
    server = {k: params[k] for k in ("host", "port", "user") if params.get(k)}
    name = f"carepath_suite_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    user, host, port = server.get("user", "postgres"), server.get("host", ""), server.get("port", 5432)
    env["DATABASE_URL"] = f"postgres://{user}@{host}:{port}/{name}"
    try:
        yield env
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db
def test_the_suite_measures_every_target_at_a_small_size(database_env, tmp_path):
    figures_file = tmp_path / "figures.json"
    run = subprocess.run(  # noqa: S603  (this interpreter and the repository's own script)
        [sys.executable, str(ROOT / "benchmarks" / "suite.py"), "--citizens", "600", "--runs", "3",
         "--report-runs", "1", "--json", str(figures_file)],
        env=database_env, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(figures_file.read_text())
    assert result["size"]["people"] == 600 and result["size"]["audit entries"] > 0
    measured = {f["target"]: f for f in result["figures"]}
    assert TARGETS <= set(measured)
    assert {t for t in measured if t.startswith("report: ")}, "the reports are measured too"
    for target, f in measured.items():
        assert f["queries"] > 0 and 0 < f["p50_ms"] <= f["p95_ms"], target
        assert f["floor_p50_ms"] > 0 and f["ratio"] > 0, target
        assert target in run.stdout
    assert len(result["machine_loop_ms"]) == 2 and all(ms > 0 for ms in result["machine_loop_ms"])
    assert "Machine: a fixed Python loop took" in run.stdout
