"""The demo's data, kept as data: small tables here, the long hand-written texts in JSON files beside this module.

Nothing here does anything; the seeding modules read it. Every code is from `debrief.reference`, every person and
force fictional, so demo records never look like a real force's.

`scenarios.json` holds what officers write after an incident or a near-miss: "facilitators" (a cold debrief's
facilitator per force code) and "scenarios". A scenario: key, themes, location, near_miss, places {force code:
place}, summary, public (people: role, age_band, sex, disability_known, vulnerabilities, ethnicity or null,
ethnicity_basis), crew [[role on the day, answers]] with the reporter first, and optionally cold (a facilitated
cold debrief). Answers: force (null when no force was used) with reasons, impact, single_crewed, taser_trained,
taser_carried, assaulted and tactics [[code, effective, detail]] (detail: taser_levels, position,
duration_minutes); injuries [[person, severity, description, medical help, hospital]]; narrative; timeline
[[time "HH:MM", what, source]] (the reporter's first entry is when it happened); went_well; could_differ;
why_differ; wellbeing and support (null when nothing to say); intelligence; concerns; optionally on_duty, a
SHIFT_HOURS code when the officer had been on longer than the usual shift pattern gives. Members of the public
are never named: "the man", "the woman", "the caller".

`rcas.json` holds root-cause analyses: "signed_off" and "working_states" (one RCA per state: draft with a panel,
in review, returned with comments; state defaults to signed off). An RCA: force, summary_starts (picks the
incident), level, terms, outcome, problems (words of the chronology entries to mark), factors [[key, label,
category, contributes_to ("problem:N" or a factor key), evidence ("entry:words", "debrief", "doc:Name" or null),
root cause?]], links [[cause, effect]] drawn after the factors (so a factor can contribute to several things and
the ranking of factors has real structure), findings, recommendations [[text, factor keys, actions [[description,
owner, days after the start, measure, status]]]], and for a returned one return_comment and section_comments.

`magazine.json` holds issue 1: "taser_rca" (a fourth signed-off RCA, in the same shape, whose findings name
people and a place for the release to take out), "case_studies" (how the learning team edits each release, keyed
by the start of the incident summary), "issue" (theme, introduction, articles [[title, contributor, body]]),
"responses" [[case summary start, audience, force code, text, where the force is with the recommendations]]
(approved), "draft_responses" (the same, left for the learning team to moderate) and "for_editing" [[force code, case summary start, release title]] (released but
not yet edited, so the learning team finds a candidate waiting).
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

FORCES = [("NSP", "Northshire Police"), ("WMC", "Westmere Constabulary")]
PASSWORD = "demo-password-2026"

# (force code, role value): (name, collar number). The national administrator's one account is kept under NSP.
NAMES = {
    ("NSP", "officer"): ("Priya Shah", "NS4127"),
    ("NSP", "reviewer"): ("Tom Reilly", None),
    ("NSP", "learning"): ("Grace Okafor", None),
    ("NSP", "admin"): ("Alan Brooks", None),
    ("WMC", "officer"): ("Dan Hughes", "WM2290"),
    ("WMC", "reviewer"): ("Fatima Begum", None),
    ("WMC", "learning"): ("Owen Price", None),
    ("WMC", "admin"): ("Helen Marsh", None),
    ("NSP", "wellbeing"): ("Ruth Adeyemi", None),
    ("WMC", "wellbeing"): ("Colin Baker", None),
    ("NSP", "national_admin"): ("Sunita Rao", None),
}

# The reviewer who signs off each force's RCAs (sign-off needs a second person).
SECOND_REVIEWERS = {"NSP": ("Meera Joshi", "reviewer2@nsp.example.police.uk"),
                    "WMC": ("Gareth Lloyd", "reviewer2@wmc.example.police.uk")}

# Extra officers per force: (email prefix, name, collar number). "ps" is the force's sergeant.
EXTRA_OFFICERS = {
    "NSP": [("pc", "Ellie Morgan", "NS3381"), ("pc", "Kieran Walsh", "NS5096"),
            ("pc", "Amrit Sandhu", "NS2714"), ("ps", "Neil Dawson", "NS1150")],
    "WMC": [("pc", "Lauren Fisher", "WM3104"), ("pc", "Marcus Bennett", "WM4418"),
            ("pc", "Aisha Rahman", "WM2857"), ("ps", "Gareth Lloyd", "WM1975")],
}
# Ethnicity of members of the public a scenario leaves open, drawn with these weights.
ETHNICITY_WEIGHTS = [("white", 60), ("asian", 12), ("black", 10), ("mixed", 6), ("other", 4), ("not_stated", 8)]

# Reference figures, code: (officers, arrests) this year; earlier years a little smaller. Invented, of the size of
# real mid-sized forces in England and Wales (see the README for where the real figures are published).
FIGURES = {"NSP": (3_410, 26_800), "WMC": (1_960, 14_300)}
# Invented population shares (per cent) of the demo force areas, of the size of real ones (ONS Census 2021).
POPULATION = {
    "NSP": {"ethnicity": {"white": 86.0, "asian": 6.5, "black": 3.0, "mixed": 2.5, "other": 2.0},
            "age_band": {"under_11": 12.0, "11_17": 8.5, "18_34": 21.0, "35_49": 19.0, "50_64": 20.0,
                         "65_over": 19.5},
            "sex": {"female": 51.0, "male": 49.0}},
    "WMC": {"ethnicity": {"white": 77.5, "asian": 11.0, "black": 6.0, "mixed": 3.0, "other": 2.5},
            "age_band": {"under_11": 13.0, "11_17": 9.0, "18_34": 24.0, "35_49": 20.0, "50_64": 18.0,
                         "65_over": 16.0},
            "sex": {"female": 50.8, "male": 49.2}},
}

# The generated national use-of-force file per demo force: its size, span, areas (fictional, in place of the MPS
# boroughs) and random seed.
UOF_ROWS = 1_500
UOF_DAYS = 2 * 365
UOF_AREAS = {
    "NSP": ("Northshire Central", "Wharfton", "Kingsmoor", "Ashby Vale", "Port Ellis", "Hallow Cross"),
    "WMC": ("Westmere City", "Ferrybridge", "Oldcastle", "Marsh End", "Lowdon", "Brackenfield"),
}
UOF_SEEDS = {"NSP": 2026, "WMC": 2027}


@cache
def _file(name: str) -> dict[str, Any]:
    return json.loads((Path(__file__).with_name(name)).read_text(encoding="utf-8"))


def scenarios() -> dict[str, Any]:
    return _file("scenarios.json")


def rcas() -> dict[str, Any]:
    return _file("rcas.json")


def magazine() -> dict[str, Any]:
    return _file("magazine.json")
