"""Recall rules learnt from passages written by others (development sets 4 and 5): classes of identifier the
other layers let through, each found by its shape or its cue, never by a word of a development set."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import CAR_MAKES
from .keep import is_keep_word
from .lexicon import UK_PLACES, is_ordinary, is_policing_word

_BASE = PRIORITY["pattern"]

# "log 0087 of 22/06/2023", "412 OF 08/03/2024", "4471 of 04/02": a control-room log is numbered within its day,
# so the number and its date together are the reference (the date alone would leave the number).
_LOG_OF_DATE = re.compile(r"(?<![\w/.:-])\d{1,6}\s+(?i:of)\s+\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?(?![\w/])")
# "IR 24/77312", "CCN 2023/041187", "sort code 20-45-77", "IMEI 35-209900-176148-1": a number after the word that
# says it is a reference, whatever its separators.
_CUED_REFERENCE = re.compile(
    r"\b(?:(?i:ref(?:erence)?|crime\s+(?:no|number|ref)|incident(?:\s+no)?|occurrence|sort(?:\s+code)?|imei|"
    r"account(?:\s+no)?|acc(?:\s+no)?|serial(?:\s+no)?)|IR|CCN|URN|CRN|CAD|NFRC|OEL)"
    r"\.?(?:\s+(?i:no\.?|number|#))?\s*[:#-]?\s*"
    r"(?P<r>(?:[A-Z]{1,6}[\s-]?)?\d[\d/.-]*\d(?:[-/][A-Z0-9]+)*)(?![\w/])"
)


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype)


# "crime 25*00341*HU", "25*DP*07781": a crime number whose parts are joined by asterisks; "NWAS 241111-6621",
# "ICV 20250302-4612": a serial numbered within its day (yymmdd or yyyymmdd, a dash, the day's number).
_STARRED_OR_DATED = re.compile(r"(?<![\w*/.-])(?:\d{2}\*[A-Z0-9]{1,6}\*[A-Z0-9]{1,8}(?:\*[A-Z0-9]{1,8})?"
                               r"|(?:\d{2})?[0-3]\d[01]\d[0-3]\d-\d{3,5})(?![\w*/-])")


def _references(text: str) -> Iterator[Candidate]:
    for m in _STARRED_OR_DATED.finditer(text):
        yield _cand(*m.span(), Kind.REFERENCE, "cued", 3)
    if " of " in text or " OF " in text or " Of " in text:
        for m in _LOG_OF_DATE.finditer(text):
            yield _cand(*m.span(), Kind.REFERENCE, "log", 3)
    for m in _CUED_REFERENCE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group("r"))
        if digits >= 4 and not re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", m.group("r")):
            yield _cand(*m.span("r"), Kind.REFERENCE, "cued", 3)


# "Person 1", "(Subject 2)", "Officer A": a draft's own anonymised labels are no one and no age.
_LABEL_NUMBER = re.compile(r"\b(?:(?:Person|Subject|Officer|Witness|Individual|Participant|Child|Resident|Member)\s+\d{1,2}"
                           r"|(?:Victim|Suspect|Complainant|Casualty)\s+\d)\b"
                           r"(?!\s*(?i:years|yrs|y/?o|year-old)\b)")


def drop_label_numbers(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Candidates without the age a draft's label ("Person 1") would otherwise be read as."""
    if not any(w in text for w in ("Person", "Subject", "Officer", "Witness", "Individual", "Participant", "Child",
                                   "Resident", "Member", "Victim", "Suspect", "Complainant", "Casualty")):
        return cands
    labels = [m.span() for m in _LABEL_NUMBER.finditer(text)]
    if not labels:
        return cands
    return [c for c in cands if not (c.kind is Kind.AGE and any(s <= c.start and c.end <= e for s, e in labels))]


# Nouns that end a named premises or venue, and what the reader is told instead ("the Kebab Palace" -> "the
# venue", "Rugby railway station" -> "a railway station").
_PREMISES = {
    "palace": "venue", "cottage": "venue", "kitchen": "venue", "express": "shop", "bargains": "shop",
    "wines": "shop", "food & wine": "shop", "mini market": "shop", "minimarket": "shop", "butchers": "shop",
    "kebab house": "takeaway", "lounge": "bar", "spa": "salon",
    "suite": "suite", "custody suite": "custody suite", "serious crime suite": "custody suite",
    "building": "building", "hub": "community centre", "forum": "community group", "port": "port",
    "railway station": "railway station", "train station": "railway station", "stn": "station",
    "magistrates": "magistrates' court", "magistrates' court": "magistrates' court",
    "police station": "police station", "pic": "custody suite", "dgh": "hospital", "unit": "unit",
    "centre": "centre", "bar": "bar", "jewellers": "shop", "barn": "shop", "site": "site", "roundabout": "roundabout",
    "beach": "beach", "ltd": "business", "limited": "business", "plc": "business",
    "nightclub": "nightclub", "solicitors": "firm of solicitors", "chambers": "barristers' chambers",
    "shelter": "shelter", "children's home": "children's home", "crown court": "crown court",
    "warehouse": "warehouse", "church hall": "church hall",
}
# Nouns after which a possessive name is a person's, not a premises ("PC Jones's unit"), and only a name that is
# no ordinary word names the place ("the Broadoak unit", not "the Gangs Unit").
_NO_POSSESSIVE = frozenset("unit centre site suite".split())
# "kestrel logistics ltd", "(Smith & Sons Ltd)": a company is named by the words before its suffix, whatever they are.
_COMPANY = re.compile(r"(?<![\w'’])(?P<name>(?:[A-Za-z][\w'’-]*\s+(?:(?:&|and)\s+)?){1,3})(?:(?i:ltd|plc)|Limited|LIMITED)\b")
_PREMISES_RE = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _PREMISES), key=len, reverse=True))
# "outside the Kebab Palace", "Caernarfon custody suite", "the Hillview suite": a capitalised run and its noun.
_NAMED_PREMISES = re.compile(
    r"(?<![\w'’])(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:&|and|of|y|yr)\s+)?){1,4})(?P<noun>(?i:" + _PREMISES_RE + r"))"
    r"(?![\w'’])"
)
_GENERIC = frozenset("the a an this that our their his her its same nearest local main new old central city town "
                     "county police custody serious crime community neighbourhood railway train bus north south "
                     "east west royal general district".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•\-–—(]\s*|\d\s+)$")


def _premises(text: str) -> Iterator[Candidate]:
    for m in _NAMED_PREMISES.finditer(text):
        start = m.start("name")
        words = m.group("name").split()
        while words and words[0].lower() in ("the", "at", "to", "in", "from", "outside", "near", "a", "an"):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        named = [w for w in words if w[:1].isupper()]
        if not named or all(w.lower().strip("'’s") in _GENERIC or is_policing_word(w) or is_keep_word(w)
                            for w in named):
            continue
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        if m.group("noun").isupper() and len(m.group("noun")) <= 3 and noun not in ("pic", "dgh"):
            continue  # "DC Bar"? an acronym of a short noun is not that noun
        if noun in _NO_POSSESSIVE and re.search(r"['’]s?\s*$", m.group("name")):
            continue
        if noun in _NO_POSSESSIVE and all(is_ordinary(w) or is_ordinary(w.replace("-", "")) or (w.isupper() and len(w) <= 4)
                                          for w in named) \
                and not any(" ".join(words[i:]).rstrip() in UK_PLACES for i in range(len(words))):
            continue  # "the Gangs Unit", "GPS UNIT": a team or a device, not a named place
        for n in (2, 1):  # "Halifax Custody Suite": the longest noun the name's last words begin
            longer = " ".join([*(w.lower() for w in words[-n:]), noun])
            if len(words) > n and longer in _PREMISES:
                noun, words = longer, words[:-n]
                break
        if m.group("noun")[:1].islower() and is_keep_word(noun):
            continue  # "Omagh custody suite": the town goes (the town layer), the operational words stay
        known = any(" ".join(words[i:]).rstrip() in UK_PLACES for i in range(len(words)))
        plain = all(is_ordinary(w.strip("'’s")) for w in named)
        if m.group("noun")[:1].islower() and not known and plain:
            continue  # "the Outer cordon suite": lower-case noun after ordinary words only when a place names it
        if plain and len(named) == 1 and _SENTENCE_START.search(text, max(0, start - 4), start):
            continue  # "Building work began": one ordinary capitalised word opening a sentence
        yield _cand(start, m.end("noun"), Kind.PLACE, "premises:" + _PREMISES[noun.replace("’", "'")], 2)


# "found Mrs P. on the floor", "Mr K said": a person written as a title and an initial ("Mr X" is the usual no one).
_TITLE_INITIAL = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?P<i>[A-WYZ])\b(?!\.?\s*[A-Z][a-z])(?![\w'’-])")
# "referred to in the complaint as 'J'", "known as 'T'": a person written as a quoted initial.
_QUOTED_INITIAL = re.compile(r"\b(?i:as|called|named)\s+[‘'\"“](?P<i>[A-Z])\.?[’'\"”]")


def _companies(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if "ltd" not in low and "limited" not in low and "plc" not in low:
        return
    for m in _COMPANY.finditer(text):
        words = m.group("name").split()
        while words and (words[0].lower() in _GENERIC or is_policing_word(words[0])) and len(words) > 1:
            words = words[1:]
        if not words or all(w.lower() in _GENERIC for w in words):
            continue
        start = text.rindex(words[0], m.start(), m.end("name"))
        yield _cand(start, m.end(), Kind.PLACE, "premises:business", 2)


def _initials(text: str) -> Iterator[Candidate]:
    for m in _TITLE_INITIAL.finditer(text):
        yield Candidate(*m.span("i"), Kind.PERSON, "pattern", _BASE - 5, key=f"initial:{m.group('i')}")
    for m in _QUOTED_INITIAL.finditer(text):
        letter = m.group("i")
        yield Candidate(*m.span("i"), Kind.PERSON, "pattern", _BASE - 5, key=f"initial:{letter}")
        # the same letter standing alone later ("J's father") is the same person
        for later in re.finditer(r"(?<![\w.'’-])" + letter + r"(?=['’]s\b|\s+(?:was|is|said|told|had|did)\b)", text):
            if later.start() > m.end():
                yield Candidate(later.start(), later.end(), Kind.PERSON, "pattern", _BASE - 5, key=f"initial:{letter}")


# "41 Limavady Road, Waterside.", "Queslett Road, Great Barr, at 21.50": the district after a street and its comma.
_AFTER_STREET = re.compile(
    r"\b(?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive|Way|Crescent|Terrace|Gardens|Grove|Hill|Square|Row|Mews|"
    r"Parade|View|Walk|Place)\.?,\s+(?P<p>[A-Z][\w'’-]+(?:\s+(?:on|upon|in|le|under|by)\s+[A-Z][\w'’-]+|\s+[A-Z][\w'’-]+){0,2})"
    r"(?=\s*(?:[,.;:)\n]|$|[A-Z]{1,2}\d))"
)


# "reg ending KWO", "plate starting 7HG": the part of a plate a witness read; "romanian reg b 217 vfr": a foreign
# plate of any shape after the word that says it is one.
_PLATE_PART = re.compile(r"\b(?i:reg(?:istration)?|plate|index|vrm)(?:\s+(?i:number|no\.?))?\s+(?i:ending|ends|ended|starting|"
                         r"starts|started|beginning|begins)(?:\s+(?i:in|with))?\s+(?P<v>[A-Za-z0-9]{2,4})\b(?!['’])")
_PLATE_ANY = re.compile(r"\b(?i:reg(?:istration)?|plate|index|vrm|registered)(?:\s+(?i:number|no\.?))?\s*[:\-]?\s+"
                        r"(?P<v>[A-Za-z]{1,3}[ -]?\d{1,5}[ -]?[A-Za-z0-9]{1,4}|\d{1,4}[ -][A-Za-z]{1,4}[ -]\d{1,4})\b")


def _plates(text: str) -> Iterator[Candidate]:
    for m in _PLATE_PART.finditer(text):
        if m.group("v").lower() not in ("with", "the", "and", "was", "but", "from"):
            yield _cand(*m.span("v"), Kind.VRM, "partial", 1)
    for m in _PLATE_ANY.finditer(text):
        yield _cand(*m.span("v"), Kind.VRM, "any", 0)


def _districts(text: str) -> Iterator[Candidate]:
    for m in _AFTER_STREET.finditer(text):
        words = m.group("p").split()
        if all(is_policing_word(w) or is_keep_word(w) for w in words) or words[0] in ("Person", "Officer", "Subject"):
            continue
        yield _cand(*m.span("p"), Kind.PLACE, "premises:district", -8)


# "GETHIN PROSSER 23.", "CHOWDHURY ('RUBEL') 26,", "kyle mackay 15 +": a log's age straight after a name (or a dash).
_AGE_AFTER_NAME = re.compile(
    r"(?:\s*\((?:[‘'\"“][^'’\"”\n]{1,20}[’'\"”]|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\))?,?\s(?:[-–][ \t])?(?P<n>[1-9]\d?)"
    # "daniel moss 14 from kinmel bay", "MICHAEL BAKER 67 OF LUDLOW", "dean hamilton 14 4 dalgarven wynd", "Chantelle White
    # - 22)": also before where they live
    r"(?=\s*(?:[.,;:+)\n]|-\s|$)|(?P<w>[ \t]+(?:(?i:from|of|at)|\d{1,3}(?=[ \t]+[A-Za-z]))[ \t]))"
)
# "UNITS OSCAR 31 AT HOME": a call sign's word and number, not a name and an age.
_CALL_SIGN_WORDS = frozenset("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
                             "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu".split())


def ages_after_names(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """The chosen candidates and the age written straight after a person's name in a log."""
    out = list(chosen)
    taken = {(c.start, c.end) for c in chosen}
    starts = sorted(c.start for c in chosen)
    for c in chosen:
        if c.kind is not Kind.PERSON:
            continue
        m = _AGE_AFTER_NAME.match(text, c.end)
        if not m or (m.start("n"), m.end("n")) in taken or any(m.start("n") <= s < m.end("n") for s in starts):
            continue
        n = int(m.group("n"))
        if n < 10 or m.group("w") and text[c.start:c.end].split()[-1].lower() in _CALL_SIGN_WORDS:
            continue
        out.append(Candidate(*m.span("n"), Kind.AGE, "pattern", _BASE, subtype="apposition", value=str(n)))
    for c in chosen:
        # "Custody sergeant A/Sgt P. Holroyd 1904.": a ranked name's collar number written after it goes with it.
        if c.kind is not Kind.PERSON or not _RANK_BEFORE.search(text, max(0, c.start - 12), c.start):
            continue
        m = _COLLAR_AFTER_NAME.match(text, c.end)
        if m and not any(m.start("n") <= s < m.end("n") for s in starts):
            out.append(Candidate(m.start(), m.end("n"), Kind.COLLAR, "pattern", _BASE, subtype="paren"))
    return sorted(out, key=lambda c: c.start)


_RANK_BEFORE = re.compile(r"\b(?i:PC|PCSO|PS|Sgt|A/Sgt|DC|DS|Cst|Insp|Constable|Sergeant|Inspector)\.?\s+(?:[A-Z]\.\s*)?$")
# "PC Kate Rowe 2045 and PC Jack Fenwick 1873": also before the next officer.
_COLLAR_AFTER_NAME = re.compile(r"\s(?P<n>\d{3,5})\b(?=\s*(?:[.,;:)\n]|$)|[ \t]+(?:and|&)[ \t])")


_DAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# "18/08/2024 (Sunday)": the weekday in brackets after a date; "on Sunday (08/09/24)", "Fri (18/10/24)": before one.
_DAY_AFTER = re.compile(r"\s*\((?i:" + _DAY + r")\)")
_DAY_BEFORE = re.compile(r"(?:\b(?i:on)\s+)?\b(?i:" + _DAY + r")\s*\($")


def weekdays_with_dates(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """A weekday written beside a date narrows it: it goes with the date."""
    out: list[Candidate] = []
    for i, c in enumerate(chosen):
        if c.kind is Kind.DATE:
            after = _DAY_AFTER.match(text, c.end)
            nxt = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
            prev = out[-1].end if out else 0
            if after and after.end() <= nxt:
                c = replace(c, end=after.end())
            elif text[c.end:c.end + 1] == ")" and c.end + 1 <= nxt:
                before = _DAY_BEFORE.search(text, max(prev, c.start - 16), c.start)
                if before:
                    c = replace(c, start=before.start(), end=c.end + 1)
        out.append(c)
    return out


_Q = r"['‘\"“](?P<n>[^\W\d_][^'’\"”\n.!?]{0,23}?)['’\"”](?![\w])"
# "Winston Clarke ('Pops')": a quoted word in brackets straight after a name is that person's nickname.
_NICK_IN_BRACKETS = re.compile(r"\b[A-Z][\w'’-]+\s*\(\s*(?:(?i:aka|a\.k\.a\.?|known\s+as)\s+)?" + _Q)
# "(aka 'Hoss', 'Big H')", "known as 'Ardi', also called 'Shqiponja' - 'the Eagle'": every nickname of a list.
_NICK_LIST = re.compile(r"\b(?i:aka|a\.k\.a\.?|known\s+as|also\s+called|called|goes\s+by|nicknamed)\s+['‘\"“][^'’\"”\n]{1,25}['’\"”]"
                        r"(?:\s*(?:,|or|and|/|-|–)\s*(?:(?i:also\s+called|also\s+known\s+as|aka|or)\s+)?['‘\"“][^'’\"”\n]{1,25}['’\"”])+")
_QUOTED = re.compile(_Q)
# "POSS 'SONNY'", "recruited by 'Mr Big'", "he was with 'wee man'", "message from 'dezzy'": a short quoted name
# where a person stands.
_NICK_AFTER = re.compile(r"\b(?i:poss|possibly|maybe|probably|prob|with|by|from|and)\s+" + _Q)


def _nicknames(text: str) -> Iterator[Candidate]:
    if not any(q in text for q in "'‘\"“"):
        return
    for m in _NICK_IN_BRACKETS.finditer(text):
        if not is_ordinary(m.group().split()[0].strip("(")) and _nickname_like(m.group("n")):
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 2)
    for m in _NICK_LIST.finditer(text):
        for q in _QUOTED.finditer(m.group()):
            if _nickname_like(q.group("n")):
                yield Candidate(m.start() + q.start("n"), m.start() + q.end("n"), Kind.PERSON, "context",
                                PRIORITY["context"] + 2)
    for m in _NICK_AFTER.finditer(text):
        words = m.group("n").split()
        if _nickname_like(m.group("n")) and len(words) <= 2 and any(
                w[:1].isupper() or not is_ordinary(w) for w in words if w.lower() not in ("the", "a", "an")):
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"])


def _nickname_like(words: str) -> bool:
    """A short phrase that can be a name: not an operational term, not a sentence."""
    parts = words.split()
    if parts and parts[0].lower() in ("the", "a", "an") and not any(w[:1].isupper() for w in parts[1:]):
        return False  # "the truth", but "the Eagle"
    return 0 < len(parts) <= 3 and not is_keep_word(words) and not all(is_policing_word(w) for w in parts) \
        and not any(w.lower() in ("i", "you", "we", "is", "was", "are", "it", "not", "no", "yes") for w in parts)


# "the University of Sheffield", "ISLE OF LEWIS", "Vale of Glamorgan", "Bridge of Earn": a kind of place and its name
# after "of".
_KIND_OF = re.compile(r"\b(?:University|College|Cathedral|Priory|Abbey|Castle|Isle|Vale|Forest|Diocese|Port|Bay|Palace|Bridge|Kyle|"
                      r"Museum|Bank|Kingdom)\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# "in Savile Town", "Somers Town", "Ayr United": a district or a club named by the word before "Town"/"United".
_NAMED_TOWN = re.compile(r"\b(?P<name>[A-Z][\w'’-]+)\s+(?:Town|United)\b(?!\s+(?:Centre|Center|Hall|Council|Square|Kingdom|"
                         r"States|Nations|Police|FC\b))")


def _kinds_of_places(text: str) -> Iterator[Candidate]:
    if " of " in text or " OF " in text:
        for m in _KIND_OF.finditer(text):
            if not m.group().startswith(("Bank of England", "Kingdom of", "College of Policing", "Port of Entry")):
                yield _cand(*m.span(), Kind.PLACE, "venue", -1)
    for m in _NAMED_TOWN.finditer(text):
        name = m.group("name")
        if not is_ordinary(name) and not is_policing_word(name) and not _SENTENCE_START.search(
                text, max(0, m.start() - 4), m.start()) or name in UK_PLACES:
            club = m.group().endswith("United")
            yield _cand(m.start(), m.end(), Kind.PLACE, "premises:football club" if club else "premises:district", -1)


_MAKE_BEFORE = re.compile(
    r"\b(?P<cue>a|an|the|his|her|their|my|silver|black|white|grey|gray|blue|red|green|yellow|orange|gold|dark|light|"
    r"classic|old|new|stolen|hired|marked|unmarked|veh|vehicle|car|van)\s+(?:" +
    "|".join(sorted((re.escape(m) for m in CAR_MAKES), key=len, reverse=True)) + r")\s+$", re.IGNORECASE)


_NEXT_LOG_LINE = re.compile(r"\n\s*(?:\d{4}\b|\d{1,2}[:.]\d{2}\b)")


def drop_across_log_lines(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"PC 2273 MAY\n0232 LANGUAGE LINE": no date runs on into the next log line's time."""
    if "\n" not in text:
        return cands
    out = []
    for c in cands:
        nxt = _NEXT_LOG_LINE.search(text, c.start, c.end + 4) if c.kind in (Kind.DATE, Kind.DOB) else None
        if nxt and nxt.start() < c.end and not _DAY_NUMBER.search(text, c.start, nxt.start()):
            continue  # "2273 MAY\n0232": no day of the month before the line break, so no date at all
        out.append(c)
    return out


def no_span_across_lines(text: str, cands: list[Candidate]) -> list[Candidate]:
    """No identifier runs over a line break: "Ms Amara Osei\n\nAllegation 1" is a name and a heading, "ABOUT\n17:15" a
    word and the next log line's time. A name or place keeps the line it starts on ("Osei"); a date, time or address
    keeps the line that holds its figures ("Sat 27th Jan\n0104" the date, "FLAT\n1105" the number); a code across a
    break ("VIS\n1406") is no code at all, and each line's own parts are found on their own."""
    if "\n" not in text:
        return cands
    out = []
    for c in cands:
        if not text[text.find("\n", c.start, c.end):c.end].strip() or "\n" not in text[c.start:c.end]:
            out.append(c)
            continue
        pieces = [m for m in _LINE_PIECE.finditer(text, c.start, c.end)]
        if c.kind in (Kind.PERSON, Kind.PLACE) or (c.kind is Kind.ADDRESS and " " in pieces[0].group()):
            keep = pieces[0]
        elif c.kind in (Kind.DATE, Kind.DOB, Kind.TIME, Kind.ADDRESS):
            keep = next((p for p in pieces if any(ch.isdigit() for ch in p.group())), None)
        else:
            keep = None
        if keep is None:
            continue
        cut = replace(c, start=keep.start(), end=keep.end())
        year = c.value.split("-")[0] if c.kind in (Kind.DATE, Kind.DOB) else ""
        if year and year.lstrip("0") not in keep.group():
            cut = replace(cut, value=c.value[len(year):].lstrip("-"))  # the year was on the other line
        out.append(cut)
    return out


def whole_words(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A replacement never starts or ends inside a word: "McDonald's Festival Park" read as "Donald's Festival Park"
    became "Mca park". The span grows to the word's edges (resolved spans do not overlap, and a word is never shared
    by two of them, so growing keeps them apart)."""
    out: list[Candidate] = []
    for i, c in enumerate(chosen):
        start, end = c.start, c.end
        while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
        if out and start < out[-1].end:
            start = c.start  # the word is shared with the span before: leave this edge as it was
        if i + 1 < len(chosen) and end > chosen[i + 1].start:
            end = c.end
        out.append(c if (start, end) == (c.start, c.end) else replace(c, start=start, end=end))
    return out


def rank_outside_collar(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"by PC 6612 Lauren Wood" read "by [number] A": a collar number found with its rank keeps the rank outside."""
    out = []
    for i, c in enumerate(chosen):
        m = _RANK_LEAD.match(text, c.start, c.end) if c.kind is Kind.COLLAR else None
        if m and m.end() < c.end:
            c = replace(c, start=m.end())
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if c.kind is Kind.COLLAR and c.subtype != "with-name" and nxt is not None and nxt.kind is Kind.PERSON \
                and not text[c.end:nxt.start].strip() and "\n" not in text[c.end:nxt.start] \
                and _RANK_LEAD_END.search(text, max(0, c.start - 12), c.start):
            # "PC 4471 May", "DC 77 Hope Baker": the number and the name are one officer ("PC A", not "PC B A")
            c = replace(c, end=nxt.start, subtype="with-name")
        out.append(c)
    return out


# The short ranks written before a collar number, as written (a lower-case "dc" in a re-cased line is left to the
# rules that read such lines). Not `_RANKS` below, the prefixed-collar rule's own case-blind list.
_NUMBER_RANKS = r"(?:PCSO|PC|PS|DC|DS|DI|DCI|Sgt|SGT|Insp|INSP|Cst|CST|Const|Supt|Ch\.?\s?Insp)"
_RANK_LEAD = re.compile(_NUMBER_RANKS + r"\.?[ \t]+(?=\d)")
_RANK_LEAD_END = re.compile(r"(?<![\w/])" + _NUMBER_RANKS + r"\.?[ \t]+$", re.IGNORECASE)


_LINE_PIECE = re.compile(r"[^\s.,;:](?:[^\n]*[^\s.,;:])?")


_DAY_NUMBER = re.compile(r"(?<!\d)(?:[12]?\d|3[01])(?:st|nd|rd|th)?(?!\d)")


def drop_car_models(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"a silver Audi A3", "a silver Dacia Logan": the model after a vehicle's make is no road, place or name (a make
    after no vehicle word, "met Mercedes Garcia", may open a name)."""
    out = []
    for c in cands:
        if c.kind in (Kind.PLACE, Kind.PERSON) and c.layer not in ("deny", "propagated") \
                and len(text[c.start:c.end].split()) == 1 and _MAKE_BEFORE.search(text, max(0, c.start - 30), c.start):
            continue
        out.append(c)
    return out


# "two at home (ages 2 & 4)": children's ages listed; "Subject 2 (17)": a label and the age in brackets after it.
_AGES_LISTED = re.compile(r"\b(?i:ages|aged)\s+(?P<a>\d{1,2})\s*(?:,|&|and)\s*(?P<b>\d{1,2})\b(?!\s*(?i:years|yrs|months))")
_LABEL_AGE = re.compile(r"\b(?:Person|Subject|Child|Victim|Witness|Suspect|Officer)\s+[A-Z0-9]{1,2}\s*\((?P<n>\d{1,2})\)")


# "Kayleigh (now 14)", "HUSSAIN (JUVENILE - 15)": an age in brackets after the word that says it is one.
_CUED_AGE_IN_BRACKETS = re.compile(r"\((?i:now|age|aged|juvenile|juv|minor)\s*[-–:]?\s*(?P<n>\d{1,2})\s*\)")


def _ages(text: str) -> Iterator[Candidate]:
    if "(" in text:
        for m in _CUED_AGE_IN_BRACKETS.finditer(text):
            yield Candidate(*m.span("n"), Kind.AGE, "pattern", _BASE, subtype="paren", value=m.group("n"))
    for m in _AGES_LISTED.finditer(text):
        oldest = max(int(m.group("a")), int(m.group("b")))
        yield Candidate(m.start(), m.end("b"), Kind.AGE, "pattern", _BASE, subtype="aged", value=str(oldest))
    for m in _LABEL_AGE.finditer(text):
        yield Candidate(*m.span("n"), Kind.AGE, "pattern", _BASE, subtype="paren", value=m.group("n"))


_RANKS = r"(?i:PC|PCSO|PS|Sgt|A/Sgt|DC|DS|Cst|Con|Insp)"
# "PC CX 1204", "SGT MY 3310", "UNITS ne 1108 pc ross", "& sy 1876 pcso": a force's two-letter prefix and the number
# after it are one collar number, written beside the rank before or after it.
_PREFIXED_COLLAR = re.compile(r"\b(?:" + _RANKS + r"\.?\s+(?P<a>[A-Za-z]{2}\s?\d{3,5})|(?P<b>[A-Za-z]{2}\s?\d{3,5})\s+"
                              + _RANKS + r")\b(?![/\d])")
_NAME_NEXT = re.compile(r"\s+([A-Z][a-z'’-]+)")
_NOT_PREFIX = frozenset("at on in to by of is as an or no so up we he me it if be do go us am pm re ok".split())


def _prefixed_collars(text: str) -> Iterator[Candidate]:
    for m in _PREFIXED_COLLAR.finditer(text):
        group = "a" if m.group("a") else "b"
        if m.group(group)[:2].lower() not in _NOT_PREFIX:
            # "Sgt GW 1187 Rhiannon": the number goes with its space and the name layer labels her
            named = group == "a" and _NAME_NEXT.match(text, m.end(group))
            yield _cand(m.start(group), named.start(1) if named else m.end(group), Kind.COLLAR,
                        "with-name" if named else "rank" if group == "a" else "prefixed", 7)


def drop_in_prefixed_collars(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"Sgt GW 1187 Rhiannon Bowen": no address or place starts inside a prefixed collar number (the name after it
    is a person's)."""
    collars = [c for c in cands if c.kind is Kind.COLLAR and c.layer == "pattern" and text[c.start:c.start + 2].isalpha()]
    if not collars:
        return cands
    return [c for c in cands if c.kind not in (Kind.ADDRESS, Kind.PLACE)
            or not any(k.start <= c.start < k.end < c.end for k in collars)]


_WORD_BEFORE_HYPHEN = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’]*-$")
_WORD_AFTER_HYPHEN = re.compile(r"-[^\W\d_][\w'’]*(?![\w-])")


def whole_hyphenated_names(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """"Ofori-Atta": a name found as one half of a hyphenated word is the whole word ("Ofori-Person F" would leave half
    the name and read as a name itself)."""
    out = list(chosen)
    for i, c in enumerate(out):
        if c.kind is not Kind.PERSON or not (text[c.start - 1:c.start] == "-" or text[c.end:c.end + 1] == "-"):
            continue
        start, end = c.start, c.end
        before = _WORD_BEFORE_HYPHEN.search(text, max(0, start - 30), start)
        if before and (i == 0 or out[i - 1].end <= before.start()):
            start = before.start()
        after = _WORD_AFTER_HYPHEN.match(text, end)
        if after and (i + 1 == len(out) or out[i + 1].start >= after.end()):
            end = after.end()
        out[i] = replace(c, start=start, end=end)
    return out


# "No. 12: Mrs A ...", "Victim (no. 14)", "NEIGHBOURS NO 19", "outside number 27": a house named by its number alone.
_HOUSE_NUMBER = re.compile(r"(?:(?m:^)|\b(?i:at|of|outside|from|opposite|neighbours?)\s+|\(\s*)"
                           r"(?P<h>(?:No|NO|no)\.?\s+\d{1,3}[A-Za-z]?|(?i:number)\s+\d{1,3}[A-Za-z]?)"
                           r"(?=\s*[:).,;]|\s+(?i:opposite|next\s+door|across)\b|\s*$)")


def _house_numbers(text: str) -> Iterator[Candidate]:
    for m in _HOUSE_NUMBER.finditer(text):
        if m.start() == m.start("h") and not text[m.end("h"):m.end("h") + 6].lstrip().startswith((":", "opp", "Opp")):
            continue  # at a line's start only a list of houses: "No. 12: Mrs A", "No. 9 opposite"
        yield _cand(*m.span("h"), Kind.ADDRESS, "house", 1)


def find_recall(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from unseen passages."""
    return [*_references(text), *_premises(text), *_companies(text), *_initials(text), *_districts(text), *_plates(text),
            *_nicknames(text), *_kinds_of_places(text), *_ages(text),
            *_prefixed_collars(text), *_house_numbers(text)]
