"""Benchmark the public magazine with 5,000 published case studies, on SQLite and PostgreSQL.

Times full requests through the Flask test client (query + template + response): the case factor table unfiltered
and filtered, an issue page and the force response log. Prints medians against the 300 ms target.

Then the full-text search (publications/search.py) over the 5,000 case studies' texts, recommendations and 15,000
questions: the search call alone (count, rank, first 50 with marked snippets), median and 95th percentile per query, with the
95th percentile against a 100 ms target, and the search page as a whole. `make bench` runs it (bench/run_all.py).
"""
from __future__ import annotations

import argparse
import itertools
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Runnable as `python bench/bench_magazine.py` from a checkout without installing the package.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_workdir = Path(tempfile.mkdtemp(prefix="debrief-bench-magazine-"))
os.environ["DEBRIEF_INSTANCE_PATH"] = str(_workdir / "instance")
os.environ.setdefault("SECRET_KEY", "bench-secret-key-not-for-production")
os.environ.pop("DATABASE_URL", None)

TARGET_MS = 300.0
SEARCH_TARGET_MS = 100.0
SEARCHES = [
    ("two common words, everything", "restraint handover", {}),
    ("one word by another form (stem)", "reviewing", {}),
    ("three words, recommendations only", "custody rousing welfare", {"kinds": ("recommendation",)}),
    ("common word, theme filter", "training", {"theme": "custody"}),
    ("phrase of joined words", "body-worn video", {}),
    ("no match", "helicopter", {}),
]
PER_ISSUE = 8
THEMES = ["use_of_force", "custody", "mental_health", "domestic_abuse", "vawg", "road_traffic", "stop_and_search",
          "call_handling", "missing_person", "vulnerable_people", "death_following_contact", "discrimination"]
CATEGORIES = ["person_in_contact", "individual", "task_procedures", "communication", "team_supervision",
              "education_training", "equipment_technology", "working_conditions", "organisational_strategic",
              "powers_guidance", "control_room", "custody_environment", "partner_agencies", "physical_environment"]
AREAS = ["response", "neighbourhood", "control_room", "custody", "roads_policing", "investigation",
         "public_protection", "firearms", "public_order", "leadership", "training", "partnership"]
AUDIENCES = ["policy_makers_managers", "officers_staff", "trainers", "call_handlers_custody"]
WORDS = ("restraint breathing handover ambulance supervisor training guidance custody rousing grading "
         "pursuit welfare safeguarding referral briefing body-worn video review protocol risk assessment").split()


STOP = "the of and to a in was for on with that by at from as it he she they his her were had not be this".split()


def _pseudo_word(rng: random.Random) -> str:
    syllables = ["ca", "ro", "ten", "mi", "lo", "ver", "sa", "dun", "pe", "tri", "gol", "an", "bes", "ku", "or", "fel"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def seed(count: int, rng: random.Random) -> None:
    from sqlalchemy import insert, select

    from debrief.extensions import db
    from debrief.models import CaseStudy, Force, ForceResponse, MagazineIssue, ReflectiveQuestion, utcnow

    forces = [Force(code=f"F{n:02d}", name=f"Force {n:02d} Police") for n in range(12)]
    db.session.add_all(forces)
    db.session.flush()
    now = utcnow()
    issues = [{"number": n + 1, "theme": f"Theme {n + 1}", "introduction": "An introduction. " * 20,
               "status": "published", "published_at": now} for n in range((count + PER_ISSUE - 1) // PER_ISSUE)]
    db.session.execute(insert(MagazineIssue), issues)
    issue_ids = list(db.session.scalars(select(MagazineIssue.id).order_by(MagazineIssue.number)))

    # Words drawn as in English prose (Zipf's law): stop words most often, then the policing words, then a long tail of
    # 3,000 others, so a word is in some texts and not others, as in real case studies.
    vocabulary = [*STOP, *WORDS, *(_pseudo_word(rng) for _ in range(3000))]
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))

    def text(n: int) -> str:
        return " ".join(rng.choices(vocabulary, cum_weights=weights, k=n)).capitalize() + "."

    rows = []
    for n in range(count):
        rows.append({
            "force_id": forces[n % len(forces)].id, "status": "published", "title": f"Case study {n + 1}: {text(4)}",
            "summary": text(60), "what_happened": text(200), "findings_key_learning": text(120),
            "action_taken": text(60), "outcome_for_individuals": text(30), "recommendations": text(80),
            "themes": rng.sample(THEMES, rng.randint(1, 3)), "factor_categories": rng.sample(CATEGORIES, rng.randint(1, 4)),
            "operational_areas": rng.sample(AREAS, rng.randint(1, 2)), "deny_terms": [],
            "issue_id": issue_ids[n // PER_ISSUE], "position": n % PER_ISSUE, "published_at": now,
            "created_at": now, "updated_at": now})
    for start in range(0, len(rows), 1000):
        db.session.execute(insert(CaseStudy), rows[start:start + 1000])
    case_ids = list(db.session.scalars(select(CaseStudy.id).order_by(CaseStudy.id)))
    questions = [{"case_study_id": cid, "audience": AUDIENCES[q % 4], "text": f"Question {q + 1}: {text(15)}?",
                  "position": q} for cid in case_ids for q in range(3)]
    for start in range(0, len(questions), 5000):
        db.session.execute(insert(ReflectiveQuestion), questions[start:start + 5000])
    question_ids = list(db.session.scalars(select(ReflectiveQuestion.id)))
    responses = []
    for qid in rng.sample(question_ids, len(question_ids) // 5):
        for force in rng.sample(forces, rng.randint(1, 3)):
            responses.append({"question_id": qid, "force_id": force.id, "response": text(40),
                              "done_on": now.date(), "recorded_at": now, "updated_at": now})
    for start in range(0, len(responses), 5000):
        db.session.execute(insert(ForceResponse), responses[start:start + 5000])
    # The bulk inserts above skip the ORM, so the search index is built once here, as after any bulk load.
    from debrief.publications import search_index

    search_index.rebuild(db.session)
    db.session.commit()
    if db.engine.dialect.name == "postgresql":  # as autovacuum would after a load this size
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")


def median_ms(client, url: str, runs: int) -> tuple[float, float, int]:
    response = client.get(url)  # warm up (and check it works)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return statistics.median(times), max(times), len(response.data)


def percentile(times: list[float], pct: float) -> float:
    """The nearest-rank percentile: the smallest time with at least `pct` per cent of the runs at or below it."""
    ordered = sorted(times)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def time_searches(app, kind: str, runs: int) -> bool:
    """The search call alone, `runs` times after one warm-up: median and 95th percentile, the p95 against
    SEARCH_TARGET_MS."""
    from debrief.extensions import db
    from debrief.publications import search

    ok = True
    with app.app_context():
        for label, query, options in SEARCHES:
            search.search(query, **options)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                results = search.search(query, **options)
                times.append((time.perf_counter() - start) * 1000)
            median, p95 = statistics.median(times), percentile(times, 95)
            ok &= p95 < SEARCH_TARGET_MS
            print(f"[{kind}] search: {label:37s} median {median:7.1f} ms  p95 {p95:7.1f} ms  max {max(times):7.1f} ms  "
                  f"{results.total:6,} hits  {'OK' if p95 < SEARCH_TARGET_MS else 'OVER'}", flush=True)
        db.session.remove()
    return ok


def run(kind: str, count: int, runs: int) -> bool:
    os.environ["DEBRIEF_TEST_DB"] = kind
    from debrief import create_app
    from debrief.extensions import db
    from tests.support.databases import DatabaseFactory

    (_workdir / kind).mkdir(exist_ok=True)
    factory = DatabaseFactory(_workdir / kind)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": factory.new_url(), "TESTING": True})
        with app.app_context():
            start = time.perf_counter()
            seed(count, random.Random(6))
            print(f"[{kind}] seeded {count:,} published case studies with 3 questions each in "
                  f"{time.perf_counter() - start:.1f} s", flush=True)
            db.session.remove()
        client = app.test_client()
        pages = [
            ("case factor table, unfiltered (page 1 of 50)", "/magazine/case-factor-table"),
            ("case factor table, unfiltered, last page", "/magazine/case-factor-table?page=50"),
            ("case factor table, filtered by theme", "/magazine/case-factor-table?theme=custody"),
            ("case factor table, theme + factor + area", "/magazine/case-factor-table?theme=custody&category=communication&area=response"),
            ("case factor table, filtered by issue", "/magazine/case-factor-table?issue=300"),
            ("issue page (8 case studies)", "/magazine/issues/300"),
            ("force response log, unfiltered", "/magazine/force-response-log"),
            ("force response log, theme + audience", "/magazine/force-response-log?theme=custody&audience=trainers"),
            ("recommendations search page, two words", "/magazine/recommendations?q=restraint+handover"),
            ("search page, everything, two words", "/magazine/search?q=restraint+handover"),
        ]
        ok = True
        for label, url in pages:
            median, worst, size = median_ms(client, url, runs)
            table = "case factor table" in label
            verdict = ("OK" if median < TARGET_MS else "OVER") if table else ""
            ok &= median < TARGET_MS or not table
            print(f"[{kind}] {label:45s} median {median:7.1f} ms  max {worst:7.1f} ms  {size / 1024:6.0f} KB  {verdict}",
                  flush=True)
        ok &= time_searches(app, kind, runs)
        from debrief.publications import export

        times = []
        for _ in range(3):
            export._PDF_CACHE.clear()  # typeset afresh each time: the first reader's wait
            start = time.perf_counter()
            response = client.get("/magazine/issues/300.pdf")
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200 and response.data.startswith(b"%PDF")
        start = time.perf_counter()
        client.get("/magazine/issues/300.pdf")
        cached = (time.perf_counter() - start) * 1000
        print(f"[{kind}] {'issue PDF (8 case studies), typeset':45s} median {statistics.median(times):7.1f} ms  "
              f"cached {cached:.1f} ms  {len(response.data) / 1024:6.0f} KB", flush=True)
        with app.app_context():
            db.engine.dispose()
        return ok
    finally:
        factory.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    print(f"Public magazine, {args.count:,} published case studies; target for the case factor table: "
          f"median under {TARGET_MS:.0f} ms per request (Flask test client, {args.runs} runs after one warm-up).")
    ok = True
    for kind in kinds:
        ok &= run(kind, args.count, args.runs)
    print(f"All case factor table medians under {TARGET_MS:.0f} ms and search 95th percentiles under "
          f"{SEARCH_TARGET_MS:.0f} ms." if ok else "Some case factor table medians or search 95th percentiles over target.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
