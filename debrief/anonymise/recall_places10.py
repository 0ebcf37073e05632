"""Recall rules for names and places learnt from development sets 10 and 11: a name signed under a closing line, an
officer's surname after a rank and a number, a worker named beside their job, a surname given as a name, a landmark
or premises by its noun in any case, a town heading a log, and a Glasgow flat's position. Each class is found by its
shape or its cue, never by a word of a set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .keep import is_keep_word
from .lexicon import FIRST_NAME_LIST, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .vocab import MONTHS, NOT_NAMES, RELATIONS, WEEKDAYS

_BASE = PRIORITY["pattern"]
_CONTEXT = PRIORITY["context"]
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))


def _person(start: int, end: int, bump: int = 0, layer: str = "context") -> Candidate:
    return Candidate(start, end, Kind.PERSON, layer, _CONTEXT + bump)


def _place(start: int, end: int, kind: Kind = Kind.PLACE, subtype: str = "", bump: int = 0) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype)


def _no_name(word: str, *, slot: bool = False) -> bool:
    """A word that is never a name where a name is expected: a clause word, a kept term, a date, a policing word
    (which a slot only a name fits, "the lifeguard, Kit,", "name's White", takes as the name)."""
    low = word.lower().strip(".")
    if slot:
        return low in _CLAUSE_WORDS or low in _CALENDAR or is_keep_word(word) or low in _PRONOUNS
    return low in NOT_NAMES or low in _CALENDAR or is_keep_word(word) or is_policing_word(word)


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
        if any(_no_name(w) and not re.fullmatch(r"[A-Z]\.?", w) for w in words):
            continue
        # a lone initial is found here only, never again elsewhere ("Section C")
        yield _person(*m.span("n"), 4, "pattern" if re.fullmatch(r"[A-Z]\.?", name) else "context")


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
        if _no_name(surname, slot=True) or (_no_name(surname) and low not in SURNAME_LIST):
            continue
        # Written with its capital in a line of mixed case it is the name ("M. Rimmer", "Grieve-Lowe"); a line of one
        # case re-cased leaves a word in lower case, the name only when it is a surname or no word ("PC 4410 ATTENDED").
        if surname.islower() and is_ordinary(low.split("-")[0]) and low not in SURNAME_LIST \
                and low not in FIRST_NAME_LIST:
            continue
        yield _person(m.start("i") if m.group("i") else m.start("s"), m.end("s"), 6)


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
        if any(_no_name(w, slot=group in "cbk") for w in words) or any(w.lower() in UK_PLACE_LOWER and w.lower() not in FIRST_NAME_LIST
                                                   for w in words):
            continue
        # Between commas or brackets, or after "who I know as", a capitalised word is the name; in a line of
        # one case, or before a verb, only a first name (or a word that is none of the dictionary's).
        capital = name[:1].isupper() and group in "cbk"
        if not capital and (len(words) > 1 or (first not in FIRST_NAME_LIST and is_ordinary(first))):
            continue  # "The Mini driver, young woman, blonde": words, not a name
        if group == "v" and (first not in FIRST_NAME_LIST or len(words) > 1):
            continue
        yield _person(m.start(group), m.end(group), 3)


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
            if not word or _no_name(word, slot=True) or word.lower() in ("not", "unknown", "withheld", "given", "the", "a"):
                continue
            if word.islower() and is_ordinary(word) and word not in SURNAME_LIST:
                continue
            yield _person(*m.span(group), 4)


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
                   "tor|head|point")
_LANDMARK = re.compile(r"(?<![\w'’-])(?P<n>(?i:" + _LANDMARK_NOUNS + r"))(?![\w'’-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’&.-])(?P<w>[^\W\d_][\w'’&-]*)[ \t]+$")
# Nouns that are common words in other senses ("a Pringles tube", "the back gate", "Tom Green"): the name before them
# holds a town's name ("Brixton tube", "carr gate").
_WEAK_NOUNS = frozenset("tube underground metro wheel gate green common moor pike crag tor head point project trust "
                        "fair primary nursery recovery".split())
# Operational words after a place's name ("Lochaber MRT", "LOUGH ERNE RNLI"): the name goes, the service stays.
_SERVICE_NOUNS = frozenset(("mountain rescue", "mrt", "rnli", "lifeboat", "women's aid", "womens aid", "women’s aid"))
_CLAUSE_WORDS = frozenset("""the a an this that these those his her their our my your its same other local nearest nearby
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
            if wlow in _CLAUSE_WORDS or is_keep_word(word) or is_policing_word(word) or wlow in _CALENDAR:
                break
            if noun[:1].isupper() and not word[:1].isupper():
                break  # "Lochaber MRT", "Kent Refugee Action Network": a name in capitals has its words so written
            words.insert(0, word)
            start = w.start("w")
        # "The Palace Cinema", "Central Library": words written with capitals mid-sentence before a capitalised noun
        # are a name, though each is a word.
        titled = noun[:1].isupper() and not noun.isupper() and all(w[:1].isupper() and not w.isupper() for w in words)
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
        yield _place(start, end, subtype="", bump=-1)


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
        if any(w.lower() in _GENERIC_BEFORE or w.lower() in _CLAUSE_WORDS - {"old", "new"} or is_keep_word(w)
               or (w.lower() in NOT_NAMES and w.lower() not in ("old", "new")) or w.lower() in _CALENDAR
               for w in words):
            continue
        yield _place(*m.span("p"), bump=-3)


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
            if low not in UK_PLACE_LOWER or low in _CALENDAR or is_keep_word(part) \
                    or (is_policing_word(part) and not part.isupper() and not part.islower()):
                continue
            yield _place(line_start + m.start("p"), line_start + m.start("p") + len(m.group("p").rstrip()),
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
        yield _place(*m.span(group), Kind.ADDRESS, "flat", 2)


def find_places_ten(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development sets 10 and 11."""
    return [*_sign_offs(text), *_ranked_names(text), *_named_workers(text), *_given_names(text), *_landmarks(text),
            *_the_landmarks(text), *_heading_towns(text), *_flat_positions(text), *find_places_ten_more(text)]


# "one of that group as "Smudge"", "MALE IS "ROCKY"", "the fella ("Dodger")", "the Vickerstown lot, "Nudge",", ""Bomber"
# and his crew", "possibly "spanner"", "a neighbour "auld tam"": a quoted word or two where a person is named, by the
# cue before it or what follows it (a possessive, "and his", a real name in brackets, a verb).
_QUOTED = re.compile(r"[\"“'‘](?P<n>[A-Za-z][\w'’-]{1,20}(?:[ \t]+[A-Za-z][\w'’-]{1,20}){0,2})[\"”'’](?![\w])")
_NICK_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:as|is|was|called|call|named|nicknamed|aka|a\.k\.a\.?|alias|possibly|poss|probably|ex|"
    r"neighbour|dog|cat|mate|pal|friend|cousin|brother|sister|lad|fella|bloke|guy|girl|boy|man|woman|male|female|"
    r"suspect|them|him|her|one|youth|including|incl)[ \t]*[(,–—-]?[ \t]*$")
_NICK_AFTER = re.compile(r"(?:['’]s\b|[ \t]+\(|[ \t]+(?i:and[ \t]+(?:his|her|their)|who|has|had|is|was|"
                         r"described|filmed|seen|can|confirms|reports|agrees|believed|lives|drives|runs|deals|sells)\b)")
_NICK_STRONG_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:called|call(?:s|ed)?[ \t]+(?:him|her|them)(?:self)?|named|names[ \t]+(?:him|her)[ \t]+as|nicknamed|aka|"
    r"a\.k\.a\.?|alias|known[ \t]+(?:\w+[ \t]+){0,2}as|knows?[ \t]+(?:\w+[ \t]+)?as|goes[ \t]+by|ex|neighbour|dog|"
    r"cat|mate|pal|"
    r"friend|cousin|brother|sister|lad|fella|bloke|guy|they[ \t]+call|one[ \t]+of[ \t]+them|male|female|youth|man|"
    r"woman)[ \t]*[(,–—-]?[ \t]*$")
_DESCRIBED_AS = re.compile(r"(?i:describe[sd]?(?:[ \t]+\w+){0,3}|descr|looked|looks|seemed|seems|felt|feels|"
                           r"appeared|appears|came[ \t]+across|referred[ \t]+to[ \t]+(?:it|this|that)|treated|"
                           r"recorded|logged|classed|graded)[ \t]+(?:as[ \t]+)?(?:\w+[ \t]+)?[(]?[ \t]*$")
_SPEECH_BEFORE = re.compile(r"(?i:said|says|saying|replied|reply|shouted|shouting|stated|states|told|tells|asked|"
                            r"screamed|yelled|text(?:ed)?|message[ds]?|wrote|writes|posted|words|comment|comments)\b[^\"“'‘\n]{0,6}$")
_NOT_NICK = frozenset("""i you we he she it they me him her us them my your our his their its a an the this that is was
are be not no yes ok okay help police stop sorry please thanks thank hello hi bye mate bro fuck off shut up go away get
back leave alone comment what why who how where when there here all just only really very now never always and or but
if so to of in on at for with from by up down out pal buddy love darling sweetheart son boss chief fella lad babe
hun""".split())


def _quoted_nicks(text: str) -> Iterator[Candidate]:
    if not any(q in text for q in "\"“'‘"):
        return
    for m in _QUOTED.finditer(text):
        nick = m.group("n")
        words = nick.split()
        lows = [w.lower() for w in words]
        if any(w in _NOT_NICK or w in _CALENDAR for w in lows) or is_keep_word(nick) \
                or (len(words) == 1 and is_policing_word(nick)):
            continue
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue  # an apostrophe inside a word ("O'Neill", "don't") opens no quote
        if _SPEECH_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or _DESCRIBED_AS.search(text, max(0, m.start() - 30), m.start()):
            continue
        if all(w[:1].isupper() and not w.isupper() for w in words if w.lower() not in ("n", "and", "the", "of")):
            # written as a name: a cue on either side will do
            if not (_NICK_BEFORE.search(text, max(0, m.start() - 24), m.start()) or _NICK_AFTER.match(text, m.end())):
                continue
        elif len(words) > 2 or not words[0].islower() \
                or not _NICK_STRONG_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "family argument", "another drunk Pole": a quoted phrase in lower case needs a cue that names someone
        # a nickname of two words is found again whole only ("big kev"), never by its first word ("big build")
        layer = "context" if len(words) == 1 or all(w[:1].isupper() for w in words) else "pattern"
        yield Candidate(*m.span("n"), Kind.PERSON, layer, _CONTEXT + 2, key="nick:" + " ".join(lows))


# "PC 2750 A KHATUN ... / A GOLD", "1530 closed. c plant 4402", "0010 ... t reed 5531", "CLOSED BY J HART INSP 9110":
# an initial and a surname (and a collar number) closing a log or a statement sign it.
_SIGNATURE = re.compile(
    r"(?:^|[\n/.]|\d{4})[ \t]*(?:(?i:closed|owner|by|officer|reporting|log\s+owner|pc|ps|dc|ds|sgt|insp)[ \t]+)*"
    r"(?P<n>[A-Za-z]\.?[ \t]+(?:Mc|Mac|O['’])?[A-Za-z][a-z'’A-Z-]{2,})"
    r"(?:[ \t]+(?:" + r"PC|PS|DC|DS|Sgt|Insp|INSP|Cst|pc|ps|insp|sgt" + r")?[ \t]*\d{3,6})?[ \t]*$")


def _closing_signatures(text: str) -> Iterator[Candidate]:
    tail_start = max(0, len(text.rstrip()) - 48)
    m = _SIGNATURE.search(text.rstrip(), tail_start)
    if not m:
        return
    name = m.group("n")
    initial, surname = name.split()[0], name.split()[-1]
    low = surname.lower()
    if surname.lower() in _CLAUSE_WORDS or initial.lower().strip(".") in ("a", "i") and surname.islower() \
            and is_ordinary(low) and low not in SURNAME_LIST:
        return
    if surname.islower() and is_ordinary(low) and low not in SURNAME_LIST and low not in FIRST_NAME_LIST:
        return
    yield _person(*m.span("n"), 5)


# "staff at Paws n Claws", "CCTV from Bargain Booze", "a door supervisor at Flares", "my job at Coral Island", "outside
# Bargain Booze by the crossing": words written with capitals mid-sentence after a word that says where are a name
# (of a place, a shop or a venue), though each is a word of the dictionary.
_TITLED_AFTER_LOCATIVE = re.compile(
    r"(?<=[a-z,)] )(?i:at|outside|from|inside|near|nr|opposite|behind|into|below|above|beside|towards)[ \t]+"
    r"(?P<p>[A-Z][a-z'’]+(?:[ \t]+(?:(?:n|and|&|of|the|is|by)[ \t]+)?[A-Z][a-z'’]+){0,3})(?![\w'’&-])(?![ \t]+\d)")
_NOT_TITLED_PLACE = frozenset("""christmas easter court hospital custody home work school college university church
station police control mum dad nan gran first second third last english scottish welsh irish british polish level
stage section bay cell room floor unit block wing ward team crime branch department squad services service office
command division hub desk person officer""".split())


def _titled_after_locatives(text: str) -> Iterator[Candidate]:
    for m in _TITLED_AFTER_LOCATIVE.finditer(text):
        phrase = m.group("p")
        words = [w for w in phrase.split() if w[:1].isupper()]
        lows = [w.lower() for w in words]
        if any(w in NOT_NAMES or w in _CALENDAR or w in _NOT_TITLED_PLACE for w in lows) or is_keep_word(phrase) \
                or any(is_keep_word(w) or is_policing_word(w) for w in words):
            continue
        if not all(is_ordinary(re.sub(r"['’]s$", "", w)) for w in words):
            continue  # a name of no dictionary words is the other layers' to find and label
        if len(words) == 1 and lows[0] in FIRST_NAME_LIST:
            continue  # "from Will", "with Rose": a person, found elsewhere
        yield _place(*m.span("p"), bump=-4)


# "a barbers called Crown Cutz", "a tattoo studio (Ink'd Up)", "the Mill St gym (Iron Pit)", "the chippy on high st (the
# fryer tuck)": a premises noun and the name it goes by, after "called" or in brackets.
_PREMISES_CALLED = re.compile(
    r"(?<![\w'’-])(?i:barbers?|salon|studio|gym|chippy|takeaway|shop|pub|bar|club|nightclub|cafe|café|restaurant|garage|"
    r"venue|store|firm|company|business|hotel|b&b|guest\s+house|caravan\s+park|school|nursery|centre|hostel|church|"
    r"mosque|charity|project|service|shelter|laundrette|launderette|bakery|butchers?|newsagents?)[ \t]+"
    r"(?:(?i:called|named|known\s+as)[ \t]+(?P<c>[A-Za-z][\w'’&-]*(?:[ \t]+[A-Za-z][\w'’&-]*){0,3}?)(?=[ \t]*[,.;:)\n]|[ \t]+(?i:on|in|at|for)\b|$)"
    r"|\([ \t]*(?:(?i:the)[ \t]+)?(?P<b>[A-Za-z][\w'’&-]*(?:[ \t]+[A-Za-z][\w'’&-]*){0,3})[ \t]*\))")


_OWN_LABEL = re.compile(r"(?:Person|Officer|Mr|Mrs|Ms|Mx|PC|DC|PS|DS)[ \t]+[A-Z]{1,2}")


def _premises_called(text: str) -> Iterator[Candidate]:
    for m in _PREMISES_CALLED.finditer(text):
        group = "c" if m.group("c") else "b"
        name = m.group(group)
        words = name.split()
        if group == "b" and not name[:1].isupper():
            continue  # "(crim dam)": a note in brackets, no name
        if any(w.lower() in _NOT_NICK or w.lower() in _CALENDAR for w in words) or is_keep_word(name) \
                or any(ch.isdigit() for ch in name) or (len(words) == 1 and is_policing_word(name)):
            continue
        if re.fullmatch(r"[A-Z]{2,5}", name) or _OWN_LABEL.fullmatch(name):
            continue  # "(CCTV)": initials are the other layers' business; "(Person C)" is the anonymiser's own label
        yield _place(*m.span(group), bump=-2)


# "Central South BCU", "DIVISION: N - HIGHLANDS AND ISLANDS", "Ward team – Hoxton East", "Beat: Crewe – West Coppenhall":
# the policing area a record names by a place.
_AREA_FIELD = re.compile(
    r"(?<![\w'’-])(?i:bcu|division|beat|ward[ \t]+team|sector|npt|lpa|neighbourhood[ \t]+team)[ \t]*[:–—-][ \t]*"
    r"(?:[A-Z][ \t]*[–—-][ \t]*)?(?P<p>[A-Za-z][A-Za-z'’-]+(?:[ \t]+(?:[A-Za-z][A-Za-z'’-]+|[–—-]|&))*?)"
    r"(?=[ \t]*(?:/|\n|$|[ \t]{2}|,|\())")
_AREA_BEFORE = re.compile(
    r"(?P<p>(?:(?!(?i:north|south|east|west|central)\b)[A-Z][a-z'’]+[ \t]+(?i:north|south|east|west|central)|"
    r"(?i:north|south|east|west|central)[ \t]+(?!(?i:north|south|east|west|central)\b)[A-Z][a-z'’]+))"
    r"[ \t]+(?:BCU|LPA|NPT|(?i:ward|sector|division)\b)")


def _policing_areas(text: str) -> Iterator[Candidate]:
    for m in _AREA_FIELD.finditer(text):
        phrase = m.group("p").strip(" –—-")
        if not phrase or is_keep_word(phrase) or phrase.lower() in NOT_NAMES or len(phrase) > 40:
            continue
        yield _place(m.start("p"), m.start("p") + len(phrase), bump=1)
    for m in _AREA_BEFORE.finditer(text):
        yield _place(*m.span("p"), bump=1)


def find_places_ten_more(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development set 11."""
    return [*_quoted_nicks(text), *_closing_signatures(text), *_titled_after_locatives(text), *_premises_called(text),
            *_policing_areas(text), *find_places_ten_headings(text)]


# A surname of a full name in this text, or of a ranked or titled name, used again alone in a log ("daniel moss ...
# pnc: moss has a wanted marker", "PC Gold & PC Love ... informed by gold", "KEIRON BELL ... MALE (BELL) COMPLIED"),
# though the word is also a word ("moss", "gold", "bell"): where it stands as a name does, after a word that points
# at someone or before what a person does, never after an article or a possessive.
_TITLE_OR_RANK_BEFORE = re.compile(r"(?<![\w'’-])(?i:mr|mrs|ms|miss|mx|dr|pc|pcso|ps|sgt|dc|ds|di|dci|insp|inspector|"
                                   r"sergeant|constable|cst)\.?[ \t]+(?:\d{2,6}[ \t]+)?(?:[A-Za-z]\.?[ \t]+)?$")
_LONE_BEFORE = re.compile(r"(?<![\w'’-])(?i:by|for|per|states|stated|informed|told|pnc|check|checks|contacted|"
                          r"called|phoned|rang|arrested|detained|searched|interviewed|charged|released|conveyed|located|"
                          r"found|saw|shows|showing|owner|reporting)[ \t]+$")
# "(BELL)", "pnc: heath –", "gold & love": a mark before and the clause's end after.
_LONE_MARK_BEFORE = re.compile(r"(?:[(:&]|\b(?i:and))[ \t]*$")
_LONE_END_AFTER = re.compile(r"[ \t]*(?:[),.;&/–—]|$|\n|[ \t]-[ \t])")
# Words that are a colour, a size or a modal before they are a surname: found again only before what a person does.
_WORD_FIRST = frozenset("white black brown green grey gray long short little young will may can must rich mark "
                        "rose grace hope faith joy sue pat bill".split())
_LONE_AFTER = re.compile(r"(?:['’]s\b|[ \t]*[)&]|[ \t]+(?i:has|had|was|is|and|&|with|to|now|then|home|agrees|agreed|"
                         r"advising|advised|requests|requested|reports|reported|resuming|booked|states|stated|said|says|"
                         r"confirms|confirmed|attends|attended|arrived|left|returned|refused|declined|denies|denied|"
                         r"admits|admitted|arrested|detained|released|charged|interviewed|conveyed|transported|taken|"
                         r"located|found|seen|stopped|searched|spoken|informed|wanted|complied|struggled|became|"
                         r"appears|appeared|walked|ran|made|got|came|went|kicked|punched|threatened|shouting|"
                         r"shouted|ringing|rang|called|phoned|texted|messaged|also|again|still|not|who|believed|aka)\b)")
# Words a guess may open with that are no first name used alone: a relation, a size, an age.
_NOT_FIRST = frozenset("big little young old wee baby son sister brother mum dad nan gran auntie uncle cousin".split())
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w'’-])(?i:the|a|an|his|her|their|my|your|our|its|this|that|some|no|any|of|"
                                r"i|we|you|they|he|she|it|would|will|to|very|so|too|really)"
                                r"[ \t]+$")


def lone_surnames(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """`chosen` with the surnames of this text's people found again alone where they read as names."""
    words: dict[str, str | None] = {}
    for c in chosen:
        if c.kind is not Kind.PERSON or (c.key or "").startswith("nick:"):
            continue  # a nickname ("T Line") is no surname
        if c.start and text[c.start - 1] in "\"“'‘":
            continue  # nor a quoted phrase ("called her "another drunk Pole"")
        parts = re.findall(r"[A-Za-z][\w'’-]*", text[c.start:c.end])
        if not parts:
            continue
        last = re.sub(r"['’]s$", "", parts[-1])
        ranked = len(parts) == 1 and _TITLE_OR_RANK_BEFORE.search(text, max(0, c.start - 24), c.start)
        if len(parts) < 2 and not ranked:
            continue
        if len(parts) >= 2 and c.layer in ("default", "gazetteer", "ner") and parts[0].lower() not in FIRST_NAME_LIST:
            continue  # a guess ("grey toyota prius") names no one
        low = last.lower()
        if len(low) >= 3 and is_ordinary(low) and low in SURNAME_LIST and not _no_name(last, slot=True):
            # a surname of no dictionary word is found again by `resolve.propagate`; "Herbert Form" is none
            words.setdefault(low, c.key)
        first = parts[0].lower()
        if len(parts) >= 2 and len(first) >= 3 and is_ordinary(first) and first in FIRST_NAME_LIST \
                and not _no_name(parts[0], slot=True) and not ranked and first not in RELATIONS \
                and first not in _NOT_FIRST:
            words.setdefault(first, c.key)  # "dean hamilton 14 ... took dean home": the first name too
    if not words:
        return chosen
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    extra = []
    for m in re.finditer(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-]|['’](?!s\b))", text,
                         re.IGNORECASE):
        if any(taken[m.start():m.end()]):
            continue
        if _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        after = _LONE_AFTER.match(text, m.end())
        if m.group().lower() in _WORD_FIRST:
            if not after or re.match(r"[ \t]*(?:[)&]|(?i:and|&|with|to|now|then|home|also|again|still|not)\b)",
                                     text[m.end():m.end() + 8]):
                continue
        elif not (after or _LONE_BEFORE.search(text, max(0, m.start() - 16), m.start())
                  or (_LONE_MARK_BEFORE.search(text, max(0, m.start() - 6), m.start())
                      and _LONE_END_AFTER.match(text, m.end()))):
            continue
        extra.append(Candidate(m.start(), m.end(), Kind.PERSON, "propagated", PRIORITY["propagated"],
                               key=words[m.group().lower()]))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


# "- Settle: break-in at the café", "- Horton in Ribblesdale: walkers lost", "* Cockermouth - burglary at the chippy": a
# handover's bullet opens with the place it is about.
_BULLET_PLACE = re.compile(r"(?m:^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?P<p>[A-Z][\w'’-]+(?:[ \t]+(?:(?:in|on|upon|under|le|y|"
                           r"by|and|&)[ \t]+)?[A-Z][\w'’-]+){0,3})[ \t]*(?::|[ \t][-–—][ \t]))")


def _bullet_places(text: str) -> Iterator[Candidate]:
    for m in _BULLET_PLACE.finditer(text):
        phrase = m.group("p")
        words = [w for w in phrase.split() if w[:1].isupper()]
        lows = [w.lower() for w in words]
        if is_keep_word(phrase) or any(is_keep_word(w) or is_policing_word(w) or w in NOT_NAMES or w in _CALENDAR
                                       or w in _NOT_TITLED_PLACE for w, w0 in zip(lows, words)):
            continue
        if not (phrase.lower() in UK_PLACE_LOWER or any(w in UK_PLACE_LOWER and not w0.isupper()
                                                        for w, w0 in zip(lows, words))):
            continue  # "- Traffic - lorry shed its load", "- AEP: No", "- Roblox: handle": no town's name
        if len(words) <= 2 and lows[0] in FIRST_NAME_LIST and lows[0] not in UK_PLACE_LOWER:
            continue  # "- Amber: missing again": a person, found elsewhere
        yield _place(*m.span("p"), subtype="town", bump=-2)


# "To: West Cumbria Response D Shift; Whitehaven NPT", "To: Skipton Response; Settle SNT; Craven Rural Taskforce",
# "Area: South Holland - Spalding": a team or an area named by its place in a message's or record's heading.
_TEAM_PLACE = re.compile(
    r"(?P<p>(?:[A-Z][\w'’-]+[ \t]+(?:(?:&|and)[ \t]+)?){1,3})(?=(?i:response|npt|snt|rural[ \t]+taskforce|cid|"
    r"neighbourhood[ \t]+team|roads[ \t]+policing|custody|lpa)\b)")
_AREA_LINE = re.compile(r"(?m:^[ \t]*(?:Area|AREA|Subject|SUBJECT)[ \t]*:[ \t]*(?:(?:FW|RE|Fwd)[ \t]*:[ \t]*)?"
                        r"(?:[\w ]{0,30}?[ \t][-–][ \t])?(?P<p>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]*(?:$|[-–/]))")


_COMPASS = frozenset("north south east west central".split())


def _team_places(text: str) -> Iterator[Candidate]:
    for m in _TEAM_PLACE.finditer(text):
        phrase = re.sub(r"[ \t]+(?:and|&)$", "", m.group("p").rstrip())
        words = [w for w in phrase.split() if w[:1].isupper()]
        lows = [w.lower() for w in words]
        if any(w.isupper() for w in words):
            continue  # "VRU and CID": a unit's initials, no place
        if any(is_keep_word(w) or (w in NOT_NAMES and w not in _COMPASS) or w in _CALENDAR
               or (is_policing_word(w) and w not in UK_PLACE_LOWER and w not in _COMPASS) for w in lows):
            continue
        if not (any(w in UK_PLACE_LOWER for w in lows) or not all(is_ordinary(w) or w in _COMPASS for w in lows)):
            continue
        yield _place(m.start("p"), m.start("p") + len(phrase), bump=-1)
    for m in _AREA_LINE.finditer(text):
        phrase = m.group("p")
        words = phrase.split()
        lows = [w.lower() for w in words]
        if any(is_keep_word(w) or w in NOT_NAMES or w in _CALENDAR for w in lows) or is_policing_word(phrase):
            continue
        if not (any(w in UK_PLACE_LOWER for w in lows) or not all(is_ordinary(w) for w in words)):
            continue
        yield _place(*m.span("p"), bump=-1)


# "check with sgt roberts", "spoke to mr pike": a surname after a rank or title in a line of lower case, though the
# re-casing left it lower (a plural-looking "roberts", a word "pike").
_LOWER_RANKED = re.compile(r"(?<![\w'’-])(?:sgt|pc|ps|dc|ds|insp|pcso|mr|mrs|ms|miss|dr)\.?[ \t]+(?P<s>[a-z][a-z'’]+"
                           r"(?:-[a-z][a-z'’]+)?)(?![\w'’-])")


def _lower_ranked(text: str) -> Iterator[Candidate]:
    for m in _LOWER_RANKED.finditer(text):
        word = m.group("s")
        if _no_name(word) or (is_ordinary(word) and word not in SURNAME_LIST) or not re.search(r"[aeiouy]", word) \
                or (word not in SURNAME_LIST and len(word) < 4):
            continue  # "ps sts" (states): an abbreviation, no surname
        yield _person(*m.span("s"), 2)


# "He gave his name as Clive MOSS", "Rhydian WATKINS": a first name and a surname written in capitals, the custom of
# police records, whatever the surname means.
_FIRST_CAPS = re.compile(r"\b(?P<f>[A-Z][a-z'’]+)[ \t]+(?P<s>(?:MC|MAC|O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?)(?![\w'’-])")


def _first_then_caps(text: str) -> Iterator[Candidate]:
    for m in _FIRST_CAPS.finditer(text):
        first, surname = m.group("f"), m.group("s")
        if first.lower() not in FIRST_NAME_LIST or first.lower() in NOT_NAMES or is_keep_word(surname) \
                or surname.lower() in NOT_NAMES or len(surname) < 3:
            continue
        if (is_ordinary(surname) or len(surname) < 4) and surname.lower() not in SURNAME_LIST:
            continue  # "Will STOP", "Neill STS" (states): a word or an abbreviation in capitals
        yield _person(m.start("f"), m.end("s"), 4)


def find_places_ten_headings(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development set 13."""
    return [*_bullet_places(text), *_team_places(text), *_lower_ranked(text), *_first_then_caps(text)]


# "BELIEVED TO BE MARK MCCARTHY", "keeper will price": a line in one case, re-cased, leaves a first name that is also a
# word in lower case before the surname the name layers found; after a word that introduces a person it is the name.
_FIRST_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<f>[a-z][a-z'’]{2,11})[ \t]+$")
_INTRODUCES = re.compile(r"(?:(?<![\w'’-])(?i:be|is|was|as|named|called|keeper|owner|caller|rp|ip|dp|victim|suspect|male|"
                         r"female|and|&|with|by|from|to|v|vs|mr|mrs|ms|miss|aka)|[:,(/–—-]|\d{4}|^)[ \t]*$")


def first_names_before_surnames(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        if c.kind is Kind.PERSON and c.start and text[c.start:c.start + 1].isupper() \
                and not (out and out[-1].end > c.start - 13):
            w = _FIRST_WORD_BEFORE.search(text, max(0, c.start - 14), c.start)
            if w and w.group("f") in FIRST_NAME_LIST and is_ordinary(w.group("f")) \
                    and not _no_name(w.group("f"), slot=True) and w.group("f") not in _NOT_FIRST \
                    and w.group("f") not in RELATIONS \
                    and _INTRODUCES.search(text, max(0, w.start() - 12), w.start()):
                c = Candidate(w.start("f"), c.end, Kind.PERSON, c.layer, c.priority, key=c.key, gender=c.gender)
        out.append(c)
    return out


def names_again(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The post-pass of this module: ordinary-word surnames and first names found again, first names before surnames."""
    return lone_surnames(text, first_names_before_surnames(text, chosen))
