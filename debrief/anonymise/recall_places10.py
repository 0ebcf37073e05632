"""Recall rules for names and places learnt from development set 10: a name signed under a closing line, an officer's
surname after a rank and a number, a worker named beside their job, a surname given as a name, a landmark or premises
by its noun in any case, a town heading a log, and a Glasgow flat's position (dev11 and dev13: recall_places11.py; names
found again: names_again.py). Each class is found by its shape or its cue, never by a word of a set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .keep import is_keep_word
from .lexicon import FIRST_NAME_LIST, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .vocab import MONTHS, NOT_NAMES, WEEKDAYS

_BASE = PRIORITY["pattern"]
_CONTEXT = PRIORITY["context"]
CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))


def person_at(start: int, end: int, bump: int = 0, layer: str = "context") -> Candidate:
    return Candidate(start, end, Kind.PERSON, layer, _CONTEXT + bump)


def place_at(start: int, end: int, kind: Kind = Kind.PLACE, subtype: str = "", bump: int = 0) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype)


def no_name(word: str, *, slot: bool = False) -> bool:
    """A word that is never a name where a name is expected: a clause word, a kept term, a date, a policing word
    (which a slot only a name fits, "the lifeguard, Kit,", "name's White", takes as the name)."""
    low = word.lower().strip(".")
    if slot:
        return low in CLAUSE_WORDS or low in CALENDAR or is_keep_word(word) or low in _PRONOUNS
    return low in NOT_NAMES or low in CALENDAR or is_keep_word(word) or is_policing_word(word)


_PRONOUNS = frozenset("i me you he him she her we us they them it who whom what which there here yes no not none "
                      "unknown nobody someone anyone everyone however though too also again please".split())


# "Cheers / C.", "Have a good one, stay safe tonight\n\nK", "Thanks all\nBecks x": the one or two words signed under a
# closing line at a message's end are its writer.
_SIGN_OFF = re.compile(
    r"(?im:^[ \t]*(?:cheers|thanks|thank\s+you|many\s+thanks|ta|regards|kind\s+regards|best|best\s+wishes|all\s+the\s+best|"
    r"speak\s+soon|take\s+care|stay\s+safe|have\s+a\s+good\s+(?:one|shift|night|day|weekend))\b[^\n]{0,60}\n(?:[ \t]*\n)*"
    r"[ \t]*(?P<n>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?)?)(?:[ \t]+[xX]{1,3})?[ \t]*(?:\n|$))")


def _sign_offs(text: str) -> Iterator[Candidate]:
    for m in _SIGN_OFF.finditer(text):
        name = m.group("n")
        words = name.split()
        if any(no_name(w) and not re.fullmatch(r"[A-Z]\.?", w) for w in words):
            continue
        # a lone initial is found here only, never again elsewhere ("Section C")
        yield person_at(*m.span("n"), 4, "pattern" if re.fullmatch(r"[A-Z]\.?", name) else "context")


# "PC CC 2091 WHITE", "PC 2750 A KHATUN", "PC BTP 4419 O'Sullivan", "PC AB 1194 Grieve-Lowe", "PC 6093 M. Rimmer": after a
# rank and a collar number (a force's letters either side), initials and a surname; a surname that is also a word
# ("WHITE", "Green") is the officer there too.
_RANK_NUMBER_NAME = re.compile(
    r"\b(?:PC|PCSO|PS|Sgt|SGT|DC|DS|Insp|INSP|Cst|CST|A/Sgt|A/PS|T/Sgt|DI|DCI)\.?[ \t]+(?:(?:[A-Z]{2,3}|[a-z]{2})[ \t]+)?\d{3,6}"
    r"(?:[ \t]?[A-Z]{2})?[ \t]+(?P<i>(?:[A-Za-z]\.?[ \t]+){0,2})(?P<s>(?:Mc|Mac|O['’]|D['’])?[A-Za-z][A-Za-z'’]+"
    r"(?:-[A-Za-z][A-Za-z'’]+)?)(?![\w'’-])")


def _ranked_names(text: str) -> Iterator[Candidate]:
    for m in _RANK_NUMBER_NAME.finditer(text):
        surname = m.group("s")
        low = surname.lower()
        if no_name(surname, slot=True) or (no_name(surname) and low not in SURNAME_LIST):
            continue
        # Written with its capital in a line of mixed case it is the name ("M. Rimmer", "Grieve-Lowe"); a line of one
        # case re-cased leaves a word in lower case, the name only when it is a surname or no word ("PC 4410 ATTENDED").
        if surname.islower() and is_ordinary(low.split("-")[0]) and low not in SURNAME_LIST \
                and low not in FIRST_NAME_LIST:
            continue
        yield person_at(m.start("i") if m.group("i") else m.start("s"), m.end("s"), 6)


# Jobs and the people one meets at a scene: "the lifeguard, Kit, pointed", "the nurse (Bola) arrived", "door staff at
# Bellini's, Paddy, who", "the landlady who I know as Dot", "KEYHOLDER SUE ATTENDED".
_JOBS = (r"lifeguard|barman|barmaid|bartender|bar\s+staff|bouncer|doorman|doormen|door\s+staff|door\s+supervisor|"
         r"keyholder|key\s+holder|cleaner|caretaker|warden|steward|manager|store\s+manager|duty\s+manager|"
         r"shop\s+assistant|assistant|cashier|porter|receptionist|chef|waiter|waitress|ranger|coach|mentor|landlord|"
         r"landlady|licensee|owner|shopkeeper|nurse|paramedic|doctor|teacher|head\s+teacher|headteacher|social\s+worker|"
         r"support\s+worker|neighbour|friend|mate|pal|taxi\s+driver|driver|cabbie|security\s+guard|guard|security|"
         r"attendant|supervisor|lodger|tenant|carer|lollipop\s+(?:man|lady)|postman|postie|volunteer|organiser|"
         r"groundsman|janitor|concierge|housekeeper|foreman|boss|gaffer|employer|colleague|workmate|cousin|uncle|aunt|"
         r"auntie|nan|nana|gran|grandad|grandma|grandpa|brother|sister|mum|mam|dad|son|daughter|partner|boyfriend|"
         r"girlfriend|fiance|fiancee|husband|wife|ex|stepdad|stepmum")
_NAME_WORD = r"(?:Mc|Mac|O['’])?[A-Za-z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_JOB_NAMED = re.compile(
    r"(?<![\w'’-])(?i:" + _JOBS + r")(?![\w'’-])(?:[ \t]+(?:at|from|of)[ \t]+[^,().;:\n]{1,30}?)?"
    r"(?:[ \t]*,[ \t]*(?P<c>" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")?)[ \t]*,"
    r"|[ \t]*\([ \t]*(?P<b>" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")?)[ \t]*\)"
    r"|[ \t]+(?i:who|whom)[ \t]+(?i:i|we|he|she|they|staff|everyone)[ \t]+(?i:know|knows|knew)[ \t]+(?i:as)[ \t]+"
    r"(?P<k>" + _NAME_WORD + r")"
    r"|[ \t]+(?P<v>" + _NAME_WORD + r")(?=[ \t]+(?i:attended|arrived|said|says|stated|states|told|confirmed|called|"
    r"rang|phoned|reported|came|opened|locked|pointed|showed|provided|gave|agreed|declined|refused)\b))")


def _named_workers(text: str) -> Iterator[Candidate]:
    for m in _JOB_NAMED.finditer(text):
        group = next(g for g in "cbkv" if m.group(g))
        name = m.group(group)
        words = name.split()
        first = words[0].lower()
        if any(no_name(w, slot=group in "cbk") for w in words) or any(w.lower() in UK_PLACE_LOWER and w.lower() not in FIRST_NAME_LIST
                                                   for w in words):
            continue
        # Between commas or brackets, or after "who I know as", a capitalised word is the name; in a line of
        # one case, or before a verb, only a first name (or a word that is none of the dictionary's).
        capital = name[:1].isupper() and group in "cbk"
        if not capital and (len(words) > 1 or (first not in FIRST_NAME_LIST and is_ordinary(first))):
            continue  # "The Mini driver, young woman, blonde": words, not a name
        if group == "v" and (first not in FIRST_NAME_LIST or len(words) > 1):
            continue
        yield person_at(m.start(group), m.end(group), 3)


# "(name's White, Chantelle White - 22)", "his second name is Quayle or Quail", "surname Price": a surname given as
# the answer to "what is his name" is a name, whatever the word means.
_NAME_GIVEN = re.compile(
    r"(?<![\w'’-])(?i:name['’]s|(?:sur|second|last|family)[ \t]*name(?:[ \t]+(?:is|was|of|given\s+as|as))?|"
    r"(?:sur|second|last)name[ \t]*[:=-])[ \t]+(?P<n>" + _NAME_WORD + r")"
    r"(?:[ \t]+(?i:or)[ \t]+(?P<o>" + _NAME_WORD + r"))?")


def _given_names(text: str) -> Iterator[Candidate]:
    for m in _NAME_GIVEN.finditer(text):
        for group in "no":
            word = m.group(group)
            if not word or no_name(word, slot=True) or word.lower() in ("not", "unknown", "withheld", "given", "the", "a"):
                continue
            if word.islower() and is_ordinary(word) and word not in SURNAME_LIST:
                continue
            yield person_at(*m.span(group), 4)


# A landmark or premises known by a name and its noun, in any case: "glasgow fort", "blackhall rocks", "cardiff
# bay", "Combe Down Recovery", "Kent Refugee Action Network", "Tredegar Comprehensive", "Lochaber MRT". The words before
# the noun name it when one of them is no dictionary word or is a town (the nouns themselves are common words).
_LANDMARK_NOUNS = ("bridge|viaduct|reservoir|rocks|bay|fort|pier|prom|promenade|seafront|sands|beach|woods|forest|"
                   "lake|loch|falls|dam|weir|marina|canal|towpath|country\\s+park|nature\\s+reserve|memorial|monument|"
                   "tower|stadium|arena|showground|fair|cinema|theatre|bingo|casino|social\\s+club|labour\\s+club|"
                   "legion|institute|lido|baths|leisure\\s+centre|library|museum|cemetery|crematorium|academy|"
                   "comprehensive|high\\s+school|primary|grammar|nursery|hospice|recovery|heavy\\s+recovery|haulage|"
                   "logistics|removals|scaffolding|cold\\s+store|project|trust|action\\s+network|women['’]?s\\s+aid|"
                   "mountain\\s+rescue|mrt|rnli|lifeboat|tube|underground|metro|wheel|gate|green|common|moor|pike|crag|"
                   "tor|head|point|cliffs|shopping\\s+centre|caravan\\s+park|holiday\\s+park|flats")
_LANDMARK = re.compile(r"(?<![\w'’-])(?P<n>(?i:" + _LANDMARK_NOUNS + r"))(?![\w'’-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’&.-])(?P<w>[^\W\d_][\w'’&-]*)[ \t]+$")
# Nouns that are common words in other senses ("a Pringles tube", "the back gate", "Tom Green"): the name before them
# holds a town's name ("Brixton tube", "carr gate").
_WEAK_NOUNS = frozenset("tube underground metro wheel gate green common moor pike crag tor head point project trust "
                        "fair primary nursery recovery".split())
# Operational words after a place's name ("Lochaber MRT", "LOUGH ERNE RNLI"): the name goes, the service stays.
_SERVICE_NOUNS = frozenset(("mountain rescue", "mrt", "rnli", "lifeboat", "women's aid", "womens aid", "women’s aid"))
CLAUSE_WORDS = frozenset("""the a an this that these those his her their our my your its same other local nearest nearby
usual to at in on of from by for with and or but as near outside inside into onto via towards toward behind opposite
past off up down is was were are be been has had have then when where who which while after before during until said
says told asked went came got called phoned rang named any some one two three all both each every no not police
officer officers staff old new main back front side top bottom end far north south east west upper lower big small
little large""".split())


_AN_BEFORE = re.compile(r"(?<![\w'’-])(?i:a|an)[ \t]+$")


def _landmarks(text: str) -> Iterator[Candidate]:
    last = 0
    for m in _LANDMARK.finditer(text):
        noun = m.group("n")
        low = " ".join(noun.lower().split())
        if m.start() < last or (is_keep_word(noun) and low not in _SERVICE_NOUNS):
            continue
        start, words = m.start(), []
        while len(words) < 3:
            w = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if not w:
                break
            word = w.group("w")
            wlow = word.lower().strip(".")
            if wlow in CLAUSE_WORDS or is_keep_word(word) or is_policing_word(word) or wlow in CALENDAR:
                break
            if noun[:1].isupper() and not word[:1].isupper():
                break  # "Lochaber MRT", "Kent Refugee Action Network": a name in capitals has its words so written
            words.insert(0, word)
            start = w.start("w")
        # "The Palace Cinema", "Central Library": words written with capitals mid-sentence before a capitalised noun
        # are a name, though each is a word.
        titled = (noun[:1].isupper() and not noun.isupper() or noun.islower() and low not in _WEAK_NOUNS) \
            and all(w[:1].isupper() and not w.isupper() for w in words)
        if not words or not (titled or any(w.lower() in UK_PLACE_LOWER or (
                not is_ordinary(re.sub(r"['’]s$", "", w)) and (len(w) >= 5 or not w.islower())) for w in words)):
            continue  # "(crim dam)": a short note's abbreviation names nothing
        if low in _WEAK_NOUNS and not any(w.lower() in UK_PLACE_LOWER for w in words):
            continue
        if _AN_BEFORE.search(text, max(0, start - 4), start):
            continue  # "a Pringles tube", "an Aldi bag": a thing of that make, no place
        if all(w.lower() in FIRST_NAME_LIST or w.lower() in SURNAME_LIST for w in words) and noun.lower() in (
                "head", "point", "green", "gate", "security", "trust", "project", "services"):
            continue  # "Tom Green", "Jo Head": a name, not a place
        last = m.end()
        end = words_end if (words_end := _end_of_words(text, start, len(words))) and low in _SERVICE_NOUNS else m.end()
        yield place_at(start, end, subtype="", bump=-1)


def _end_of_words(text: str, start: int, count: int) -> int:
    """Where the `count` words from `start` end."""
    words = list(re.finditer(r"\S+", text[start:start + 120]))[:count]
    return start + words[-1].end() if words else 0


# "on the peace bridge", "the old pier", "to the old tram bridge": "the" and words that are no kind of bridge or pier
# (not "railway", "foot", "road"...) before a landmark noun name the one landmark locals call so.
_THE_LANDMARK = re.compile(
    r"(?<![\w'’-])(?i:the|on|at|over|under|underneath|towards|near|nr|from|off|onto|across|by)[ \t]+(?:(?i:the)[ \t]+)?(?P<p>(?:[A-Za-z][a-z'’]+[ \t]+){1,2}(?i:bridge|pier|prom|promenade|viaduct|tower|"
    r"monument|clock|fountain|arches|bandstand|lido|reservoir|rocks))(?![\w'’-])")
_GENERIC_BEFORE = frozenset("""railway rail road foot canal river motorway stone wooden brick metal iron steel concrete
pedestrian footpath car bus train station same other next nearest first second third last main small big large long
short low high busy quiet far near top bottom back front side a an this that his her their its our my your north south
east west little nearby local town city village park school church shopping multi storey water fire bell spiral
stair concrete wall garden outside inside tall""".split())


def _the_landmarks(text: str) -> Iterator[Candidate]:
    for m in _THE_LANDMARK.finditer(text):
        words = m.group("p").split()[:-1]
        if any(w.lower() in _GENERIC_BEFORE or w.lower() in CLAUSE_WORDS - {"old", "new"} or is_keep_word(w)
               or (w.lower() in NOT_NAMES and w.lower() not in ("old", "new")) or w.lower() in CALENDAR
               for w in words):
            continue
        yield place_at(*m.span("p"), bump=-3)


# "STORM LOG 0388 14.6.24   STREET / GLASTONBURY", "storm 0917 / fri 6.9.24 / bath", "log 2106 of 21-jun   bury
# district": a town alone in a part of a log's heading line (parts parted by a slash or wide spacing), whatever the
# town's name means.
_HEADING_PART = re.compile(r"(?:^|/|[ \t]{3,}|\t)[ \t]*(?P<p>[A-Za-z][A-Za-z'’ -]{1,30}?)[ \t]*"
                           r"(?=$|/|[ \t]{3,}|\t|[ \t]+(?i:district|division|sector|area|beat)\b)")


def _heading_towns(text: str) -> Iterator[Candidate]:
    head_end = 0
    for _ in range(2):  # the first two lines hold a log's heading
        nl = text.find("\n", head_end)
        head_end = len(text) if nl < 0 else nl + 1
        if nl < 0:
            break
    head = text[:head_end].rstrip("\n")
    if "/" not in head and "   " not in head and "\t" not in head and not re.search(r"(?i)\bdistrict\b", head):
        return
    for line_start, line in _lines(head):
        if len(line) > 90:
            continue
        for m in _HEADING_PART.finditer(line):
            part = " ".join(m.group("p").split())
            low = part.lower()
            if low not in UK_PLACE_LOWER or low in CALENDAR or is_keep_word(part) \
                    or (is_policing_word(part) and not part.isupper() and not part.islower()):
                continue
            yield place_at(line_start + m.start("p"), line_start + m.start("p") + len(m.group("p").rstrip()),
                         subtype="town", bump=2)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


# "the bottom flat at the same close (0/2)", "the tenant of 0/2", "3/2 flat, 45 wardie road": a Glasgow flat's floor
# and position where a flat, a close or a tenancy is spoken of.
_FLAT_POSITION = re.compile(
    r"(?<![\w/.-])(?P<f>[0-9]/[1-9])(?![\w/.-])(?=[ \t]*(?i:flat)\b)"
    r"|(?<![\w'’-])(?i:close|flat|tenants?[ \t]+of|landing|stair)[ \t]+\(?[ \t]*(?P<g>[0-9]/[1-9])(?![\w/.-])")


def _flat_positions(text: str) -> Iterator[Candidate]:
    if "/" not in text:
        return
    for m in _FLAT_POSITION.finditer(text):
        group = "f" if m.group("f") else "g"
        yield place_at(*m.span(group), Kind.ADDRESS, "flat", 2)


def find_places_ten(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development set 10."""
    return [*_sign_offs(text), *_ranked_names(text), *_named_workers(text), *_given_names(text), *_landmarks(text),
            *_the_landmarks(text), *_heading_towns(text), *_flat_positions(text)]
