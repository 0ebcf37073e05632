"""Benchmark the use-of-force import: a generated 150,000-row file into SQLite and a throwaway PostgreSQL.

Each timed run imports the whole file (all-or-nothing, the default) into a fresh database at the
migration head, exactly as `flask import-use-of-force` does minus the progress bar; the median of the
runs is compared with the target. Then the same file is imported again into the last database in
batches of 10,000 rows, where every row is a duplicate, to time the re-import path.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from a checkout

TARGET_SECONDS = 60.0


def _app(url: str):
    from debrief import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})


def _migrate(url: str) -> None:
    from flask_migrate import upgrade

    from debrief.extensions import db

    app = _app(url)
    with app.app_context():
        upgrade()
        db.engine.dispose()


def _import(url: str, path: Path, **options) -> tuple[float, object]:
    from sqlalchemy import select

    from debrief.nationaldata.importer import import_use_of_force
    from debrief.extensions import db
    from debrief.models import Force

    app = _app(url)
    with app.app_context():
        force = db.session.scalar(select(Force).where(Force.code == "BEN"))
        if force is None:
            force = Force(code="BEN", name="Benchmark Police")
            db.session.add(force)
            db.session.commit()
        started = time.perf_counter()
        result = import_use_of_force(path, force=force, actor=None, **options)
        elapsed = time.perf_counter() - started
        db.session.remove()
        db.engine.dispose()
    return elapsed, result


def _bench(name: str, fresh_url, path: Path, runs: int, rows: int) -> bool:
    timings = []
    url = ""
    for _ in range(runs):
        url = fresh_url()
        elapsed, result = _import(url, path)
        if result.inserted != rows:
            print(f"  {name}: expected {rows:,} rows inserted, got {result.inserted:,}")
            return False
        timings.append(elapsed)
    median = statistics.median(timings)
    met = median < TARGET_SECONDS
    print(f"  {name:<11} import   median {median:6.1f} s  (all-or-nothing into a fresh database; min "
          f"{min(timings):.1f}, max {max(timings):.1f}; {rows / median:,.0f} rows/s; {runs} runs)  "
          f"target {TARGET_SECONDS:.0f} s  met: {'yes' if met else 'NO'}")
    again, result = _import(url, path, batch_size=10_000)
    print(f"  {name:<11} re-import        {again:6.1f} s  (batches of 10,000; {result.duplicates:,} duplicates, "
          f"{result.inserted} inserted)")
    return met and result.inserted == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as they are measured, even through a pipe
    logging.getLogger("alembic").setLevel(logging.WARNING)

    from debrief.nationaldata.synthetic import write_uof_csv

    work = Path(tempfile.mkdtemp(prefix="debrief-bench-uof-"))
    ok = True
    try:
        path = work / "uof.csv"
        started = time.perf_counter()
        with open(path, "w", newline="", encoding="utf-8") as out:
            write_uof_csv(out, args.rows, args.seed, end_date=date.today())
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"Use-of-force import: generated {args.rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - started:.1f} s; load average {load:.1f} on {os.cpu_count()} CPUs")

        if args.backend in ("sqlite", "both"):
            template = work / "template.sqlite"
            _migrate(f"sqlite:///{template}")
            counter = iter(range(1_000))

            def fresh_sqlite() -> str:
                copy = work / f"run{next(counter)}.sqlite"
                shutil.copyfile(template, copy)
                return f"sqlite:///{copy}"

            ok &= _bench("SQLite", fresh_sqlite, path, args.runs, args.rows)

        if args.backend in ("postgresql", "both"):
            from tests.support.postgres import Cluster

            try:
                cluster = Cluster().start()
            except (RuntimeError, OSError) as error:
                print(f"  PostgreSQL skipped: {error}")
                return 1
            try:
                cluster.execute("CREATE DATABASE template_uof")
                _migrate(cluster.url("template_uof"))
                numbers = iter(range(1_000))

                def fresh_postgresql() -> str:
                    name = f"run{next(numbers)}"
                    cluster.execute(f"CREATE DATABASE {name} TEMPLATE template_uof")
                    return cluster.url(name)

                ok &= _bench("PostgreSQL", fresh_postgresql, path, args.runs, args.rows)
            finally:
                cluster.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
