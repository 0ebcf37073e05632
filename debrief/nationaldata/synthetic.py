"""Realistic synthetic use-of-force CSV files in the MPS open-data layout, seeded, for demos, tests and benchmarks."""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from itertools import accumulate
from typing import TextIO

# The layout is spelled out here rather than imported from the importer, so that a test that
# parses this output checks the importer against the published layout, not against itself.
LOCATIONS = (
    ("Street/Highway", 42), ("Public Transport", 5), ("Retail Premises", 7),
    ("Open ground (e.g. park, car park, field)", 5), ("Licensed Premises", 3), ("Sports or Event Stadia", 1),
    ("Hospital/A&E (non-mental-health setting)", 3), ("Mental Health Setting", 2),
    ("Police vehicle with prisoner handling cage", 3), ("Police vehicle without prisoner handling cage", 2),
    ("Dwelling", 20), ("Police station (excluding custody block)", 1), ("Custody Block", 4), ("Ambulance", 1),
    ("Other", 1),
)
IMPACT_FACTORS = (
    ("Possesion of a weapon", 0.08), ("Alcohol", 0.30), ("Drugs", 0.16), ("Mental Health", 0.12),
    ("Prior Knowledge", 0.15), ("Size/Gender/Build", 0.22), ("Acute Behavioural Disorder", 0.02),
    ("Crowd", 0.05), ("Other", 0.05),
)
REASONS = (
    ("Protect self", 0.62), ("Protect Public", 0.35), ("Protect Subject", 0.30), ("Protect Other Officers", 0.32),
    ("Prevent Offence", 0.25), ("Secure Evidence", 0.05), ("Effect Search", 0.15), ("Effect Arrest", 0.58),
    ("Method of Entry", 0.01), ("Remove Handcuffs", 0.02), ("Prevent Harm", 0.40), ("Prevent Escape", 0.30),
    ("Other", 0.03),
)
OUTCOMES = ("Made off/escaped", "Arrested", "Hospitalised", "Detained - Mental Health Act", "Fatality", "Other")
CED_DETAIL = (
    "Drive Stun Repeat Application", "Angle Drive Stun", "Fired", "Fired Cartridge Number",
    "Fired 5 Secs Cycle Interrupted", "Fired Repeat Cycle Same Cartridge", "Fired Total Number Of Cycles",
    "Fired Cycle Extended Beyond 5 Secs", "Fired Miss With One Probe", "Fired Miss With Both Probes",
    *(f"Front {n}" for n in range(1, 16)), *(f"Back {c}" for c in "ABCDEFGHJK"),
)
MAIN_DUTIES = (
    ("Response", 52), ("Neighbourhood", 10), ("Public Order (TSG)", 8), ("Custody", 5),
    ("Investigation (CID)", 5), ("Roads Policing", 4), ("ARV", 3), ("Dog handler duty", 2), ("Other", 11),
)
AGES = (("0-10", 0.2), ("11-17", 9), ("18-34", 52), ("35-49", 28), ("50-64", 9.5), ("65 and over", 1.3))
GENDERS = (("Male", 84), ("Female", 15), ("Other", 1))
ETHNICITIES = (
    ("White", 45), ("Black (or Black British)", 33), ("Asian (or Asian British)", 12), ("Mixed", 2),
    ("Chinese", 0.5), ("Other", 4), ("Don't know", 3.5),
)
BOROUGHS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing", "Enfield",
    "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
    "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
    "Wandsworth", "Westminster", "Heathrow",
)
# Force is used most in the evening and at night.
HOUR_WEIGHTS = (5, 4, 3.5, 3, 2, 1.5, 1.5, 2, 3, 3.5, 4, 4.5, 5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8, 7.5, 7, 6)
CONDUCT = (
    ("Compliant", 18), ("Passive resistance", 20), ("Verbal resistance/gestures", 20), ("Active resistance", 28),
    ("Aggressive resistance", 12), ("Serious or aggravated resistance", 2),
)
# Of the times Taser is drawn, how often each further level is reached.
TASER_ESCALATION = (("Aimed", 0.6), ("Red-Dotted", 0.5), ("Arced", 0.1), ("Drive Stun", 0.03), ("Fired", 0.12))
BAD_ROW_KINDS = ("bad date", "unknown tactic", "bad Yes/No", "unknown age band")


def header() -> list[str]:
    """The 271 columns of the MPS file, in its order and spelling."""
    columns = ["IncidentDate", "IncidentTime"]
    columns += [f"Incident Location: {name}" for name, _ in LOCATIONS]
    columns += ["Borough", "PrimaryConduct", "AssaultedBySubject", "ThreatenedWithWeapon", "AssaultedWithWeapon"]
    columns += [f"Impact Factor: {name}" for name, _ in IMPACT_FACTORS]
    columns += [f"Reason for Force: {name}" for name, _ in REASONS]
    columns += ["MainDuty", "SingleCrewed", "TrainedCED", "CarryingCED"]
    for n in range(1, 21):
        columns += [f"Tactic {n}", f"Effective {n}" if n < 20 else "Tactic Effective 20"]  # sic
    columns += ["CED Used", "CED Device Serial No"]
    for device in ("", "2", "3", "4"):
        arced = "Arced" if not device else f"ArCED{device}"  # sic: the MPS header says "CED2 ArCED2"
        columns += [f"CED{device} {name}" for name in ("Drawn", "Aimed", arced, "Red-Dotted", "Drive Stun")]
        columns += [f"CED{device} {name}" for name in CED_DETAIL]
    columns += ["Firearms Aimed", "Firearms Fired", "SubjectAge", "SubjectGender", "SubjectEthnicity"]
    columns += ["PhysicalDisability", "MentalDisability", "StaffInjured", "StaffInjuryIntentional"]
    columns += ["StaffInjuryLevel", "StaffMedProvided", "SubjectInjured", "SubjectNatureOfInjury"]
    columns += ["SubjectMedOffered", "SubjectMedProvided"]
    columns += [f"Outcome: {name}" for name in OUTCOMES]
    return columns


def _yn(flag: bool) -> str:
    return "Yes" if flag else "No"


class _RowMaker:
    def __init__(self, rng: random.Random, end_date: date, areas: tuple[str, ...], span_days: int = 3 * 365) -> None:
        self.rng = rng
        self.columns = header()
        self.index = {name: i for i, name in enumerate(self.columns)}
        self.start = end_date - timedelta(days=span_days)
        self.days = (end_date - self.start).days
        self.areas = areas
        self.location_names = [f"Incident Location: {n}" for n, _ in LOCATIONS]
        self.location_weights = list(accumulate(w for _, w in LOCATIONS))
        self.hour_weights = list(accumulate(HOUR_WEIGHTS))
        self._tables: dict[int, tuple[list[str], list[float]]] = {}

    def pick(self, pairs: tuple[tuple[str, float], ...]) -> str:
        try:
            values, cumulative = self._tables[id(pairs)]
        except KeyError:  # the same draw as choices(values, weights), without rebuilding the lists each row
            values, cumulative = [v for v, _ in pairs], list(accumulate(w for _, w in pairs))
            self._tables[id(pairs)] = values, cumulative
        return self.rng.choices(values, cum_weights=cumulative)[0]

    def row(self) -> list[str]:
        rng, cells, ix = self.rng, [""] * len(self.columns), self.index

        def put(name: str, value: str) -> None:
            cells[ix[name]] = value

        day = self.start + timedelta(days=rng.randrange(self.days + 1))
        hour = rng.choices(range(24), cum_weights=self.hour_weights)[0]
        put("IncidentDate", day.isoformat())
        put("IncidentTime", f"{hour:02d}:{rng.randrange(60):02d}")
        where = rng.choices(self.location_names, cum_weights=self.location_weights)[0]
        for name in self.location_names:
            put(name, _yn(name == where))
        put("Borough", rng.choice(self.areas))
        conduct = self.pick(CONDUCT)
        put("PrimaryConduct", conduct)
        violent = conduct in ("Aggressive resistance", "Serious or aggravated resistance")
        assaulted = rng.random() < (0.45 if violent else 0.08)
        put("AssaultedBySubject", _yn(assaulted))
        put("ThreatenedWithWeapon", _yn(rng.random() < 0.03))
        put("AssaultedWithWeapon", _yn(rng.random() < 0.01))
        factors = {name: rng.random() < p for name, p in IMPACT_FACTORS}
        for name, flag in factors.items():
            put(f"Impact Factor: {name}", _yn(flag))
        reasons = {name: rng.random() < p for name, p in REASONS}
        if not any(reasons.values()):
            reasons["Protect self"] = True
        for name, flag in reasons.items():
            put(f"Reason for Force: {name}", _yn(flag))
        duty = self.pick(MAIN_DUTIES)
        put("MainDuty", duty)
        put("SingleCrewed", _yn(rng.random() < 0.15))
        trained = rng.random() < (0.95 if duty == "ARV" else 0.35)
        carrying = trained and rng.random() < 0.85
        put("TrainedCED", _yn(trained))
        put("CarryingCED", _yn(carrying))

        tactics, levels = self.tactics(duty, carrying, violent)
        for n, tactic in enumerate(tactics[:20], start=1):
            put(f"Tactic {n}", tactic)
            effective = rng.random()
            put(f"Effective {n}" if n < 20 else "Tactic Effective 20",
                "Yes" if effective < 0.8 else "No" if effective < 0.95 else "")
        if levels:
            put("CED Used", "Yes")
            put("CED Device Serial No", f"X{rng.randrange(10**7, 10**8)}")
            for level in ("Drawn", "Aimed", "Arced", "Red-Dotted", "Drive Stun", "Fired"):
                put(f"CED {level}", _yn(level in levels))
            if "Fired" in levels:
                put("CED Fired Cartridge Number", "1")
                put("CED Fired Total Number Of Cycles", str(rng.choice((1, 1, 1, 2))))
                put("CED Fired Miss With One Probe", _yn(rng.random() < 0.15))
                put(f"CED Front {rng.randrange(1, 16)}", "Yes")
        put("Firearms Aimed", _yn("Firearm Aimed" in tactics))
        put("Firearms Fired", _yn("Firearm Fired" in tactics))

        age = self.pick(AGES)
        put("SubjectAge", age)
        put("SubjectGender", self.pick(GENDERS))
        put("SubjectEthnicity", self.pick(ETHNICITIES))
        put("PhysicalDisability", _yn(rng.random() < 0.03))
        put("MentalDisability", _yn(rng.random() < (0.6 if factors["Mental Health"] else 0.04)))

        staff_injured = rng.random() < (0.25 if assaulted else 0.015)
        put("StaffInjured", _yn(staff_injured))
        if staff_injured:
            put("StaffInjuryIntentional", _yn(assaulted))
            put("StaffInjuryLevel", "Minor" if rng.random() < 0.95 else "Severe")
            put("StaffMedProvided", _yn(rng.random() < 0.3))
        risky = "Fired" in levels or "Dog Bite" in tactics or "Baton Used" in tactics
        subject_injured = rng.random() < (0.5 if risky else 0.05)
        put("SubjectInjured", _yn(subject_injured))
        nature = ""
        if subject_injured:
            roll = rng.random()
            nature = "Minor" if roll < 0.92 else "Severe" if roll < 0.9995 else "Death"
            put("SubjectNatureOfInjury", nature)
        put("SubjectMedOffered", _yn(subject_injured or rng.random() < 0.1))
        put("SubjectMedProvided", _yn(subject_injured and rng.random() < 0.6))

        mental_health = factors["Mental Health"] or where == "Incident Location: Mental Health Setting"
        outcomes = {
            "Made off/escaped": rng.random() < 0.02,
            "Arrested": rng.random() < 0.75,
            "Hospitalised": nature in ("Severe", "Death") or rng.random() < 0.02,
            "Detained - Mental Health Act": rng.random() < (0.4 if mental_health else 0.02),
            "Fatality": nature == "Death",
            "Other": rng.random() < 0.12,
        }
        if not any(outcomes.values()):
            outcomes["Other"] = True
        for name, flag in outcomes.items():
            put(f"Outcome: {name}", _yn(flag))
        return cells

    def tactics(self, duty: str, carrying: bool, violent: bool) -> tuple[list[str], list[str]]:
        """Tactic cells in the order used, and the Taser levels reached."""
        rng, chosen = self.rng, []
        if rng.random() < 0.82:
            chosen.append("Tactical Communications")
        if rng.random() < 0.75:
            compliant = rng.random() < (0.35 if violent else 0.6)
            chosen.append("Compliant Handcuffing" if compliant else "Non-Compliant Handcuffing")
        for tactic, p in (
            ("Unarmed Skills (including pressure points, strikes, restraints and take-downs)", 0.5 if violent else 0.2),
            ("Limb/Body Restraints", 0.15), ("Ground Restraint", 0.3 if violent else 0.1), ("Spit Guard", 0.02),
            ("Irritant Spray - PAVA Drawn", 0.012), ("Irritant Spray - CS Drawn", 0.004),
            ("Baton Drawn", 0.015), ("Shield", 0.005), ("Other/Improvised", 0.02),
        ):
            if rng.random() < p:
                chosen.append(tactic)
        if "Irritant Spray - PAVA Drawn" in chosen and rng.random() < 0.5:
            chosen.append("Irritant Spray - PAVA Used")
        if "Baton Drawn" in chosen and rng.random() < 0.3:
            chosen.append("Baton Used")
        if (duty == "Dog handler duty" and rng.random() < 0.6) or rng.random() < 0.004:
            chosen.append("Dog Deployed")
            if rng.random() < 0.25:
                chosen.append("Dog Bite")
        if (duty == "ARV" and rng.random() < 0.4) or rng.random() < 0.003:
            chosen.append("Firearm Aimed")
            if rng.random() < 0.002:
                chosen.append("Firearm Fired")
        if duty == "Public Order (TSG)" and rng.random() < 0.01:
            chosen.append("AEP Aimed")
        levels: list[str] = []
        if carrying and rng.random() < (0.35 if violent else 0.1):
            levels = ["Drawn"]
            for level, p in TASER_ESCALATION:
                if rng.random() < p:
                    levels.append(level)
            chosen += [f"CED (Taser) {level}" for level in levels]
        if not chosen:
            chosen.append("Tactical Communications")
        return chosen, levels


def write_uof_csv(
    fileobj: TextIO,
    rows: int,
    seed: int,
    bad_rows: int = 0,
    *,
    end_date: date | None = None,
    areas: tuple[str, ...] = BOROUGHS,
    span_days: int = 3 * 365,
) -> list[tuple[int, str]]:
    """Write a header and `rows` data rows (of which `bad_rows` are deliberately invalid) to `fileobj`.

    Dates fall in the `span_days` (default three years) up to `end_date` (default today). Returns the bad rows as
    (row number, kind), numbered as a spreadsheet shows them: the header is row 1.
    """
    if not 0 <= bad_rows <= rows:
        raise ValueError("bad_rows must be between 0 and rows")
    rng = random.Random(seed)
    maker = _RowMaker(rng, end_date or date.today(), areas, span_days)
    bad = sorted(rng.sample(range(rows), bad_rows))
    kinds = {index: BAD_ROW_KINDS[n % len(BAD_ROW_KINDS)] for n, index in enumerate(bad)}
    writer = csv.writer(fileobj, lineterminator="\r\n")
    writer.writerow(maker.columns)
    for index in range(rows):
        cells = maker.row()
        kind = kinds.get(index)
        if kind == "bad date":
            cells[maker.index["IncidentDate"]] = "2023-02-30"
        elif kind == "unknown tactic":
            cells[maker.index["Tactic 1"]] = "Lasso"
        elif kind == "bad Yes/No":
            cells[maker.index["SingleCrewed"]] = "Maybe"
        elif kind == "unknown age band":
            cells[maker.index["SubjectAge"]] = "18-99"
        writer.writerow(cells)
    return [(index + 2, kinds[index]) for index in bad]
