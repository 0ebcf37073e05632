"""Page speed under gunicorn on 127.0.0.1: the app's main pages against a bare Flask page.

Seeds the demo into a throwaway SQLite database, serves the app and a bare Flask app with the same gunicorn
settings, signs in as each role, and requests the pages interleaved with the bare page so both see the same
machine load. Prints each page's median and its ratio to the bare page's median. With --compare DIR, another checkout
(an earlier commit, say) is served and timed in the same rounds, for a before-and-after under the same load.
Targets: signed-in pages within 5 times the bare page, public pages within 3 times. Exits 1 when a page misses its
target and --strict is given.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "demo-password-2026"
SIGNED_IN_TARGET = 5.0
PUBLIC_TARGET = 3.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, timeout: float = 180.0) -> None:
    """Until the server answers a page: gunicorn accepts connections before its workers have loaded the app, and on
    a loaded machine loading takes a while."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not start")


def _gunicorn(app: str, port: int, env: dict[str, str], workers: int, tree: Path = ROOT) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning", app],
        cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Client:
    """A signed-in (or anonymous) browser: its own cookie jar."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")

    def sign_in(self, email: str) -> None:
        _, page = self.get("/sign-in")
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
            r'name="csrf_token"[^>]*value="([^"]+)"', page)
        data = urllib.parse.urlencode({"csrf_token": token.group(1), "email": email, "password": PASSWORD}).encode()
        with self.opener.open(self.base + "/sign-in", data=data, timeout=30) as response:
            response.read()
        status, home = self.get("/")
        if "Sign out" not in home:
            raise SystemExit(f"could not sign in as {email}")

    def time(self, path: str) -> float:
        start = time.perf_counter()
        status, _ = self.get(path)
        elapsed = time.perf_counter() - start
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        return elapsed


def _first_ids(env: dict[str, str], tree: Path = ROOT) -> dict[str, int]:
    """The ids the page list needs, read from the seeded database."""
    code = (
        "from debrief import create_app\n"
        "from debrief.extensions import db\n"
        "from debrief.models import RootCauseAnalysis, CaseStudy, Force\n"
        "from sqlalchemy import select\n"
        "app = create_app()\n"
        "with app.app_context():\n"
        "    nsp = db.session.scalar(select(Force.id).where(Force.code == 'NSP'))\n"
        "    rca = db.session.scalar(select(RootCauseAnalysis.id).where(RootCauseAnalysis.force_id == nsp)"
        ".order_by(RootCauseAnalysis.id))\n"
        "    case = db.session.scalar(select(CaseStudy.id).where(CaseStudy.status == 'published').order_by(CaseStudy.id))\n"
        "    print(rca, case)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True, check=True)
    rca, case = out.stdout.split()[-2:]
    return {"rca": int(rca), "case": int(case)}


def _seeded_env(tree: Path) -> dict[str, str]:
    """A throwaway instance (SQLite database and key) for `tree`, migrated and loaded with the demo."""
    workdir = Path(tempfile.mkdtemp(prefix="debrief-bench-pages-"))
    env = dict(os.environ, DEBRIEF_INSTANCE_PATH=str(workdir / "instance"),
               SECRET_KEY="bench-secret-key-not-for-production", PYTHONPATH=str(tree))
    env.pop("DATABASE_URL", None)
    flask = [str(BIN / "flask"), "--app", "debrief"]
    subprocess.run(flask + ["db", "upgrade"], cwd=tree, env=env, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo"], cwd=tree, env=env, check=True, capture_output=True)
    return env


def _pages(base: str, ids: dict[str, int]) -> list[tuple[str, Client, str, float]]:
    officer, reviewer, learning, reader = Client(base), Client(base), Client(base), Client(base)
    officer.sign_in("officer@nsp.example.police.uk")
    reviewer.sign_in("reviewer@nsp.example.police.uk")
    learning.sign_in("learning@nsp.example.police.uk")
    return [
        ("officer home", officer, "/officer", SIGNED_IN_TARGET),
        ("reviewer queue", reviewer, "/review/", SIGNED_IN_TARGET),
        ("RCA overview", reviewer, f"/rca/{ids['rca']}", SIGNED_IN_TARGET),
        ("RCA graph", reviewer, f"/rca/{ids['rca']}/graph", SIGNED_IN_TARGET),
        ("Patterns overview", learning, "/patterns/", SIGNED_IN_TARGET),
        ("magazine home", reader, "/magazine/", PUBLIC_TARGET),
        ("case study", reader, f"/magazine/case-studies/{ids['case']}", PUBLIC_TARGET),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page misses its target")
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="another checkout of Debrief (an earlier commit, say), served and timed interleaved with "
                             "this one, so both columns see the same machine load")
    args = parser.parse_args()

    trees = [ROOT] + ([args.compare.resolve()] if args.compare else [])
    envs = [_seeded_env(tree) for tree in trees]
    ids = [_first_ids(env, tree) for env, tree in zip(envs, trees)]
    ports = [_free_port() for _ in trees]
    bare_port = _free_port()
    servers = [_gunicorn("wsgi:app", port, env, args.workers, tree) for port, env, tree in zip(ports, envs, trees)]
    servers.append(_gunicorn("bench.bare_app:app", bare_port, envs[0], args.workers, ROOT))
    try:
        for port in [*ports, bare_port]:
            _wait(port)
        bare = Client(f"http://127.0.0.1:{bare_port}")
        page_sets = [_pages(f"http://127.0.0.1:{port}", tree_ids) for port, tree_ids in zip(ports, ids)]
        for pages in page_sets:  # warm every worker's caches once
            for _, client, path, _ in pages:
                for _ in range(args.workers * 2):
                    client.time(path)
                bare.time("/")
        bare_times: list[float] = []
        times: list[dict[str, list[float]]] = [{name: [] for name, *_ in pages} for pages in page_sets]
        for _ in range(args.rounds):
            for i, (name, *_rest) in enumerate(page_sets[0]):
                for t, pages in enumerate(page_sets):
                    _, client, path, _ = pages[i]
                    bare_times.append(bare.time("/"))
                    times[t][name].append(client.time(path))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a loaded machine can be slow to stop workers gracefully
                server.kill()
                server.wait()

    bare_median = statistics.median(bare_times)
    print(f"gunicorn, {args.workers} workers, SQLite demo data, {args.rounds} rounds, every page request "
          f"interleaved with a bare one" + (f"; compared with {args.compare}" if args.compare else ""))
    header = f"{'page':<20} {'median ms':>10} {'x bare':>8} {'target':>7}"
    if args.compare:
        header += f" {'compared ms':>12} {'x bare':>8}"
    print(header)
    print(f"{'bare Flask page':<20} {bare_median * 1000:>10.2f} {1.0:>8.1f}")
    missed = 0
    for name, _, _, target in page_sets[0]:
        median = statistics.median(times[0][name])
        ratio = median / bare_median
        missed += ratio > target
        line = f"{name:<20} {median * 1000:>10.2f} {ratio:>8.1f} {target:>6.0f}x"
        if args.compare:
            other = statistics.median(times[1][name])
            line += f" {other * 1000:>12.2f} {other / bare_median:>8.1f}"
        print(line + ("" if ratio <= target else "  over"))
    print(f"{missed} page(s) over target")
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
