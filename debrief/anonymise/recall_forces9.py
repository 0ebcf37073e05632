"""Recall rules for forces and other organisations that tell their area (learnt from development sets 8 and 9 and the
lead's decisions): named ambulance and fire services, councils, health boards and commissioners by their area, Welsh
force names, a force named by its area before a police word or in a log's heading, and local operation names (a
reference; national programmes stay). Each class is found by its shape or its cue, never by a word of a set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .forces import COUNTY_SHORT, FORCE_AREAS, TERRITORIAL
from .gazetteer import COUNTIES
from .keep import NATIONAL_OPERATIONS, is_keep_word
from .lexicon import UK_PLACE_LOWER, is_policing_word
from .phrases import finditer_at, keyword_trigger

_BASE = PRIORITY["pattern"]


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str = "") -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


# --- Services that tell their area (replaced like a force, as "the ambulance service" or "the fire service") ------

# "NWAS REF 2030211", "ambulance (EEAST ref NK-88210)", "nifrs informed", "GMFRS": the initials of an ambulance trust
# or a fire and rescue service, which name its area. "LAS", "YAS" and "SAS" are words too: they need an ambulance
# word on their line or a dispatch word after them.
_AMBULANCE_INITIALS = re.compile(r"(?<![\w&/-])(?i:nwas|nias|emas|secamb|eeast|wmas|swast|swasft|scas|neas|wast)"
                                 r"(?![\w&/-])")
_FIRE_INITIALS = re.compile(r"(?<![\w&/-])(?i:[a-z]{1,4}frs|lfb)(?![\w&/-])")
_SHORT_AMBULANCE = re.compile(r"(?<![\w&/-])(?:LAS|YAS|SAS|las|yas|sas)(?![\w&/-])")
_AMBULANCE_WORD = re.compile(r"(?i:ambulance|amb\b|paramedic|hems|crew|conveyed|a&e|cpr|casualty)")
_DISPATCH_AFTER = re.compile(r"[ \t]*[-–—:,]?[ \t]*(?i:ref\b|incident|en\s+route|on\s+scene|eta\b|informed|requested|"
                             r"request|called|attended|attending|paramedics?|crew|not\s+required|declined|stood\s+down|"
                             r"notified|tasked|dealing|advised|req\b|treated|first\s+responders?|took|conveyed)")
_SERVICE_NOUN = re.compile(r"(?i:ambulance\s+service(?:\s+(?:nhs\s+)?(?:foundation\s+)?trust)?|ambulance\s+trust|"
                           r"air\s+ambulance|fire\s+(?:and|&)\s+rescue(?:\s+service)?|fire\s+brigade|fire\s+service|"
                           r"fire\s+authority|(?:nhs|hsc|health)\s+(?:foundation\s+)?trust|health\s+board|"
                           r"(?:city|county|borough|district|metropolitan\s+borough|town|parish)?\s*council|"
                           r"pcc|opcc|police\s+and\s+crime\s+commissioner|constabulary|police(?:\s+service)?)(?![\w'’-])"
                           # "Welsh Ambulance", "MID AND WEST WALES FIRE": the service's noun alone, written as a name
                           r"|(?i:ambulance|fire)(?![\w'’-])(?![ \t]+(?i:service|station|crew|officer|brigade|"
                           r"and|&|engine|appliance|alarm|door|exit))")
_AREA_WORD = re.compile(r"(?P<w>[A-Z][\w'’-]*|&|(?i:and|of|the))[ \t]+$")
_LOWER_AREA_WORD = re.compile(r"(?P<w>[A-Za-z][\w'’-]*|&)[ \t]+$")  # a line the working text re-cased to lower case
# Words that tell an area without being a place on the list: compass points, nations and their adjectives.
_AREA_WORDS = frozenset("""north south east west mid central greater northern southern eastern western scottish welsh
irish english wales scotland england ireland isle wight man london midlands""".split())
_NOT_AREA = frozenset("the a an nhs local our their his her its this that and of &".split())


def _area_before(text: str, end: int, lower: bool = False) -> int | None:
    """Where the words naming an area end at `end` start ("West Midlands ", "KENT ", "South Wales "), or None."""
    word = _LOWER_AREA_WORD if lower else _AREA_WORD
    start, placed, words = end, False, 0
    while words < 5:
        m = word.search(text, max(0, start - 30), start)
        if not m:
            break
        w = m.group("w").lower()
        if w in ("and", "&", "of", "the"):
            if not placed or w == "the":
                break
            # "Avon and Somerset", "Isle of Wight": a joining word needs an area word before it as well
            inner = word.search(text, max(0, m.start() - 30), m.start())
            if not inner or not _is_area(inner.group("w")):
                break
            start = m.start()
            continue
        if not _is_area(m.group("w")):
            break
        start, placed, words = m.start(), True, words + 1
    return start if placed and start < end else None


def _is_area(word: str) -> bool:
    low = word.lower()
    return low not in _NOT_AREA and (low in _AREA_WORDS or low in UK_PLACE_LOWER or word.title() in COUNTIES
                                     or low in _FORCE_AREA_WORDS)


def _service_noun(matched: str) -> str:
    low = matched.lower()
    if "fire" in low:
        return "fire service"
    if "trust" in low or "board" in low:
        return "health trust"
    if "council" in low:
        return "council"
    if "commissioner" in low or "pcc" in low:
        return "police and crime commissioner"
    return "ambulance service"


_SERVICE_AT = keyword_trigger("ambulance air fire nhs hsc health city county borough district metropolitan town parish "
                              "council pcc opcc police constabulary".split())
_NHS_NATIONAL = frozenset("England Wales Scotland Digital Direct Trust Foundation Choices Inform Login App Test "
                          "Professionals Pathways Number Property Blood Resolution Education Business".split())
# "NHS Fife", "NHS Greater Glasgow and Clyde": a health board named by its area after "NHS".
_NHS_AREA = re.compile(r"\bNHS[ \t]+(?P<a>[A-Z][\w'’-]+(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’-]+){0,3})")



def _services(text: str) -> Iterator[Candidate]:
    for m in _AMBULANCE_INITIALS.finditer(text):
        yield _cand(*m.span(), Kind.FORCE, "premises:ambulance service", 4)
    for m in _FIRE_INITIALS.finditer(text):
        yield _cand(*m.span(), Kind.FORCE, "premises:fire service", 4)
    for m in _SHORT_AMBULANCE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[max(line_start, m.start() - 60):line_end if line_end >= 0 else len(text)][:140]
        if _AMBULANCE_WORD.search(line) or _DISPATCH_AFTER.match(text, m.end()):
            yield _cand(*m.span(), Kind.FORCE, "premises:ambulance service", 4)
    for m in finditer_at(_SERVICE_NOUN, _SERVICE_AT, text):
        noun = m.group().lower()
        lower = m.group().islower()
        start = _area_before(text, m.start(), lower)
        if start is None:
            continue
        area = text[start:m.start()].lower().split()
        if noun in ("ambulance", "fire") and (m.group().islower() or m.group()[1:].islower()) and not (
                m.group()[0].isupper() or set(area) & _AREA_WORDS and len(area) > 1):
            continue  # "a kent fire": a fire; "Welsh Ambulance", "mid and west wales fire": the service
        if noun.startswith(("police", "constabulary")):
            yield _cand(start, m.end(), Kind.FORCE, "", 5)  # "HAMPSHIRE & ISLE OF WIGHT CONSTABULARY"
        else:
            yield _cand(start, m.end(), Kind.FORCE, "premises:" + _service_noun(m.group()), 6)
    if "NHS" in text:
        for m in _NHS_AREA.finditer(text):
            words = m.group("a").split()
            if words[0] in _NHS_NATIONAL:
                continue  # "NHS England", "NHS Digital": a national body, no area
            if _is_area(words[0]) or _is_area(words[-1]):
                yield _cand(m.start(), m.end(), Kind.FORCE, "premises:health board", 6)



# "HEDDLU DYFED-POWYS POLICE", "Heddlu Gogledd Cymru": a Welsh force by its Welsh name (heddlu is police).
_HEDDLU = re.compile(r"\b(?i:heddlu)[ \t]+(?P<a>(?i:gogledd|de|dyfed[- ]powys|gwent)(?:[ \t]+(?i:cymru))?)"
                     r"(?:[ \t]+(?i:police))?(?![\w'’-])")

# "surrey log p24178221", "passed to burglary team (bucks lpa)", "CAD 4417 - MET - NORTH AREA BCU", "met informed":
# a force named by its area or short form where a police word follows it.
_AREAS = sorted({re.sub(r"\s+(?:Police Service|Constabulary|Police)$", "", f) for f in TERRITORIAL}
                | set(FORCE_AREAS) | {s for s in COUNTY_SHORT if " " not in s}
                | {"Bucks", "Beds", "Met", "Yorks", "Mids"}, key=len, reverse=True)
_FORCE_AREA_WORDS = frozenset(w.lower() for a in _AREAS for w in a.split())


_AREA_SET = frozenset(" ".join(a.lower().split()) for a in _AREAS)
_AREA_MAX_WORDS = max(len(a.split()) for a in _AREAS)
_WORDS_BEFORE = re.compile(r"(?<![A-Za-z&'’-])(?:[A-Za-z&'’-]+[ \t]+){0,4}[A-Za-z&'’-]+$")
# What follows a force named by its area: a police word, or a log heading's separator and its place.
_POLICE_WORD = re.compile(r"\b(?i:log|cad|lpa|bcu|control\s+room|storm|occ|informed|notified|units?|officers|colleagues|"
                          r"custody)\b")
_POLICE_WORD_AT = keyword_trigger("log cad lpa bcu control storm occ informed notified unit units officers colleagues "
                                  "custody".split())
_HEADING_SEP = re.compile(r"[ \t]+[-–—|][ \t]+\w")
_AFTER_COLLAR = re.compile(r"\d,[ \t]+(?P<f>[A-Za-z&'’ -]{3,40}?)[ \t]*[.;]?[ \t]*$", re.MULTILINE)


_AREA_LAST_WORDS = frozenset(a.split()[-1] for a in _AREA_SET)
_LAST_WORD = re.compile(r"[A-Za-z&'’-]+$")


_MET_AFTER = re.compile(r"\b(?i:with|to|from|via)[ \t]+(?:(?i:the)[ \t]+)?(?P<f>(?i:met))(?=[ \t]*[.,;:)]|[ \t]*$|[ \t]*\n)")


def _area_ending_at(text: str, end: int) -> int | None:
    """Start of the longest force area (from `_AREAS`) whose last word ends at `end`, or None."""
    last = _LAST_WORD.search(text, max(0, end - 20), end)
    if not last or last.group().lower() not in _AREA_LAST_WORDS:
        return None  # most anchors follow an ordinary word: one set lookup, no phrase search
    m = _WORDS_BEFORE.search(text, max(0, end - 60), end)
    if not m:
        return None
    words = list(re.finditer(r"[A-Za-z&'’-]+", m.group()))
    for n in range(min(len(words), _AREA_MAX_WORDS), 0, -1):
        phrase = " ".join(w.group().lower() for w in words[-n:])
        if phrase in _AREA_SET:
            return m.start() + words[-n].start()
    return None


def _forces(text: str) -> Iterator[Candidate]:
    if "eddlu" in text or "EDDLU" in text:
        yield from (_cand(*m.span(), Kind.FORCE, "", 6) for m in _HEDDLU.finditer(text))
    for word in finditer_at(_POLICE_WORD, _POLICE_WORD_AT, text):
        end = word.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        start = _area_ending_at(text, end) if end < word.start() else None
        if start is None:
            continue
        f = text[start:end]
        if f.lower() == "met" and not (f.isupper() or f == "Met" or text[max(0, start - 40):start].islower()):
            continue  # "I met informed sources"
        yield _cand(start, end, Kind.FORCE, "", 3)
    # "cad 3318 14/08 met - croydon": between a log heading's number (or separator) and its place
    for anchor in _HEADING_SEP.finditer(text):
        start = _area_ending_at(text, anchor.start())
        if start is not None and re.search(r"(?:\d|[-–—|/])[ \t]$", text[max(0, start - 2):start]):
            yield _cand(start, anchor.start(), Kind.FORCE, "", 3)
    # "liaison with met", "passed to the Met.": the Met after a word that hands something over, closing a clause
    if "met" in text.lower():
        yield from (_cand(*m.span("f"), Kind.FORCE, "", 3) for m in _MET_AFTER.finditer(text))
    # "collar no. MP 87341, Met.": after a collar number, closing the line
    if "," in text:
        for m in _AFTER_COLLAR.finditer(text):
            if " ".join(m.group("f").lower().split()) in _AREA_SET:
                yield _cand(*m.span("f"), Kind.FORCE, "", 3)


# --- Operation names ------------------------------------------------------------------------------------------------

# "Op Kestrel", "Operation LARKSPUR", "Linked to Op HAWTHORN": a local operation's name (the name only: "Op" stays).
# National programmes that identify nowhere stay as written.
_OPERATION = re.compile(r"\b(?:Op|OP|Operation|OPERATION)\.?[ \t]+(?P<n>[A-Z][A-Za-z'’-]+)(?![\w'’-])")
_NATIONAL = frozenset(n.lower() for n in NATIONAL_OPERATIONS)


def _operations(text: str) -> Iterator[Candidate]:
    if "op" not in text.lower():
        return
    for m in _OPERATION.finditer(text):
        name = m.group("n")
        if name.lower() in _NATIONAL or is_keep_word(name) or is_policing_word(name):
            continue
        # the candidate holds "Op" too, so a name layer's "Op Kestrel" does not outrun it; its replacement keeps "Op"
        yield _cand(m.start(), m.end("n"), Kind.REFERENCE, "operation", 6)


def find_area_organisations(text: str) -> list[Candidate]:
    """Forces, services and bodies named by their area, and local operation names."""
    return [*_services(text), *_forces(text), *_operations(text)]
