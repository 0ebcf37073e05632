"""The use-of-force CSV layout (Metropolitan Police Service open data) and the check of a file's header row."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# Column names exactly as the MPS publishes them, misspellings included ("Possesion").
INCIDENT_DATE = "IncidentDate"
INCIDENT_TIME = "IncidentTime"
BOROUGH = "Borough"
PRIMARY_CONDUCT = "PrimaryConduct"
ASSAULTED = "AssaultedBySubject"
MAIN_DUTY = "MainDuty"
SINGLE_CREWED = "SingleCrewed"
TRAINED_CED = "TrainedCED"
CARRYING_CED = "CarryingCED"
SUBJECT_AGE = "SubjectAge"
SUBJECT_GENDER = "SubjectGender"
SUBJECT_ETHNICITY = "SubjectEthnicity"
PHYSICAL_DISABILITY = "PhysicalDisability"
MENTAL_DISABILITY = "MentalDisability"
STAFF_INJURED = "StaffInjured"
STAFF_INJURY_LEVEL = "StaffInjuryLevel"
STAFF_MED_PROVIDED = "StaffMedProvided"
SUBJECT_INJURED = "SubjectInjured"
SUBJECT_INJURY = "SubjectNatureOfInjury"
SUBJECT_MED_OFFERED = "SubjectMedOffered"
SUBJECT_MED_PROVIDED = "SubjectMedProvided"
FIREARMS_AIMED = "Firearms Aimed"
FIREARMS_FIRED = "Firearms Fired"

LOCATION_COLUMNS: dict[str, str] = {
    "Incident Location: Street/Highway": "street",
    "Incident Location: Public Transport": "public_transport",
    "Incident Location: Retail Premises": "retail",
    "Incident Location: Open ground (e.g. park, car park, field)": "open_ground",
    "Incident Location: Licensed Premises": "licensed_premises",
    "Incident Location: Sports or Event Stadia": "stadium",
    "Incident Location: Hospital/A&E (non-mental-health setting)": "hospital",
    "Incident Location: Mental Health Setting": "mental_health_setting",
    "Incident Location: Police vehicle with prisoner handling cage": "police_vehicle_cage",
    "Incident Location: Police vehicle without prisoner handling cage": "police_vehicle",
    "Incident Location: Dwelling": "dwelling",
    "Incident Location: Police station (excluding custody block)": "police_station",
    "Incident Location: Custody Block": "custody_block",
    "Incident Location: Ambulance": "ambulance",
    "Incident Location: Other": "other",
}
IMPACT_FACTOR_COLUMNS: dict[str, str] = {
    "Impact Factor: Possesion of a weapon": "weapon",
    "Impact Factor: Alcohol": "alcohol",
    "Impact Factor: Drugs": "drugs",
    "Impact Factor: Mental Health": "mental_health",
    "Impact Factor: Prior Knowledge": "prior_knowledge",
    "Impact Factor: Size/Gender/Build": "size_gender_build",
    "Impact Factor: Acute Behavioural Disorder": "acute_behavioural_disorder",
    "Impact Factor: Crowd": "crowd",
    "Impact Factor: Other": "other",
}
REASON_COLUMNS: dict[str, str] = {
    "Reason for Force: Protect self": "protect_self",
    "Reason for Force: Protect Public": "protect_public",
    "Reason for Force: Protect Subject": "protect_subject",
    "Reason for Force: Protect Other Officers": "protect_officers",
    "Reason for Force: Prevent Offence": "prevent_offence",
    "Reason for Force: Secure Evidence": "secure_evidence",
    "Reason for Force: Effect Search": "effect_search",
    "Reason for Force: Effect Arrest": "effect_arrest",
    "Reason for Force: Method of Entry": "method_of_entry",
    "Reason for Force: Remove Handcuffs": "remove_handcuffs",
    "Reason for Force: Prevent Harm": "prevent_harm",
    "Reason for Force: Prevent Escape": "prevent_escape",
    "Reason for Force: Other": "other",
}
OUTCOME_COLUMNS: dict[str, str] = {
    "Outcome: Made off/escaped": "made_off",
    "Outcome: Arrested": "arrested",
    "Outcome: Hospitalised": "hospitalised",
    "Outcome: Detained - Mental Health Act": "detained_mha",
    "Outcome: Fatality": "fatality",
    "Outcome: Other": "other",
}

REQUIRED_COLUMNS: tuple[str, ...] = (
    INCIDENT_DATE,
    INCIDENT_TIME,
    *LOCATION_COLUMNS,
    BOROUGH,
    ASSAULTED,
    *IMPACT_FACTOR_COLUMNS,
    *REASON_COLUMNS,
    MAIN_DUTY,
    SINGLE_CREWED,
    TRAINED_CED,
    CARRYING_CED,
    "Tactic 1",
    "Effective 1",
    SUBJECT_AGE,
    SUBJECT_GENDER,
    SUBJECT_ETHNICITY,
    PHYSICAL_DISABILITY,
    MENTAL_DISABILITY,
    STAFF_INJURED,
    STAFF_INJURY_LEVEL,
    SUBJECT_INJURED,
    SUBJECT_INJURY,
    *OUTCOME_COLUMNS,
)
# Read when present. The per-device CED columns (CED Drawn … CED4 Back K) are optional because
# the Tactic N cells already carry each Taser level; the rest are known and need no warning.
OPTIONAL_COLUMNS: tuple[str, ...] = (
    PRIMARY_CONDUCT,
    "ThreatenedWithWeapon",
    "AssaultedWithWeapon",
    "StaffInjuryIntentional",
    STAFF_MED_PROVIDED,
    SUBJECT_MED_OFFERED,
    SUBJECT_MED_PROVIDED,
    FIREARMS_AIMED,
    FIREARMS_FIRED,
)

_PARENTHESES = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^0-9a-z]+")
TACTIC_SLOT = re.compile(r"^tactic(\d+)$")
EFFECTIVE_SLOT = re.compile(r"^(?:tactic)?effective(\d+)$")  # the MPS names slot 20 "Tactic Effective 20"
CED_COLUMN = re.compile(r"^ced\d*[a-z]")


def loose_key(text: str) -> str:
    """Text compared loosely: case, punctuation, spaces and (asides) do not matter ("Subject Age" = "SubjectAge")."""
    return _NON_WORD.sub("", _PARENTHESES.sub("", text).casefold())


def column_key(name: str) -> str:
    """The key a column is known by; "Tactic Effective 20" and "Possession" are taken as MPS spells them."""
    key = loose_key(name).replace("possession", "possesion")
    match = EFFECTIVE_SLOT.match(key)
    return f"effective{match.group(1)}" if match else key


# CED level columns for each of up to four devices; the MPS header really says "CED2 ArCED2".
CED_LEVEL_COLUMNS: dict[str, str] = {}
for _device in ("", "2", "3", "4"):
    for _suffix, _level in (
        ("Drawn", "drawn"),
        ("Aimed", "aimed"),
        ("Red-Dotted", "red_dotted"),
        ("Arced", "arced"),
        (f"ArCED{_device}", "arced"),
        ("Fired", "fired"),
        ("Drive Stun", "drive_stun"),
        ("Angle Drive Stun", "drive_stun"),
    ):
        CED_LEVEL_COLUMNS[column_key(f"CED{_device} {_suffix}")] = _level




class UofCsvError(ValueError):
    """A file that cannot be imported at all, with a message fit for the person importing it."""


class MissingColumnsError(UofCsvError):
    """The header lacks required columns; `missing` names them in layout order."""

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing = tuple(missing)
        plural = "s" if len(self.missing) != 1 else ""
        super().__init__(f"The file is missing {len(self.missing)} required column{plural}: {', '.join(self.missing)}.")


@dataclass(frozen=True, slots=True)
class UofHeader:
    """What the header row says: the columns, the Tactic/Effective slots, and what will be ignored."""

    columns: tuple[str, ...]
    tactic_slots: tuple[int, ...]
    unknown_columns: tuple[int, ...]  # 0-based positions of columns that are not in the layout
    positions: Mapping[str, int] = field(compare=False, repr=False)  # column_key -> position

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(
            f"Column {i + 1} ('{self.columns[i].strip()}') is not part of the use-of-force layout and was ignored."
            if self.columns[i].strip()
            else f"Column {i + 1} has no name and was ignored."
            for i in self.unknown_columns
        )


_REQUIRED = {column_key(name): name for name in REQUIRED_COLUMNS}
_OPTIONAL = {column_key(name): name for name in OPTIONAL_COLUMNS}


def check_header(fieldnames: Sequence[str]) -> UofHeader:
    """Check a header row; MissingColumnsError names the required columns that are absent."""
    positions: dict[str, int] = {}
    tactics: set[int] = set()
    effectives: set[int] = set()
    unknown: list[int] = []
    for index, name in enumerate(fieldnames):
        key = column_key(name)
        if not key:
            unknown.append(index)
            continue
        if key in positions:
            raise UofCsvError(
                f"Column '{fieldnames[positions[key]].strip()}' appears more than once "
                f"(columns {positions[key] + 1} and {index + 1})."
            )
        positions[key] = index
        if match := TACTIC_SLOT.match(key):
            tactics.add(int(match.group(1)))
        elif match := EFFECTIVE_SLOT.match(key):
            effectives.add(int(match.group(1)))
        elif key not in _REQUIRED and key not in _OPTIONAL and not CED_COLUMN.match(key):
            unknown.append(index)
    missing = [name for key, name in _REQUIRED.items() if key not in positions]
    missing += [f"Effective {n}" for n in sorted(tactics - effectives) if n != 1]
    missing += [f"Tactic {n}" for n in sorted(effectives - tactics) if n != 1]
    if missing:
        raise MissingColumnsError(missing)
    return UofHeader(tuple(fieldnames), tuple(sorted(tactics)), tuple(unknown), positions)
