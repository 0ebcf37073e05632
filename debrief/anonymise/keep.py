"""Operational words that carry the meaning of a case and must survive anonymisation, even capitalised."""
from __future__ import annotations

import re

from .phrases import PhraseMatcher, Tokens

KEEP_TERMS: tuple[str, ...] = (
    # Use of force and equipment
    "Taser", "Tasers", "Taser X2", "Taser 7", "Taser 10", "CED", "conducted energy device", "PAVA",
    "PAVA spray", "CS spray", "CS", "irritant spray", "incapacitant spray", "baton", "ASP",
    "handcuffs", "rigid handcuffs", "limb restraints", "leg restraints", "emergency response belt",
    "ERB", "spit and bite guard", "spit guard", "spit hood", "prone restraint", "ground restraint",
    "prone", "restraint", "red dot", "drive stun", "shield", "police dog", "Officer Safety Training",
    "OST", "personal safety training", "tactical communications", "unarmed skills",
    # Custody and detention
    "custody suite", "custody", "custody block", "custody sergeant", "Custody Sergeant",
    "custody officer", "detention officer", "custody nurse", "cell", "cell checks", "rousing",
    "rousing checks", "constant observation", "level 2 observations", "booking-in", "booking in",
    "risk assessment", "PACE", "PACE Code C", "Code C", "Code A", "custody record",
    "Police and Criminal Evidence Act", "appropriate adult", "healthcare professional",
    # Mental health and health partners
    "section 136", "section 135", "section 2", "section 3", "s136", "s.136", "s135", "S136",
    "Mental Health Act", "MHA", "place of safety", "health-based place of safety", "HBPOS",
    "Right Care Right Person", "RCRP", "AMHP", "approved mental health professional",
    "crisis team", "street triage", "mental health nurse", "ambulance", "Ambulance Service",
    "paramedic", "paramedics", "A&E", "emergency department", "ED", "NHS", "GP", "111",
    "acute behavioural disturbance", "Acute Behavioural Disturbance", "ABD", "excited delirium",
    "positional asphyxia", "first aid", "CPR", "defibrillator", "AED", "Naloxone",
    # Control room, calls and systems
    "control room", "Control Room", "Force Control Room", "call handler", "call handling",
    "dispatcher", "radio", "Airwave", "talk group", "THRIVE", "CAD", "Storm", "STORM",
    "Niche", "Athena", "Connect", "PNC", "PND", "ANPR", "999", "101", "Silent Solution",
    "55 procedure", "Force Incident Manager", "FIM", "grading", "grade 1", "grade 2",
    # Video, evidence and governance
    "body-worn video", "body worn video", "body-worn camera", "body worn camera", "BWV", "CCTV",
    "in-car video", "dashcam", "National Decision Model", "NDM", "APP",
    "Authorised Professional Practice", "College of Policing", "Home Office", "IOPC", "IPCC",
    "PSD", "Professional Standards Department", "Professional Standards", "NPCC",
    "National Police Chiefs' Council", "death or serious injury", "DSI", "post-incident procedure",
    "PIP", "Post Incident Manager", "reflective practice", "misconduct meeting",
    "gross misconduct", "management action", "no case to answer", "Unsatisfactory Performance",
    "Practice Requirement", "RCA", "root cause analysis", "After Action Review",
    # Roads, pursuits and firearms
    "pursuit", "TPAC", "tactical pursuit and containment", "stinger", "Stinger", "hard stop",
    "roads policing", "ARV", "armed response vehicle", "AFO", "authorised firearms officer",
    "Tactical Firearms Commander", "TFC", "firearms", "Bronze", "Silver", "Gold",
    "blue lights", "emergency response driving", "Road Traffic Act", "RTC",
    # Domestic abuse, safeguarding and law
    "domestic abuse", "DASH", "MARAC", "DVPN", "DVPO", "Clare's Law",
    "Domestic Violence Disclosure Scheme", "Sarah's Law", "coercive control", "non-fatal strangulation",
    "safeguarding", "MASH", "Multi-Agency Safeguarding Hub", "stop and search", "GOWISELY",
    "section 1 PACE", "section 18", "section 32", "section 17", "section 23", "Misuse of Drugs Act",
    "Public Order Act", "Human Rights Act", "Article 2", "Crown Court", "Magistrates' Court",
    "Magistrates Court", "Coroner", "inquest", "Crown Prosecution Service", "CPS",
    "Emergency Operations Centre", "ambulance service", "duty inspector", "Duty Inspector",
    "response officer", "neighbourhood team", "Custody Inspector", "Duty Officer",
    # Terms named after people or places that say what happened, not who
    "Herbert Protocol", "Stanley knife", "Mental Capacity Act", "Modern Slavery", "Use of Force",
    "Mental Health (Care and Treatment) (Scotland) Act", "Hiatt", "Hiatt speedcuffs", "speedcuffs",
    # Services and schemes named in findings: what was (not) done, not who
    "Samaritans", "Language Line", "Barred List", "Early Help", "handover", "Handover", "keyholder",
    "throwline", "NPAS", "Fire and Rescue Service",
    # Protocols, schemes and agencies named after people or bodies (what happened, not who)
    "Philomena Protocol", "Child Abduction Warning Notice", "Child Abduction Warning Notices", "CAWN",
    "Crimestoppers", "GLAA", "Gangmasters and Labour Abuse Authority", "SOCO", "Gangs Unit",
    "drink drive", "drink driving", "drink-drive", "drink-driving", "drug drive", "drug driving",
    # Offences named by where they happen, not by a place ("road rage" is no road)
    "road rage",
    # Named after a person, saying what was done: a threat-to-life warning (Osman v UK); an X-ray typed without its hyphen
    "Osman warning", "Osman warnings", "Osman letter", "Osman notice", "Osman consideration", "Osman threshold",
    "Osman duty", "Xray", "X-ray", "xray", "x-ray",
    # Council services every area has
    "Trading Standards", "Environmental Health", "Adult Social Care", "Children's Social Care", "Social Services",
    # National charities that name no area
    "Women's Aid", "Refuge", "Victim Support",
)



def _is_acronym_term(term: str) -> bool:
    # Short acronyms match only in capitals, so "Ed" the name is not taken for "ED" the department.
    return any(tok.isupper() and len(tok) <= 5 for tok in re.split(r"[\s/]+", term))


_MATCHER: PhraseMatcher[bool] = PhraseMatcher()
for _term in KEEP_TERMS:
    _MATCHER.add(_term, True, exact=_is_acronym_term(_term))
KEEP_WORDS: frozenset[str] = frozenset(t.lower() for t in KEEP_TERMS)
# National programmes that identify nowhere stay whole (a local operation's name is a reference: recall_struct9.py).
# Kept as phrases only: their words ("Hampshire") stay out of KEEP_WORDS, which the lexicon reads as policing words.
NATIONAL_OPERATIONS: tuple[str, ...] = ("Encompass", "Soteria", "Bluestone", "Hampshire", "Modify", "Uplift", "Makesafe",
                                        "Courage", "Sceptre")
for _name in NATIONAL_OPERATIONS:
    for _op in ("Operation", "Op"):
        _MATCHER.add(f"{_op} {_name}", True)


def keep_spans(text: str, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """Spans of operational terms in the text, which no name or place layer may replace."""
    return [(s, e) for s, e, _ in _MATCHER.find(text, tokens)]


def is_keep_word(word: str) -> bool:
    """Whether a word or phrase is an operational term."""
    return word.lower() in KEEP_WORDS
