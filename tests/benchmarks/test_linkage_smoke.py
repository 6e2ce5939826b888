"""CI runs the linkage benchmark and its tuning sweep small, to prove they work; figures come from the commands."""

import re
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def run(script: str, *args: str) -> str:
    done = subprocess.run(  # noqa: S603 (our own scripts, fixed arguments)
        [sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True, timeout=600, check=True
    )
    return done.stdout


def test_the_benchmark_scores_both_linkers_on_the_same_records():
    out = run("linkage.py", "--people", "3000")
    assert "3,000 people" in out
    ours = re.search(r"ours \(encodings only\)\s+precision ([\d.]+)\s+recall ([\d.]+)\s+F1 ([\d.]+)", out)
    splink = re.search(r"Splink \(clear text\)\s+precision ([\d.]+)\s+recall ([\d.]+)\s+F1 ([\d.]+)", out)
    assert ours and splink, out
    assert float(ours.group(3)) > 0.9  # a broken encoder or matcher falls far below this
    assert 0 < float(splink.group(3)) <= 1


def test_the_tuning_sweep_prints_every_threshold_and_the_best():
    out = run("linkage_tuning.py", "--people", "2000", "--lowest", "0.70")
    thresholds = re.findall(r"threshold (0\.\d\d)", out)
    assert thresholds == [f"{t / 100:.2f}" for t in range(70, 91)]
    assert re.search(r"best F1 0\.9\d+ at 0\.\d\d", out), out
