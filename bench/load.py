"""A bounded load run against a real gunicorn on 127.0.0.1, on SQLite and on PostgreSQL, with optional faults.

Simulated users (threads, each with its own session cookie) work for `--seconds`: officers saving a debrief
step over and over (a unique marker each time), reviewers reading the review queue and RCA overviews and
graphs, the learning team on Patterns, anonymous readers on the magazine. Prints requests per second,
p50/p95/p99 per kind of page and the number of 5xx responses (must be 0), then checks that every save
acknowledged to a client (a 302 after the POST) is in the database: the last acknowledged marker of each
debrief is what it holds, and there are at least as many audited saves as acknowledgements.

`--faults` also SIGKILLs one gunicorn worker a third of the way in (gunicorn starts another), and starts a
use-of-force import that is SIGKILLed part way, shown as stopped, then resumed to completion while users
keep working; what each fault did is printed. Exits non-zero when a check fails.

    python bench/load.py --seconds 60 --users 20 --db both --faults
"""
from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
PASSWORD = "demo-password-2026"  # seed-demo's
MIX = (("officer", 8), ("reviewer", 5), ("learning", 3), ("anonymous", 4))  # of 20 users
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Stats:
    """Every request's kind, latency and outcome, shared by the user threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    server_errors: list[tuple[str, int]] = field(default_factory=list)
    connection_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    acked: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))  # debrief id -> markers

    def add(self, kind: str, seconds: float, status: int | None, url: str) -> None:
        with self.lock:
            if status is None:
                self.connection_errors[kind] += 1
                return
            self.times[kind].append(seconds)
            if status >= 500:
                self.server_errors.append((url, status))


class Browser:
    """One person's browser: a cookie jar, no automatic redirects, every request timed into Stats."""

    def __init__(self, base: str, stats: Stats) -> None:
        self.base, self.stats = base, stats
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

    def request(self, kind: str, path: str, data: dict | None = None) -> tuple[int | None, str, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        started = time.perf_counter()
        status, text, location = None, "", ""
        try:
            with self.opener.open(req, timeout=60) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, location = error.code, error.headers.get("Location", "")
            text = error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout, http.client.HTTPException):
            status = None
        self.stats.add(kind, time.perf_counter() - started, status, path)
        return status, text, location

    def sign_in(self, email: str) -> None:
        status, page, _ = self.request("sign-in", "/sign-in")
        token = CSRF.search(page).group(1)
        status, _, location = self.request("sign-in", "/sign-in",
                                           {"email": email, "password": PASSWORD, "csrf_token": token})
        if status != 302:
            raise RuntimeError(f"sign-in as {email} gave {status}")


def links(page: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(pattern, page)))


class Officer(threading.Thread):
    """Starts a debrief (before the clock starts), then saves its reflection step again and again."""

    def __init__(self, base: str, stats: Stats, email: str, n: int) -> None:
        super().__init__(daemon=True)
        self.browser, self.n = Browser(base, stats), n
        self.browser.sign_in(email)
        _, page, _ = self.browser.request("setup", "/debriefs/new")
        status, _, location = self.browser.request(
            "setup", "/debriefs/new", {"kind": "hot", "csrf_token": CSRF.search(page).group(1)})
        if status != 302:
            raise RuntimeError(f"starting a debrief gave {status}")
        self.debrief_id = int(re.search(r"/debriefs/(\d+)", location).group(1))

    def run(self) -> None:
        stats, count = self.browser.stats, 0
        while not self.stop.is_set():
            status, page, _ = self.browser.request("debrief step (GET)", f"/debriefs/{self.debrief_id}/reflection")
            token = CSRF.search(page) if status == 200 else None
            if token is None:
                continue
            count += 1
            marker = f"load run: officer {self.n}, save {count}"
            status, _, _ = self.browser.request(
                "debrief step (save)", f"/debriefs/{self.debrief_id}/reflection",
                {"went_well": marker, "later": "1", "csrf_token": token.group(1)})
            if status == 302:
                with stats.lock:
                    stats.acked[self.debrief_id].append(marker)


class Reader(threading.Thread):
    """Signs in (unless anonymous) and reads a rotating list of pages of one kind."""

    def __init__(self, base: str, stats: Stats, kind: str, email: str | None, pages: list[tuple[str, str]]) -> None:
        super().__init__(daemon=True)
        self.browser, self.kind, self.pages = Browser(base, stats), kind, pages
        if email:
            self.browser.sign_in(email)

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            kind, path = self.pages[n % len(self.pages)]
            self.browser.request(kind, path)
            n += 1


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


# --- Databases, the server and the faults ---------------------------------------------------------

class Server:
    def __init__(self, env: dict[str, str], workers: int) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}", "--timeout", "120",
             "--graceful-timeout", "5", "wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(Path(env["DEBRIEF_INSTANCE_PATH"]) / "gunicorn.log", "w"))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=5):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def workers(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.proc.pid)], capture_output=True, text=True)
        return [int(p) for p in out.stdout.split()]

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def flask(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "flask"), "--app", "debrief", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=check)


def kill_a_worker(server: Server, log: list[str]) -> None:
    before = server.workers()
    victim = before[0]
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = server.workers()
        if victim not in now and len(now) == len(before):
            log.append(f"worker fault: SIGKILLed gunicorn worker {victim}; the master started {set(now) - set(before)} "
                       f"and kept serving ({len(now)} workers)")
            return
        time.sleep(0.2)
    log.append(f"worker fault: SIGKILLed gunicorn worker {victim}; workers now {server.workers()} (not replaced in 60 s)")


def _latest_run(url: str) -> tuple[int, str, int] | None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, status, COALESCE(last_committed_row, 0) FROM use_of_force_import_run "
                                "ORDER BY id DESC LIMIT 1")).first()
    engine.dispose()
    return tuple(row) if row else None


def import_fault(env: dict[str, str], workdir: Path, log: list[str], rows: int) -> bool:
    """Start an import, SIGKILL it once some rows are staged, show it stopped, resume it. True when all is well."""
    from debrief.nationaldata.synthetic import write_uof_csv

    path = workdir / "uof_load.csv"
    with open(path, "w", newline="", encoding="utf-8") as out:
        write_uof_csv(out, rows, 2026, 0, end_date=date.today())
    before = _latest_run(env["DATABASE_URL"])
    proc = subprocess.Popen([str(BIN / "flask"), "--app", "debrief", "import-use-of-force", str(path), "--force", "NSP"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, line = time.monotonic() + 300, None
    while time.monotonic() < deadline and proc.poll() is None:
        line = _latest_run(env["DATABASE_URL"])
        if line and line != before and line[0] != (before or (None,))[0] and line[2] >= rows // 3:
            break
        time.sleep(0.2)
    if proc.poll() is not None:
        log.append(f"import fault: the import finished before it could be killed ({line})")
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    shown = flask(env, "import-runs", "--limit", "1").stdout.strip()
    stopped = " stopped " in shown
    log.append(f"import fault: SIGKILLed import process {proc.pid} part way; import-runs then showed: {shown}")
    started = time.perf_counter()
    resumed = flask(env, "import-use-of-force", str(path), "--force", "NSP", "--resume", check=False)
    done = resumed.stdout.strip().splitlines()[-1] if resumed.stdout.strip() else resumed.stderr.strip()[-300:]
    log.append(f"import fault: --resume exited {resumed.returncode} after {time.perf_counter() - started:.1f} s: {done}")
    return stopped and resumed.returncode == 0


def check_saves(url: str, stats: Stats) -> tuple[int, int, list[str]]:
    """Every acknowledged save is in the database: (acknowledged, confirmed, problems)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    problems, acked, confirmed = [], 0, 0
    with engine.connect() as conn:
        for debrief_id, markers in stats.acked.items():
            acked += len(markers)
            held = conn.scalar(text("SELECT went_well FROM debrief WHERE id = :id"), {"id": debrief_id})
            audited = conn.scalar(text(
                "SELECT count(*) FROM audit_event WHERE action = 'debrief.updated' AND record_type = 'debrief' "
                "AND record_id = :id"), {"id": str(debrief_id)})
            if held != markers[-1]:
                problems.append(f"debrief {debrief_id}: holds {held!r}, last acknowledged {markers[-1]!r}")
            elif audited < len(markers):
                problems.append(f"debrief {debrief_id}: {len(markers)} saves acknowledged, {audited} audited")
            else:
                confirmed += len(markers)
    engine.dispose()
    return acked, confirmed, problems


def run_one(kind: str, args, workdir: Path) -> bool:
    env = {**os.environ, "DEBRIEF_INSTANCE_PATH": str(workdir / "instance"), "SECRET_KEY": "bench-load-secret"}
    cluster = None
    if kind == "postgresql":
        from tests.support.postgres import Cluster

        cluster = Cluster().start()
        cluster.execute("CREATE DATABASE debrief_load")
        env["DATABASE_URL"] = cluster.url("debrief_load")
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'load.sqlite'}"
    (workdir / "instance").mkdir(parents=True, exist_ok=True)
    server = None
    try:
        started = time.perf_counter()
        flask(env, "db", "upgrade")
        flask(env, "seed-demo")
        print(f"[{kind}] migrated and seeded in {time.perf_counter() - started:.0f} s", flush=True)
        server = Server(env, args.workers)
        stats = Stats()
        threads = build_users(server.base, stats, args.users)
        stop = threading.Event()
        for thread in threads:
            thread.stop = stop
        t0 = time.monotonic()
        for thread in threads:
            thread.start()
        log: list[str] = []
        faults_ok = True
        if args.faults:  # the users keep working until the faults are over, however long they take
            time.sleep(args.seconds / 3)
            kill_a_worker(server, log)
            faults_ok = import_fault(env, workdir, log, args.import_rows)
        time.sleep(max(0.0, t0 + args.seconds - time.monotonic()))
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - t0
        return report(kind, env, stats, elapsed, log, faults_ok, args)
    finally:
        if server is not None:
            server.stop()
        if cluster is not None:
            cluster.stop()


def build_users(base: str, stats: Stats, users: int) -> list[threading.Thread]:
    counts = {role: max(1, round(n * users / 20)) for role, n in MIX}
    probe = Browser(base, stats)
    probe.sign_in("reviewer@nsp.example.police.uk")
    _, page, _ = probe.request("setup", "/rca/")
    rcas = links(page, r'href="(/rca/\d+)"')[:4] or ["/rca/"]
    reviewer_pages = [("review queue", "/review/")]
    for rca in rcas:
        reviewer_pages += [("RCA overview", rca), ("RCA graph", rca + "/graph")]
    learner = Browser(base, stats)
    learner.sign_in("learning@nsp.example.police.uk")
    _, page, _ = learner.request("setup", "/patterns/")
    pattern_pages = [("patterns", p) for p in ["/patterns/", *links(page, r'href="(/patterns/[a-z-]+)"')[:5]]]
    _, page, _ = Browser(base, stats).request("setup", "/magazine/")
    magazine_pages = [("magazine", p) for p in ["/magazine/", *links(page, r'href="(/magazine/issues/\d+)"')[:3],
                                                 "/magazine/case-factor-table"]]
    threads: list[threading.Thread] = []
    for n in range(counts["officer"]):
        force = "nsp" if n % 2 == 0 else "wmc"
        threads.append(Officer(base, stats, f"officer@{force}.example.police.uk", n))
    for n in range(counts["reviewer"]):
        threads.append(Reader(base, stats, "reviewer", "reviewer@nsp.example.police.uk", reviewer_pages))
    for n in range(counts["learning"]):
        threads.append(Reader(base, stats, "learning", "learning@nsp.example.police.uk", pattern_pages))
    for n in range(counts["anonymous"]):
        threads.append(Reader(base, stats, "anonymous", None, magazine_pages))
    with stats.lock:  # the set-up requests are not part of the figures
        stats.times.clear()
    return threads


def server_error_causes(log: Path) -> dict[str, int]:
    """The exception type and first words of each error the workers logged, counted."""
    found: dict[str, int] = defaultdict(int)
    if log.exists():
        for line in log.read_text(errors="replace").splitlines():
            match = re.match(r"^([a-zA-Z_.]+(?:Error|Exception)): (.{0,80})", line)
            if match:
                found[f"{match.group(1)}: {match.group(2)}"] += 1
    return dict(found)


def report(kind: str, env: dict[str, str], stats: Stats, elapsed: float, log: list[str], faults_ok: bool,
           args) -> bool:
    url = env["DATABASE_URL"]
    total = sum(len(v) for v in stats.times.values())
    print(f"\n[{kind}] {args.users} users for {elapsed:.0f} s on gunicorn ({args.workers} workers): "
          f"{total:,} requests, {total / elapsed:.1f} requests/s", flush=True)
    print(f"  {'page':<22}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, values in sorted(stats.times.items()):
        if name in ("setup", "sign-in"):
            continue
        print(f"  {name:<22}{len(values):>7}{percentile(values, .5):>9.0f}{percentile(values, .95):>9.0f}"
              f"{percentile(values, .99):>9.0f}")
    print(f"  5xx responses: {len(stats.server_errors)}" + (f" (first: {stats.server_errors[:3]})"
                                                            if stats.server_errors else ""))
    dropped = dict(stats.connection_errors)
    print(f"  connections dropped (no response, e.g. the killed worker's request in flight): {sum(dropped.values())}"
          + (f" {dropped}" if dropped else ""))
    acked, confirmed, problems = check_saves(url, stats)
    print(f"  saves acknowledged: {acked:,}; found in the database: {confirmed:,}"
          + ("" if not problems else f"; PROBLEMS: {problems[:5]}"))
    causes = server_error_causes(Path(env["DEBRIEF_INSTANCE_PATH"]) / "gunicorn.log")
    if causes:
        print(f"  5xx causes in the gunicorn log: {causes}")
    verified = flask(env, "audit-verify", check=False)  # every page view and save chained under concurrency
    print(f"  audit-verify: exit {verified.returncode}, " + " / ".join(
        line for line in (verified.stdout + verified.stderr).splitlines() if line.strip())[:400])
    if verified.returncode != 0:
        problems.append("the audit chain is broken")
    for line in log:
        print(f"  {line}")
    ok = not stats.server_errors and not problems and acked > 0 and faults_ok
    print(f"  => {'OK' if ok else 'FAILED'}", flush=True)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--faults", action="store_true", help="kill a gunicorn worker and an import mid-run")
    parser.add_argument("--import-rows", type=int, default=20_000, help="rows of the import killed in --faults")
    args = parser.parse_args()
    ok = True
    for kind in (("sqlite", "postgresql") if args.db == "both" else (args.db,)):
        with tempfile.TemporaryDirectory(prefix=f"debrief-load-{kind}-") as workdir:
            ok &= run_one(kind, args, Path(workdir))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
