"""Word lists the layers share: ranks, titles, role words, and capitalised words that are never names."""
from __future__ import annotations

import re

# Ranks as written in debriefs, longest first so regex alternation prefers "Chief Inspector" to "Inspector".
RANKS: tuple[str, ...] = (
    "Detective Chief Superintendent", "Detective Superintendent", "Detective Chief Inspector",
    "Detective Inspector", "Detective Sergeant", "Detective Constable", "Chief Superintendent",
    "Chief Inspector", "Chief Constable", "Deputy Chief Constable", "Assistant Chief Constable",
    "Superintendent", "Inspector", "Sergeant", "Police Constable", "Special Constable",
    "Trainee Detective Constable", "Acting Sergeant", "Acting Inspector", "Temporary Sergeant",
    "Temporary Inspector", "Constable", "Detective", "Officer",
    "Ch Supt", "Det Supt", "Supt", "Insp", "Sgt", "A/Sgt", "T/Sgt", "A/Insp", "T/Insp", "A/PS", "T/PS",
    "DCS", "DSU", "DCI", "DI", "DS", "DC", "TDC", "PCSO", "PC", "PS", "SC", "ACC", "DCC",
    # Scottish and Northern Irish usage, and more written short forms
    "Cst", "Con", "Const", "Det Sgt", "Det Con", "Det Insp", "Ch Insp", "DSgt", "D/Sgt", "D/Insp", "A/DS",
    "T/DS", "A/DI", "T/DI", "A/Supt", "T/Supt", "A/PC", "Sgt.", "Insp.", "Cst.",
)
PLURAL_RANKS: tuple[str, ...] = ("PCs", "DCs", "PCSOs", "Sergeants", "Constables", "Officers", "Sgts", "DSs")
TITLES: tuple[str, ...] = ("Mrs", "Mr", "Ms", "Miss", "Mx", "Dr", "Doctor", "Prof", "Professor", "Master")

# Normalised form used when a bare name needs its rank restored ("Okafor" -> "Sergeant D").
RANK_LABEL: dict[str, str] = {
    "sgt": "Sergeant", "ps": "PS", "a/sgt": "Sergeant", "t/sgt": "Sergeant", "a/ps": "PS",
    "t/ps": "PS", "acting sergeant": "Sergeant", "temporary sergeant": "Sergeant",
    "insp": "Inspector", "a/insp": "Inspector", "t/insp": "Inspector", "acting inspector": "Inspector",
    "temporary inspector": "Inspector", "supt": "Superintendent", "ch supt": "Chief Superintendent",
    "det supt": "Superintendent", "police constable": "PC", "constable": "PC",
    "detective constable": "DC", "trainee detective constable": "DC", "tdc": "DC",
    "detective sergeant": "DS", "detective inspector": "DI", "detective chief inspector": "DCI",
    "officer": "Officer", "detective": "DC",
}

# Police and control-room roles read naturally with a bare letter after them ("call handler A").
STAFF_ROLES: tuple[str, ...] = (
    "call handler", "call-handler", "call taker", "dispatcher", "radio operator", "controller",
    "force incident manager", "FIM", "duty inspector", "duty sergeant", "custody sergeant",
    "custody officer", "detention officer", "detention officers", "DDO", "tutor constable",
    "student officer", "probationer", "operator", "CCTV operator", "PSD investigator", "investigator",
    "officer", "colleague", "crewmate", "firearms commander", "tactical advisor", "negotiator",
    "dog handler",
)
# Other workers take a full label ("her community nurse, Ms C").
OTHER_ROLES: tuple[str, ...] = (
    "custody nurse", "healthcare professional", "HCP", "tutor", "paramedic", "nurse", "doctor",
    "force medical examiner", "mental health nurse", "AMHP", "approved mental health professional",
    "social worker", "support worker", "appropriate adult", "solicitor", "supervisor", "driver",
    "handler", "worker", "drugs worker", "outreach worker", "youth worker", "key worker",
    "community nurse", "midwife", "receptionist",
)
# Relations and public roles take a full label ("her brother Mr E"); gender where the word says it.
RELATIONS: dict[str, str | None] = {
    "brother": "m", "sister": "f", "mother": "f", "mum": "f", "father": "m", "dad": "m",
    "son": "m", "daughter": "f", "husband": "m", "wife": "f", "boyfriend": "m", "girlfriend": "f",
    "ex-partner": None, "ex-husband": "m", "ex-wife": "f", "ex-boyfriend": "m",
    "ex-girlfriend": "f", "partner": None, "stepfather": "m", "stepmother": "f", "stepson": "m",
    "stepdaughter": "f", "uncle": "m", "aunt": "f", "nephew": "m", "niece": "f", "cousin": None,
    "grandmother": "f", "grandfather": "m", "gran": "f", "nan": "f", "grandson": "m",
    "granddaughter": "f", "friend": None, "neighbour": None, "flatmate": None, "housemate": None,
    "landlord": None, "landlady": "f", "carer": None, "manager": None, "employer": None,
    "boss": None, "teacher": None, "victim": None, "suspect": None, "subject": None,
    "witness": None, "complainant": None, "caller": None, "informant": None, "patient": None,
    "detainee": None, "prisoner": None, "passenger": None, "pedestrian": None, "rider": None,
    "man": "m", "woman": "f", "boy": "m", "girl": "f", "lad": "m", "youth": None,
    "security guard": None, "doorman": "m", "door supervisor": None, "shopkeeper": None,
    "owner": None, "resident": None, "occupant": None, "child": None, "baby": None,
}

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Capitalised words that start sentences or name things but are never a person's name.
NOT_NAMES: frozenset[str] = frozenset(
    w.lower() for w in (
        "The A An And Or But If When Then After Before During While Whilst As At On In Of To For From "
        "By With Without Into Onto Upon Over Under About Around Across Through Towards Near Outside "
        "Inside He She They It We I You His Her Their Its Our My Your Him Them Us This That These "
        "Those There Here Who Whom Whose What Which Where Why How All Any Some No Not None Both "
        "Each Every Other Another Such One Two Three Four Five Six Seven Eight Nine Ten Later Earlier "
        "Initially Eventually Meanwhile However Although Because Since Until Once Also Only Just "
        "Shortly Soon Again Further Following Throughout Overall Yes Okay OK Please Thanks Sorry "
        "Police Officer Officers Constable Sergeant Inspector Superintendent Detective Custody Control "
        "Room Force Forces Team Unit Station Response Neighbourhood Roads Policing Firearms Dog Support "
        "Command Duty Acting Temporary Chief Deputy Assistant Special Staff Call Handler Dispatcher "
        "Controller Supervisor Tutor Student Probationer Paramedic Paramedics Nurse Doctor Ambulance "
        "Hospital Service Services Trust Council Court Crown Magistrates Home Office College Act Law "
        "Section Code Codes Guidance Policy Procedure Training National Regional Local County Borough "
        "City Town Village Street Road Lane Avenue North South East West Northern Southern Eastern "
        "Western Central Upper Lower Great Greater Little New Old Royal General District Safeguarding "
        "Mental Health Public Protection Professional Standards Department Independent Review Learning "
        "Lessons Debrief Summary Findings Recommendation Recommendations Outcome Action Actions Plan "
        "Chronology Background Incident Incidents Log Logs Note Notes Statement Statements Report Reports "
        "Subject Suspect Victim Witness Caller Person Persons Man Woman Male Female Boy Girl Child Children "
        "Mum Dad Mother Father Brother Sister Partner Neighbour Friend Family Relative Mr Mrs Ms Miss Dr "
        "Sir Madam Unknown Unit Vehicle Car Van Bike Taxi Bus Train Tram Emergency Urgent Immediate "
        "Priority Grade Risk Threat Harm Vulnerability Welfare Wellbeing Support Stop Search Arrest "
        "Arrested Detained Released Charged Bail Custody Cell Cells Block Suite Desk Booking Gold Silver "
        "Bronze Tactical Strategic Operational Commander Commanders Inspector's Sergeant's Officer's "
        "Body Worn Video Camera Cameras Radio Airwave Taser Baton Handcuffs Spray Shield Guard Restraint "
        "Prone Ground Limb Leg Kit First Aid CPR Defibrillator Decision Model Right Care Person Contact "
        "Management Manager Managers Senior Junior Lead Leads Inquest Coroner Investigation Misconduct "
        "Gross Meeting Hearing Practice Reflective Requirement Performance No Case Answer Case Cases "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Bank Holiday "
        "Today Yesterday Tomorrow Tonight Morning Afternoon Evening Night Midnight Noon Day Week Month Year "
        "English Welsh Scottish Irish British European Asian Black White Mixed Muslim Christian Jewish "
        "Hindu Sikh Polish Romanian Somali Pakistani Indian Bangladeshi Chinese Arabic Urdu Punjabi "
        "Dr. Mr. Mrs. Ms. PC DC PS DS DI DCI PCSO BWV CAD PNC ANPR IOPC PSD NHS RCA APP PACE MHA AMHP "
        "ABD ARV AFO TFC FIM CCTV DVPN DVPO MARAC DASH THRIVE NDM GP A&E ED ICU CT RTC RTI"
    ).split()
) | frozenset(m.lower() for m in MONTHS)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


RANK_RE = alternation(RANKS)
TITLE_RE = alternation(TITLES)
