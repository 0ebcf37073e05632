"""Recall rules for organisations that tell their area, learnt from development sets 9 to 13: ambulance services by
their short initials where only an ambulance fits, train and bus operators, health and social care partnerships and
councils by their initials, in Welsh or by their area, regional crime units, coastguard centres, fire services by
their initials or county, Northern Ireland's housing body, and a force's name whatever its case. Each class is found by
its shape or its cue, never by a word of a development set (structured identifiers: recall_struct10.py)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import COUNTIES
from .keep import is_keep_word
from .lexicon import UK_PLACE_LOWER, is_ordinary, is_policing_word
from .phrases import finditer_at, keyword_trigger

_BASE = PRIORITY["pattern"]


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str = "") -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


# --- Organisations that tell their area -----------------------------------------------------------------------------

# "taken to Northern General by YAS", "LAS pronounced at 14:10", "08:10 SAS O/S": an ambulance service's short initials
# where only an ambulance service fits.
_SHORT_AMBULANCE = re.compile(r"(?<![\w&/-])(?P<s>LAS|YAS|SAS|EMAS|las|yas|sas|ems)(?![\w&/-])")
_CONVEYED_BEFORE = re.compile(r"(?i:taken|conveyed|transported|treated|assessed|seen|checked|attended|pronounced|"
                              r"via|standby|requested|req)\b[^.\n]{0,60}$")
_AMBULANCE_AFTER = re.compile(r"[ \t]*(?:(?i:o/s|pronounced|on\s+standby|to\s+\w+|with\b|eta\b|arrive[sd]?|delayed|"
                              r"advise[sd]?|requested|req\b)|[.,;)])")
# Train and bus companies name the lines they run: the name alone, or with a rail word after it where it is an
# ordinary word too ("Southern train", "Northern rail staff").
_OPERATORS = re.compile(r"(?<![\w&/-])(?P<o>(?i:southeastern|south\s+eastern\s+railway|merseyrail|scotrail|thameslink|"
                        r"avanti(?:\s+west\s+coast)?|lner|gwr|crosscountry|cross\s+country\s+trains|transpennine(?:\s+express)?|"
                        r"c2c|lumo|govia|arriva\s+rail(?:\s+\w+)?|transport\s+for\s+wales|tfw|"
                        r"chiltern\s+railways|greater\s+anglia|great\s+western\s+railway|london\s+northwestern(?:\s+railway)?|"
                        r"caledonian\s+sleeper|hull\s+trains|grand\s+central|translink|"
                        r"go\s+(?:north\s+east|north\s+west|south\s+coast|ahead)|"
                        r"(?:west|east)\s+midlands\s+railway|south\s+western\s+railway)"
                        r"|(?P<w>Southern|SOUTHERN|Northern|NORTHERN|northern|southern|Great\s+Northern|GREAT\s+NORTHERN))"
                        r"(?![\w&/-])(?P<r>[ \t]+(?i:rail|railway|trains?|staff|guard|conductor|control|services|"
                        r"station\s+staff|revenue|ticket)\b)?")
_OPERATOR_AT = keyword_trigger("southeastern south merseyrail scotrail thameslink avanti lner gwr crosscountry cross "
                               "transpennine c2c lumo govia arriva transport tfw chiltern greater great "
                               "london caledonian hull grand translink go west east southern northern".split())
# "Glasgow HSCP", "D&G HSCP", "Blaenau Gwent CBC", "Sandwell MBC": an area's partnership or council by its initials.
_AREA_INITIALS = re.compile(r"(?P<a>(?:[A-Z][\w'’-]*|[A-Za-z]&[A-Za-z])(?:[ \t]+(?:[A-Z][\w'’-]*|and|&|of))*?)[ \t]+"
                            r"(?P<n>(?i:hscp|cbc|mbc|hsct))(?![\w&/-])")
# "CYNGOR SIR YNYS MON", "Cyngor Gwynedd": a council by its Welsh name (cyngor is council).
_CYNGOR = re.compile(r"\b(?i:cyngor)(?:[ \t]+(?i:sir|bwrdeistref(?:[ \t]+sirol)?|dinas|tref))?(?P<a>(?:[ \t]+(?!(?i:adult|social|"
                     r"care|children|housing|services|and|to|the|of|for|team|department|safeguarding|via|council)\b)"
                     r"[A-Za-z][\w'’-]*){1,3})")
# "East Midlands Special Operations Unit", "the Regional Organised Crime Unit (TARIAN)", "ERSOU informed": a regional
# crime unit by its area or its name.
_CRIME_UNIT = re.compile(r"(?<![\w&/-])(?:(?i:ersou|serocu|emsou|nersou|[a-z]{1,4}rocu)|TITAN|TARIAN|ZEPHYR|RECU)(?![\w&/-])")
# "VIA HM COASTGUARD HUMBER": the coastguard's operations centre by its area.
_COASTGUARD = re.compile(r"\b(?:(?i:hm)[ \t]+)?(?i:coastguard)[ \t]+(?P<a>[A-Za-z][\w'’-]+)(?![\w'’-])")
# "WMAS / H&W FIRE", "cdds fire aware": a fire service by its initials.
_FIRE_BY_INITIALS = re.compile(r"(?<![\w&/-])(?P<i>[A-Za-z]&[A-Za-z]|[A-Za-z]{3,5})[ \t]+(?i:fire)(?![\w'’-])"
                               r"(?=(?:[ \t]+(?:(?i:and|&)[ \t]+rescue))?[ \t]*(?:$|[.,;/)]|[ \t]+(?i:aware|informed|service|"
                               r"attended|attending|requested|req|o/s|on\s+scene|crew|crews|notified|en\s+route)\b))", re.MULTILINE)
# "Cumbria Fire and NWAS did great work": a county's fire service by its county and "Fire" alone.
_COUNTY_FIRE = re.compile(r"\b(?P<a>[A-Z][\w'’-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+)?)[ \t]+(?:Fire|FIRE)(?![\w'’-])"
                          r"(?![ \t]+(?i:station|engine|alarm|door|exit|crew|brigade|service|and[ \t]+rescue|&[ \t]+rescue))")
# "a Housing Executive house", "nihe informed": Northern Ireland's housing body.
_HOUSING_EXECUTIVE = re.compile(r"\b(?:(?i:northern[ \t]+ireland|ni)[ \t]+)?(?:Housing[ \t]+Executive|HOUSING[ \t]+EXECUTIVE|"
                                r"housing[ \t]+executive)\b|(?<![\w-])(?i:nihe)(?![\w-])")
# "Shetland Women's Aid", "Western Isles Council": a local body by its area.
_AREA_BODY = re.compile(r"(?i:women['’]?s[ \t]+aid|council)(?![\w'’-])")
# "Info shared with Met via NCLCC": the Met where a word hands something to it.
_MET_HANDED = re.compile(r"\b(?i:with|to|from|via|and)[ \t]+(?:(?i:the)[ \t]+)?(?P<f>Met|MET)(?=[ \t]+(?i:via|and|for|re|who|"
                         r"have|has|are|were|colleagues|officers|units|police|cctv|intel)\b)")
_UNIT_NOUN = re.compile(r"(?i:special[ \t]+operations[ \t]+unit|regional[ \t]+organised[ \t]+crime[ \t]+unit|rocu|"
                        r"organised[ \t]+crime[ \t]+unit|serious[ \t]+organised[ \t]+crime[ \t]+unit)(?![\w'’-])")
_UNIT_NOUN_AT = keyword_trigger("special regional rocu organised serious".split())
# "police scotland" in a lower-case log, "the PSNI/Garda liaison office": a force's name whatever its case or company.
FORCE_NAME = re.compile(r"\b(?i:police[ \t]+scotland|police[ \t]+service[ \t]+of[ \t]+(?:northern[ \t]+ireland|scotland))"
                         r"(?![\w'’-])|(?<![\w&-])(?:PSNI|Psni|psni)(?![\w&-])")
_AREA_WORDS = frozenset("""north south east west mid central greater northern southern eastern western scottish welsh
irish english wales scotland england ireland isle wight man london midlands yorkshire humber""".split())
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][\w'’-]*|&)[ \t]+$")


def _area_start(text: str, end: int) -> int | None:
    """Start of the one to three words before `end` that name a place or an area, or None."""
    start, words = end, 0
    while words < 3:
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if not m:
            break
        w = m.group("w")
        low = w.lower()
        if w in ("&", "and") and words:
            start = m.start()
            continue
        if not (low in _AREA_WORDS or low in UK_PLACE_LOWER or w.title() in COUNTIES or (w[:1].isupper() and not (
                is_policing_word(w) or is_keep_word(w) or low in ("the", "a", "an", "to", "from", "by", "via", "and",
                                                                   "our", "their", "his", "her", "with")))):
            break
        start, words = m.start(), words + 1
    return start if words and start < end else None


def find_area_bodies(text: str) -> Iterator[Candidate]:
    for m in _SHORT_AMBULANCE.finditer(text):
        if m.group("s") == "ems" and not re.search(r"(?i:ambulance|paramedic|via)\b[^\n]{0,40}$",
                                                    text[max(0, m.start() - 60):m.start()]):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 80):m.start()]
        at_line_head = not text[line_start:m.start()].strip(" \t0123456789:") and text[line_start:m.start()].strip()
        if _CONVEYED_BEFORE.search(before) or (at_line_head and _AMBULANCE_AFTER.match(text, m.end())) \
                or re.match(r"[ \t]+(?i:pronounced|o/s|conveyed|took|attended)\b", text[m.end():m.end() + 14]):
            yield _cand(*m.span(), Kind.FORCE, "premises:ambulance service", 5)
    for m in finditer_at(_OPERATORS, _OPERATOR_AT, text):
        if m.group("w") and not m.group("r"):
            # "Southern" alone is a word; "CCTV requested from Southeastern" names the company
            continue
        rail = m.group("r") and m.group("r").strip().lower() in ("rail", "railway", "train", "trains")
        yield _cand(m.start("o"), m.end("r") if rail else m.end("o"), Kind.FORCE, "premises:transport company", 5)
    for m in _AREA_INITIALS.finditer(text):
        words = m.group("a").split()
        start = m.start("a") + len(m.group("a")) - len(" ".join(words[-3:])) if len(words) > 3 else m.start("a")
        if words and not is_policing_word(words[-1]):
            yield _cand(start, m.end(), Kind.FORCE, "premises:council" if m.group("n").upper().endswith("BC") else
                        "premises:health and care partnership", 5)
    if "yngor" in text or "YNGOR" in text:
        for m in _CYNGOR.finditer(text):
            yield _cand(m.start(), m.end(), Kind.FORCE, "premises:council", 6)
    for m in _CRIME_UNIT.finditer(text):
        if m.group() in ("TITAN", "TARIAN", "ZEPHYR") and not re.search(
                r"(?i:rocu|crime\s+unit|organised|regional)", text[max(0, m.start() - 80):m.end() + 40]):
            continue
        yield _cand(*m.span(), Kind.FORCE, "premises:regional crime unit", 5)
    for m in finditer_at(_UNIT_NOUN, _UNIT_NOUN_AT, text):
        start = _area_start(text, m.start())
        if start is not None:
            yield _cand(start, m.end(), Kind.FORCE, "premises:regional crime unit", 6)
    for m in FORCE_NAME.finditer(text):
        yield _cand(*m.span(), Kind.FORCE, "", 5)
    if "oastguard" in text or "OASTGUARD" in text:
        for m in _COASTGUARD.finditer(text):
            area = m.group("a")
            if area.lower() in UK_PLACE_LOWER or area.lower() in _AREA_WORDS or (
                    area[:1].isupper() and not is_ordinary(area) and not is_policing_word(area)):
                # "HM Coastguard Humber" is the centre's name; "via coastguard Falmouth" keeps the service's word
                start = m.start() if m.group().lower().startswith("hm") else m.start("a")
                yield _cand(start, m.end(), Kind.FORCE if start == m.start() else Kind.PLACE,
                            "premises:coastguard" if start == m.start() else "", 5)
    if "ire" in text or "IRE" in text:
        for m in _FIRE_BY_INITIALS.finditer(text):
            i = m.group("i")
            if "&" in i or not (is_ordinary(i) or is_policing_word(i) or i.lower() in UK_PLACE_LOWER):
                yield _cand(m.start(), m.end(), Kind.FORCE, "premises:fire service", 5)
    if "ire" in text or "IRE" in text:
        for m in _COUNTY_FIRE.finditer(text):
            words = m.group("a").replace("&", " ").split()
            if all(w.lower() == "and" or w.title() in COUNTIES or w.lower() in UK_PLACE_LOWER for w in words):
                yield _cand(*m.span(), Kind.FORCE, "premises:fire service", 5)
    if "ousing" in text or "OUSING" in text or "nihe" in text.lower():
        for m in _HOUSING_EXECUTIVE.finditer(text):
            yield _cand(*m.span(), Kind.FORCE, "premises:housing authority", 5)
    for m in _AREA_BODY.finditer(text):
        start = _area_start(text, m.start())
        if start is not None and any(w.lower() in _AREA_WORDS or w.lower() in UK_PLACE_LOWER or w.title() in COUNTIES
                                     for w in text[start:m.start()].split()):
            yield _cand(start, m.end(), Kind.FORCE, "premises:" + ("council" if m.group().lower() == "council"
                                                                   else "support service"), 4)
    if "Met" in text or "MET" in text:
        for m in _MET_HANDED.finditer(text):
            yield _cand(*m.span("f"), Kind.FORCE, "", 4)
