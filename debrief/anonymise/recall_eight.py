"""Recall rules learnt from development set 8 (written by someone who never saw the rules): NI numbers and references
after their cue, partial phone numbers and plates, lists of ages, collar numbers with a force code after a name, the
town between a street and its postcode, a name set off before its age, and nicknames made of an informal word. Each
class is found by its shape or its cue, never by a word of the set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .keep import is_keep_word
from .lexicon import FIRST_NAME_LIST, NAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .patterns import POSTCODE_AREAS
from .phrases import WORD_CAPITAL, finditer_at, finditer_before, keyword_trigger
from .recall_numbers import NUMBER_WORD, number_value
from .vocab import NOT_NAMES

_BASE = PRIORITY["pattern"]


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str | None = None) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


# "NI no: QH 41 77 20 C", "NINO AB123456C": after its cue, any two letters and six digits are an NI number (a form's
# invented or mistyped prefix letters are still one).
_NINO_CUED = re.compile(r"\b(?:NI|N\.I\.|NINO|(?i:national\s+insurance))(?:\s+(?i:no\.?|number|num))?\s*[:.#-]?\s*"
                        r"(?P<n>[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}(?:\s?[A-Da-d])?)(?![\w])")
# "a second number ending 331", "mobile ending in 0921": the digits a witness gave of a phone number.
_PHONE_ENDING = re.compile(r"\b(?i:number|no\.?|mobile|phone|tel|moby|landline)\s+(?i:ending|ends|ended)(?:\s+(?i:in|with))?"
                           r"\s+(?P<n>\d{3,6})\b")
# "CN08 ?JW", "WU6? K*D": a current plate with the characters not read marked "?" or "*".
_PLATE_UNREAD = re.compile(r"(?<![\w?*])[A-Z?*]{2}[0-9?*]{2}\s?[A-Z?*]{3}(?![\w?*])")
# "silver skoda octavia 221 d 14412", "a 12-D-3456": an Irish plate (year, county letters, number).
_IRISH_PLATE = re.compile(r"[012](?<![\w/.-][012])(?<=(?:[01](?=\d)|2(?=[0-5])))\d[12]?(?P<s>[ -])(?i:CE|CN|CW|DL|KE|KK|KY|LD|LH|LK|LM|LS|MH|MN|"
                          r"MO|OY|RN|SO|TN|TS|WD|WH|WX|WW|C|D|G|L|T|W)(?P=s)\d{3,6}(?![\w/-])")
# "PS-20240530-1187", "INC-240117-0338": a reference made of a code, a date and a number joined by hyphens.
_DATED_REF = re.compile(r"[A-Za-z](?<![\w-][A-Za-z])[A-Za-z]{0,4}-\d{6,8}-\d{2,6}(?![\w-])")
# "ref VPD 24 88103", "ref: AB/24/55102": a reference's letters, its year and its number after the cue.
_SPACED_REF = re.compile(r"\b(?i:ref|reference)\.?\s*[:#]?\s*(?P<r>[A-Z]{2,4}[ /-]\d{2}[ /-]\d{3,7})(?![\w/-])")
# "Snapchat: sc: jaydz_2010", "logged in as sc: moe_luton4": the platform's short prefix goes with the handle.
_PREFIXED_HANDLE = re.compile(r"[sSiItT](?<![\w@][sSiItT])(?i:(?<=s)c|(?<=s)nap|(?<=i)g|(?<=i)nsta|(?<=t)t)\s?:\s?[\"“']?(?P<h>@?[A-Za-z0-9_.]*[A-Za-z0-9_])(?![\w@])")
# "aged approximately 18, 19 and early 20s", "ages 4, 7 and 9": every age of a list after its cue.
_AGE_LIST = re.compile(r"\b(?i:aged|ages)\s+(?:(?i:approx(?:imately|\.)?|about|around|roughly)\s+)?(?P<first>\d{1,2})"
                       r"(?P<rest>(?:\s*,\s*\d{1,2}){1,6}(?:\s*,?\s*(?:and|&)\s+(?:(?i:early|mid|late)\s+)?\d{1,2}s?)?"
                       r"|(?:\s*,\s*\d{1,2})*\s*,?\s*(?:and|&)\s+(?i:early|mid|late)\s+\d{1,2}s)(?![\w-])")
_RANKS = r"(?:PC|PCSO|PS|Sgt|DC|DS|Insp|Cst|SC)"
# "PCSO Lauren Price GP 6602)", "PC Tom Mark GP 1188": a ranked name, then the force's letters and the number.
_NAME_CODE_COLLAR = re.compile(r"\b" + _RANKS + r"\.?[ \t]+(?:[A-Z][\w'’-]+[ \t]+){1,3}(?P<k>[A-Z]{2}[ \t]?\d{3,5})"
                               r"(?=[ \t]*[.,;:)\n]|[ \t]*$)")
_NOT_CODES = frozenset("AM PM HR KM KG MG ML NO AT ON IN TO BY OF IS AS OR".split())
# "Custody Sgt: Neil Long BD 0855", "J Cook LP 1640", "pc gwion prys dp 2290": a force's two letters and a four- or
# five-digit number straight after a name (a word that is no cue for a number: "log", "room", "cell" and the like).
_CODE_COLLAR_AFTER_WORD = re.compile(r" (?<=[A-Za-z'’] )(?P<k>[A-Za-z]{2} ?\d{4,5})(?![\w/-]|[:.]\d)")
_WORD_BEFORE_CODE = re.compile(r"(?<![\w'’-])(?P<w>[A-Za-z][a-z'’-]+|[A-Z][A-Z'’-]+)[ ]$")
_NUMBER_CUES = frozenset("""log ref reference serial incident inc cad storm room cell unit bay gate exhibit job urn crime
occurrence occ no number tel phone mobile at on in to by of and or from since until till about approx around between
the a an route bus flight train platform junction section sec page para form code grade level year years class""".split())
_STREETS = (r"road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|cres|terrace|tce|gardens|gdns|grove|"
            r"hill|square|sq|row|mews|parade|place|pl|court|ct|green|rise|walk|view")
_POSTCODE = r"(?i:[A-Z]{1,2}\d[A-Z\d]?(?:\s?\d[A-Z]{2}|\s\d)?)(?![\w])"
# "22 Front St, Esh Winning, DH7 9BE": the town an address names between its street and its postcode.
_TOWN_BEFORE_POSTCODE = re.compile(r"\b(?i:" + _STREETS + r")\.?,[ \t]+(?P<p>[A-Za-z][\w'’-]+(?:[ \t]+[A-Za-z][\w'’-]+){0,2}),?"
                                   r"[ \t]+" + _POSTCODE)
# "Friskney, pe22 8.", "Sheffield s4 8gz", "Stoke-on-Trent st1 6": a postcode in lower case, whole or to its sector, at
# an address's end (after a town and before the end of the line or sentence).
_LOWER_POSTCODE = re.compile(r" (?:(?<=[a-z], )|(?<=[a-z] ))(?P<pc>(?P<a>[a-z]{1,2})\d[a-z\d]?[ ]\d(?:[a-z]{2})?)(?=[ \t]*(?:[.,;)\n]|$))")
# "driver (cope, aged 24)", "the other lad, Baker, aged 19": a word set off by a comma before its age is a name.
_AGE_COMMA_ANCHOR = re.compile(r",\s*(?i:aged?)\s+\d")
_WORD_START = re.compile(r"[A-Za-z](?<![\w'’-][A-Za-z])")
_NAME_THEN_AGE = re.compile(r"(?<![\w'’-])(?P<n>[A-Za-z][a-z'’-]{2,}|[A-Z][A-Z'’-]{2,})\s*,\s*(?i:aged|age)\s+\d{1,2}\b")
_PERSON_NOUNS = frozenset("""male female man woman boy girl lad lass child kid son daughter mother father mum dad brother
sister wife husband partner victim suspect driver passenger rider witness caller subject friend mate cousin uncle aunt
nan gran grandson granddaughter youth teenager juvenile baby toddler adult pedestrian occupant officer person people
he she they him her them his their both one other another first second third last""".split())
# "the bouncer Big Steve", "BIG TAM", "Wee Rab": an informal word and a first name are one nickname.
_INFORMAL_NAME = re.compile(r"(?<![\w'’-])(?P<a>(?i:big|wee|little|lil|young|mad|skinny|fat|daft))[ \t]+"
                            r"(?P<n>[A-Z][a-z'’]+|[A-Z]{2,})(?![\w'’-])")
# "he was with 'wee man' and shug", "the 'big man'": a quoted informal name for someone (a word and a noun for a man).
_QUOTED_INFORMAL = re.compile(r"[\"“‘'](?P<n>(?i:wee|big|young|auld|old|wee|lil|little|the\s+big|the\s+wee)[ \t]+"
                              r"(?i:man|yin|guy|fella|fellah|lad|boy|one|chap|bro|g))[\"”’']")


_STREET_END = r"(?i:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|terrace|grove|hill|green|park|parade|place)"
# "the 40s of Quarry Green", "the 60s end of Hawthorn Ave", "the 200s of cheetham hill rd": a run of house numbers on a
# street is an address (not an age band).
_NUMBER_RANGE_ADDRESS = re.compile(r"\b[Tt]he\s+[1-9]\d?0['’]?[sS]\s+(?:(?i:end|bit|side)\s+)?(?i:of|on)\s+"
                                   r"(?:[A-Za-z][\w'’-]*\s+){1,3}?" + _STREET_END + r"(?:[ \t]+(?i:road|rd|street|st|lane|ln|avenue|ave|drive|dr))?"
                                   r"(?![\w'’-])")
_RANGE_HINT = re.compile(r"\d0['’]?[sS]\s")
# "Lee MOSS ("Mossy")", "Joseph Ward ('Wardy')": a quoted nickname in brackets straight after a name, and the nickname
# used alone later.
_NAME_BRACKET_NICK = re.compile(r"\((?<=[A-Za-z'’][ \t\n]\()\s*[\"“'‘](?P<n>[A-Z][\w'’-]{1,20})[\"”'’]\s*\)")
# "PC White spoke to him", "INSP WHITE - NO CONCERNS", "by pc march.": a rank and a surname that is also a colour or a
# month (the everyday word never follows a rank).
_RANK_WORD_SURNAME = re.compile(r"\b(?i:PC|PCSO|PS|Sgt|DC|DS|Insp|Inspector|Sergeant|Constable|Cst|Supt)\.?[ \t]+"
                                r"(?P<n>(?i:white|black|march|may|grey|gray|brown|green|young|long|rose|hope|brook))"
                                r"(?![\w'’-])(?![ \t]+(?i:male|female|man|woman|van|car|vehicle|top|hoodie|jacket|shirt|"
                                r"\d))")


_NOT_AGE_AFTER = (r"(?![\w:]|\.\d|\s*(?i:am|pm|hrs|hours?|mins?|minutes?|secs?|seconds?|miles?|metres?|meters?|yards?|feet|"
                  r"ft|foot|inches|stone|km|people|persons|officers|units|times|calls|%|percent|o['’]clock|of|in|at|on|to|mph|kg|ml|"
                  r"pounds|quid|grand|days?|weeks?|months?|years?\s+ago|yrs?\s+ago|k\b))")
# "Ciarán is about 25 and lives", "the male was about 35.", "the boy is 14 or 15": a guessed age after the person.
_AGE_GUESS = re.compile(r"\b(?P<s>[A-Z][a-z'’-]+|[A-Z]{2,}|(?i:he|she|they|male|female|boy|girl|lad|man|woman|suspect|driver|"
                        r"victim|youth|child|son|daughter))\s+(?i:is|was)\s+"
                        r"(?P<age>(?i:about|around|approx\.?|roughly|maybe)\s+(?P<a>\d{1,2})(?:\s+(?i:or|to)\s+(?P<b>\d{1,2}))?|"
                        r"(?P<a2>\d{1,2})\s+(?i:or|to)\s+(?P<b2>\d{1,2}))" + _NOT_AGE_AFTER)
# "she thinks 22 or 23", "maybe 16 or 17": two ages guessed.
_AGE_PAIR_GUESS = re.compile(r"\b(?i:thinks|think|reckons|maybe|possibly|perhaps|about|approx\.?)\s+"
                             r"(?P<age>(?P<a>\d{1,2})\s+(?i:or)\s+(?P<b>\d{1,2}))" + _NOT_AGE_AFTER)
# "OLDER GIRL APPROX 12 WALKING", "a lad about 15": a person and the age they look.
_PERSON_APPROX_AGE = re.compile(r"\b(?i:girl|boy|male|female|man|woman|lad|lass|child|youth|kid|teenager)s?\s+"
                                r"(?P<age>(?i:approx\.?|about|around|roughly)\s+(?P<a>\d{1,2}))" + _NOT_AGE_AFTER)
# "2 CHILDREN (APPROX 6 AND 8)": the ages of those just named, in brackets.
_BRACKETED_AGES = re.compile(r"\b(?i:children|kids|boys|girls|sons|daughters|siblings|brothers|sisters)\s+"
                             r"\(\s*(?P<age>(?:(?i:approx\.?|about|aged|ages)\s+)?(?P<a>\d{1,2})\s*(?:and|AND|&|,)\s*(?P<b>\d{1,2}))\s*\)")
# "Aisha aged 6, Bilal 10 and Hamza 15": the names and ages of a list after its first "aged".
_AGED_LIST_NAMES = re.compile(r"\b(?i:aged)\s+\d{1,2}(?P<rest>(?:\s*(?:,|and|&)\s*[A-Z][a-z'’-]+\s+\d{1,2}\b(?![:./]\d))+)")
_NAME_AND_AGE = re.compile(r"[A-Z][a-z'’-]+\s+(?P<n>\d{1,2})\b")


_IS_ABOUT = re.compile(r"[IiWw](?<![\w'’-][IiWw])(?i:(?<=i)s|(?<=w)as)[ \t]+(?:(?i:about|around|approx|roughly|maybe)\b|\d)")


def _guessed_ages(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_AGE_GUESS, _WORD_START, _IS_ABOUT, text, 30):
        subject = m.group("s")
        if subject[:1].isupper() and (subject.lower() not in NAME_LIST and (
                is_ordinary(subject) or is_policing_word(subject) or subject.isupper()) or subject.isupper() and len(subject) <= 4):
            continue  # "The time was about 10", "ETA was about 15": no person before it
        ages = [int(n) for n in (m.group("a"), m.group("b"), m.group("a2"), m.group("b2")) if n]
        yield _cand(*m.span("age"), Kind.AGE, "", 3, value=str(max(ages)))
    for pattern in (_AGE_PAIR_GUESS, _PERSON_APPROX_AGE):
        for m in pattern.finditer(text):
            ages = [int(n) for n in (m.group("a"), m.groupdict().get("b")) if n]
            yield _cand(*m.span("age"), Kind.AGE, "", 3, value=str(max(ages)))
    if "(" in text:
        for m in _BRACKETED_AGES.finditer(text):
            ages = [int(m.group("a")), int(m.group("b"))]
            if max(ages) <= 17 and min(ages) >= 1:
                yield _cand(*m.span("age"), Kind.AGE, "", 3, value=str(max(ages)))
    for m in _AGED_LIST_NAMES.finditer(text):
        base = m.start("rest")
        for n in _NAME_AND_AGE.finditer(m.group("rest")):
            yield _cand(base + n.start("n"), base + n.end("n"), Kind.AGE, "aged", 3, value=n.group("n"))


def _more_names(text: str) -> Iterator[Candidate]:
    for m in _RANK_WORD_SURNAME.finditer(text):
        name = m.group("n")
        if name.islower() and not text[max(0, m.start() - 40):m.start()].islower() and "\n" not in text[max(0, m.start() - 40):m.start()]:
            continue  # a lower-case word in a sentence of capitals is the word
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 4)
    if "(" in text:
        for m in _NAME_BRACKET_NICK.finditer(text):
            nick = m.group("n")
            before = _WORD_BEFORE_CODE.search(text, max(0, m.start() - 30), m.start())
            if not before or not before.group("w")[:1].isupper() or (
                    is_ordinary(before.group("w")) and before.group("w").lower() not in NAME_LIST):
                continue  # "the van ("Transit")": a nickname follows a name
            if is_keep_word(nick) or is_policing_word(nick) or nick.lower() in NOT_NAMES:
                continue
            key = "nick:" + nick.lower()
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 3, key=key)
            for later in re.finditer(r"(?<![\w'’-])" + re.escape(nick) + r"(?![\w'’-])", text):
                if later.start() > m.end():
                    yield Candidate(later.start(), later.end(), Kind.PERSON, "context", PRIORITY["context"] + 1, key=key)


_INFORMAL_AT = keyword_trigger("big wee little lil young mad skinny fat daft".split())


def _informal_names(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_INFORMAL_NAME, _INFORMAL_AT, text):
        name = m.group("n")
        if name.lower() in FIRST_NAME_LIST and name.lower() not in NOT_NAMES and not is_keep_word(name) \
                and not is_policing_word(name):
            yield Candidate(*m.span(), Kind.PERSON, "context", PRIORITY["context"] + 4)
    if any(q in text for q in "\"“‘'"):
        for m in _QUOTED_INFORMAL.finditer(text):
            yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 3,
                            key="nick:" + " ".join(m.group("n").lower().split()))


def _names_before_ages(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_NAME_THEN_AGE, _WORD_START, _AGE_COMMA_ANCHOR, text, 40):
        name = m.group("n")
        low = name.lower()
        if low in _PERSON_NOUNS or low in NOT_NAMES or is_keep_word(name) or is_policing_word(name):
            continue
        if is_ordinary(name) and low not in NAME_LIST and text[m.start() - 1:m.start()] != "(":
            continue  # "his ID card, aged 26": an everyday word is a name only alone in brackets, "(cope, aged 24)"
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 2)


def _structured(text: str) -> Iterator[Candidate]:
    if ":" in text:
        for m in _PREFIXED_HANDLE.finditer(text):
            h = m.group("h")
            if len(h) >= 3 and (any(ch.isdigit() or ch in "_." for ch in h) or not is_ordinary(h)):
                yield _cand(m.start(), m.end(), Kind.HANDLE, "", 10)
    for m in _LOWER_POSTCODE.finditer(text):
        if m.group("a").upper() in POSTCODE_AREAS:
            yield _cand(*m.span("pc"), Kind.POSTCODE, "", 4)
    for m in _NINO_CUED.finditer(text):
        yield _cand(*m.span("n"), Kind.NINO, "", 7)
    for m in _PHONE_ENDING.finditer(text):
        yield _cand(*m.span("n"), Kind.PHONE, "partial", 5)
    if "?" in text or "*" in text:
        for m in _PLATE_UNREAD.finditer(text):
            plate = m.group()
            if any(ch in "?*" for ch in plate) and sum(ch.isalnum() for ch in plate) >= 4:
                yield _cand(*m.span(), Kind.VRM, "partial", 4)
    yield from (_cand(*m.span(), Kind.VRM, "any", 4) for m in _IRISH_PLATE.finditer(text))
    if "-" in text:
        yield from (_cand(*m.span(), Kind.REFERENCE, "shape", 5) for m in _DATED_REF.finditer(text))
    yield from (_cand(*m.span("r"), Kind.REFERENCE, "cue", 5) for m in _SPACED_REF.finditer(text))
    for m in _AGE_LIST.finditer(text):
        ages = [int(n) for n in re.findall(r"\d+", m.group())]
        yield _cand(m.start(), m.end(), Kind.AGE, "aged", 4, value=str(max(ages)))
    for m in _NAME_CODE_COLLAR.finditer(text):
        if m.group("k")[:2] not in _NOT_CODES:
            yield _cand(*m.span("k"), Kind.COLLAR, "cue", 8)
    for m in _CODE_COLLAR_AFTER_WORD.finditer(text):
        code = m.group("k")[:2]
        w = _WORD_BEFORE_CODE.search(text, max(0, m.start("k") - 30), m.start("k"))
        if code.upper() in _NOT_CODES or not w or w.group("w").lower() in _NUMBER_CUES or (
                code.islower() != w.group("w").islower()) or is_policing_word(w.group("w")):
            continue  # the code's case follows its line's ("NN 1467" after "Long", "dp 2290" after "prys")
        yield _cand(*m.span("k"), Kind.COLLAR, "cue", 8)


def _number_range_addresses(text: str) -> Iterator[Candidate]:
    if _RANGE_HINT.search(text):
        yield from (_cand(*m.span(), Kind.ADDRESS, "address", 6) for m in _NUMBER_RANGE_ADDRESS.finditer(text))


_STREET_AT = keyword_trigger(_STREETS.split("|"))


def _towns_before_postcodes(text: str) -> Iterator[Candidate]:
    if "," not in text:
        return
    for m in finditer_at(_TOWN_BEFORE_POSTCODE, _STREET_AT, text):
        words = m.group("p").split()
        if any(is_keep_word(w) or is_policing_word(w) for w in words) or all(is_ordinary(w) for w in words):
            continue  # a town that is an ordinary word is the other layers' (it needs their cues)
        yield _cand(*m.span("p"), Kind.PLACE, "town", -1)


_NOT_PLACE_WORDS = frozenset("""the a an his her their our my your its this that same other local county city town district
borough parish community police force area north south east west central new old and or of in on at to from by
with for via""".split())
# "Diss SNT", "bury mash", "Bury custody suite", "fort william custody", "Walney Neighbourhood": a town named by the
# police or council unit that serves it (an everyday word too, where the unit's noun follows it).
_PLACE_UNIT = re.compile(r"(?<![\w'’-])(?P<p>[A-Za-z][a-z'’-]+(?:[ \t]+[A-Za-z][a-z'’-]+)?|[A-Z][A-Z'’-]+)[ \t]+"
                         r"(?i:snt|npt|lpa|mash|council|neighbourhood|custody|cells|cid|sector|policing\s+team)(?![\w'’-])")
# "Flass vale", "Ducketts common", "Wool Primary", "Bath Spa", "Wells Park Practice", "Clapton CFC": a place and the
# kind of place after it, whatever case the kind is in.
_PLACE_KIND = re.compile(r"(?<![\w'’-])(?P<p>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+"
                         r"(?P<k>(?i:vale|valley|heads|common|topping|links|ladder|medical\s+practice|practice|primary|"
                         r"secondary|academy|path|truck\s+stop|shops|subway|spa|cfc|afc|fc))(?![\w'’-])")
# Kinds of place that name an institution, whatever words name it ("Wool Primary", "Clapton CFC").
_INSTITUTIONS = frozenset(("primary", "secondary", "academy", "cfc", "afc", "fc", "medical practice"))
_NOT_STREET_NAMES = frozenset("the a an his her their our my your its this that and or with for same other".split())
# "via grove ln", "along PARK LN", "cordon central Dr / Beechwood St", ", main st,": a street by its abbreviated
# suffix in any case, where a route or an address puts it.
_ABBREVIATED_STREET = re.compile(r"(?:\b(?i:via|on|along|in|at|to|from|towards|cordon|near|off|outside|into|down|up|of)"
                                 r"[ \t]+|,[ \t]*)(?P<s>[A-Za-z][a-z'’-]{2,}[ \t]+(?i:ln|rd|dr|ave|cres|gdns|tce|st))"
                                 r"(?![\w'’-])(?![ \t]+[A-Z][a-z])")
# "2 THE AVENUE, CAVERSHAM", "14 the Crescent": a house number and a street named with "the".
_NUMBER_THE_STREET = re.compile(r"\b\d{1,4}[A-Za-z]?,?[ \t]+(?i:the)[ \t]+(?i:avenue|crescent|drive|green|parade|close|"
                                r"grove|rise|elms|orchards|spinney|paddock|meadows|willows|beeches|limes|laurels|maltings|"
                                r"mews|square|terrace|glebe|croft|oaks|pines|firs|hollies|poplars|chestnuts|boulevard|"
                                r"broadway|causeway|promenade|strand|esplanade|parkway|wynd|brae|loan)(?![\w'’-])")


_UNIT_ANCHOR = re.compile(r"[ \t](?i:snt|npt|lpa|mash|council|neighbourhood|custody|cells|cid|sector|policing)(?![\w'’-])")
_KIND_ANCHOR = re.compile(r"[ \t](?i:vale|valley|heads|common|topping|links|ladder|medical|practice|primary|secondary|academy|path|"
                          r"truck|shops|subway|spa|cfc|afc|fc)(?![\w'’-])")
_STREET_ABBREVIATION = re.compile(r"[ \t](?i:ln|rd|dr|ave|cres|gdns|tce|st)(?![\w'’-])")
_ROUTE_AT = re.compile(r",|" + keyword_trigger("via on along in at to from towards cordon near off outside into down up of".split()).pattern)


def _more_places(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_PLACE_UNIT, _WORD_START, _UNIT_ANCHOR, text, 50):
        place, start = m.group("p"), m.start("p")
        words = place.lower().split()
        if len(words) == 2 and words[0] in _NOT_PLACE_WORDS:  # "referral to bury mash": the town is the last word
            start = m.end("p") - len(place.split()[1])
            place, words = place.split()[1], words[1:]
        if any(w in _NOT_PLACE_WORDS for w in words) or is_keep_word(place) or is_policing_word(place):
            continue
        if place.lower() in UK_PLACE_LOWER or (len(words) == 1 and place[:1].isupper() and not place.isupper()
                                               and not is_ordinary(place) and place.lower() not in NAME_LIST):
            yield _cand(start, m.end("p"), Kind.PLACE, "town", -1)
    for m in finditer_before(_PLACE_KIND, WORD_CAPITAL, _KIND_ANCHOR, text, 80):
        place = m.group("p")
        words = place.split()
        if any(w.lower() in _NOT_PLACE_WORDS or is_keep_word(w) or is_policing_word(w) for w in words):
            continue
        kind = " ".join(m.group("k").lower().split())
        institution = kind in _INSTITUTIONS or kind == "practice" and len(words) > 1
        if place.lower() in UK_PLACE_LOWER or institution or not all(is_ordinary(w) for w in words):
            yield _cand(m.start("p"), m.end(), Kind.PLACE, "", 0)
    for m in finditer_before(_ABBREVIATED_STREET, _ROUTE_AT, _STREET_ABBREVIATION, text, 50):
        name = m.group("s").split()[0]
        if name.lower() in _NOT_STREET_NAMES or is_keep_word(name):  # "Station Rd", "Central Dr" are streets
            continue
        yield _cand(*m.span("s"), Kind.PLACE, "street", 0)
    yield from (_cand(*m.span(), Kind.ADDRESS, "address", 3) for m in _NUMBER_THE_STREET.finditer(text))


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "(june 21st)", "JUNE 21ST": a month and a day of it, typed in lower case or capitals.
_LOWER_MONTH_DAY = re.compile(r"\b(?P<m>(?i:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?[ \t]+\d{1,2}(?i:st|nd|rd|th)\b")
_WELSH_MONTHS = ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref",
                 "tachwedd", "rhagfyr")
# "Sul 18 Awst", "Llun 3 Mehefin 2024": a date written in Welsh (a bilingual custody record or log).
_WELSH_DATE = re.compile(r"\b(?:(?i:dydd\s+)?(?i:llun|mawrth|mercher|iau|gwener|sadwrn|sul)\s+)?\d{1,2}[ \t]+"
                         r"(?P<m>(?i:ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|"
                         r"rhagfyr))\b(?:[ \t]+(?P<y>(?:19|20)\d\d))?")
# "on Hogmanay 2023", "Burns Night", "(THE TWELFTH)", "St Patrick's Day": days named by their festival.
_FESTIVAL = re.compile(r"\b(?:(?i:on|over|at)[ \t]+)?(?i:hogmanay|burns\s+night|the\s+twelfth|st\.?\s+patrick['’]?s\s+day|st\.?\s+andrew['’]?s\s+day|"
                       r"st\.?\s+david['’]?s\s+day|remembrance\s+sunday|armistice\s+day|guy\s+fawkes\s+night)"
                       r"(?:[ \t]+(?P<y>(?:19|20)\d\d))?(?![\w'’-])(?![ \t]+(?i:street|road|lane|avenue|drive)\b)")
# "Linked IOPC referral 2024/021187", "NICHE OCC 8821/24": a year and a number, or a number and its year, whole.
_YEAR_NUMBER_REF = re.compile(r"\d(?<![\w/.-]\d)(?:(?:(?<=1)9|(?<=2)0)\d\d/\d{4,8}|\d{2,7}/\d{2})(?![\w/-]|\.\d)")
# "ref lmrt 24/019", "ref rnli tyn 24/112": a lower-case code before a year and a number.
_CODE_YEAR_REF = re.compile(r"\b(?i:ref|reference)\.?[ \t]+(?:[a-z]{2,6}[ \t]+)?(?P<r>[a-z]{2,6}[ \t]?\d{2}/\d{2,6})(?![\w/])")
# "PARTIAL REG ENDING Z 61", "plate starting with LD19": what a witness read of a plate, unquoted.
_PLATE_PART = re.compile(r"\b(?i:reg(?:istration)?|plate|index|vrm)(?:\s+(?i:number|no\.?))?\s+(?i:ending|ends|ended|"
                         r"starting|starts|started|beginning|begins)(?:\s+(?i:in|with))?\s+"
                         r"(?P<v>[A-Za-z0-9]{1,4}(?:[ ][A-Za-z0-9]{1,4})?)(?![\w'’\"”])")
# "DOB 14/02/2003   21", "DOB 07/01/1992  (thirty-two)", "DOB 06/06/2006 – eighteen yrs": the age a custody record
# gives after the date of birth.
_AGE_AFTER_DOB = re.compile(r"\b(?i:dob|d\.o\.b\.?|date\s+of\s+birth)[:\s]+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[ \t]*"
                            r"(?:[–—-][ \t]*|\([ \t]*|[ \t]{2,})(?P<a>\d{1,2}|(?i:" + NUMBER_WORD + r"))"
                            r"(?:[ \t]+(?i:yrs?|years?)(?:[ \t-]+(?i:old))?)?(?=[ \t]*\)|[ \t]*$|[ \t]*\n|[ \t]{2,}|[.,;])")
# "Kuba (eighteen months)", "baby (9 months)": a young child's age in months, in brackets after them.
_MONTHS_ANCHOR = re.compile(r"\([ \t]*(?:\d{1,2}|[A-Za-z]+(?:-[A-Za-z]+)?)[ \t]+(?i:months?|mths?)\b")
_MONTHS_OLD = re.compile(r"(?P<w>[A-Za-z][\w'’-]*)[ \t]+\([ \t]*(?P<age>(?P<a>\d{1,2}|(?i:" + NUMBER_WORD + r"))[ \t]+"
                         r"(?i:months?|mths?)(?:[ \t]+(?i:old))?)[ \t]*\)")
# "DP: BROOK, Jake Anthony", "Detained person: POPA, Ioana": a record's name, surname in capitals first.
_SURNAME_COMMA_FORENAME = re.compile(r"\b(?i:dp|detained\s+person|name|subject|suspect|victim|witness|prisoner|"
                                     r"informant|complainant|caller|person)[ \t]*:[ \t]*(?P<n>[A-Z][A-Z'’]+(?:[- ][A-Z][A-Z'’]+)?,"
                                     r"[ \t]+[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2})")
# "DC JO PEARSON", "insp jo pringle", "MR S. YOUNG": a rank or title, a short or listed first name, and a surname.
_RANK_FIRST_SURNAME = re.compile(r"\b(?i:PC|PCSO|PS|Sgt|DC|DS|DI|Insp|Inspector|Sergeant|Constable|Cst|Supt|Mr|Mrs|Ms|Miss|Dr)"
                                 r"\.?[ \t]+(?P<n>(?P<f>[A-Za-z][a-z'’]{1,2}|[A-Z]{2,3}|[A-Za-z]\.)[ \t]+(?P<s>[A-Za-z][\w'’-]{2,}))")


_MONTH_AT = keyword_trigger("jan feb march apr may jun jul aug sep oct nov dec".split())
_FESTIVAL_AT = keyword_trigger("on over at hogmanay burns the st remembrance armistice guy".split())


def _dates_ages_refs(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_LOWER_MONTH_DAY, _MONTH_AT, text):
        month = _MONTHS.index(m.group("m")[:3].lower()) + 1
        yield _cand(*m.span(), Kind.DATE, "day", 3, value=f"-{month:02d}")
    low = text.lower()
    if any(w in low for w in _WELSH_MONTHS):
        for m in _WELSH_DATE.finditer(text):
            month = _WELSH_MONTHS.index(m.group("m").lower()) + 1
            yield _cand(*m.span(), Kind.DATE, "day", 4, value=f"{m.group('y') or ''}-{month:02d}")
    for m in finditer_at(_FESTIVAL, _FESTIVAL_AT, text):
        yield _cand(*m.span(), Kind.DATE, "day", 4, value=m.group("y") or "")
    if "/" in text:
        yield from (_cand(*m.span(), Kind.REFERENCE, "shape", 3) for m in _YEAR_NUMBER_REF.finditer(text))
        yield from (_cand(*m.span("r"), Kind.REFERENCE, "cue", 5) for m in _CODE_YEAR_REF.finditer(text))
    for m in _PLATE_PART.finditer(text):
        plate = m.group("v")
        if any(ch.isdigit() for ch in plate) and any(ch.isalpha() for ch in plate) and not re.search(
                r"(?i:\b(?:in|on|at|with|the|and)\b)", plate):
            yield _cand(*m.span("v"), Kind.VRM, "partial", 4)
    for m in _AGE_AFTER_DOB.finditer(text):
        age = m.group("a")
        n = int(age) if age.isdigit() else number_value(age)
        if 0 < n < 110:
            yield _cand(m.start("a"), m.end(), Kind.AGE, "", 3, value=str(n))
    if "(" in text:
        for m in finditer_before(_MONTHS_OLD, _WORD_START, _MONTHS_ANCHOR, text, 40):
            word = m.group("w")
            if word[:1].isupper() and (not is_ordinary(word) or word.lower() in NAME_LIST):  # "Kuba (eighteen months)"
                yield _cand(*m.span("age"), Kind.AGE, "", 3, value="1")


def _record_names(text: str) -> Iterator[Candidate]:
    if ":" in text:
        for m in _SURNAME_COMMA_FORENAME.finditer(text):
            surname = m.group("n").split(",")[0]
            if not is_policing_word(surname) and not is_keep_word(surname):
                yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 5)
    for m in _RANK_FIRST_SURNAME.finditer(text):
        first, surname = m.group("f").rstrip("."), m.group("s")
        if surname.lower() in NOT_NAMES or is_keep_word(surname) or is_policing_word(surname) \
                or (is_ordinary(surname) and (surname.lower() not in NAME_LIST or surname.isupper())) \
                or first.lower() in _NOT_PLACE_WORDS:  # "MR D. WILL EMAIL": in capitals a word is only a word
            continue
        if len(first) > 1 and first.lower() not in FIRST_NAME_LIST and not (len(first) == 2 and first.isalpha()
                                                                          and first.lower() not in ("am", "pm", "on", "in", "at", "to", "of", "is", "as", "or", "by", "no", "we", "he", "me", "my", "up", "so", "go", "do", "it", "if", "an")):
            continue  # "tj bell", "JO PEARSON": a listed first name or two initials
        yield Candidate(*m.span("n"), Kind.PERSON, "context", PRIORITY["context"] + 4)


# "HAMISH MACFARLANE 78 WITH DEMENTIA", "Kids (Llyr 6 and Mali 4)", "AWET TESFAY 16?": a bare age straight after a name.
_NAME_BARE_AGE = re.compile(r"(?<![\w'’-])(?P<w>[A-Z][A-Za-z'’-]+)[ \t]+(?P<a>\d{1,2})(?![\w/-]|[.:]\d)"
                            r"(?=[ \t]*[,.;?!)]|[ \t]*$|[ \t]*\n|[ \t]+(?i:with|and|gave|said|was|is|has|had|from|who|"
                            r"years|yrs|yo|y/o|lives|living|dob|searched|arrested|present)\b)")
# "Polish-registered VW Passat WPR 82KT1", "TRAILER BG 4471 KM (BULGARIAN)": a foreign plate after the vehicle it is on.
_VEHICLE_CUE = re.compile(r"\b(?i:reg(?:istration|istered)?|plates?|vrm|index|trailer|lorry|hgv|van|car|vehicle|"
                          r"registered|passat|golf|transit|sprinter)\b")
_VEHICLE_AT = keyword_trigger("reg plate plates vrm index trailer lorry hgv van car vehicle registered passat golf transit "
                              "sprinter".split())
_FOREIGN_PLATE = re.compile(r"(?<![\w/-])(?P<v>[A-Z]{1,3}[ -]?(?=[A-Z0-9]*\d)[A-Z0-9]{3,5}(?:[ -][A-Z]{2,3})?)(?![\w/-])")
# "her Snapchat (priyaa.m_x)", "Mali Haf (mali.haf_)": a handle in brackets, after a platform or the name it spells.
_BRACKETED_HANDLE = re.compile(r"\((?P<h>[a-z0-9_]*[a-z][._][a-z0-9_.]*[a-z0-9_]|[a-z0-9_.]*_[a-z0-9_.]*)\)")
_PLATFORM_BEFORE = re.compile(r"(?i:snap(?:chat)?|insta(?:gram)?|tiktok|facebook|fb|twitter|username|handle|profile|account)")
_NOT_HANDLES = frozenset("e.g i.e a.k.a n.b p.s etc".split())


_BARE_NUMBER = re.compile(r"[ \t]\d{1,2}(?![\w/-]|[.:]\d)")


def _bare_ages(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_NAME_BARE_AGE, WORD_CAPITAL, _BARE_NUMBER, text, 40):
        word = m.group("w")
        low = word.lower()
        if (low not in NAME_LIST and is_ordinary(word)) or low in UK_PLACE_LOWER and low not in FIRST_NAME_LIST \
                or is_keep_word(word) or is_policing_word(word) or low in NOT_NAMES or int(m.group("a")) == 0 \
                or (word.isupper() and len(word) <= 4 and low not in NAME_LIST):  # "GCS 15", "NEWS 7": a score
            continue
        if re.search(r"(?i:\b(?:pc|ps|dc|ds|sgt|insp|pcso|cst|supt|no|number|room|cell|unit|bay|flat)\.?\s+(?:[A-Za-z]+\s+)?)$",
                     text[max(0, m.start() - 25):m.start()]):
            continue  # "PC Dean 45", "Cell Smith 4": a number that belongs to the rank or room before
        yield _cand(*m.span("a"), Kind.AGE, "", 2, value=m.group("a"))


def _foreign_plates_and_handles(text: str) -> Iterator[Candidate]:
    seen: set[int] = set()
    for cue in finditer_at(_VEHICLE_CUE, _VEHICLE_AT, text):
        line_end = text.find("\n", cue.end())
        stop = min(cue.end() + 40, line_end if line_end >= 0 else len(text))
        for m in _FOREIGN_PLATE.finditer(text, cue.end(), stop + 12):
            plate = m.group("v")
            if m.start() >= stop or m.start() in seen or "." in text[cue.end():m.start()]:
                continue
            digits, letters = sum(ch.isdigit() for ch in plate), sum(ch.isalpha() for ch in plate)
            if digits < 2 or letters < 2 or sum(ch.isalnum() for ch in plate) < 5 or is_policing_word(plate.split()[0]):
                continue
            seen.add(m.start())
            yield _cand(*m.span("v"), Kind.VRM, "any", 2)
    if "(" in text:
        for m in _BRACKETED_HANDLE.finditer(text):
            handle = m.group("h")
            if handle.strip("._") in _NOT_HANDLES or len(handle) < 5 or re.fullmatch(r"[a-z]{1,2}\.\d.*", handle):
                continue  # "(e.g.)", "(s.136)"
            before = text[max(0, m.start() - 200):m.start()]
            spelt = re.search(r"([A-Z][a-z]+)\s+([A-Z][a-z]+)?\s*$", before)
            if _PLATFORM_BEFORE.search(before) or (spelt and spelt.group(1).lower() in handle):
                yield _cand(*m.span("h"), Kind.HANDLE, "", 9)


def find_eight_recall(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from development set 8."""
    return [*_structured(text), *_towns_before_postcodes(text), *_names_before_ages(text), *_informal_names(text),
            *_number_range_addresses(text), *_more_names(text), *_guessed_ages(text), *_more_places(text),
            *_dates_ages_refs(text), *_record_names(text), *_bare_ages(text), *_foreign_plates_and_handles(text)]
