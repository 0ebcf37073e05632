"""Where a page's time goes: serve one page many times in-process and print its CPU cost and a profile.

For working on bench_pages' ratios on a busy machine: CPU time per request (time.process_time) moves far less with
machine load than wall time does, and the profile names the functions that cost it. Seeds the demo into a throwaway
SQLite database (or reuses --instance DIR from an earlier run), signs in as --as, warms the page, then requests it
--requests times under cProfile and once more --requests times without it.

    .venv/bin/python bench/profile_page.py --as reviewer /review/
    .venv/bin/python bench/profile_page.py --as learning /patterns/ --sort tottime --top 40
    .venv/bin/python bench/profile_page.py --as reader /magazine/

Roles: officer, reviewer, learning (the NSP demo users) and reader (signed out). "{rca}" and "{case}" in the path
are replaced by the first NSP RCA's id and the first published case study's id.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "demo-password-2026"
EMAILS = {"officer": "officer@nsp.example.police.uk", "reviewer": "reviewer@nsp.example.police.uk",
          "learning": "learning@nsp.example.police.uk"}


def _instance(path: Path | None) -> Path:
    if path and (path / "instance").exists():
        return path
    workdir = path or Path(tempfile.mkdtemp(prefix="debrief-profile-"))
    env = dict(os.environ, DEBRIEF_INSTANCE_PATH=str(workdir / "instance"),
               SECRET_KEY="bench-secret-key-not-for-production")
    env.pop("DATABASE_URL", None)
    flask = [str(BIN / "flask"), "--app", "debrief"]
    subprocess.run(flask + ["db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(flask + ["refresh-patterns"], cwd=ROOT, env=env, check=False, capture_output=True)
    print(f"seeded instance: {workdir} (pass --instance {workdir} to reuse it)")
    return workdir


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--as", dest="role", default="reader", choices=[*EMAILS, "reader"])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--instance", type=Path)
    parser.add_argument("--dump", type=Path, help="also write the profile to this file")
    args = parser.parse_args()

    workdir = _instance(args.instance)
    os.environ.update(DEBRIEF_INSTANCE_PATH=str(workdir / "instance"), SECRET_KEY="bench-secret-key-not-for-production")
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from debrief import create_app
    from debrief.extensions import db
    from debrief.models import CaseStudy, Force, RootCauseAnalysis

    app = create_app()
    with app.app_context():
        nsp = db.session.scalar(select(Force.id).where(Force.code == "NSP"))
        rca = db.session.scalar(select(RootCauseAnalysis.id).where(RootCauseAnalysis.force_id == nsp)
                                .order_by(RootCauseAnalysis.id))
        case = db.session.scalar(select(CaseStudy.id).where(CaseStudy.status == "published").order_by(CaseStudy.id))
    path = args.path.replace("{rca}", str(rca)).replace("{case}", str(case))

    client = app.test_client()
    if args.role != "reader":
        page = client.get("/sign-in").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        client.post("/sign-in", data={"csrf_token": token, "email": EMAILS[args.role], "password": PASSWORD})
    for _ in range(5):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")

    start_cpu, start_wall = time.process_time(), time.perf_counter()
    for _ in range(args.requests):
        client.get(path)
    cpu = (time.process_time() - start_cpu) / args.requests * 1000
    wall = (time.perf_counter() - start_wall) / args.requests * 1000
    print(f"{path} as {args.role}: {cpu:.2f} ms CPU, {wall:.2f} ms wall a request (test client, no profiler)")

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.requests):
        client.get(path)
    profiler.disable()
    if args.dump:
        profiler.dump_stats(args.dump)  # for pstats' print_callers / print_callees
    stats = pstats.Stats(profiler)
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
