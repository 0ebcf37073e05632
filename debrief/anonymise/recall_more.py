"""More recall rules learnt from passages written by others (development set 7 on): collar numbers with a force code,
nicknames given after a naming cue, towns that are also ordinary words where an address or a log heading puts them,
pubs, hospitals by their initials, Welsh names joined by "y", officers by rank and initial (dates, ages, plates and
numbers: recall_numbers.py). Each class is found by its shape or its cue, never by a word of a set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import COUNTIES
from .keep import is_keep_word
from .lexicon import FIRST_NAME_LIST, NAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .phrases import finditer_at, keyword_trigger
from .recall_eight import find_eight_recall
from .recall_numbers import find_number_recall
from .recall_places9 import find_places_nine
from .recall_places11 import find_places_eleven
from .recall_places12 import find_places_twelve
from .recall_struct9 import find_struct9_recall
from .recall_struct10 import find_struct10_recall
from .recall_struct12 import find_struct12_recall
from .vocab import NOT_NAMES

_BASE = PRIORITY["pattern"]
_RANKS = r"(?i:PC|PCSO|PS|Sgt|A/Sgt|DC|DS|Cst|Con|Insp|Ch\s*Insp|Constable|Sergeant|Inspector|Supt|Ch\s*Supt|DCI|DI|DSU)"
# Where a pattern opening with `_RANKS` can start (for `finditer_at`: the same matches, tried only there).
_RANK_AT = keyword_trigger("pc ps sgt a/sgt dc ds cst con insp ch sergeant inspector supt dci di dsu".split())


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str | None = None) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


# "pc 4021 dp lewis", "PC 2987 AS FENWICK-ODUYA": a force's two letters after the number, then the officer's name.
_COLLAR_CODE_NAME = re.compile(r"\b" + _RANKS + r"\.?\s+(?P<n>\d{3,5})\s(?P<c>[A-Za-z]{2})\s+(?P<name>[A-Z][\w'’-]+)")
# "(PC Ruaridh MacIllFhinnein, 8834 PS)", "I am PC Iestyn Brace, GP 1436.": a ranked name, a comma and the number with
# its force code before or after it.
_NAME_COMMA_COLLAR = re.compile(r"\b" + _RANKS + r"\.?\s+(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+,\s*"
                                r"(?P<k>[A-Z]{2}\s?\d{3,5}|\d{3,5}\s?[A-Z]{2})(?=\s*[.,;:)\n]|\s*$)")
# Units and the short words a number is followed by ("DC 2241 at Bakewell"): no force code.
_NOT_CODES = frozenset("am pm hr km kg mg ml at on in to by of is or no".split())


def _collar_codes(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_COLLAR_CODE_NAME, _RANK_AT, text):
        name = m.group("name")
        if m.group("c").lower() in _NOT_CODES or name.lower() in NOT_NAMES \
                or (is_ordinary(name) and name.lower() not in FIRST_NAME_LIST) \
                or is_keep_word(name) or is_policing_word(name):
            continue
        # the number and its code go with their spaces; the name layer labels the officer
        yield _cand(m.start("n"), m.start("name"), Kind.COLLAR, "with-name", 8)
    if "," in text:
        for m in finditer_at(_NAME_COMMA_COLLAR, _RANK_AT, text):
            letters = "".join(ch for ch in m.group("k") if ch.isalpha()).lower()
            if letters not in _NOT_CODES:
                yield _cand(*m.span("k"), Kind.COLLAR, "cue", 8)


_QUOTE_OPEN, _QUOTE_CLOSE = "['‘\"“]", "['’\"”]"
# "known as 'tank'", "known only as \"snowy\"", "KNOWN TO STAFF AS \"SKINNY LEE\"", "refers to self as \"the bear\"",
# "id'd by pcso as \"monkey\"", "one of them called 'tank'": a quoted name after the words that give it.
_NICK_CUE = re.compile(
    r"\b(?i:(?:known|refers\s+to\s+(?:him|her|them)?self|calls\s+(?:him|her|them)self|id['’]?d|identified|named|names|"
    r"(?<=and\s)another)"
    r"(?:\s+[\w'’]+){0,3}?\s+as|called|nicknamed|goes\s+by)\s+" + _QUOTE_OPEN
    + r"(?P<n>[^\W\d_][^'’\"”\n.!?,]{0,20}?)" + _QUOTE_CLOSE + r"(?!\w)")
_NICK_AT = keyword_trigger("known refers calls id identified named names another called nicknamed goes".split())
_NOT_NICK = frozenset("i you we he she it is was are not no yes me him her them this that what police officer".split())
_ARTICLE_BEFORE = re.compile(r"\b(?i:the|a|an|his|her|their|my|your|our|its|fuel|fish|septic|water|think|army)\s+$")


def _nicknames(text: str) -> Iterator[Candidate]:
    if not any(q in text for q in "'‘\"“"):
        return
    for m in finditer_at(_NICK_CUE, _NICK_AT, text):
        nick = m.group("n").strip()
        words = nick.split()
        if not words or len(words) > 3 or any(w.lower() in _NOT_NICK for w in words) or is_keep_word(nick) \
                or all(is_policing_word(w) for w in words):
            continue
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 3, key="nick:" + nick.lower())
        # the nickname used again later, quoted or bare ("tank described as", "LEE IS WEARING"), is the same person
        heads = [nick]
        last = words[-1]
        if len(words) > 1 and not is_ordinary(last) and words[0].lower() not in ("the", "a", "an"):
            heads.append(last)  # "SKINNY LEE" ... "LEE"
        for head in heads:
            for later in re.finditer(r"(?<![\w'’-])" + re.escape(head) + r"(?![\w'’-])", text, re.IGNORECASE):
                if later.start() <= m.end("n"):
                    continue
                if words[0].lower() not in ("the", "a", "an") and _ARTICLE_BEFORE.search(
                        text, max(0, later.start() - 8), later.start()):
                    continue  # "the tank", "his monkey": the ordinary word, not the person
                yield Candidate(later.start(), later.end(), Kind.PERSON, "context", PRIORITY["context"] + 1,
                                key="nick:" + nick.lower())


_STREET_WORDS = (r"road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|cres|terrace|tce|gardens|gdns|"
                 r"grove|hill|square|sq|row|mews|parade|view|walk|place|pl|court|ct|green|rise")
_POSTCODE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}(?![\w])"
_COUNTY_ALT = "|".join(sorted((re.escape(c).replace(r"\ ", r"\s+") for c in COUNTIES if len(c) > 3), key=len, reverse=True))
# "41 Elm Road, March PE15 8NW", "station road march", "HIGH ST, WELLS", "GEORGE STREET, BATH REPORT": the town after
# a street, where an address puts it, though the town is an ordinary word.
_TOWN_AFTER_STREET = re.compile(r"\b(?:(?i:" + _STREET_WORDS + r")\.?,?|(?i:inn|pub|ph|arms|tavern|head|farm|hotel|club),)[ \t]+(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)"
                                r"(?=[ \t]*(?:[,.;:)\n]|$)|[ \t]+" + _POSTCODE + ")")
_AFTER_STREET_AT = keyword_trigger((_STREET_WORDS + "|inn|pub|ph|arms|tavern|head|farm|hotel|club").split("|"))
_STREET_ONLY = re.compile(r"(?i:" + _STREET_WORDS + r")")


def _ordinary_town(word: str) -> bool:
    """A place on the UK list whose name is also an everyday word ("March", "Street", "Deal", "Bath", "Wells")."""
    low = word.lower()
    return low in UK_PLACE_LOWER and is_ordinary(word) and not is_keep_word(word) \
        and low not in ("the", "and", "of", "in", "on", "at", "new", "end", "north", "south", "east", "west", "central")


# "inc 1450 — 20 march 2025 — sandwich / ash", "Custody record 03HS/5521/24 — Hastings": the places a log's heading
# ends with, after its number or date.
# The look-ahead (the line ends in a separator and a few words) is what every match needs: a line without it is passed
# over at once, not scanned again from each of its digits.
_HEADING_TAIL = re.compile(r"(?m)^(?=[^\n]*[ \t][-–—|][ \t]+[A-Za-z][A-Za-z'’ /-]{1,40}?[ \t]*$)"
                           r"(?P<head>[^\n]*\d[^\n]*?)[ \t]+[-–—|][ \t]+(?P<tail>[A-Za-z][A-Za-z'’ /-]{1,40}?)[ \t]*$")


def _heading_places(text: str) -> Iterator[Candidate]:
    for m in (_HEADING_TAIL.finditer(text[:400]) if any(ch in text[:400] for ch in "-–—|") else ()):
        if len(m.group()) > 90:
            continue
        parts = [(p.start(), p.end()) for p in re.finditer(r"[^/]+", m.group("tail"))]
        spans = []
        for start, end in parts:
            phrase = m.group("tail")[start:end].strip()
            if phrase.lower() not in UK_PLACE_LOWER or is_keep_word(phrase):
                spans = []
                break
            offset = m.start("tail") + start + (len(m.group("tail")[start:end]) - len(m.group("tail")[start:end].lstrip()))
            spans.append((offset, offset + len(phrase)))
        for start, end in spans:
            yield _cand(start, end, Kind.PLACE, "town", -2)


# The town layer's tails, found first (cheap), then the word just before each: the same matches as `_TOWN_BEFORE` and
# `_TOWN_CIVIC` run at every word.
_COUNTY_TAIL = re.compile(r",[ \t]*(?i:" + _COUNTY_ALT + r")(?![\w'’-])")
_POSTCODE_AT = re.compile(r"(?<![\w'’-])" + _POSTCODE)
_CIVIC_AT = re.compile(r"(?<=[ \t])(?i:town\s+hall|town\s+centre|train\s+station|railway\s+station|bus\s+station|"
                       r"police\s+station|high\s+street)\b")
_WORD_JUST_BEFORE = re.compile(r"(?<![\w'’-])(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)$")
_WORD_BEFORE_POSTCODE = re.compile(r"(?<![\w'’-])(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)(?P<sep>,?[ \t]+)$")
_WORD_BEFORE_CIVIC = re.compile(r"(?<![\w'’-])(?P<p>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)[ \t]+$")


def _word_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, end - 60), end)


def _towns_in_addresses(text: str) -> Iterator[Candidate]:
    yield from _heading_places(text)
    for m in finditer_at(_TOWN_AFTER_STREET, _AFTER_STREET_AT, text):
        if _ordinary_town(m.group("p")):
            yield _cand(m.start("p"), m.end("p"), Kind.PLACE, "town", -2)
    found: dict[int, tuple[int, int]] = {}
    if "," in text:
        for tail in _COUNTY_TAIL.finditer(text):
            w = _word_before(_WORD_JUST_BEFORE, text, tail.start())
            if w:
                found.setdefault(w.start("p"), (w.end("p"), 1))
    for pc in _POSTCODE_AT.finditer(text):
        w = _word_before(_WORD_BEFORE_POSTCODE, text, pc.start())
        if w:
            found.setdefault(w.start("p"), (w.end("p"), int("," in w.group("sep"))))
    for start in sorted(found):
        end, comma = found[start]
        word = text[start:end]
        if _ordinary_town(word) and not (_STREET_ONLY.fullmatch(word) and not comma):
            yield _cand(start, end, Kind.PLACE, "town", -2)
    for civic in _CIVIC_AT.finditer(text):
        w = _word_before(_WORD_BEFORE_CIVIC, text, civic.start())
        if w and _ordinary_town(w.group("p")):  # "march town hall" -> "a town hall"
            noun = " ".join(civic.group().lower().split())
            yield _cand(w.start("p"), civic.end(), Kind.PLACE, "premises:" + noun, -2)


# "the grapes pub", "THE CHEQUERS PH", "the mermaid inn", "the queens head": a pub in any case, named by the words
# between "the" and its noun ("head" only after a possessive: "kings head", "saracen's head").
_ANY_CASE_PUB = re.compile(r"\b(?i:the)\s+(?P<name>(?:[A-Za-z][\w'’-]*\s+){0,2}?[A-Za-z][\w'’-]*)\s+"
                           r"(?P<noun>(?i:pub|ph|p\.h\.|public\s+house|inn|arms|tavern)|(?<=s\s)(?i:head))(?![\w'’])")
_GENERIC_PUB_WORDS = frozenset("local nearest nearby same other old new main village town corner little big small "
                               "usual first second last next one only back front top bottom his her their our my "
                               "your its this that a an the of in on at to and both left right".split())


# "the Bunch of Grapes", "the Rose of Denmark": a pub named "X of Y" after the pub word it ends with.
_PUB_OF = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][\w'’]+\s+of\s+(?:the\s+)?(?:Grapes|Feathers|Bells|Anchor|Crown|Lion|Swan|"
                     r"Plough|Harp|Oak|Ship|Star|Vine|Hops|Bull|Stag|Hare|Hounds|Horses|Roses|Rose|Thistle|Shamrock|Trades|"
                     r"Commerce|Arms))\b")


def _pubs(text: str) -> Iterator[Candidate]:
    if " of " in text:
        for m in _PUB_OF.finditer(text):
            if not is_keep_word(m.group("name").split()[0]):
                yield _cand(*m.span("name"), Kind.PLACE, "pub", 2)
    for m in _ANY_CASE_PUB.finditer(text):
        words = m.group("name").split()
        if any(w.lower() in _GENERIC_PUB_WORDS or is_keep_word(w) or is_policing_word(w) for w in words):
            continue
        if m.group("noun").lower() == "ph" and not m.group("noun").isupper():
            continue  # "ph" in lower case is a reading, not a public house
        yield _cand(m.start("name"), m.end(), Kind.PLACE, "premises:pub", 1)


# "walked out of the RUH", "VICTIM TO UHW", "to RGH", "conveyed to the QEQM": a hospital by its initials, where someone
# is taken or comes from (an "H" at the end or "UH"/"QE" in it is how hospitals' initials read).
_HOSPITAL_INITIALS = re.compile(r"\b(?i:to|at|from|of|in|into|via)\s+(?:(?i:the)\s+)?"
                                r"(?P<p>[A-Z]{2,3}H|UH[A-Z]{1,2}|[A-Z]{1,2}UH|QE[A-Z]{1,2})\b(?![&'’-])")


def _hospitals(text: str) -> Iterator[Candidate]:
    for m in _HOSPITAL_INITIALS.finditer(text):
        p = m.group("p")
        if not (is_ordinary(p) or is_keep_word(p) or is_policing_word(p)):
            yield _cand(*m.span("p"), Kind.PLACE, "hospital", 0)


# "Hafan y Coed", "HAFAN Y COED", "Pen-y-bont ar Ogwr", "TAN-Y-BRYN FLATS", "cwrt y dderwen": Welsh names joined by
# "y", "yr" or "ar" (the article and "on", which English never writes alone between two names).
_WELSH_JOINED = re.compile(r"(?<![\w'’-])(?P<p>[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+(?:y|yr|ar|Y|YR|AR)\s+(?P<last>[\w'’]+)"
                           r"(?:-[\w'’]+)*)+)(?:\s+(?i:flats|court|house|estate|hospital|ward|unit|farm))?(?![\w'’-])")
_WELSH_HYPHENED_CAPS = re.compile(r"(?<![\w'’-])[A-Z]{2,}-(?:Y|YR)-[A-Z]{2,}(?:\s+(?:FLATS|COURT|HOUSE|ESTATE|FARM))?(?![\w'’-])")
_LABELS = frozenset("person officer pc pcso sgt mr mrs ms miss dr".split())
_WELSH_PLACE_NOUNS = "cwrt hafan maes heol pen tan coed bryn llys ty tŷ bron cae pant nant glan plas parc fferm ysgol coed fro dderwen"
_WELSH_LOWER = re.compile(r"\b(?:" + "|".join(_WELSH_PLACE_NOUNS.split()) + r")\s+(?:y|yr)\s+[a-zŵŷâêîôû][\w'’]+")


def _welsh_places(text: str) -> Iterator[Candidate]:
    if not re.search(r"(?i:\sy\s|\syr\s|\sar\s|-y-|-yr-)", text):
        return
    for m in _WELSH_JOINED.finditer(text):
        if not re.search(r"\s(?:y|yr|ar|Y|YR|AR)\s", m.group()):
            continue  # a hyphenated name alone is the other layers' to find
        words = re.findall(r"[\w'’]+", m.group())
        last = m.group("last")
        if any(len(w) == 1 and w not in "yY" or w.lower() in _LABELS or is_keep_word(w) for w in words) or not (
                last[:1].isupper() or last.lower() in _WELSH_PLACE_NOUNS.split() or not is_ordinary(last)):
            continue  # "Person A y Person B" is the anonymiser's own labels; "Hafan y coed" (re-cased) is a place
        yield _cand(*m.span(), Kind.PLACE, "", 1)
    yield from (_cand(*m.span(), Kind.PLACE, "venue", 1) for m in _WELSH_HYPHENED_CAPS.finditer(text))
    yield from (_cand(*m.span(), Kind.PLACE, "venue", 1) for m in _WELSH_LOWER.finditer(text))


# "car park mytholmroyd,": a place on the UK list typed in lower case, where no other layer looks (a word that is
# also a name or an everyday word needs a locative or a comma before it, as the other layers ask).
_LOWER_WORDS = re.compile(r"(?<![\w'’@/.-])[a-z][a-z'’-]{3,}(?:\s+[a-z][a-z'’-]+){0,2}(?![\w'’@-])")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|from|to|near|towards|outside|via|into|of|nr|twd)\s+|[,/(–—-]\s*)$")


def _lower_case_places(text: str) -> Iterator[Candidate]:
    for m in _LOWER_WORDS.finditer(text):
        words = m.group().split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            if phrase not in UK_PLACE_LOWER or is_keep_word(phrase):
                continue
            if is_ordinary(words[0]) or words[0] in NAME_LIST:
                if n == 1 or not _LOCATIVE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    break
            yield _cand(m.start(), m.start() + len(phrase), Kind.PLACE, "town", -3)
            break


# "GLASGOW EAST", "swansea central", "BATH CITY": a known town and the compass word or "city" that names its area or
# its station (the town layer finds the town; the word after it names the same place).
_TOWN_AND_AREA = re.compile(r"(?<![\w'’-])(?P<t>[A-Za-z][\w'’-]+)\s+(?P<a>(?i:east|west|north|south|central|city))(?![\w'’-])"
                            r"(?!\s+(?i:police|council|division|command|area|of|road|street|station|hall|centre))")


def _towns_and_areas(text: str) -> Iterator[Candidate]:
    for m in _TOWN_AND_AREA.finditer(text):
        town, area = m.group("t"), m.group("a")
        same_case = (town.islower() and area.islower()) or (town.isupper() and area.isupper()) or \
            (town[:1].isupper() and area[:1].isupper()) or (town[:1].isupper() and area.islower() and town[1:].islower())
        if same_case and town.lower() in UK_PLACE_LOWER and not is_ordinary(town) and not is_keep_word(town):
            yield _cand(*m.span(), Kind.PLACE, "town", -1)


# "FLAT 2/1": a Glasgow tenement flat by its floor and door; "No. 5 – no reply": a house in a door-to-door list.
_TENEMENT_FLAT = re.compile(r"\b(?i:flat)\s+\d{1,2}/\d{1,2}\b")
_HOUSE_IN_LIST = re.compile(r"(?m)^(?P<h>(?i:no)\.?\s+\d{1,3}[A-Za-z]?)(?=\s+[–—-]\s)")


def _more_addresses(text: str) -> Iterator[Candidate]:
    if "/" in text:
        yield from (_cand(*m.span(), Kind.ADDRESS, "flat", 3) for m in _TENEMENT_FLAT.finditer(text))
    yield from (_cand(*m.span("h"), Kind.ADDRESS, "house", 1) for m in _HOUSE_IN_LIST.finditer(text))


# "PC 1987 T. Haworth", "Custody Sgt (1207 P. Drummond)", "INSP W. HAMILTON", "PC 2264 P SCOTT": an officer by rank,
# initial and surname, whatever the surname also names (Haworth is a village too).
_RANK_INITIAL_SURNAME = re.compile(r"\b" + _RANKS + r"\.?[ \t]+(?:\(?[ \t]*\d{3,6}[ \t]+)?"
                                   r"(?P<p>(?:[A-Z]|[b-hj-z](?=\.?[ \t]+[A-Z]))\.?[ \t]+[A-Z][\w'’-]+)")  # not across a line  # re-cased: "p Scott"


def _ranked_initials(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_RANK_INITIAL_SURNAME, _RANK_AT, text):
        surname = m.group("p").split()[-1]
        if is_policing_word(surname) or is_keep_word(surname) or surname.lower() in NOT_NAMES \
                or (is_ordinary(surname) and surname.lower() not in NAME_LIST):
            continue
        yield Candidate(*m.span("p"), Kind.PERSON, "context", PRIORITY["context"] + 4)


def find_more_recall(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development set 7 on."""
    return [*find_number_recall(text), *_collar_codes(text), *_nicknames(text), *_towns_in_addresses(text),
            *_pubs(text), *_hospitals(text), *_welsh_places(text),
            *_lower_case_places(text), *_towns_and_areas(text), *_more_addresses(text),
            *_ranked_initials(text), *find_eight_recall(text), *find_places_nine(text),
            *find_struct9_recall(text), *find_places_eleven(text), *find_struct10_recall(text),
            *find_struct12_recall(text), *find_places_twelve(text)]
