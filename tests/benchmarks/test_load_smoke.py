"""CI runs the load test small, to prove it works: benchmarks/load/run.py with 3 staff and 4 citizens for
10 seconds, on gunicorn with production settings, through the real login (form, CSRF, two-step code):
0 errors, every page requested, each worker's memory reported.

The server runs in its own processes, so it needs the data where they can read it: the test
database itself on PostgreSQL (committed: `transactional_db`), a file copy of it on SQLite (whose
test database lives in memory). The figures of the real load test come from run.py, never from a test.
"""

import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from carepath.settings import base

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "load" / "run.py"
PAGES = (
    "login (form)", "login", "two-step code (form)", "two-step code",
    "dashboard", "case list", "case page", "progress note (form)", "progress note",
    "portal home", "portal goals", "portal plan", "portal notes",
)


def database_url(tmp_path: Path) -> str:
    """A URL with which another process reads this test's (committed) data."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "load.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_three_staff_and_four_citizens_for_ten_seconds_without_an_error(tmp_path, settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS  # the server checks passwords with production's hashers
    call_command("generate", citizens=400, seed=1, stdout=io.StringIO())
    env = {**os.environ, "DATABASE_URL": database_url(tmp_path)}
    command = [sys.executable, str(RUN), "--staff", "3", "--portal", "4", "--run-time", "10s",
               "--spawn-rate", "7", "--wait", "0.1,0.5", "--workers", "2", "--seed", "1"]

    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90)  # noqa: S603

    output = finished.stdout
    assert finished.returncode == 0, output + finished.stderr[-3000:]
    assert "Result: 0 errors" in output
    for page in PAGES:
        row = re.search(rf"^  {re.escape(page)} +(\d+) +(\d+) ", output, re.MULTILINE)
        assert row is not None and int(row[1]) > 0 and int(row[2]) == 0, f"{page}:\n{output}"
    assert re.search(r"^  worker 2 \(pid \d+\): \d+ at most, \d+ at end$", output, re.MULTILINE), output
