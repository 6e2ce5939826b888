"""CI runs the offline benchmark tiny, to prove it works: every figure is printed beside its floor and
their ratio. The figures' values are for benchmarks/offline.py at full size, never asserted in tests."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = [
    "size: bundle JSON (/offline/api/bundle/)",
    "size: encrypted cases in IndexedDB",
    "open a case offline p50 (read, decrypt, render)",
    "open a case offline p95 (read, decrypt, render)",
]

pytestmark = pytest.mark.browser  # drives Debian's chromium


def test_the_offline_benchmark_prints_every_figure_beside_its_floor(tmp_path):
    # Its own throwaway database: a SQLite file in a temporary folder, or one beside DATABASE_URL's.
    env = {**os.environ, "CAREPATH_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "carepath.settings.base"}
    run = subprocess.run(  # noqa: S603  (this interpreter and the repository's own script)
        [sys.executable, str(ROOT / "benchmarks" / "offline.py"), "--cases", "2", "--rounds", "1"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = run.stdout
    assert "Command: .venv/bin/python benchmarks/offline.py --cases 2 --rounds 1" in out
    assert "Data: " in out and "2 cases" in out
    for figure in FIGURES:
        row = next((line for line in out.splitlines() if line.startswith(figure)), None)
        assert row is not None, f"{figure!r} missing from:\n{out}"
        # value | floor | ratio: each a number with its unit
        assert re.search(r"\| [\d,.]+ (B|ms) +\| [\d,.]+ (B|ms) +\| \d+\.\d\d", row), row
    assert "Floors: " in out
