"""The load test in one command: production settings under gunicorn on 127.0.0.1, staff and citizens from locust.

Usage: DATABASE_URL=postgres://... .venv/bin/python benchmarks/load/run.py [--workers 4] [--threads 1]
       [--staff 50] [--portal 200] [--run-time 5m] [--spawn-rate 25] [--wait 1,5] [--seed S]
       [--credentials FILE] [--keep]

DATABASE_URL names a database filled by `carepath generate` (a throwaway one: the logins get new
authenticators and portal accounts). In a temporary folder, the command:
1. checks that every migration is applied (`carepath migrate --check`), then collects the static
   files and prepares the logins (prepare.py, unless --credentials names a file it wrote) side by side;
2. starts gunicorn with carepath.settings.production (a throwaway secret key; nothing else relaxed)
   on a free port of 127.0.0.1; the users reach it as through a TLS-terminating proxy (locustfile.py);
3. runs locust headless with the staff and portal users for --run-time, sampling the resident memory
   (RSS) of every gunicorn worker each second;
4. stops everything and prints the requests, failures and p50/p95/p99 per page as locust saw them,
   the server's own time per route (gunicorn's access log), and each worker's RSS (highest, at end).

It exits non-zero when a request failed, a worker was replaced or a step did not finish. The whole
command takes at most --run-time + 60 s: whatever still runs then is stopped.
"""

import argparse
import csv
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
MARGIN = 60  # seconds the whole command may take beyond --run-time
STOP_GRACE = 10  # seconds for gunicorn to stop before it is killed
ID_IN_PATH = re.compile(r"/\d+(?=/|$)")


class OutOfTime(Exception):
    pass


@dataclass
class Worker:
    pid: int
    first_seen: float
    rss_max: int = 0
    rss_last: int = 0


@dataclass
class MemorySampler:
    """Samples the RSS of the gunicorn master's children (its workers) once a second, in a thread."""

    master: psutil.Process
    workers: dict[int, Worker] = field(default_factory=dict)
    master_rss_max: int = 0
    load: list[float] = field(default_factory=list)  # the machine's 1-minute load average
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.wait(1.0):
            self.sample()

    def sample(self) -> None:
        self.load.append(os.getloadavg()[0])
        try:
            self.master_rss_max = max(self.master_rss_max, self.master.memory_info().rss)
            children = self.master.children()
        except psutil.Error:
            return
        for child in children:
            try:
                rss = child.memory_info().rss
            except psutil.Error:
                continue
            worker = self.workers.setdefault(child.pid, Worker(child.pid, time.monotonic()))
            worker.rss_max, worker.rss_last = max(worker.rss_max, rss), rss


def parse_duration(text: str) -> int:
    """Seconds in locust's notation: 300, 300s, 5m, 1h30m."""
    if text.isdigit():
        return int(text)
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
    if not parts or not any(parts.groups()):
        raise argparse.ArgumentTypeError(f"not a duration: {text}")
    hours, minutes, seconds = (int(p or 0) for p in parts.groups())
    return hours * 3600 + minutes * 60 + seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def left(self, keep: float = 0) -> float:
        """Seconds left, minus `keep` for what must still follow; OutOfTime when none."""
        left = self.at - time.monotonic() - keep
        if left <= 0:
            raise OutOfTime()
        return left


def setup(args: argparse.Namespace, env: dict[str, str], work: Path, deadline: Deadline) -> Path:
    """Migrations checked, then static files collected and logins prepared side by side; the credentials file.

    The check runs alone first: without it the others fail obscurely, and on SQLite its probe of the
    database (Django's JSON support check) fails as "database is locked" while prepare.py writes.
    """
    carepath = str(BIN / "carepath")
    credentials = args.credentials or work / "credentials.json"
    check = subprocess.run([carepath, "migrate", "--check"], env=env, cwd=ROOT,  # noqa: S603
                           stdout=subprocess.DEVNULL, timeout=deadline.left(keep=args.run_time + 15))
    if check.returncode != 0:
        raise SystemExit(f"The migration check (run `carepath migrate` first) failed (exit {check.returncode}).")
    commands = {"collectstatic": [carepath, "collectstatic", "--noinput", "-v0"]}
    if not args.credentials:
        commands["prepare.py"] = [sys.executable, str(HERE / "prepare.py"), "--out", str(credentials),
                                  "--staff", str(args.staff), "--portal", str(args.portal),
                                  *(["--seed", str(args.seed)] if args.seed is not None else [])]
    steps = {what: subprocess.Popen(command, env=env, cwd=ROOT) for what, command in commands.items()}  # noqa: S603
    try:
        for what, step in steps.items():
            if step.wait(timeout=deadline.left(keep=args.run_time + 15)) != 0:
                raise SystemExit(f"{what} failed (exit {step.returncode}).")
    finally:
        for step in steps.values():
            if step.poll() is None:
                step.kill()
                step.wait()
    return Path(credentials)


def start_server(args: argparse.Namespace, env: dict[str, str], work: Path, port: int) -> subprocess.Popen[bytes]:
    command = [
        str(BIN / "gunicorn"), "carepath.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--threads", str(args.threads),
        "--access-logfile", str(work / "access.log"), "--access-logformat", "%(m)s %(U)s %(s)s %(D)s",
        "--error-logfile", str(work / "server.log"), "--capture-output",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)  # noqa: S603


def wait_until_up(port: int, server: subprocess.Popen[bytes], deadline: Deadline, keep: float) -> None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"})
    while True:
        deadline.left(keep)
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped at start: see its log (run with --keep).")
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:  # noqa: S310 (our own server)
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)


def run_locust(args: argparse.Namespace, credentials: Path, port: int, work: Path,
               deadline: Deadline) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CAREPATH_LOAD_CREDENTIALS": str(credentials), "CAREPATH_LOAD_WAIT": args.wait}
    command = [
        sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
        "-u", str(args.staff + args.portal), "-r", str(args.spawn_rate), "--run-time", f"{args.run_time}s",
        "--host", f"http://127.0.0.1:{port}", "--csv", str(work / "locust"), "--only-summary",
        "--loglevel", "WARNING", "--stop-timeout", "5",
    ]
    locust = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True,  # noqa: S603
                              stdout=subprocess.DEVNULL, stderr=(work / "locust.log").open("wb"))
    try:
        locust.wait(timeout=deadline.left(keep=STOP_GRACE + 2))
    except (subprocess.TimeoutExpired, OutOfTime):
        stop(locust)
        raise OutOfTime() from None
    return locust


def stop(process: subprocess.Popen[bytes] | None, grace: float = STOP_GRACE) -> None:
    """Stop a process this command started (and its process group): TERM, then KILL after `grace`."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def locust_table(csv_prefix: Path) -> list[dict[str, Any]]:
    """locust's stats per page name (and the 'Aggregated' row): requests, failures, p50, p95, p99 in ms."""
    rows = []
    with open(f"{csv_prefix}_stats.csv", encoding="utf-8", newline="") as stats:
        for row in csv.DictReader(stats):
            rows.append({
                "name": row["Name"], "method": row["Type"], "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                **{p: _number(row[f"{p}%"]) for p in ("50", "95", "99")},
            })
    return rows


def locust_failures(csv_prefix: Path) -> list[dict[str, str]]:
    with open(f"{csv_prefix}_failures.csv", encoding="utf-8", newline="") as failures:
        return list(csv.DictReader(failures))


def _number(text: str) -> float:
    return float(text) if text not in ("", "N/A") else 0.0


def server_table(access_log: Path) -> list[dict[str, Any]]:
    """The server's own time per route (method and path with ids as [id]), from gunicorn's access log."""
    times: dict[str, list[float]] = {}
    statuses: dict[str, set[str]] = {}
    if access_log.exists():
        for line in access_log.read_text(encoding="utf-8").splitlines():
            method, path, status, micros = line.split(" ")
            if path == "/healthz":
                continue  # run.py's own check that the server is up
            route = f"{method} {ID_IN_PATH.sub('/[id]', path)}"
            times.setdefault(route, []).append(int(micros) / 1000)
            statuses.setdefault(route, set()).add(status)
    rows = []
    for route, values in sorted(times.items(), key=lambda item: -len(item[1])):
        rows.append({"route": route, "requests": len(values), "statuses": ",".join(sorted(statuses[route])),
                     **{p: percentile(values, int(p)) for p in ("50", "95", "99")}})
    return rows


def percentile(values: list[float], p: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def report(args: argparse.Namespace, work: Path, sampler: MemorySampler | None,
           marks: list[tuple[str, float]]) -> int:
    """Print the figures; the number of problems found (0 means a clean run)."""
    problems = 0
    phases = ", ".join(f"{label} {end - begin:.0f}" for (_, begin), (label, end) in itertools.pairwise(marks))
    print(f"\nLoad test: {args.staff} staff + {args.portal} portal users waiting {args.wait} s between pages, "
          f"{args.run_time} s, {args.workers} gunicorn workers x {args.threads} thread(s); took "
          f"{marks[-1][1] - marks[0][1]:.0f} s ({phases})")
    if sampler is not None and sampler.load:
        print(f"Machine: {os.cpu_count()} CPUs; load average (1 min) during the run: "
              f"{statistics.mean(sampler.load):.1f} on average, {max(sampler.load):.1f} at most")
    rows = locust_table(work / "locust") if (work / "locust_stats.csv").exists() else []
    print("\nAs the users saw it (locust, ms):")
    print(f"  {'page':<28} {'requests':>9} {'failures':>9} {'p50':>7} {'p95':>7} {'p99':>7}")
    for row in rows:
        label = "all pages" if row["name"] == "Aggregated" else row["name"]
        print(f"  {label:<28} {row['requests']:>9} {row['failures']:>9} "
              f"{row['50']:>7.0f} {row['95']:>7.0f} {row['99']:>7.0f}")
    total = next((r for r in rows if r["name"] == "Aggregated"), None)
    if total is None or total["requests"] == 0:
        print("  no requests")
        problems += 1
    elif total["failures"]:
        problems += total["failures"]
        for failure in locust_failures(work / "locust")[:10]:
            print(f"  failed: {failure['Method']} {failure['Name']}: {failure['Error']} ({failure['Occurrences']}x)")
    print("\nAs the server saw it (gunicorn access log, ms):")
    print(f"  {'route':<40} {'requests':>9} {'status':>8} {'p50':>7} {'p95':>7} {'p99':>7}")
    for row in server_table(work / "access.log"):
        print(f"  {row['route']:<40} {row['requests']:>9} {row['statuses']:>8} "
              f"{row['50']:>7.1f} {row['95']:>7.1f} {row['99']:>7.1f}")
    if sampler is not None:
        mb = 1024 * 1024
        print(f"\nMemory (RSS, MB), sampled each second: master {sampler.master_rss_max / mb:.0f} at most")
        for n, worker in enumerate(sorted(sampler.workers.values(), key=lambda w: w.first_seen), start=1):
            print(f"  worker {n} (pid {worker.pid}): {worker.rss_max / mb:.0f} at most, "
                  f"{worker.rss_last / mb:.0f} at end")
        if len(sampler.workers) > args.workers:
            print(f"  {len(sampler.workers) - args.workers} worker(s) replaced during the run")
            problems += 1
    errors = _server_errors(work / "server.log")
    if errors:
        print(f"\nThe server logged {errors} error(s): see {work / 'server.log'} (run with --keep)")
        problems += errors
    return problems


def _server_errors(log: Path) -> int:
    if not log.exists():
        return 0
    text = log.read_text(encoding="utf-8", errors="replace")
    return text.count("Traceback") + text.count("[CRITICAL]")


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt()


def server_env(work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "carepath.settings.production",
        "CAREPATH_SECRET_KEY": secrets.token_urlsafe(64),  # throwaway, for this run only
        "CAREPATH_DATA_DIR": str(work),  # STATIC_ROOT is DATA_DIR/static
        "CAREPATH_ALLOWED_HOSTS": "127.0.0.1",
        "CAREPATH_LOG_LEVEL": os.environ.get("CAREPATH_LOG_LEVEL", "WARNING"),
    }


def load(args: argparse.Namespace, work: Path, marks: list[tuple[str, float]]) -> tuple[Any, Any, int]:
    """Set up, serve and run the users; everything started here is stopped before it returns."""
    deadline = Deadline(args.run_time + MARGIN)
    env = server_env(work)
    server = locust = sampler = None
    problems = 0
    try:
        credentials = setup(args, env, work, deadline)
        logins = json.loads(credentials.read_text(encoding="utf-8"))
        args.staff, args.portal = len(logins["staff"]), len(logins["portal"])  # one locust user per login
        marks.append(("setup", time.monotonic()))
        port = free_port()
        server = start_server(args, env, work, port)
        wait_until_up(port, server, deadline, keep=args.run_time + STOP_GRACE + 5)
        marks.append(("server start", time.monotonic()))
        sampler = MemorySampler(psutil.Process(server.pid))
        sampler.sample()
        threading.Thread(target=sampler.run, daemon=True).start()
        locust = run_locust(args, credentials, port, work, deadline)
        sampler.sample()
        marks.append(("load", time.monotonic()))
    except (OutOfTime, subprocess.TimeoutExpired):
        print(f"Stopped: the run did not finish within --run-time + {MARGIN} s.", file=sys.stderr)
        problems += 1
    except KeyboardInterrupt:
        print("Stopped before the end.", file=sys.stderr)
        problems += 1
    except SystemExit as failed:
        print(failed, file=sys.stderr)
        problems += 1
    finally:
        if sampler is not None:
            sampler.stop.set()
        stop(locust)
        stop(server)
        marks.append(("stop", time.monotonic()))
    return sampler, locust, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--staff", type=int, default=50)
    parser.add_argument("--portal", type=int, default=200)
    parser.add_argument("--run-time", type=parse_duration, default=300, help="e.g. 300, 5m (default 5m)")
    parser.add_argument("--spawn-rate", type=float, default=25, help="users started per second")
    parser.add_argument("--wait", default=os.environ.get("CAREPATH_LOAD_WAIT", "1,5"),
                        help="seconds each user waits between pages: MIN,MAX (default 1,5)")
    parser.add_argument("--seed", type=int, default=None, help="the generated municipality (default: the largest)")
    parser.add_argument("--credentials", type=Path, default=None, help="logins prepared before with prepare.py")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, locust CSV)")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL to a database filled by `carepath generate`")
    marks = [("start", time.monotonic())]
    work = Path(tempfile.mkdtemp(prefix="carepath-load-"))
    signal.signal(signal.SIGTERM, _interrupt)  # a TERM cleans up as Ctrl-C does
    sampler, locust, problems = load(args, work, marks)
    problems += report(args, work, sampler, marks)
    if locust is not None and locust.returncode not in (0, None) and not problems:
        problems += 1  # locust's own verdict (it exits 1 on any failure)
    if args.keep:
        print(f"\nKept: {work} (holds the credentials: delete it when done)")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nResult: {'0 errors' if not problems else f'{problems} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
