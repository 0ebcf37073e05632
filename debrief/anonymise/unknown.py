"""Keep only what is known to be safe: every capitalised run that is not an ordinary or policing word
is a candidate name or place; plus named premises, initials, quoted nicknames and misspelt surnames."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .denylist import PersonRecord
from .entities import PRIORITY, Candidate, Kind
from .fold import fold
from .gazetteer import CAR_MAKES
from .keep import is_keep_word
from .vocab import NOT_NAMES, RANK_RE, STAFF_ROLES, TITLE_RE
from .lexicon import FIRST_NAME_LIST, NAME_LIST, is_policing_word, SAFE_PROPER, UK_PLACE_LOWER, UK_PLACES, is_ordinary, is_safe_capitalised
from .phrases import (CAPITAL, RANK_AT, WORD_CAPITAL, PhraseMatcher, Tokens, finditer_at, finditer_before,
                      keyword_trigger, lowered)

_PRIO = PRIORITY["default"]
_RANK_END = re.compile(r"(?<![\w/])(?:" + RANK_RE + r")\.?\s*$")
# "CONTROLLER 7781 DEBBIE YOUNG", "call handler 5521 Sam Ross": a staff role, its number, the person.
_ROLE_END = re.compile(r"(?<![\w/])(?i:" + "|".join(re.escape(r) for r in sorted(STAFF_ROLES, key=len, reverse=True))
                       + r"|staff|badge|shoulder|warrant)(?:\s+(?i:no|number))?\.?\s*$")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*")
# A sentence, a line or a list item starts here ("- Add the weapon field", "* Open").
_SENTENCE_START = re.compile(r"(?:^|^[-–—*•]|[.!?:;•\n]|\s[-–—])[\s\"“‘'(\[*]*$")
_CONNECTORS = frozenset("de da di del della van von der den la le du al el bin ibn ap ab y yr o mac "
                        "st".split())
_LOCATIVE = frozenset("in near outside towards toward into via around through across past beyond "
                      "opposite behind".split())
# Words before a place or a person ("spoke to Nowak", "went to Maltby"): a place unless a name.
_WEAK_LOCATIVE = frozenset("at from to on along attended visited entered searched reached reach left "
                           "off onto".split())
_PLACE_START = re.compile(
    r"(?:Ffordd|Heol|Stryd|Lon|Llan|Aber|Pont|Cwm|Caer|Bryn|Pen|Tre|Glan|Ystrad|Kil|Inver|Auchter|Strath|"
    r"Dun|Glen|Loch|Kirk|Drum|Bal|Bally|Carrick|Knock|Lis|Mullagh|Derry|Newtown)[a-z]*$"
)
_NAME_VERBS = frozenset("said told was had says is asked went stated explained called rang did would "
                        "could and agreed replied shouted".split())
_PREMISES = (
    r"takeaway|pub|caf[eé]|restaurant|chapel|mosque|church|gurdwara|temple|shop|store|stores|bar|"
    r"nail\s+bar|salon|barbers?|kebab\s+shop|kebabs|grill|chippy|bakery|launderette|garage|"
    r"off[- ]licence|newsagents?|supermarket|hotel|club|gym|surgery|academy|hostel|car\s+wash|"
    r"retail\s+park|pharmacy|chemist|bookmakers|bookies|nightclub|venue|"
    # Places named by the words before them: "the Marsh Farm estate", "Willow ward", "Overdale Primary".
    r"estate|ward|primary|church\s+hall|bus\s+station|towers|crime\s+suite"
)
_PREMISES_AFTER = re.compile(
    r"(?P<name>(?:[A-Z][\w'’&.-]*\s+(?:(?:and|&|of|the)\s+)?){1,4})(?P<noun>" + _PREMISES + r")\b"
)
_PREMISES_WORDS = (r"Stores|Grill|Takeaway|Cafe|Café|Nails|Salon|Barbers|Kebabs|Kebab House|Restaurant|"
                   r"Bakery|Supermarket|Garage|Motors|Pharmacy|Chemist|Bistro|Diner|Pizza|Pizzeria|"
                   r"Balti|Tandoori|Spice|Fish Bar|Chippy|Launderette|Gym|Boxing Club|Snooker Club")
_PREMISES_NAMED = re.compile(r"\b(?P<name>(?:[A-Z][\w'’&-]*\s+){1,3})(?:" + _PREMISES_WORDS + r")\b")
_COMPANY = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*(?:&|and)\s*(?:Sons|Son|Co|CO|Partners)\b"
    r"(?:\s+(?:Ltd|Limited|LLP|PLC|Plc))?\b|\b(?:[A-Z][\w'’&-]*\s+){1,4}(?:Ltd|Limited|LLP|PLC|Plc)\b"
)
# The keywords the premises and company patterns end in (see phrases.finditer_before).
_PREMISES_ANCHOR = re.compile(r"(?:" + _PREMISES + r")\b")
_PREMISES_NAMED_ANCHOR = re.compile(r"(?:" + _PREMISES_WORDS + r")\b")
_COMPANY_ANCHOR = re.compile(r"(?:Sons|Son|Co|CO|Partners|Ltd|Limited|LLP|PLC|Plc)\b")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?![\w])")
# "T. Beckford", "E W HUGHES", "Signed R Bevan": initials before a name, dotted or not (not "A" or "I" undotted, which
# are words, nor the letter of the anonymiser's own label "Person F" or a division's after a number, "0419 N Div").
_INITIAL_BEFORE = re.compile(r"(?:\b(?:[A-Z]\.\s?|(?<!Person )(?<!Officer )(?<!\d )[B-HJ-Z][ \t])){1,3}\s*$")
_NOT_INITIALS = frozenset({"U.K.", "U.S.", "A.M.", "P.M.", "D.O.B.", "E.G.", "I.E.", "N.B.", "P.S.",
                           "U.S.A.", "R.I.P.", "A.K.A.", "Q.C.", "K.C."})
_NICK_CUE = re.compile(
    r"\b(?i:known\s+(?:locally\s+|locally\s+to\s+police\s+|round\s+here\s+|on\s+the\s+street\s+)?as:?|"
    r"aka:?|a\.k\.a\.?|goes\s+by|calls?\s+(?:himself|herself|themselves)|nicknamed|display\s+name|profile\s+name|"
    r"called(?:\s+(?:the|a)\s+(?:\w+\s+)?(?:one|lad|man|woman|girl|boy|guy|bloke|kid|male|female))?|named|street\s+name|calls?\s+(?:him|her|them)|believed\s+to\s+be|referred\s+to\s+(?:by\s+[\w\s]{2,20}?\s+)?as|"
    r"(?:ringleader|leader|one\s+of\s+them|driver|suspect|name|nickname|dealer|supplier|runner|boss)\s+(?:is|was)|gives?\s+(?:name|his\s+name|her\s+name)|"
    r"(?<=[\"”’'])\s+or|mate|associate|manager|friend|boyfriend|girlfriend|partner|cousin|uncle|brother|sister|"
    r"farmer|lad|male|female|man|woman)\s+(?:(?:as|the)\s+)?[\"“‘'](?P<n>[^\"”’'\n]{1,30}?)[\"”’']"
)
# Where a nickname cue may start (the first words of _NICK_CUE's cues; its cue after a closing quote cannot
# match, as "\b" fails between a quote and a space).
_NICK_CUE_TRIGGER = keyword_trigger(
    "known aka a.k.a goes call nicknamed display profile named street believed referred ringleader leader one "
    "driver suspect name nickname dealer supplier runner boss give mate associate manager friend boyfriend "
    "girlfriend partner cousin uncle brother sister farmer lad male female man woman".split())
# 'Bridget "Biddy" Price', "JOSHUA 'JOSH' KEEGAN": a nickname inside a full name takes the whole name.
_NAME_NICK_NAME = re.compile(r"\b[A-Z][\w'’-]+\s+[\"“‘'][A-Za-z][^\"”’'\n]{0,20}[\"”’']\s+[A-Z][\w'’-]+"
                             r"(?:[ \t]+(?P<x>[A-Z][\w'’-]+)\b)?")
# "PC R*** M*****", "Sgt 'M'": a masked name or a quoted letter after a rank is still a person.
_MASKED_AFTER_RANK = re.compile(r"(?<![\w/])(?:" + RANK_RE + r")\.?\s+(?:(?P<q>[\"“‘'])(?P<l>[A-Z])[\"”’']|"
                                r"(?P<m>[A-Z]\*+(?:\s+[A-Z]\*+)?))")
# "Zeeshan Butt", "Pa Ward": a listed first name and the capitalised word after it, even an ordinary one.
_FIRST_THEN_WORD = re.compile(r"\b(?P<f>[A-Z][a-z]+)\s+(?P<s>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!['’]?\s*(?:Road|Street|Lane|"
                              r"Avenue|Close|Drive|Way|Hospital|Station|School|Centre|Park|Court|House|Police|Constabulary))")
# A short quoted phrase in capitals ("Spud", "Big Fraz", "BIG TAM", "Mrs P"): a nickname unless it is kept.
_QUOTED_CAPS = re.compile(r"(?:[\"“]|(?<![\w])')(?P<n>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:[\"”]|'(?![\w]))")
_NICK_BARE = re.compile(
    # "known to everyone on the estate as Cookie", "known locally and to police as Spider": who knows them, then the name.
    r"\b(?i:known(?:\s+(?:to|by|on|in|around|round|locally|across|throughout|among|amongst)\b[^.;:\n\"“]{0,50}?)?\s+as|"
    r"aka|a\.k\.a\.?|goes\s+by|calls?\s+(?:himself|herself|themselves)|nicknamed)\s+"
    r"(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


_CAP_WORD = re.compile(r"\b[A-Z][A-Za-z]{4,}(?:['’]s)?\b")


_AGE_CUE_END = re.compile(r"\b(?i:aged?|aged\s+about)\s+$")
_DECADE_NUMBER = re.compile(r"[1-9]0[sS],")
_LOG_TIME_BEFORE = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d\s+$")


def _no_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text, max(0, start - 8), start))


# "a silver Mercedes", "his Kia", "veh Mercedes": the words that make a car make the car and not a first name.
_VEHICLE_CUE_BEFORE = re.compile(r"\b(?i:a|an|the|his|her|their|my|silver|black|white|grey|gray|blue|red|green|"
                                 r"yellow|orange|gold|dark|light|old|new|stolen|hired|marked|unmarked|veh|vehicle|"
                                 r"car|van|drove|driving|driven|in)\s+$")


def _first_name_make(text: str, make: re.Match[str], surname: str) -> bool:
    """"met Mercedes Garcia": a make that is also a first name, before a listed surname and after no vehicle word,
    opens a person's name (the model of "a silver Mercedes Sprinter" is no surname)."""
    return make.group().lower() in FIRST_NAME_LIST and surname in NAME_LIST and not is_ordinary(surname) \
        and not _VEHICLE_CUE_BEFORE.search(text, max(0, make.start() - 12), make.start())


def _unsafe(text: str, m: re.Match[str], words: Sequence[re.Match[str]], i: int) -> bool:
    word = m.group()
    if not word[0].isupper():
        return False
    if word.isupper() and (len(word) <= 4 or word.lower() not in NAME_LIST):
        return False  # an acronym ("PSIRF"); a name in capitals ("HUGHES") is not
    base = _no_possessive(word)
    low = base.lower()
    if low in SAFE_PROPER and low not in NAME_LIST:
        return False
    if i and words[i - 1].group() in CAR_MAKES and text[words[i - 1].end():m.start()] == " " \
            and not _first_name_make(text, words[i - 1], low):
        return False  # "Seat Leon", "Vauxhall Corsa": a model, not a person
    if _sentence_start(text, m.start()):
        if low in NOT_NAMES or low in ("she", "he", "her", "his", "they"):
            return False
        if not is_ordinary(low):
            return True
        if low in NAME_LIST and i + 1 < len(words):
            nxt = words[i + 1].group()
            gap = text[m.end():words[i + 1].start()]
            return gap == " " and (nxt.lower() in _NAME_VERBS or nxt.lower() in _CONNECTORS or (
                nxt[0].isupper() and not is_safe_capitalised(nxt)))
        return False
    return not is_safe_capitalised(base)


def _runs(text: str) -> Iterator[tuple[int, int]]:
    words = list(_WORD.finditer(text))
    # _unsafe is False for a word without a capital: such words (most of them) skip the call.
    flags = [_unsafe(text, m, words, i) if m.group()[0].isupper() else False for i, m in enumerate(words)]
    i = 0
    while i < len(words):
        if not flags[i]:
            i += 1
            continue
        first = last = i
        # Absorb capitalised neighbours ("Ribble Valley") and connectors between unsafe words.
        j = i + 1
        while j < len(words) and text[words[j - 1].end():words[j].start()] in (" ", "-", " & "):
            w = words[j].group()
            if flags[j] or (_absorbable(w)):
                last = j
            elif w.lower() in _CONNECTORS:
                # "van der Merwe", "bin Said", "Heol y Nant": particles between the parts of one name
                k = j
                while k + 1 < len(words) and words[k].group().lower() in _CONNECTORS \
                        and text[words[k].end():words[k + 1].start()] == " " and k - j < 2:
                    k += 1
                if not flags[k] or words[k].group().lower() in _CONNECTORS:
                    break
                last = j = k
            else:
                break
            j += 1
        k = first - 1
        while k >= 0 and text[words[k].end():words[k + 1].start()] in (" ", "-") and \
                _absorbable(words[k].group()) and text[words[k].start() - 1:words[k].start()] not in \
                "0123456789" and \
                not _sentence_start(text, words[k].start()):
            first = k
            k -= 1
        yield words[first].start(), words[last].end()
        i = last + 1


def _absorbable(word: str) -> bool:
    """A capitalised word that may join an unknown run ("Ribble Valley"): not an acronym or rank."""
    return word[0].isupper() and not (word.isupper() and len(word) <= 4) and not _policing(word)


def _policing_only(word: str) -> bool:
    """Ranks, titles, months, weekdays and kept terms: never a surname."""
    return is_policing_word(word)


def _policing(word: str) -> bool:
    low = word.lower()
    return is_ordinary(low) and low not in NAME_LIST and low not in UK_PLACE_LOWER or low in (
        "mr", "mrs", "ms", "miss", "dr", "pc", "ps", "sgt", "dc", "ds", "di", "insp")


def _default(text: str) -> Iterator[Candidate]:
    for start, end in _runs(text):
        end = start + len(_no_possessive(text[start:end]))
        number = re.search(r"(?<![\d:./£$-])(?<!\d\s)\b\d{1,4}[A-Za-z]?,?\s+$", text[max(0, start - 8):start])
        before = re.search(r"([A-Za-z]+)[\s,]*$", text[max(0, start - 20):start])
        prev = before.group(1).lower() if before else ""
        name = text[start:end]
        if number and _RANK_END.search(text, max(0, start - len(number.group()) - 12),
                                       start - len(number.group())):
            number = None  # "PC 1234 Jones": a collar number, not a house number
        elif number and _ROLE_END.search(text, max(0, start - len(number.group()) - 30),
                                         start - len(number.group())):
            # "controller 7781 Debbie Young": a staff number and the person, not a house and its street
            yield Candidate(start - len(number.group()), start - len(number.group()) + len(number.group().rstrip(", ")),
                            Kind.COLLAR, "pattern", PRIORITY["pattern"] + 3)
            yield Candidate(start, end, Kind.PERSON, "context", PRIORITY["context"])
            continue
        elif number and _AGE_CUE_END.search(text, max(0, start - len(number.group()) - 12), start - len(number.group())):
            number = None  # "aged 27, Cheetham Hill": an age, then where they live
        elif number and _DECADE_NUMBER.match(number.group()):
            number = None  # "late 20s, Grey Trackie", "early 20s, believed living": an age band, not a house number
        elif number and _LOG_TIME_BEFORE.search(text, max(0, start - 8), start) and \
                (start - len(number.group()) == 0 or text[start - len(number.group()) - 1] == "\n"):
            number = None  # "0712 GWILYM WALKS...": a log line's time, not a house number
        if number:
            yield Candidate(start - len(number.group()), end, Kind.ADDRESS, "default", _PRIO,
                            subtype="address")
        elif prev in _LOCATIVE or name.lower() in UK_PLACE_LOWER or _PLACE_START.match(name.split()[0]) or (
                prev in _WEAK_LOCATIVE and not any(w.lower() in NAME_LIST for w in name.split())):
            yield Candidate(start, end, Kind.PLACE, "default", _PRIO, subtype="town"
                            if name.lower() in UK_PLACE_LOWER else "")
        else:
            yield Candidate(start, end, Kind.PERSON, "default", _PRIO)


_THE_NAMED = re.compile(
    r"\b(?i:at|in|outside|inside|near|from|into|behind|opposite|towards|past)\s+[Tt]he\s+"
    r"(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,3})\b"
)


_CAR_MODELS = frozenset("""corsa fiesta focus golf polo astra qashqai juke octavia clio ibiza transit sprinter yaris prius
civic micra mondeo kuga tiguan punto insignia zafira passat fabia sandero duster ranger hilux navara defender
discovery evoque freelander shogun pajero outlander sportage tucson berlingo partner caddy vivaro trafic
""".split())


def _premises(text: str) -> Iterator[Candidate]:
    # "at the Three Tuns", "in the Golden Dragon": a capitalised name after "at the" is a place.
    for m in _THE_NAMED.finditer(text):
        words = m.group("name").split()
        if words[-1] in CAR_MAKES or words[-1].lower() in _CAR_MODELS:
            continue  # "thrown at the Land Rover", "left in the Ranger": a vehicle, not a venue
        if not all(is_policing_word(w) for w in words):
            yield Candidate(*m.span("name"), Kind.PLACE, "pattern", PRIORITY["pattern"] - 2, subtype="venue")
    for m in finditer_before(_PREMISES_AFTER, CAPITAL, _PREMISES_ANCHOR, text):
        start = m.start("name")
        words = text[start:m.end("name")].split()
        while words and (words[0].lower() in ("the", "a", "an", "at", "in", "to", "from", "of", "and")
                         or _sentence_start(text, start) and is_ordinary(words[0]) and len(words) > 1
                         and words[0].lower() in ("outside", "inside", "near", "behind", "opposite")):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        if not words or all(_policing(w) and w.lower() not in SAFE_PROPER and is_ordinary(w.lower())
                            and w.lower() in _GENERIC for w in words):
            continue
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        yield Candidate(start, m.end("noun"), Kind.PLACE, "pattern", PRIORITY["pattern"] + 1,
                        subtype="premises:" + noun)
    for m in finditer_before(_PREMISES_NAMED, WORD_CAPITAL, _PREMISES_NAMED_ANCHOR, text):
        start = m.start("name")
        if text[start:].split()[0].lower() in ("the", "a", "an"):
            start += len(text[start:].split()[0]) + 1
        yield Candidate(start, m.end(), Kind.PLACE, "pattern", PRIORITY["pattern"], subtype="shop")
    for m in finditer_before(_COMPANY, WORD_CAPITAL, _COMPANY_ANCHOR, text):
        if not _policing(m.group().split()[0]):
            yield Candidate(m.start(), m.end(), Kind.PLACE, "pattern", PRIORITY["pattern"], subtype="business")
    if "&" in text:
        # "the Lamb & Flag", "Chantry Food & Wine": a name joined by "&" is a business, unless policing words.
        for m in _AMPERSAND_NAME.finditer(text):
            words = re.findall(r"[A-Za-z]+", m.group())
            if _RANK_OR_TITLE.search(m.group()):
                continue  # "PC Chauhan & DC Stuart Lamb", "Mr & Mrs Okafor": people, not a business
            if not all(is_keep_word(w) or (_policing(w) and w.lower() not in SAFE_PROPER) and w.isupper()
                       for w in words) and not is_keep_word(m.group()):
                yield Candidate(m.start(), m.end(), Kind.PLACE, "pattern", PRIORITY["pattern"] - 1, subtype="business")
    for m in _POSSESSIVE_PREMISES.finditer(text):
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        yield Candidate(m.start("name"), m.end("noun"), Kind.PLACE, "pattern", PRIORITY["pattern"] + 1,
                        subtype="premises:" + noun)
    for m in _PREMISES_BEFORE.finditer(text):
        if not all(is_ordinary(w) for w in m.group("name").split()):
            yield Candidate(m.start(), m.end(), Kind.PLACE, "pattern", PRIORITY["pattern"], subtype="business")


_RANK_OR_TITLE = re.compile(r"(?<![\w/])(?:" + RANK_RE + "|" + TITLE_RE + r")\.?(?=\s|&|$)")
_AMPERSAND_NAME = re.compile(r"\b(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+\s*&\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# "Morley's chicken shop", "Patel's corner shop": a possessive name, a describing word, a premises noun.
_POSSESSIVE_PREMISES = re.compile(r"\b(?P<name>[A-Z][\w-]+['’]s)\s+(?:[a-z]+\s+)?(?P<noun>" + _PREMISES + r")\b")
# "outside CAFÉ LISBOA", "at Café Nero's": a premises noun before the name.
_PREMISES_BEFORE = re.compile(r"\b(?i:caf[eé]|bar|club|restaurant|pizzeria|bistro|salon|studio)\s+"
                              r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_GENERIC = frozenset("local nearby same police custody the a hospital".split())


def _nicknames(text: str) -> Iterator[Candidate]:
    quoted = any(q in text for q in "\"“‘'")
    low = lowered(text)
    bare = any(w in low for w in ("known", "aka", "a.k.a", "goes", "call", "nicknamed"))
    for m in (finditer_at(_NICK_CUE, _NICK_CUE_TRIGGER, text) if quoted else ()):
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 2)
    for m in (_NICK_BARE.finditer(text) if bare else ()):
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 2)
    for m in (finditer_at(_MASKED_AFTER_RANK, RANK_AT, text) if "*" in text or "'" in text or '"' in text
              or "‘" in text or "“" in text else ()):
        span = m.span("l") if m.group("l") else m.span("m")
        yield Candidate(*span, Kind.PERSON, "context", PRIORITY["context"] + 1)
    for m in _FIRST_THEN_WORD.finditer(text):
        first, second = m.group("f"), m.group("s")
        if not is_ordinary(first.lower()) and first.lower() not in SAFE_PROPER \
                and (first.lower() in FIRST_NAME_LIST or first.lower() not in UK_PLACE_LOWER) \
                and not is_keep_word(first) and not is_keep_word(second) \
                and second.lower() not in NOT_NAMES and not _policing_only(second):
            yield Candidate(m.start(), m.end(), Kind.PERSON, "context", PRIORITY["context"])
    for m in (_NAME_NICK_NAME.finditer(text) if quoted else ()):
        if not _policing(m.group().split()[0]):
            # "Gustavo "Guga" Mendes Carvalho": a second surname too, unless an ordinary word.
            end = m.end() if m.group("x") and not is_ordinary(m.group("x")) else m.start("x") if m.group("x") else m.end()
            yield Candidate(m.start(), len(text[:end].rstrip()), Kind.PERSON, "context", PRIORITY["context"] + 3)
    for m in (_QUOTED_CAPS.finditer(text) if quoted else ()):
        words = m.group("n").split()
        if not is_keep_word(m.group("n")) and not all(_policing(w) for w in words) \
                and not (len(words) > 2 and m.group("n").isupper()):
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 1)
    for m in _INITIALS.finditer(text):
        if m.group().replace(" ", "") not in _NOT_INITIALS:
            yield Candidate(m.start(), m.end(), Kind.PERSON, "context", PRIORITY["context"])


def _distance(a: str, b: str, limit: int) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _variants(text: str, records: Sequence[PersonRecord]) -> Iterator[Candidate]:
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for r in records:
        for token in r.tokens:
            for part in re.split(r"[-\s]", fold(token)):
                if len(part) >= 5:
                    by_letter.setdefault(part[0].lower(), []).append((part.lower(), r.key))
    if not by_letter:
        return
    for m in _CAP_WORD.finditer(text):
        word = _no_possessive(m.group())
        low = word.lower()
        forms = by_letter.get(low[0])
        if not forms or len(word) < 5:
            continue
        for form, key in forms:
            limit = 1 if len(form) <= 7 else 2
            if form != low and abs(len(form) - len(low)) <= limit and _distance(low, form, limit) <= limit and (
                    not is_ordinary(low) or not _sentence_start(text, m.start())):
                yield Candidate(m.start(), m.start() + len(word), Kind.PERSON, "deny", PRIORITY["deny"] - 1,
                                key=key)
                break


_PLACES: PhraseMatcher[bool] = PhraseMatcher()
_PLACES.extend(((p, all(is_ordinary(w) for w in p.split())) for p in UK_PLACES
                if p[:1].isupper() and p not in CAR_MAKES and not is_policing_word(p)), exact=True)


def _listed_places(text: str, tokens: Tokens | None) -> Iterator[Candidate]:
    """Towns and villages of the shipped UK list; one made of ordinary words only after "in", "near"..."""
    for start, end, ordinary in _PLACES.find(text, tokens):
        if ordinary:
            before = re.search(r"([A-Za-z]+)[\s,]*$", text[max(0, start - 20):start])
            prev = before.group(1).lower() if before else ""
            if prev not in _LOCATIVE and prev not in _WEAK_LOCATIVE:
                continue
        yield Candidate(start, end, Kind.PLACE, "gazetteer", PRIORITY["gazetteer"] + 1, subtype="town")


# Letters of scripts other than Latin (Chinese, Arabic, Cyrillic, Greek, Devanagari, Bengali, Hebrew...): in
# an English police record a word written in them is a name ("LIANG Zihan (梁子涵)").
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0750-\u077f\u0900-\u0dff\u0e00-\u0eff"
                           r"\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+"
                           r"(?:[ \u00b7\u30fb][\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0900-\u0dff\u4e00-\u9fff\uac00-\ud7af]+)*")


def _other_scripts(text: str) -> Iterator[Candidate]:
    if text.isascii():
        return
    for m in _OTHER_SCRIPT.finditer(text):
        yield Candidate(m.start(), m.end(), Kind.PERSON, "context", PRIORITY["context"])


def find_unknown(text: str, records: Sequence[PersonRecord], tokens: Tokens | None = None) -> list[Candidate]:
    """Default candidates (unknown capitalised runs), premises, nicknames, initials, spelling variants."""
    return [*_default(text), *_premises(text), *_nicknames(text), *_variants(text, records),
            *_listed_places(text, tokens), *_other_scripts(text)]


_PARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:O|Ó|Ni|Ní|Nic|Mac|Mc|Ua|Ui|Uí|Mhic|ap|ab|de|van|von|da|di|del|al|el|bin|bint|ibn)"
                              r"(?:\s+(?:an|na|der|den|la|le))?\s+$")


def extend_initials(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"V. Marchetti-Lowe", "T. Beckford", "Ó Cathasaigh", "S. Ó Floinn": the particles and initials before a
    name go with it."""
    out: list[Candidate] = []
    for c in chosen:
        if c.kind is Kind.PERSON:
            p = _PARTICLE_BEFORE.search(text, max(0, c.start - 12), c.start)
            if p and (not out or out[-1].end <= p.start()):
                c = Candidate(p.start(), c.end, c.kind, c.layer, c.priority, c.subtype, c.key, c.title,
                              c.role, c.gender, c.value)
            m = _INITIAL_BEFORE.search(text, max(0, c.start - 9), c.start)
            if m and (not out or out[-1].end <= m.start()):
                c = Candidate(m.start(), c.end, c.kind, c.layer, c.priority, c.subtype, c.key, c.title,
                              c.role, c.gender, c.value)
        out.append(c)
    return out
