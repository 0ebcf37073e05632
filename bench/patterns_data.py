"""Bulk loader for the dashboard benchmark: fills a database with use-of-force rows, debriefs and RCAs, fast.

    from bench.patterns_data import load
    result = load(url, uof_rows=1_000_000, debriefs=100_000)

`url` is an SQLAlchemy URL of an empty database or one at the migration head; `load` migrates it to
head first. It creates `forces` forces (codes PDA, PDB, ...), one user per role in each (emails in
`result.users`, password `result.password`) and a pool of officers, then bulk-inserts with the
driver's executemany (SQLite) or COPY (PostgreSQL), with ids assigned here, and prints how long each
part took. Seeded: the same arguments give the same data.

What it makes:
* use-of-force rows: a pool of rows from the realistic generator (`uof_synthetic`), read and coded by
  the real reader and importer mapping, then drawn at random with fresh dates over three years, split
  unevenly across the forces (40/30/20/10 % for four); their tactics in `use_of_force_tactic`;
* incidents (about 1.6 debriefs each) with themes, near-misses, named officers; submitted debriefs with
  use-of-force answers, tactics and injuries (plus a few drafts);
* `rcas` root-cause analyses, most signed off, each with an outcome, problems, categorised factors
  (categories that tend to go wrong together are drawn together), root causes, links, recommendations
  and actions (some overdue).
"""
from __future__ import annotations

import argparse
from array import array
import io
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from a checkout

PASSWORD = "bench-password-not-secret"
ROLES = ("officer", "reviewer", "learning", "admin")
OFFICERS_PER_FORCE = 150
FORCE_NAMES = ("Ashdown", "Brackley", "Carrow", "Dunmere", "Eskdale", "Fenwick", "Garston", "Holloway")
SPAN_DAYS = 3 * 365


@dataclass
class LoadResult:
    """What `load` made: force codes and ids, a user per (force code, role), counts and seconds per part."""

    forces: dict[str, int] = field(default_factory=dict)  # code -> force id
    users: dict[tuple[str, str], str] = field(default_factory=dict)  # (force code, role) -> email
    password: str = PASSWORD
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows inserted
    seconds: dict[str, float] = field(default_factory=dict)  # part -> seconds
    today: date = field(default_factory=date.today)


class _Writer:
    """Writes rows of plain Python values to a table: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.postgresql = engine.dialect.name == "postgresql"
        self.raw = engine.raw_connection()
        self.driver = self.raw.driver_connection
        if not self.postgresql:
            self.driver.execute("PRAGMA synchronous = OFF")
        self.counts: dict[str, int] = {}

    def day(self, value: date) -> Any:
        return value if self.postgresql else value.isoformat()

    def moment(self, value: datetime | None) -> Any:
        if value is None or self.postgresql:
            return value
        return f"{value:%Y-%m-%d %H:%M:%S}.{value.microsecond:06d}"  # as SQLAlchemy stores DateTime on SQLite

    def clock(self, value: clock_time | None) -> Any:
        if value is None or self.postgresql:
            return value
        return f"{value:%H:%M:%S}.{value.microsecond:06d}"

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        n = 0
        quoted = ", ".join(columns)
        name = f'"{table}"' if table == "user" else table
        if self.postgresql:
            with self.driver.cursor() as cur, cur.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        else:
            marks = ", ".join("?" * len(columns))
            cur = self.driver.cursor()
            chunk: list[Sequence[Any]] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) == 50_000:
                    cur.executemany(f"INSERT INTO {name} ({quoted}) VALUES ({marks})", chunk)
                    n += len(chunk)
                    chunk = []
            if chunk:
                cur.executemany(f"INSERT INTO {name} ({quoted}) VALUES ({marks})", chunk)
                n += len(chunk)
        self.counts[table] = self.counts.get(table, 0) + n
        return n

    def max_id(self, table: str) -> int:
        name = f'"{table}"' if table == "user" else table
        cur = self.driver.cursor()
        cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {name}")
        return int(cur.fetchone()[0])

    def finish(self, tables: Iterable[str]) -> None:
        cur = self.driver.cursor()
        if self.postgresql:
            for table in tables:  # ids were given here: move each sequence past them
                name = f'"{table}"' if table == "user" else table
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)")
        self.driver.commit()
        if self.postgresql:
            self.driver.autocommit = True
            cur = self.driver.cursor()
            cur.execute("VACUUM ANALYZE")
            self.driver.autocommit = False
        else:
            self.driver.execute("ANALYZE")
            self.driver.commit()
        self.raw.close()


def _migrate(url: str) -> None:
    from flask_migrate import upgrade

    from debrief import create_app
    from debrief.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade()
        db.engine.dispose()


def _uof_pool(size: int, seed: int, today: date) -> list[tuple[dict[str, Any], tuple[tuple[str, bool | None], ...]]]:
    """`size` realistic rows from the generator, coded by the real reader and importer mapping."""
    from debrief.nationaldata.importer import record_values
    from debrief.nationaldata.csv_reader import UofRecord, read_uof_csv
    from debrief.nationaldata.synthetic import write_uof_csv

    text = io.StringIO(newline="")
    write_uof_csv(text, size, seed, end_date=today)
    text.seek(0)
    pool = []
    for item in read_uof_csv(text, today=today):
        if isinstance(item, UofRecord):
            pool.append((record_values(item, 0, 0), item.tactics))
    return pool


UOF_COLUMNS = (
    "id", "force_id", "import_run_id", "source_row", "fingerprint", "incident_date", "incident_time",
    "incident_month", "incident_hour", "location_type", "locations", "borough", "subject_conduct", "assaulted",
    "main_duty", "main_duty_raw", "single_crewed", "trained_ced", "carrying_ced", "subject_age_band",
    "subject_sex", "subject_ethnicity", "subject_ethnicity_basis", "physical_disability", "mental_disability",
    "staff_injured", "staff_injury_severity", "staff_medical_provided", "subject_injured",
    "subject_injury_severity", "subject_medical_offered", "subject_medical_provided", "impact_factors",
    "reasons", "outcomes", "ced_levels", "tactics",
)
_FIXED = UOF_COLUMNS[9:]  # taken from the pool row as they are


def _force_shares(count: int) -> list[float]:
    weights = [max(1, count - i) for i in range(count)]  # 4 forces: 40/30/20/10 %
    total = sum(weights)
    return [w / total for w in weights]


def _load_uof(w: _Writer, rows: int, force_ids: list[int], seed: int, today: date, result: LoadResult) -> None:
    started = time.perf_counter()
    rng = random.Random(seed)
    pool = _uof_pool(min(5_000, max(rows, 1)), seed, today)
    pool_rows = [tuple(values[c] for c in _FIXED) for values, _ in pool]
    pool_times = [(w.clock(values["incident_time"]), values["incident_hour"]) for values, _ in pool]
    pool_tactics = [tactics for _, tactics in pool]
    start_day = today - timedelta(days=SPAN_DAYS)
    days = [(w.day(start_day + timedelta(days=i)), (start_day + timedelta(days=i)).year * 100
             + (start_day + timedelta(days=i)).month) for i in range(SPAN_DAYS + 1)]
    base_id = w.max_id("use_of_force")
    base_run = w.max_id("use_of_force_import_run")
    shares = _force_shares(len(force_ids))
    per_force = [int(rows * share) for share in shares]
    per_force[0] += rows - sum(per_force)
    now = w.moment(datetime(today.year, today.month, today.day, 6, 0))
    runs = [
        (base_run + i + 1, force_id, f"bench-uof-{force_id}.csv", f"{force_id:064x}", "batched", 50_000,
         "completed", per_force[i], per_force[i], 0, 0, per_force[i] + 1, now, now)
        for i, force_id in enumerate(force_ids)
    ]
    w.write("use_of_force_import_run", (
        "id", "force_id", "file_name", "file_sha256", "mode", "batch_size", "status", "rows_read", "rows_inserted",
        "rows_duplicate", "rows_rejected", "last_committed_row", "started_at", "finished_at"), runs)
    # Per record, in id order, what its tactics need: compact arrays, not a million tuples.
    plan_force, plan_pool, plan_month = array("I"), array("I"), array("I")
    n_pool, n_days = len(pool_rows), len(days)
    randrange = rng.randrange

    def records():
        record_id = base_id
        for (run_id, force_id, *_), count in zip(runs, per_force, strict=True):
            for row_number in range(2, count + 2):
                record_id += 1
                k = randrange(n_pool)
                day, month = days[randrange(n_days)]
                at, hour = pool_times[k]
                plan_force.append(force_id)
                plan_pool.append(k)
                plan_month.append(month)
                yield (record_id, force_id, run_id, row_number, f"{record_id:064x}", day, at, month, hour,
                       *pool_rows[k])

    w.write("use_of_force", UOF_COLUMNS, records())

    def tactic_rows():
        for offset, (force_id, k, month) in enumerate(zip(plan_force, plan_pool, plan_month), start=1):
            for code, effective in pool_tactics[k]:
                yield (base_id + offset, code, force_id, month, effective)

    w.write("use_of_force_tactic", ("record_id", "tactic", "force_id", "incident_month", "effective"),
            tactic_rows())
    result.seconds["use of force"] = time.perf_counter() - started


THEMES = ("use_of_force", "custody", "mental_health", "domestic_abuse", "road_traffic", "stop_and_search",
          "call_handling", "missing_person", "vulnerable_people", "assault_on_police", "public_order", "self_harm")
THEME_WEIGHTS = (30, 12, 14, 10, 6, 6, 5, 4, 5, 8, 3, 3)
LOCATIONS = ("street", "dwelling", "custody_block", "retail", "public_transport", "hospital", "police_vehicle_cage",
             "open_ground", "licensed_premises", "other")
LOCATION_WEIGHTS = (38, 22, 8, 7, 5, 4, 4, 5, 4, 3)
REASONS = ("protect_self", "protect_public", "protect_subject", "effect_arrest", "prevent_harm", "prevent_escape")
IMPACTS = ("alcohol", "drugs", "mental_health", "weapon", "size_gender_build", "prior_knowledge")
DEBRIEF_TACTICS = ("tactical_communications", "compliant_handcuffing", "non_compliant_handcuffing",
                   "limb_body_restraint", "ground_restraint", "unarmed_skills", "irritant_spray_used", "taser",
                   "spit_and_bite_guard", "baton_drawn")
SECTIONS_DONE = json.dumps({"what-happened": "completed", "timeline": "completed", "reflection": "completed",
                            "use-of-force": "completed", "wellbeing": "completed", "declaration": "completed"})


def _load_people(w: _Writer, force_count: int, result: LoadResult) -> tuple[dict[int, list[int]], dict[int, int]]:
    """Forces, a user per role in each (the benchmark signs in as them) and a pool of officers."""
    from debrief.auth.passwords import hash_password

    digest = hash_password(PASSWORD)  # one hash for every account: hashing each would dominate
    base_force, base_user = w.max_id("force"), w.max_id("user")
    forces, users, roles = [], [], []
    officers: dict[int, list[int]] = {}
    reviewers: dict[int, int] = {}  # force id -> its reviewer's user id
    user_id = base_user
    now = w.moment(datetime(2024, 1, 1, 9, 0))
    for i in range(force_count):
        force_id = base_force + i + 1
        code = f"PD{chr(ord('A') + i)}" if base_force == 0 else f"P{force_id:02d}"
        forces.append((force_id, code, f"{FORCE_NAMES[i % len(FORCE_NAMES)]} Police ({code})"))
        result.forces[code] = force_id
        for role in ROLES:
            user_id += 1
            email = f"{role}@{code.lower()}.bench.example"
            users.append((user_id, email, f"Bench {role} {code}", force_id, None, digest, True, now))
            roles.append((user_id, role))
            result.users[(code, role)] = email
            if role == "reviewer":
                reviewers[force_id] = user_id
        officers[force_id] = []
        for n in range(OFFICERS_PER_FORCE):
            user_id += 1
            users.append((user_id, f"pc{n}@{code.lower()}.bench.example", f"Officer {n} {code}", force_id,
                          f"{code}{n:04d}", digest, True, now))
            roles.append((user_id, "officer"))
            officers[force_id].append(user_id)
    w.write("force", ("id", "code", "name"), forces)
    w.write("user", ("id", "email", "name", "force_id", "collar_number", "password_hash", "active", "created_at"),
            users)
    w.write("user_role", ("user_id", "role"), roles)
    return officers, reviewers


def _pick(rng: random.Random, values: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(values, weights)[0]


def _load_debriefs(w: _Writer, count: int, officers: dict[int, list[int]], seed: int, today: date,
                   result: LoadResult) -> list[tuple[int, int, datetime, int]]:
    """Incidents and their debriefs; returns (incident id, force id, occurred at, reporter) for the RCAs."""
    from debrief import reference as ref

    started = time.perf_counter()
    rng = random.Random(seed + 1)
    roles_on_day = ref.codes(ref.MAIN_DUTIES)  # stored as codes, as the debrief form stores them
    force_ids = list(officers)
    shares = _force_shares(len(force_ids))
    base_incident, base_debrief = w.max_id("incident"), w.max_id("debrief")
    base_tactic, base_injury = w.max_id("debrief_tactic"), w.max_id("injury")
    base_officer = w.max_id("incident_officer")
    incidents, themes, named, debriefs, tactics, injuries = [], [], [], [], [], []
    made: list[tuple[int, int, datetime, int]] = []
    incident_id, debrief_id, tactic_id, injury_id, officer_row = (
        base_incident, base_debrief, base_tactic, base_injury, base_officer)
    start = datetime.combine(today - timedelta(days=SPAN_DAYS), clock_time(0))
    written = 0
    while written < count:
        incident_id += 1
        force_id = rng.choices(force_ids, shares)[0]
        pool = officers[force_id]
        crew = rng.sample(pool, min(len(pool), rng.choice((1, 1, 2, 2, 2, 3))))
        crew = crew[: count - written]
        occurred = start + timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60))
        near_miss = rng.random() < 0.18
        theme = _pick(rng, THEMES, THEME_WEIGHTS)
        incidents.append((incident_id, force_id, f"BENCH-{incident_id:07d}", crew[0], w.moment(occurred),
                          _pick(rng, LOCATIONS, LOCATION_WEIGHTS), "bench place", near_miss,
                          "Generated incident for the benchmark.", "completed", "completed",
                          w.moment(occurred), w.moment(occurred)))
        themes.append((incident_id, theme))
        if rng.random() < 0.25:
            second = _pick(rng, THEMES, THEME_WEIGHTS)
            if second != theme:
                themes.append((incident_id, second))
        made.append((incident_id, force_id, occurred, crew[0]))
        for author in crew:
            officer_row += 1
            named.append((officer_row, incident_id, author, rng.choice(roles_on_day), None))
            debrief_id += 1
            written += 1
            submitted_at = occurred + timedelta(hours=rng.randint(2, 24 * 20))
            draft = rng.random() < 0.05 or submitted_at.date() > today
            used_force = not near_miss and (theme in ("use_of_force", "assault_on_police") or rng.random() < 0.35)
            carried = rng.random() < 0.35
            assaulted = used_force and rng.random() < (0.35 if theme == "assault_on_police" else 0.12)
            debriefs.append((
                debrief_id, incident_id, author, "hot" if rng.random() < 0.8 else "cold",
                "draft" if draft else "submitted", w.moment(occurred + timedelta(hours=1)),
                None if draft else w.moment(submitted_at), w.moment(occurred), w.moment(occurred),
                SECTIONS_DONE, 1, used_force,
                json.dumps(rng.sample(REASONS, rng.randint(1, 3)) if used_force else []),
                json.dumps(rng.sample(IMPACTS, rng.randint(0, 2)) if used_force else []),
                rng.random() < 0.2, ref.shift_band(rng.triangular(0, 14, 6)), carried or rng.random() < 0.1, carried,
                assaulted,
                used_force and rng.random() < 0.25, "What happened, in the officer's words.",
                "Communication in the team.", "Earlier request for back-up.", not draft,
            ))
            if used_force:
                for code in rng.sample(DEBRIEF_TACTICS[:8] if carried else DEBRIEF_TACTICS[:7], rng.randint(1, 3)):
                    tactic_id += 1
                    levels = json.dumps(["drawn", "aimed"] if code == "taser" else [])
                    tactics.append((tactic_id, debrief_id, code, rng.random() < 0.8, levels))
                if rng.random() < 0.3:
                    injury_id += 1
                    person = "officer" if assaulted or rng.random() < 0.3 else "subject"
                    injuries.append((injury_id, debrief_id, person, rng.choices(("minor", "severe"), (9, 1))[0],
                                     "Bruising", rng.choice(("none", "offered", "provided")), False))
    w.write("incident", ("id", "force_id", "reference", "reporter_id", "occurred_at", "location_type", "place",
                         "near_miss", "summary", "about_status", "people_status", "created_at", "updated_at"),
            incidents)
    w.write("incident_theme", ("incident_id", "theme"), themes)
    w.write("incident_officer", ("id", "incident_id", "user_id", "role_on_day", "collar_number"), named)
    w.write("debrief", (
        "id", "incident_id", "author_id", "kind", "status", "requested_at", "submitted_at", "created_at",
        "updated_at", "section_status", "schema_version", "used_force", "reasons", "impact_factors",
        "single_crewed", "hours_on_duty", "taser_trained", "taser_carried", "assaulted", "any_injuries", "narrative",
        "went_well",
        "could_differ", "declaration"), debriefs)
    w.write("debrief_tactic", ("id", "debrief_id", "tactic", "effective", "taser_levels"), tactics)
    w.write("injury", ("id", "debrief_id", "person", "severity", "description", "medical_help", "hospital"),
            injuries)
    result.seconds["debriefs"] = time.perf_counter() - started
    return made


# Factor categories that tend to go wrong together, so the co-occurrence network has a shape to find.
CATEGORY_PROFILES = (
    ("person_in_contact", "partner_agencies", "powers_guidance"),
    ("communication", "control_room", "equipment_technology"),
    ("working_conditions", "team_supervision", "individual"),
    ("custody_environment", "task_procedures", "education_training"),
    ("organisational_strategic", "working_conditions", "physical_environment"),
)
ALL_CATEGORIES = tuple(sorted({c for profile in CATEGORY_PROFILES for c in profile}))
ACTION_STATUSES = ("open", "in_progress", "done", "not_taken_forward")


def _load_rcas(w: _Writer, count: int, incidents: list[tuple[int, int, datetime, int]],
               reviewers: dict[int, int], seed: int, today: date, result: LoadResult) -> None:
    started = time.perf_counter()
    rng = random.Random(seed + 2)
    chosen = rng.sample(incidents, min(count, len(incidents)))
    ids = {table: w.max_id(table) for table in ("rca", "rca_node", "rca_link", "rca_recommendation", "rca_action")}
    rcas, nodes, links, recs, rec_nodes, actions = [], [], [], [], [], []
    for incident_id, force_id, occurred, lead in chosen:
        ids["rca"] += 1
        rca_id = ids["rca"]
        started_on = occurred.date() + timedelta(days=rng.randint(3, 20))
        due_on = started_on + timedelta(days=84)
        signed = rng.random() < 0.85
        signed_at = datetime.combine(started_on + timedelta(days=rng.randint(20, 140)), clock_time(15, 0))
        if signed_at.date() > today:
            signed = False
        reviewer = reviewers[force_id]
        rcas.append((rca_id, incident_id, force_id, reviewer, rng.choice(("concise", "comprehensive")),
                     "Terms of reference.", "Findings of the analysis.", w.day(started_on), w.day(due_on),
                     "signed_off" if signed else "draft", 1, w.moment(signed_at) if signed else None,
                     reviewer if signed else None, w.moment(occurred), w.moment(occurred)))

        def node(kind: str, label: str, category: str | None, evidence: str = "none") -> int:
            ids["rca_node"] += 1
            nodes.append((ids["rca_node"], rca_id, kind, label, "", category, evidence, w.moment(occurred)))
            return ids["rca_node"]

        outcome = node("outcome", "Outcome of the incident", None)
        problems = [node("problem", f"Service delivery problem {i + 1}", None) for i in range(rng.randint(1, 3))]
        profile = rng.choice(CATEGORY_PROFILES)
        factors = []
        for i in range(rng.randint(3, 8)):
            category = rng.choice(profile) if rng.random() < 0.75 else rng.choice(ALL_CATEGORIES)
            kind = "root_cause" if i == 0 or rng.random() < 0.15 else "factor"
            factors.append(node(kind, f"Contributory factor {i + 1}", category,
                                "debrief" if rng.random() < 0.8 else "none"))

        def link(cause: int, effect: int) -> None:
            ids["rca_link"] += 1
            links.append((ids["rca_link"], rca_id, cause, effect))

        for problem in problems:
            link(problem, outcome)
        for i, factor in enumerate(factors):
            link(factor, rng.choice(problems) if i % 2 == 0 or i == 0 else factors[rng.randrange(i)])
        for position in range(rng.randint(1, 3)):
            ids["rca_recommendation"] += 1
            rec_id = ids["rca_recommendation"]
            recs.append((rec_id, rca_id, position, f"Recommendation {position + 1}."))
            rec_nodes.append((rec_id, rng.choice(factors)))
            for _ in range(rng.randint(1, 2)):
                ids["rca_action"] += 1
                action_due = started_on + timedelta(days=rng.randint(30, 240))
                status = rng.choices(ACTION_STATUSES, (35, 25, 35, 5))[0]
                actions.append((ids["rca_action"], rec_id, "Action to take.", "Training team", w.day(action_due),
                                "Measure of success.", status,
                                "Superseded." if status == "not_taken_forward" else None, w.moment(occurred)))
    w.write("rca", ("id", "incident_id", "force_id", "lead_id", "level", "terms_of_reference", "findings",
                    "started_on", "due_on", "status", "graph_version", "signed_off_at", "signed_off_by_id",
                    "created_at", "updated_at"), rcas)
    w.write("rca_node", ("id", "rca_id", "kind", "label", "description", "category", "evidence_kind",
                         "created_at"), nodes)
    w.write("rca_link", ("id", "rca_id", "cause_id", "effect_id"), links)
    w.write("rca_recommendation", ("id", "rca_id", "position", "text"), recs)
    w.write("rca_recommendation_node", ("recommendation_id", "node_id"), rec_nodes)
    w.write("rca_action", ("id", "recommendation_id", "description", "owner", "due_on", "measure", "status",
                           "reason", "updated_at"), actions)
    result.seconds["rcas"] = time.perf_counter() - started


def load(url: str, *, uof_rows: int = 1_000_000, debriefs: int = 100_000, forces: int = 4,
         rcas: int = 3_000, seed: int = 1, quiet: bool = False, today: date | None = None) -> LoadResult:
    """Fill the database at `url` (see the module docstring); returns what was made."""
    from sqlalchemy import create_engine

    say: Callable[[str], None] = (lambda _text: None) if quiet else (lambda text: print(text, flush=True))
    result = LoadResult(today=today or date.today())
    began = time.perf_counter()
    _migrate(url)
    result.seconds["migrate"] = time.perf_counter() - began
    engine = create_engine(url)
    try:
        w = _Writer(engine)
        officers, reviewers = _load_people(w, forces, result)
        _load_uof(w, uof_rows, list(officers), seed, result.today, result)
        made = _load_debriefs(w, debriefs, officers, seed, result.today, result)
        _load_rcas(w, rcas, made, reviewers, seed, result.today, result)
        analyse_started = time.perf_counter()
        w.finish(("force", "user", "use_of_force", "use_of_force_import_run", "incident", "incident_officer",
                  "debrief", "debrief_tactic", "injury", "rca", "rca_node", "rca_link", "rca_recommendation",
                  "rca_action"))
        result.seconds["commit and analyse"] = time.perf_counter() - analyse_started
    finally:
        engine.dispose()
    result.counts = dict(w.counts)
    result.seconds["total"] = time.perf_counter() - began
    say(f"patterns_data: loaded {engine.dialect.name} in {result.seconds['total']:.1f} s "
        + ", ".join(f"{part} {seconds:.1f} s" for part, seconds in result.seconds.items() if part != "total"))
    say("  " + ", ".join(f"{table} {n:,}" for table, n in result.counts.items()))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="SQLAlchemy URL of an empty database (or one at the migration head)")
    parser.add_argument("--uof-rows", type=int, default=1_000_000)
    parser.add_argument("--debriefs", type=int, default=100_000)
    parser.add_argument("--forces", type=int, default=4)
    parser.add_argument("--rcas", type=int, default=3_000)
    args = parser.parse_args(argv)
    load(args.url, uof_rows=args.uof_rows, debriefs=args.debriefs, forces=args.forces, rcas=args.rcas)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
