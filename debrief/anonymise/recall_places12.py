"""Recall rules for names and places learnt from development sets 12 and 14: a firm or a motorway services named by its
trade noun, a hospital by its initials, a name by the age or date of birth after it, a signature after its label, a
motorway in lower case; and, over resolved candidates, a place's prefix ("Great", "North"), the place a person is "of"
after their age, and a form's label read as a name. Each class is found by its shape or its cue, never by a word of a
set."""
from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .keep import is_keep_word
from .lexicon import FIRST_NAME_LIST, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .recall_places10 import CALENDAR, CLAUSE_WORDS, no_name, person_at, place_at
from .vocab import NOT_NAMES

# "corley services", "tebay services northbound", "dereham recovery", "trans-pol logistics", "Secure-Kent Door
# Supervision": a firm or a motorway services named by the word before its trade, a word no dictionary has (or a
# town's); "social services", "vehicle recovery", "public transport" are ordinary words before the trade.
# The trade is found first and the word before it read back: a scan for a word before every word cost far more.
_TRADE = re.compile(r"(?<=[A-Za-z'’][ \t])(?P<t>(?i:services|recovery|logistics|haulage|removals|scaffolding|roofing|"
                    r"coaches|door[ \t]+supervision|plant[ \t]+hire|skip[ \t]+hire))(?![\w'’-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<p>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*)[ \t]+$")
_MOTORWAY_SERVICES = frozenset(("services",))


def _trade_names(text: str) -> Iterator[Candidate]:
    for t in _TRADE.finditer(text):
        m = _WORD_BEFORE.search(text, max(0, t.start() - 30), t.start())
        if not m:
            continue
        word = m.group("p")
        low = word.lower()
        if no_name(word) or low in CLAUSE_WORDS or is_keep_word(word + " " + t.group("t")):
            continue
        if is_ordinary(word.replace("-", "")) and low not in UK_PLACE_LOWER:
            continue  # "trans-pol" is no word, though "trans" is
        if word.isupper() and len(word) <= 4 and low not in UK_PLACE_LOWER:
            continue  # "NHS services", "RSPCA": initials, the other layers' business
        trade = t.group("t").lower()
        noun = "motorway services" if trade in _MOTORWAY_SERVICES else "firm"
        yield Candidate(m.start(), t.end(), Kind.PLACE, "pattern", PRIORITY["pattern"] - 2, subtype="premises:" + noun)


# "Conveyed by us to LRI A&E", "Arrived at CIC A&E 16:38", "2040 At CIC. DP assessed, CT scan", "s136 at YGC": a
# hospital by its initials, before its department or after "at" or "to" where the text speaks of hospital care.
# One scan for runs of capitals; the words around each are read only where a run is found, and the text's words of
# care only around a run that might be a hospital's.
_CAPS_RUN = re.compile(r"(?<![\w&'’/-])[A-Z]{3,4}(?![\w&'’/-])")
_DEPT_AFTER = re.compile(r"[ \t]+(?:A&E|A[ \t]?and[ \t]?E|ED|MAU|AMU|resus|(?i:hospital|infirmary)\b)")
_AT_BEFORE = re.compile(r"(?<![\w'’-])(?P<at>(?i:at|to|in|from))[ \t]+$")
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-*•][ \t]*$")
_DASH_AFTER = re.compile(r"[ \t]+[-–—:]")
# "uploaded to DEMS", "Refer to CEOP", "CLOSED TO CIU": "to" names a hospital only after a word of moving someone.
_MOVED_BEFORE = re.compile(r"(?<![\w'’-])(?i:conveyed|conveying|convey|taken|took|transported|transporting|admitted|brought|"
                           r"driven|transferred|rushed|went|gone|go|going|arrived|en[ \t]+route|blue[ \t]+lighted)"
                           r"(?:[ \t]+[\w'’]+){0,3}?[ \t]+$")
_CARE_NEAR = re.compile(r"(?i:hospital|a&e|infirmary|ambulance|paramedic|hcp|s\.?136|medical|ward|scan|x-ray|"
                        r"treated|treatment|discharged|doctor|nurse|injur|wound|lacerat|patient|absconded|clinician|"
                        r"nhs|amb\b|yas|nwas|was\b|wmas|secamb|scas|emas|swast|las\b|neas|wast|sas\b|nias)")
_NOT_HOSPITAL = frozenset("""mau amu cdu sdec miu ucc icu hdu itu ae ed hq rvp pos ops ccu cau ctc dcs fcr ocl cad
pnd fpn tor nfa dob vrm anpr bwv""".split())


# "to ARI.", "• QEH – prisoner": three or four capitals ending in H (Hospital) or I (Infirmary) name a hospital
# wherever the text speaks of care; initials of offences, units and asides that end as hospitals' do are kept.
_NOT_HOSPITAL_HI = frozenset("abh gbh csi cri pri roi fyi dhi nmi dji ofi rtci sbi mhi hi".split())
# "HULL ROYAL", "Royal Gwent": a hospital by its town and "Royal".
_ROYAL = re.compile(r"(?<![\w'’-])(?P<p>(?:[A-Z][a-z'’]+|[A-Z]{3,}|[a-z]{3,})[ \t]+(?:Royal|ROYAL|royal)|(?:Royal|ROYAL)[ \t]+"
                    r"(?:[A-Z][a-z'’]+|[A-Z]{3,}))(?![\w'’-])")




def _care_near(text: str, start: int, end: int, before: int, after: int) -> bool:
    return _CARE_NEAR.search(text, max(0, start - before), min(len(text), end + after)) is not None


def _hospital_initials(text: str) -> Iterator[Candidate]:
    for m in _CAPS_RUN.finditer(text):
        word = m.group()
        low = word.lower()
        if is_policing_word(word) or is_keep_word(word) or low in _NOT_HOSPITAL:
            continue
        start, end = m.span()
        if _DEPT_AFTER.match(text, end):
            yield place_at(start, end, subtype="hospital", bump=-1)
            continue
        if low in NOT_NAMES or is_ordinary(word):
            continue
        at = _AT_BEFORE.search(text, max(0, start - 6), start)
        said = at.group("at").lower() if at else ""
        if said in ("at", "to") and _care_near(text, start, end, 160, 100) and (
                said == "at" or _MOVED_BEFORE.search(text, max(0, at.start() - 40), at.start())):
            yield place_at(start, end, subtype="hospital", bump=-2)
        elif word[-1] in "HI" and low not in _NOT_HOSPITAL_HI and (at or (
                _BULLET_BEFORE.search(text, max(0, start - 8), start) and _DASH_AFTER.match(text, end))) \
                and _care_near(text, start, end, 200, 120):
            yield place_at(start, end, subtype="hospital", bump=-2)


def _hospitals_by_shorthand(text: str) -> Iterator[Candidate]:
    if "oyal" not in text and "OYAL" not in text:  # a line of capitals re-cased reads "hull royal"
        return
    for m in _ROYAL.finditer(text):
        words = m.group("p").split()
        other = words[0] if words[1].lower() == "royal" else words[1]
        if no_name(other) or other.lower() in CLAUSE_WORDS or other.lower() in ("mail", "navy", "marines", "air",
                                                                                "family", "household", "society",
                                                                                "british", "legion", "mint", "assent"):
            continue
        if not (other.lower() in UK_PLACE_LOWER or not (is_ordinary(other) or other.islower())):
            continue  # "Princess Royal", "the Royal Mail": no town
        if _CARE_NEAR.search(text, max(0, m.start() - 200), min(len(text), m.end() + 120)):
            yield place_at(*m.span("p"), subtype="hospital", bump=-1)


# "Shanice Body, 15, from Efford", "Kacper LIS, DOB 27/07/1996", "jayden polglase 19 dob 02.05.06", "lily-rose akintola,
# dob 3rd may 2008": a first name and the word after it, followed by an age or a date of birth, are a full name,
# whatever the second word also means.
# The age or date of birth is found first and the two words before it read back.
_AGE_AFTER_NAME = re.compile(
    r"(?<=[A-Za-z'’]),?[ \t]+(?:\(?(?i:dob|d\.o\.b)\b|\(?(?i:aged[ \t]+)?\d{1,2}(?:[ \t]*(?i:yrs?|years?(?:[ \t]+old)?|yo|y/o))?\)?"
    r"(?=[ \t]*(?:[,;)\n]|\.(?!\d)|$|[ \t](?i:dob|of|from|who|was|is|lives|-|–)(?![\w'’-]))))")
_NAME_THEN_AGE = re.compile(
    r"(?<![\w'’-])(?P<f>[A-Za-z][a-z'’]+|[A-Z][A-Z'’]+)(?:-(?P<f2>[A-Za-z][a-z'’]+|[A-Z][A-Z'’]+))?[ \t]+"
    r"(?P<s>(?:Mc|MC|Mac|MAC|O['’])?[A-Za-z][A-Za-z'’]+(?:-[A-Za-z][A-Za-z'’]+)?)$")
_PLACE_NOUN = frozenset("""street st road rd lane ln avenue ave close drive way court crescent place gardens terrace grove
hill park view walk row square green house flats estate mews rise parade bank wood fields vale""".split())


def _same_shape(a: str, b: str) -> bool:
    if a.islower() or b.islower():
        return a.islower() and b.islower()
    if a.isupper():
        return b.isupper()
    return b[:1].isupper()


def _names_before_ages(text: str) -> Iterator[Candidate]:
    for a in _AGE_AFTER_NAME.finditer(text):
        m = _NAME_THEN_AGE.search(text, max(0, a.start() - 48), a.start())
        if not m:
            continue
        first, surname = m.group("f"), m.group("s")
        low_f, low_s = first.lower(), surname.lower()
        if low_f not in FIRST_NAME_LIST or no_name(first) or low_f in CLAUSE_WORDS:
            continue
        recased = first.islower() and surname[:1].isupper() and not surname.isupper()  # a lower line re-cased
        if not (_same_shape(first, surname) or recased) or no_name(surname, slot=True) or low_s in CALENDAR \
                or low_s in _PLACE_NOUN or len(low_s) < 2:
            continue
        if surname.islower() and is_ordinary(surname) and (low_s not in SURNAME_LIST or is_ordinary(first)):
            continue  # "cash recovered, 2 phones", "til gone 10": words of a sentence in lower case
        yield person_at(m.start("f"), m.end("s"), 3)


# "Officer's signature: H Buxton   05/01/26", "Signed: J. Rowe": the person who signs, after the label.
_SIGNED = re.compile(r"(?<![\w'’-])(?i:signature|signed|sgd)[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*[:\-–][ \t]*"
                     r"(?P<n>[A-Z]\.?[ \t]+(?:Mc|Mac|O['’])?[A-Z][A-Za-z'’-]+)")


def _signatures(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if "sign" not in low and "sgd" not in low:
        return
    for m in _SIGNED.finditer(text):
        surname = m.group("n").split()[-1]
        if no_name(surname) or surname.lower() in CLAUSE_WORDS:
            continue
        yield person_at(*m.span("n"), 4)


# "at corley services m6 northbound", "the services on the m6 corridor", "the A1(M)": a motorway written in lower
# case, by a word that says it is a road; and a motorway's "(M)".
_LOWER_MOTORWAY = re.compile(r"(?<![\w£$.'’/-])m\d{1,3}(?![\w/.'’-]|\.\d)")
_ROAD_CUE_BEFORE = re.compile(r"(?<![\w'’-])(?i:on|off|onto|along|via|join|joined|joining|exit|exited|services)"
                              r"(?:[ \t]+(?i:the))?[ \t]+$")
_ROAD_AFTER = re.compile(r"[ \t]+(?i:(?:north|south|east|west)[ \t]*bound|nb|sb|eb|wb|j\d+|junction|jct|corridor|motorway|"
                         r"services|slip|hard[ \t]+shoulder|toll|link|carriageway)(?![\w'’-])")


def _motorways(text: str) -> Iterator[Candidate]:
    for m in _LOWER_MOTORWAY.finditer(text):
        if _ROAD_AFTER.match(text, m.end()) or _ROAD_CUE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            yield place_at(*m.span(), subtype="main-road", bump=1)
    if "(M)" in text or "(m)" in text:
        for m in re.finditer(r"(?<![\w'’-])(?:[AM]\d{1,4}|[am]\d{1,4})\([mM]\)(?![\w'’-])", text):
            yield place_at(m.start(), m.end(), subtype="main-road", bump=2)


# "security, lee on 0117 952 2000", "friend kit 07456 201 773", "ask for Debs on 01632 960 111": a first name just before
# a phone number is the person the number reaches.
_PHONE_AFTER_WORD = re.compile(r"(?<=[A-Za-z'’][ \t])(?:\+44[ \t]?|0)\d{2,4}[ \t]?\d{3}[ \t]?\d{3,4}(?!\d)")
_NAME_BEFORE_PHONE = re.compile(r"(?<![\w'’-])(?P<n>[A-Za-z][a-z'’]+|[A-Z][A-Z'’]+)[ \t]+(?:(?i:on|tel|tel:|mob|mob:)[ \t]+)?$")


_PHONE_NOUNS = frozenset("""line number phone mobile tel landline hotline helpline ext extension office desk control
reception switchboard enquiries direct main call ring text""".split())


def _names_before_phones(text: str) -> Iterator[Candidate]:
    for p in _PHONE_AFTER_WORD.finditer(text):
        m = _NAME_BEFORE_PHONE.search(text, max(0, p.start() - 30), p.start())
        if not m:
            continue
        word = m.group("n")
        low = word.lower()
        if low not in FIRST_NAME_LIST or no_name(word, slot=True) or low in _PHONE_NOUNS:
            continue
        yield person_at(*m.span("n"), 1)


# "Custody Sgt: M. FRY 1556", "Cc: Jones D (NWP 2907)": an initial and a surname either way round, with a collar
# number after them, sign an officer.
_COLLAR_AFTER_NAME = re.compile(r"(?<=[A-Za-z.'’( \t])\d{3,5}\b")
_INITIAL_SURNAME_COLLAR = re.compile(
    r"(?<![\w'’-])(?P<n>[A-Z]\.?[ \t]+(?:Mc|MC|Mac|O['’])?[A-Z][A-Za-z'’-]+|(?:Mc|Mac|O['’])?[A-Z][a-z'’-]+[ \t]+[A-Z]\.?)"
    r"[ \t]+(?:\((?:[A-Z]{2,4}[ \t]+)?|(?i:pc|ps|dc|ds)[ \t]*)?$")


def _initials_with_collars(text: str) -> Iterator[Candidate]:
    for n in _COLLAR_AFTER_NAME.finditer(text):
        m = _INITIAL_SURNAME_COLLAR.search(text, max(0, n.start() - 40), n.start())
        if not m:
            continue
        words = m.group("n").replace(".", " ").split()
        surname = max(words, key=len)
        if len(surname) < 2 or no_name(surname, slot=True) or surname.lower() in CLAUSE_WORDS \
                or surname.lower() in ("pc", "ps", "dc", "ds", "sgt", "insp", "a", "i") \
                or (is_ordinary(surname) and surname.lower() not in SURNAME_LIST):
            continue  # "Criminal Person C Act 1988": a word and a year, after the anonymiser's own label
        yield person_at(*m.span("n"), 2)


# "14 MIDDLE STREET, DEAL (0211)", "Flat 3, Mount Pleasant, Tredegar": a town's name after a street address and its
# comma, though the town's name is also a word.
_TOWN_AFTER_STREET = re.compile(r",[ \t]*(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)(?=[ \t]*(?:[,.;)(\n]|$|[ \t][-–]))")
_STREET_AT_END = re.compile(r"(?<![A-Za-z])(?i:street|st|road|rd|lane|ln|avenue|ave|close|drive|dr|way|crescent|cres|terrace|tce|place|"
                            r"pl|grove|gardens|gdns|row|square|sq|court|ct|hill|mews|parade|walk|view|rise|wynd)\.?$")

# "1 MILE S OF TOW LAW", "two miles north of Alston": a place a distance and a direction from.
_DISTANCE_OF = re.compile(r"(?<![\w'’-])(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|half[ \t]+a)[ \t]*(?i:miles?|mi|km|"
                          r"kilometres?|yards?|metres?|m)[ \t]+(?i:north|south|east|west|n|s|e|w|ne|nw|se|sw|"
                          r"north[ \t-]?east|north[ \t-]?west|south[ \t-]?east|south[ \t-]?west)[ \t]+(?i:of)[ \t]+"
                          r"(?P<p>[A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,2}?)(?=[ \t]*(?:[.,;:)(\n]|$|///|[ \t](?i:on|in|at|and|near|by|towards)\b))")


def _distance_places(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if " of " not in low or not any(k in low for k in ("mile", "km", "kilomet", "yard", "metre", "m north", "m south",
                                                        "m east", "m west", "m n ", "m s ", "m e ", "m w ")):
        return
    for m in _DISTANCE_OF.finditer(text):
        words = m.group("p").split()
        if any(no_name(w, slot=True) or w.lower() in CLAUSE_WORDS for w in words) or is_policing_word(m.group("p")):
            continue
        yield place_at(*m.span("p"), bump=-1)


# "MUM'S PARTNER KEV ARRIVED", "FAMILY FRIEND GAZ ALSO OUT LOOKING": a short name after a relation or a role, in a line
# of capitals that re-casing left in capitals (no word it knows), with a vowel, as names have and most initials lack.
_CAPS_AFTER_WORD = re.compile(r"(?<=[A-Za-z][ \t])[A-Z][A-Z'’]{1,5}(?=[ \t]+[a-z]|[ \t]*[,.;:]|$)")
_ROLE_THEN_CAPS = re.compile(
    r"(?<![\w'’-])(?i:partner|boyfriend|girlfriend|friend|mum|mother|dad|father|brother|sister|son|daughter|cousin|uncle|"
    r"aunt|auntie|nan|nana|gran|grandad|neighbour|clinician|nurse|manager|carer|husband|wife|mate|colleague|supervisor|"
    r"stepdad|stepmum|landlord|landlady|flatmate|housemate)[ \t]+$")


def _short_names_after_roles(text: str) -> Iterator[Candidate]:
    for m in _CAPS_AFTER_WORD.finditer(text):
        if not _ROLE_THEN_CAPS.search(text, max(0, m.start() - 16), m.start()):
            continue
        word = m.group()
        if not re.search(r"[AEIOUY]", word) or is_policing_word(word) or is_keep_word(word) or no_name(word) \
                or word.lower() in CLAUSE_WORDS:
            continue
        yield person_at(*m.span(), 1)


def find_places_twelve(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development sets 12 and 14."""
    return [*_trade_names(text), *_hospital_initials(text), *_hospitals_by_shorthand(text), *_names_before_ages(text),
            *_signatures(text), *_motorways(text), *_names_before_phones(text), *_initials_with_collars(text),
            *_distance_places(text), *_short_names_after_roles(text)]


# "GREAT BADDOW", "great witchingham", "GREATER GLASGOW", "not New York", "Port Tennant", "ST THOMAS'": a word that opens
# many places' names, just before a place the layers found, is part of it; before a word the layers guessed was a
# name, one that opens only places' names ("Great", "Port", "St") says it was a place.
_PREFIX_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>(?i:great|greater|little|north|south|east|west|upper|lower|new|old|"
                            r"nether|long|high|isle[ \t]+of|isle|mid|st\.?|saint|port|mount|y))[ \t]+$")
_PLACE_ONLY_PREFIX = frozenset("great greater north south east west upper lower nether port mount st st. saint y".split())
_GUESSED_NAME = frozenset(("default", "ner", "gazetteer", "propagated"))


def _prefixed_places(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        if c.start > 1 and text[c.start - 1] in " \t" and text[c.start].isalpha() and (c.kind in (Kind.PLACE, Kind.ADDRESS) or (
                c.kind is Kind.PERSON and c.layer in _GUESSED_NAME and " " not in text[c.start:c.end])):
            m = _PREFIX_BEFORE.search(text, max(0, c.start - 12), c.start)
            word = m.group("w").split()[0] if m else ""
            if c.kind is Kind.PERSON and word.lower() not in _PLACE_ONLY_PREFIX:
                m = None  # "Little Jimmy", "old Tom": a name after all
            # "GREAT BADDOW" re-cased reads "great Baddow": a lower-case prefix may open a capitalised place
            if m and not (out and out[-1].end > m.start()) and (
                    (word.islower() and word in _PLACE_ONLY_PREFIX) or _same_shape(word, text[c.start:c.end].split()[0])):
                if c.kind is Kind.PERSON:
                    c = place_at(m.start(), c.end, bump=-1)
                else:
                    c = Candidate(m.start(), c.end, c.kind, c.layer, c.priority, subtype=c.subtype, key=c.key)
        out.append(c)
    return out


# "Shap summit", "luton airport", "Storey Arms", "Merchiston campus", "HUMBER BRIDGE VIEWPOINT", "bramham crossroads": the
# noun after a place the layers found that names the landmark or premises is part of its name; the replacement keeps
# the noun's meaning ("an airport", "a pub"). "custody" and "station" are left out: sets differ on whether they belong.
_LANDMARK_AFTER = re.compile(
    r"[ \t]+(?P<n>(?i:airport|campus|cathedral|abbey|priory|minster|chapel|church|churchyard|cemetery|crematorium|arms|inn|"
    r"tavern|library|museum|gallery|viewpoint|crossroads|roundabout|summit|circus|battery|beacons|halls|pier|marina|"
    r"harbour|quay|wharf|docks|beach|sands|lido|baths|pavilion|stadium|racecourse|reservoir|loch|waterfront|"
    r"interchange|services|foundation|trust|barracks|academy|leisure[ \t]+centre|retail[ \t]+park|shopping[ \t]+centre|"
    r"industrial[ \t]+estate|business[ \t]+park))(?![\w'’&-])")
_LANDMARK_NOUN = {"arms": "pub", "inn": "pub", "tavern": "pub", "services": "motorway services", "churchyard": "churchyard",
                  "halls": "hall of residence", "beacons": "hill", "sands": "beach", "baths": "pool", "lido": "pool",
                  "leisure centre": "leisure centre", "retail park": "retail park", "shopping centre": "shopping centre",
                  "industrial estate": "industrial estate", "business park": "business park", "docks": "dock",
                  "abbey": "church", "priory": "church", "minster": "church", "chapel": "church",
                  "cathedral": "church", "foundation": "charity", "trust": "charity"}


_NAMED_LANDMARK = frozenset("arms inn tavern airport campus library museum stadium services halls pier viewpoint "
                            "crossroads summit".split())


def _landmarks_after_places(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for i, c in enumerate(chosen):
        guessed = c.kind is Kind.PERSON and c.layer in _GUESSED_NAME and " " not in text[c.start:c.end]
        if (c.kind is Kind.PLACE and not c.subtype.startswith("premises:")) or guessed:
            m = _LANDMARK_AFTER.match(text, c.end)
            if guessed and not (m and m.group("n").lower() in _NAMED_LANDMARK and m.group("n")[:1].isupper()):
                out.append(c)
                continue  # "Storey Arms": a guessed name before the landmark's own noun was a place's
            nxt = chosen[i + 1] if i + 1 < len(chosen) else None
            if m and not (nxt is not None and nxt.start < m.end()) and _same_shape(
                    text[c.start:c.end].split()[-1], m.group("n").split()[0]) or (
                    m and m.group("n").islower() and not (nxt is not None and nxt.start < m.end())):
                noun = " ".join(m.group("n").lower().split())
                c = Candidate(c.start, m.end(), Kind.PLACE, c.layer, c.priority,
                              subtype="premises:" + _LANDMARK_NOUN.get(noun, noun), key=c.key)
        out.append(c)
    return out


# "MARGARET FOSTER 73 OF SOUTH SHORE", "Shanice Body, 15, from Efford": after a person and their age, "of" or "from" and
# the words up to the clause's end say where they live.
_OF_PLACE = re.compile(r",?[ \t]+\(?\d{1,3}(?:[ \t]*(?i:yrs?|years?|yo))?\)?,?[ \t]+(?i:of|from)[ \t]+"
                       r"(?P<p>[A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,2}?)(?=[ \t]*(?:[.,;:)\n]|$|[ \t](?i:and|who|with|was|is|has|had|reports?|rpts?|states?|informed)\b))")
_COMPASS = frozenset("north south east west central".split())
_NOT_OF_PLACE = frozenset("""no fixed abode nfa same address this that these the a an his her their unknown age
years old school work""".split())


def _places_of_people(text: str, chosen: list[Candidate]) -> list[Candidate]:
    extra: list[Candidate] = []
    for i, c in enumerate(chosen):
        if c.kind is not Kind.PERSON:
            continue
        m = _OF_PLACE.match(text, c.end)
        if not m:
            continue
        phrase = m.group("p")
        words = phrase.split()
        lows = [w.lower() for w in words]
        if any(o.start < m.end("p") and m.start("p") < o.end for o in chosen[i + 1:i + 4]):
            continue  # the place was found already (or something else is there)
        if any(w in _NOT_OF_PLACE or ((no_name(w) or w in CLAUSE_WORDS) and not (w in _COMPASS and len(words) > 1))
               for w in lows) or not all(_same_shape(words[0], w) for w in words):
            continue
        if words[0].islower() and len(words) == 1 and is_ordinary(words[0]):
            continue  # "Sam Hill, 15, from school": one word of the dictionary in lower case names no place
        extra.append(place_at(*m.span("p"), bump=-1))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


# "Witness: Niamh CASSIDY  Age: over 18", "Submitted by: PC A2231 Eilidh MacLeod   Date: 06/10/2025": a dictionary word
# heading a field (at a line's start or after a gap of spaces) and followed by its colon is the form's label, no name.
_LABEL_AFTER = re.compile(r"[ \t]*:(?P<v>[ \t]*\d)?")
_GAP_BEFORE = re.compile(r"\S(?:[ \t]{2,}|\t)$")
_GUESSED = frozenset(("default", "context", "ner", "gazetteer"))


def _form_labels(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out = []
    for c in chosen:
        if c.kind is Kind.PERSON and c.layer in _GUESSED:
            after = _LABEL_AFTER.match(text, c.end)
            word = text[c.start:c.end]
            if after and " " not in word and is_ordinary(word):
                line_start = c.start == 0 or text[c.start - 1] == "\n"
                if _GAP_BEFORE.search(text, max(0, c.start - 8), c.start) and not \
                        text[:c.start].rstrip(" \t").endswith(":"):
                    continue  # "Niamh CASSIDY  Age: over 18": a field after a gap
                if line_start and (after.group("v") or word.lower() not in FIRST_NAME_LIST):
                    continue  # "Date: 06/10/2025", "Source: member of public"; "Rose: I saw him" speaks
        out.append(c)
    return out


def _towns_after_streets(text: str, chosen: list[Candidate]) -> list[Candidate]:
    extra: list[Candidate] = []
    for i, c in enumerate(chosen):
        if c.kind not in (Kind.ADDRESS, Kind.PLACE) or not _STREET_AT_END.search(text, max(c.start, c.end - 9), c.end):
            continue
        m = _TOWN_AFTER_STREET.match(text, c.end)
        if not m or m.group("p").lower() not in UK_PLACE_LOWER or is_keep_word(m.group("p")):
            continue
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if nxt is not None and nxt.start < m.end("p"):
            continue
        extra.append(place_at(*m.span("p"), subtype="town", bump=-1))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


# "lily-rose akintola" ... "says lily had an argument", "Kelly-Ann Routledge" ... "Kelly said": the first half of a
# hyphenated first name, found again alone, is the same person (`resolve.propagate` finds a name again only whole).
_HYPHENED_FIRST = re.compile(r"(?P<a>[A-Za-z][a-z'’]+|[A-Z]+)-(?P<b>[A-Za-z][a-z'’]+|[A-Z]+)[ \t]+[A-Za-z]")


def _first_halves_again(text: str, chosen: list[Candidate]) -> list[Candidate]:
    halves: dict[str, str | None] = {}
    for c in chosen:
        if c.kind is Kind.PERSON:
            m = _HYPHENED_FIRST.match(text, c.start, c.end)
            if m and m.group("a").lower() in FIRST_NAME_LIST and m.group("b").lower() in FIRST_NAME_LIST \
                    and not no_name(m.group("a"), slot=True):
                halves.setdefault(m.group("a").lower(), c.key)
    if not halves:
        return chosen
    taken = [(c.start, c.end) for c in chosen]
    # The learned tagger may have found the half alone first, as someone new: it is the same person.
    guessed = {(c.start, c.end): i for i, c in enumerate(chosen) if c.kind is Kind.PERSON and c.layer == "tagger"}
    extra = []
    for m in re.finditer(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, halves)) + r")(?![\w-])", text, re.IGNORECASE):
        if (i := guessed.get(m.span())) is not None:
            chosen[i] = replace(chosen[i], key=halves[m.group().lower()])
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        extra.append(Candidate(m.start(), m.end(), Kind.PERSON, "propagated", PRIORITY["propagated"],
                               key=halves[m.group().lower()]))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


# "42 Donegall Pass", "12 filton ave", "0/2, 38 golspie st": the house number (and a Glasgow flat's position) just
# before a street the layers found is part of the address.
_NUMBER_BEFORE = re.compile(r"(?<![\w'’/.,:-])(?:\d{1,2}/\d{1,2},?[ \t]+)?\d{1,4}[A-Za-z]?,?[ \t]+$")
_FLAT_BEFORE = re.compile(r"(?<![\w'’/.,:-])\d{1,2}/\d{1,2},?[ \t]+$")


def _house_numbers(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        if c.kind in (Kind.ADDRESS, Kind.PLACE) and c.start > 0 and (
                text[c.start].isdigit() or _STREET_AT_END.search(text, max(c.start, c.end - 9), c.end)):
            m = (_FLAT_BEFORE if text[c.start].isdigit() else _NUMBER_BEFORE).search(text, max(0, c.start - 16), c.start)
            if m and not (out and out[-1].end > m.start()):
                c = Candidate(m.start(), c.end, Kind.ADDRESS, c.layer, c.priority, subtype="address", key=c.key)
        out.append(c)
    return out


def places_twelve_after(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The post-pass of this module: places' prefixes, the place a person is of, form labels that are no names."""
    chosen = _first_halves_again(text, _landmarks_after_places(text, _prefixed_places(text, chosen)))
    return _form_labels(text, _house_numbers(text, _towns_after_streets(text, _places_of_people(text, chosen))))
