"""Benchmark the Patterns dashboards: every page over 1,000,000 national rows + 100,000 debriefs, both databases.

Loads the data with bench/patterns_data.py, then renders each page through the Flask test client, signed in
as a reviewer (one force) and as the learning team (all forces), and prints the median against the target.
"""
from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from a checkout

TARGET = 0.500  # seconds per page
PAGES = ("/patterns/", "/patterns/incidents", "/patterns/use-of-force", "/patterns/learning", "/patterns/network",
         "/patterns/risk", "/patterns/who", "/patterns/compare", "/patterns/trends", "/patterns/training",
         "/patterns/download/tactics.csv", "/patterns/download/risk-main-duty-national.csv",
         "/patterns/download/who-ethnicity.csv", "/patterns/training/download/training-ranking.csv",
         "/patterns/training/briefing.html")
# The pages open on the last 12 months; the heaviest are also timed over every month the data holds.
_TODAY = datetime.date.today()
ALL_MONTHS = f"?from_month=1&from_year={_TODAY.year - 4}&to_month={_TODAY.month}&to_year={_TODAY.year}"
PAGES += tuple(path + ALL_MONTHS for path in ("/patterns/incidents", "/patterns/use-of-force", "/patterns/risk",
                                              "/patterns/who", "/patterns/compare", "/patterns/trends",
                                              "/patterns/training"))


def _sign_in(client, email: str, password: str) -> None:
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or \
        re.search(r'name="csrf_token" value="([^"]+)"', page)
    response = client.post("/sign-in", data={"email": email, "password": password,
                                             "csrf_token": token.group(1) if token else ""})
    if response.status_code != 302:
        raise SystemExit(f"Could not sign in as {email}: {response.status_code}")


def _force_figures(session) -> None:
    """Reference figures (officers, arrests) for every bench force, so Compare forces has its rates."""
    from sqlalchemy import select as select_

    from debrief.analytics.force_figures import FiguresRow, save_figures
    from debrief.models import Force, ForceYearFigures

    if session.scalar(select_(ForceYearFigures.id).limit(1)) is None:
        year = datetime.date.today().year
        save_figures(session, [FiguresRow(f.code, year, 1500 + 97 * f.id, 12_000 + 611 * f.id)
                               for f in session.scalars(select_(Force))])
        session.commit()


def time_pages(url: str, users: dict[str, str], password: str, runs: int) -> dict[tuple[str, str], list[float]]:
    from debrief import create_app
    from debrief.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": False, "SECRET_KEY": "bench-only",
                      "SESSION_COOKIE_SECURE": False})
    with app.app_context():
        from debrief.analytics import debrief_summary, national_summary
        from debrief.analytics.debrief_topics import classify_missing

        # The loader writes around the ORM, so each debrief's training topics are read once here (as the
        # migration does for a database's existing debriefs, and refresh-patterns for debriefs written around
        # the ORM; new answers are read as they are written), before the debriefs' rollup counts them.
        started = time.perf_counter()
        read = classify_missing(db.session)
        db.session.commit()
        print(f"  training topics of {read:,} debriefs read in {time.perf_counter() - started:.1f} s")
        # What the first page view after the bulk load does (seed-demo and an import build them up front).
        # national_summary.ensure_fresh also builds the profile rollup (Who is subject to force, Training needs).
        for name, module in (("national data", national_summary), ("debriefs", debrief_summary)):
            started = time.perf_counter()
            module.ensure_fresh(db.session)
            print(f"  monthly rollup of the {name} built in {time.perf_counter() - started:.1f} s")
        _force_figures(db.session)
    timings: dict[tuple[str, str], list[float]] = {}
    # No app context held open: each request gets its own, with its own `g` and session, as in production.
    for who, email in users.items():
        client = app.test_client()
        _sign_in(client, email, password)
        for path in PAGES:
            first = client.get(path)  # warm: caches, the drawing of the network
            if first.status_code != 200:
                raise SystemExit(f"{who} {path}: HTTP {first.status_code}")
            for _ in range(runs):
                started = time.perf_counter()
                response = client.get(path)
                timings.setdefault((who, path), []).append(time.perf_counter() - started)
                assert response.status_code == 200
    with app.app_context():
        db.engine.dispose()
    return timings


def time_rollup(url: str) -> float:
    from debrief import create_app
    from debrief.analytics.national_summary import ensure_fresh
    from debrief.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only"})
    with app.app_context():
        started = time.perf_counter()
        ensure_fresh(db.session)
        seconds = time.perf_counter() - started
        db.engine.dispose()
    return seconds


def time_debrief_change(url: str, months: int = 1) -> tuple[float, int]:
    """Submitted debriefs in `months` different (force, month)s change (an answer flipped, noted as a service
    notes it): how long the recount after the commit takes, and how many submitted debriefs those months hold."""
    from sqlalchemy import String, cast, func, select, tuple_

    from debrief import create_app
    from debrief.analytics.debrief_summary import ensure_fresh, note
    from debrief.extensions import db
    from debrief.models import Debrief, DebriefSummary, Incident

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only"})
    with app.app_context():
        # The first submitted debrief of each of `months` months (one per month, so the months differ).
        firsts = (select(func.min(Debrief.id)).join(Incident, Debrief.incident_id == Incident.id)
                  .where(Debrief.status == "submitted")
                  .group_by(Incident.force_id, func.substr(cast(Incident.occurred_at, String), 1, 7))
                  .limit(months))
        slices = set()
        for debrief in db.session.scalars(select(Debrief).where(Debrief.id.in_(firsts))):
            debrief.assaulted = not debrief.assaulted
            slices.add((debrief.incident.force_id, debrief.incident.occurred_at.strftime("%Y%m")))
        note(db.session, {(force_id, int(month)) for force_id, month in slices})
        db.session.commit()
        started = time.perf_counter()
        ensure_fresh(db.session)
        seconds = time.perf_counter() - started
        held = db.session.scalar(select(func.sum(DebriefSummary.records)).where(
            DebriefSummary.measure == "all", DebriefSummary.theme == "",
            tuple_(DebriefSummary.force_id, DebriefSummary.incident_month).in_(
                [(force_id, int(month)) for force_id, month in slices])))
        db.engine.dispose()
    return seconds, held or 0


def report(backend: str, timings: dict[tuple[str, str], list[float]]) -> bool:
    ok = True
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{backend}: median of each page (target {TARGET * 1000:.0f} ms; load average {load:.1f} "
          f"on {os.cpu_count()} CPUs)")
    print(f"  {'user':<10} {'page':<80} {'median':>9} {'max':>9}")
    for (who, path), values in timings.items():
        median = statistics.median(values)
        ok &= median < TARGET
        print(f"  {who:<10} {path:<80} {median * 1000:7.0f} ms {max(values) * 1000:7.0f} ms"
              f"  {'ok' if median < TARGET else 'OVER TARGET'}")
    return ok


def side_by_side(results: dict[str, dict[tuple[str, str], list[float]]]) -> None:
    """Every page's median on each database in one table, so the two can be read across."""
    backends = list(results)
    keys = list(dict.fromkeys(key for timings in results.values() for key in timings))
    print(f"\nSide by side: median of each page, ms (target {TARGET * 1000:.0f} ms)")
    print(f"  {'user':<10} {'page':<80} " + " ".join(f"{b:>11}" for b in backends))
    for who, path in keys:
        cells = []
        for backend in backends:
            values = results[backend].get((who, path))
            cells.append(f"{statistics.median(values) * 1000:9.0f}{'  ' if statistics.median(values) < TARGET else ' !'}"
                         if values else f"{'-':>11}")
        print(f"  {who:<10} {path:<80} " + " ".join(cells))


def run_backend(backend: str, uof_rows: int, debriefs: int, rcas: int, runs: int,
                results: dict | None = None) -> bool:
    from bench.patterns_data import load

    workdir = Path(tempfile.mkdtemp(prefix="bench-patterns-"))
    cluster = None
    try:
        if backend == "postgresql":
            from tests.support.postgres import Cluster

            cluster = Cluster().start()
            cluster.execute("CREATE DATABASE bench_patterns")
            url = cluster.url("bench_patterns")
        else:
            url = f"sqlite:///{workdir / 'bench.sqlite'}"
        result = load(url, uof_rows=uof_rows, debriefs=debriefs, rcas=rcas)
        code = next(iter(result.forces))  # the largest force (40 % of the rows)
        users = {"reviewer": result.users[(code, "reviewer")], "learning": result.users[(code, "learning")]}
        timings = time_pages(url, users, result.password, runs)
        if results is not None:
            results[backend] = timings
        ok = report(backend, timings)
        for months in (1, 10, 50):
            seconds, held = time_debrief_change(url, months)
            print(f"  after a change in each of {months} force-months ({held:,} submitted debriefs), the recount "
                  f"after it did them in {seconds * 1000:.0f} ms")
        # A later import: the rollup adds the new rows' counts instead of recounting a million.
        load(url, uof_rows=150_000, debriefs=0, rcas=0, forces=1, quiet=True)
        print(f"  after importing 150,000 more rows, the rollup was brought up to date in "
              f"{time_rollup(url):.1f} s")
        return ok
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--uof-rows", type=int, default=1_000_000)
    parser.add_argument("--debriefs", type=int, default=100_000)
    parser.add_argument("--rcas", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--url", help="time the pages of a database bench/patterns_data.py already filled (its "
                        "first force's users), without loading, changing or removing anything but the rollups")
    parser.add_argument("--pages", default="", help="time only the pages whose path contains this text")
    args = parser.parse_args(argv)
    os.environ.setdefault("DEBRIEF_INSTANCE_PATH", tempfile.mkdtemp(prefix="bench-instance-"))
    if args.pages:
        global PAGES
        PAGES = tuple(path for path in PAGES if args.pages in path)
    if args.url:
        from bench.patterns_data import PASSWORD

        users = {who: f"{who}@pda.bench.example" for who in ("reviewer", "learning")}
        backend = args.url.split(":", 1)[0].split("+", 1)[0]
        timings = time_pages(args.url, users, PASSWORD, args.runs)
        ok = report(backend, timings)
        side_by_side({backend: timings})
        return 0 if ok else 1
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    ok = True
    results: dict[str, dict] = {}
    for backend in backends:
        ok &= run_backend(backend, args.uof_rows, args.debriefs, args.rcas, args.runs, results)
    side_by_side(results)
    print("\nAll pages within target." if ok else "\nSome pages are over the target.")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
