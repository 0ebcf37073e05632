"""Re-identification check: combinations that could point at someone even after names are gone."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

# Incident types rare enough that, with a place or a date, they are public knowledge.
RARE_INCIDENT_TYPES: frozenset[str] = frozenset({
    "death in custody", "death following police contact", "fatal shooting", "firearms discharge",
    "police shooting", "fatal pursuit", "fatal road traffic incident", "taser discharge on a child",
    "taser used on a child", "death after restraint", "suicide in custody", "serious injury in custody",
    "officer killed", "officer seriously injured", "dog bite fatality", "police vehicle fatality",
    "near drowning", "abuse of position for a sexual purpose", "child death", "homicide",
    "fatal collision",
})
# Roles held by one person, or a handful, in a force: naming the role names the person.
UNIQUE_ROLES: frozenset[str] = frozenset({
    "chief constable", "deputy chief constable", "assistant chief constable", "head of psd",
    "head of professional standards", "force firearms lead", "force mental health lead",
    "head of custody", "custody manager", "force control room manager", "head of control room",
    "force medical examiner", "chief superintendent", "head of training", "force taser lead",
    "force pursuit lead", "police dog trainer", "force negotiator coordinator",
})
SENIOR_RANKS: frozenset[str] = frozenset({
    "chief constable", "deputy chief constable", "assistant chief constable", "commander",
    "chief superintendent", "superintendent",
})
SMALL_PLACE_POPULATION = 50_000
SMALL_FORCE_OFFICERS = 2_000
SMALL_UNIT_HEADCOUNT = 5


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"


@dataclass(frozen=True)
class Involved:
    """Someone involved, as the published text would describe them."""

    rank: str | None = None
    role: str | None = None
    unit_headcount: int | None = None  # how many hold this rank and role in the force, if known


@dataclass(frozen=True)
class IncidentProfile:
    """What the release says, structurally, about an incident."""

    incident_type: str = ""
    place: str | None = None
    place_population: int | None = None
    exact_date: bool = False          # the published text gives a day, not just a month or season
    exact_time: bool = False
    force_officers: int | None = None
    involved: Sequence[Involved] = field(default_factory=tuple)
    subject_age: int | None = None
    media_coverage: bool = False


@dataclass(frozen=True)
class Flag:
    """A combination a reviewer must resolve or justify before release."""

    code: str
    severity: Severity
    reason: str


def _is_rare(incident_type: str) -> bool:
    low = incident_type.lower().strip()
    return any(rare in low for rare in RARE_INCIDENT_TYPES)


def _small_place(p: IncidentProfile) -> bool:
    return p.place is not None and (p.place_population is None or p.place_population < SMALL_PLACE_POPULATION)


def check(profile: IncidentProfile) -> list[Flag]:
    """Flags for the combinations in the profile that could identify a person or an incident."""
    flags: list[Flag] = []
    rare = _is_rare(profile.incident_type)
    small = _small_place(profile)
    if rare and small and profile.exact_date:
        flags.append(Flag("rare-event-small-place-exact-date", Severity.HIGH,
                          f"A {profile.incident_type} in a small place ({profile.place}) on an exact "
                          "date is likely to have been reported locally: generalise the date or place."))
    elif rare and profile.exact_date:
        flags.append(Flag("rare-event-exact-date", Severity.MEDIUM,
                          f"A {profile.incident_type} with an exact date can be matched to news "
                          "reports: give the year only (the publication gate refuses a month with its year)."))
    elif rare and small:
        flags.append(Flag("rare-event-small-place", Severity.MEDIUM,
                          f"A {profile.incident_type} in a small place ({profile.place}) may be "
                          "identifiable: describe the place more generally."))
    if rare and profile.media_coverage:
        flags.append(Flag("rare-event-media", Severity.HIGH,
                          "The incident was covered by the media: any detail that matches the "
                          "coverage identifies the people involved."))
    if profile.exact_time and profile.exact_date:
        flags.append(Flag("exact-date-and-time", Severity.MEDIUM,
                          "An exact date with an exact time pins the incident down: keep one at most, "
                          "generalised."))
    small_force = profile.force_officers is not None and profile.force_officers < SMALL_FORCE_OFFICERS
    for person in profile.involved:
        rank = (person.rank or "").lower().strip()
        role = (person.role or "").lower().strip()
        described = " ".join(x for x in (person.rank, person.role) if x)
        if rank in SENIOR_RANKS or role in UNIQUE_ROLES:
            flags.append(Flag("unique-rank-or-role", Severity.HIGH,
                              f"'{described}' is held by very few people in a force: with the force "
                              "known to readers it names the person."))
        elif person.unit_headcount is not None and person.unit_headcount <= SMALL_UNIT_HEADCOUNT:
            sev = Severity.HIGH if small_force else Severity.MEDIUM
            flags.append(Flag("small-unit-role", sev,
                              f"Only {person.unit_headcount} people hold '{described}' in the force: "
                              "describe the role more generally."))
        elif small_force and rank and role:
            flags.append(Flag("rank-and-role-small-force", Severity.MEDIUM,
                              f"In a small force, '{described}' together may point at one officer."))
    if profile.subject_age is not None and (profile.subject_age < 13 or profile.subject_age >= 90):
        flags.append(Flag("extreme-age", Severity.MEDIUM,
                          "A very young or very old person is rare in such incidents: use a broad band."))
    return flags


_EXACT_DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)


def check_text(text: str, profile: IncidentProfile | None = None) -> list[Flag]:
    """Flags for an anonymised text: an exact day left in, plus the profile's combinations."""
    flags = list(check(profile)) if profile else []
    if _EXACT_DAY.search(text):
        flags.append(Flag("exact-date-in-text", Severity.MEDIUM,
                          "The text still gives an exact day of the month."))
    return flags
