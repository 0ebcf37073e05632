"""UK policing patterns for structured identifiers: collars, forces, postcodes, VRMs, phones, references."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .forces import FORCE_MATCHER
from .phrases import RANK_AT, Tokens, finditer_at, finditer_before, lowered, word_start_trigger
from .keep import is_keep_word
from .vocab import MONTHS, NOT_NAMES, RANK_RE

_BASE = PRIORITY["pattern"]
_NAME_AFTER = re.compile(r"\s+([A-Z](?:[A-Za-z'’-]+|\.(?=\s*[A-Z])))")  # a name, or an initial before one

# Collar numbers: "PC 1234", "DC 4567AB", "PS1234", Met style "PC 123AB".
_RANK_COLLAR = re.compile(r"(?<![\w/])(?:" + RANK_RE + r")\.?\s?(?P<num>\d{3,6}[A-Z]{0,2}|\d{1,4}[A-Z]{2})\b")
_CUE_COLLAR = re.compile(
    r"\b(?i:collar|warrant|shoulder|badge|payroll|force)(?i:\s+card)?(?i:\s+(?:numbers?|nos?\.?|num|#))?"
    r"\s*[:#]?\s*(?P<num>(?:[A-Z]{1,4}\s?)?\d{2,7}(?:\s?[A-Z]{2,3}\b(?![a-z])|[A-Z]{0,2}))\b(?P<more>(?:\s*(?:,|and|&)\s*\d{2,7}[A-Z]{0,2}\b)*)"
)
_RANK_BEFORE = re.compile(r"(?<![\w/])(?:" + RANK_RE + r")\.?(?:\s+[A-Z][\w'’-]*){1,2}$")
# "PC Dean Whitlock 4471": a rank, one or two names, then the number.
_RANK_NAME_COLLAR = re.compile(r"(?<![\w/])(?:" + RANK_RE + r")\.?(?:\s+[A-Z][a-z'’-]+){1,2}\s+(?P<num>\d{3,6}[A-Z]{0,2})\b")
_PAREN_COLLAR = re.compile(r"(?<=[A-Za-z])(?P<all>\s\((?P<num>\d{3,6}[A-Z]{0,2})\))")

_POSTCODE = re.compile(r"\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
_AREAS = ("AB AL BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY EC EH EN "
          "EX FK FY GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY LA LD LE LL LN LS LU ME MK ML NE NG NN NP "
          "NR NW OL OX PA PE PH PL PO PR RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS "
          "TW UB WA WC WD WF WN WR WS WV YO ZE B E G L M N S W").split()
POSTCODE_AREAS: frozenset[str] = frozenset(_AREAS)
# "N4", "PE1", "BT9", "BN2 5": an outward code alone (or with its sector), any case in a log.
_OUTWARD = re.compile(r"(?<![\w/.£-])(?:" + "|".join(sorted((a for a in _AREAS if a != "S"), key=len, reverse=True)) + r")\d[A-Z\d]?"
                      r"(?:\s\d(?![\w:]|\.\w))?(?![\w/-]|\.\d|\s*(?i:pace|search|mha|of\b))")
_POSTCODE_CUE = re.compile(r"\b(?i:postcode|post code)\s+(?:area\s+)?(?P<pc>[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\b")

_VRM_CURRENT = re.compile(r"\b[A-HJ-PR-Y]{2}\s?\d{2}\s?[A-HJ-PR-Z]{3}\b")
# "partial index "n6?? krr"", "partial: "B16 O.."": what a witness read of a plate, in quotes.
_VRM_PARTIAL = re.compile(r"(?i:partial(?:\s+(?:index|reg|vrm|plate|registration))?|index|reg|vrm|plate)\s*[:\-]?\s*"
                          r"(?:(?i:of|was|is|possibly|maybe|starting|begins?)\s+)*[\"“']"
                          r"(?P<v>[A-Za-z0-9][A-Za-z0-9?.* ]{1,10})[\"”']")
_VRM_QUOTED = re.compile(r"[\"“'](?P<v>[A-Za-z]{1,3}\d{1,3}\s?[A-Za-z?.*]{1,3}|[A-Za-z]{2}\s?[?.*\d]{2}\s?[A-Za-z?.*]{2,3})[\"”']")
_VRM_PREFIX = re.compile(r"\b[A-HJ-NP-Y]\d{1,3}\s?(?P<tail>[A-Z]{3})\b")
_VRM_SUFFIX = re.compile(r"\b(?P<head>[A-Z]{3})\s?\d{1,3}[A-HJ-NP-Y]\b")
_VRM_CUE = re.compile(
    r"\b(?i:registration(?:\s+(?:number|no\.?|mark|plate))?|reg(?:\.|\s+(?:number|no\.?|plate))?|VRM|"
    r"index(?:\s+number)?|number\s?plate|plates?)\s*(?:[:\-]|(?i:of|was|is|showing))?\s*"
    r"(?P<v>[A-Z0-9]{1,4}[ \t]?[A-Z0-9]{1,4})\b"  # a plate never runs on to the next log line
)

# The digits of one number never run across a line break ("log 0633 / 13-04-2024\n0047 caller": a date, then a time).
_PHONE = re.compile(
    r"(?<![\w+/])(?:\+44[ \t-]?(?:\(0\)[ \t-]?)?\d|\(0\d{2,4}\)|0\d)(?:[ \t-]?\d){7,10}(?![\w/])"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.IGNORECASE)
# "log 123", "Serial 212", "PND ref 99", "incident 0412 of 14/06": short numbers after a strong cue.
_SHORT_REF = re.compile(r"\b(?i:log|serial|cad|storm|ref|reference|incident|inc|occurrence|urn|job|exhibit|"
                        r"crime\s+(?:ref|no|number))(?:\s+(?i:no\.?|number|ref))?\s*[:#.]?\s*(?P<ref>\d{2,6})\b(?![:.]\d)")

_REF_CUE = re.compile(
    r"\b(?i:crime(?:\s+(?:reference|ref|number|no))?|CRN|custody(?:\s+(?:record|reference|ref|number|no))+|"
    r"incident(?:\s+(?:log|number|no|reference|ref))+|(?:STORM\s+|CAD\s+|incident\s+)?log|CAD|STORM|URN|"
    r"occurrence|OEL|reference|ref|serial|device|exhibit|BWV|body[- ]worn\s+(?:video|camera)|camera|"
    r"Taser|PNC(?:\s+ID)?|PND|Niche|Athena|case|job|call|footage|clip|file|record|unit|report|"
    r"Connect|investigation|IOPC|PSD|complaint|conduct)"
    r"(?i:\s+(?:number|no\.?|ref(?:erence)?|ID|serial|record|log|device|file|unit|entry))*"
    r"\.?\s*(?i:is|was|of|:|#|-|no\.?)?\s*"
    r"(?P<ref>(?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{2,}[A-Z0-9](?:-[A-Z0-9]+)*"
    r"|(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)+)\b"
)
_REF_TRIGGER = word_start_trigger(
    "crime crn custody incident storm cad log urn occurrence oel reference ref serial device exhibit bwv body "
    "camera taser pnc pnd niche athena case job call footage clip file record unit report connect investigation "
    "iopc psd complaint conduct".split()
)
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")
_UPPER_OR_DIGIT = re.compile(r"[A-Z0-9]")
_SLASH = re.compile(r"/")
_DASH = re.compile(r"-")
_DASH_OR_SLASH = re.compile(r"[-/]")
# Reference shapes, each as (pattern, trigger, anchor, reach) for `finditer_before`: every match of a shape holds
# a match of its anchor that starts at most `reach` characters after the shape's own start (its first "/" or
# "-", or the start of its long run of digits), and starts where its trigger matches. The same matches as
# `pattern.finditer(text)`, without trying the pattern at every position of the text.
_REF_SHAPES = (
    (re.compile(r"\b\d{2,4}/\d{3,8}/\d{2,4}\b"), _DIGIT, _SLASH, 4),
    (re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,8}(?:/[A-Z0-9]{2,8}){2,3}\b"), _UPPER_OR_DIGIT,
     _SLASH, 8),
    (re.compile(r"\b[A-Z]{2,5}[-/]\d{2,}(?:[-/][A-Z0-9]+)+\b"), _UPPER, _DASH_OR_SLASH, 5),
    (re.compile(r"\b[A-Z]{2,5}-\d{4,}\b"), _UPPER, _DASH, 5),
    (re.compile(r"(?<![\d/.-])\d{2}-\d{4,}\b"), _DIGIT, _DASH, 2),
    (re.compile(r"(?<![\d/.-])\d{6,8}/\d{2,6}\b"), _DIGIT, _SLASH, 8),
    (re.compile(r"\b[A-Z]{1,3}\d{6,}[A-Z]?\b"), _UPPER, re.compile(r"\d{6,}"), 3),
    (re.compile(r"\b\d{2}[A-Z]{2}\d{5,}\b"), _DIGIT, re.compile(r"\d{5,}"), 4),
    (re.compile(r"\b[A-Z]\d{2}[A-Z]\d{5,}\b"), _UPPER, re.compile(r"\d{5,}"), 4),
    (re.compile(r"(?<![£$\d.,])\b\d{7,}\b(?![.,]\d)"), _DIGIT, re.compile(r"\d{7,}"), 0),
)
# "NN-20230614-0733 and -0781": the second of two references sharing their head.
_REF_CONTINUED = re.compile(r"[A-Z0-9]-\d{3,}\s*(?:,|and|&|or)\s*(?P<ref>-\d{3,})\b")
# "plate starts "WK"", "reg started with 'sk'": the part of a plate a witness read.
_VRM_START = re.compile(
    r"\b(?i:reg(?:istration)?|plate|index|vrm)(?:\s+(?i:number|no\.?|mark))?\s+(?i:starts?|started|starting|began|"
    r"begins|beginning)(?:\s+(?i:with))?\s+[\"“'‘](?P<v>[A-Za-z0-9]{1,4})[\"”'’]"
)
# "reg started R4 something": what a witness read of the start of a plate, unquoted (with a digit).
_VRM_START_BARE = re.compile(
    r"\b(?i:reg(?:istration)?|plate|index|vrm)(?:\s+(?i:number|no\.?|mark))?\s+(?i:starts?|started|starting|began|"
    r"begins|beginning)(?:\s+(?i:with))?\s+(?P<v>(?=[A-Za-z]*\d)[A-Za-z0-9]{2,4})\b"
)
# "CHERISHED PLATE S4 JID?", "GJ0 KA? - cherished plate", "(DF 9 ZZ? private plate)": a plate of any shape near a
# word that says it is one.
_VRM_ANY_SHAPE = re.compile(r"(?<![\w/])(?P<v>[A-Z]{1,3}\s?\d{1,4}\s?[A-Z][A-Za-z]{0,2})(?![\w/])")
_PLATE_CUE = re.compile(r"(?i:cherished|private\s+plate|personal(?:ised)?\s+plate|number\s?plate|plate|reg\b|"
                        r"registration|vrm|index)")
_RANK_LETTERS = frozenset("PC DC PS DS DI DCI SGT CST PCSO TDC TPC".split())
# "collar number, 1904": a comma between the cue and the number.
_COLLAR_COMMA = re.compile(r"\b(?i:collar|warrant|shoulder)\s+(?i:number|no\.?)\s*,\s*(?P<num>\d{3,6})\b")
_ROAD = re.compile(r"\b(?:M\d{1,3}|A\d{1,4}|B\d{4})(?:\(M\))?\b(?!\s?[A-Z]{3}\b)")

_MONTH_WORDS = {m.lower() for m in MONTHS}
# Letters after a collar number that are a force or borough code, not a word: "PC 2231 WY".
_CODE_AFTER = re.compile(r"\s?(?P<code>[A-Z]{2,3})\b(?![a-z'’])")
_NOT_CODES = frozenset(
    "AM PM HRS HR MPH GMT BST KM KG MG ML CC AT ON TO IN OF BY IS UP NO OR AND THE FOR WAS HAS HAD "
    "RE AS IT HE SHE WE ME MY BE DO GO SO AN A OK".split()
)


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0,
          key: str | None = None) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, key=key)


def _collars(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_RANK_COLLAR, RANK_AT, text):
        num_start, num_end = m.span("num")
        code = _CODE_AFTER.match(text, num_end)
        if code and code.group("code") not in _NOT_CODES and not m.group("num")[-1].isalpha():
            named = _NAME_AFTER.match(text, code.end())
            if named and named.group(1).lower() not in NOT_NAMES and not is_keep_word(named.group(1)):
                # "PC 2231 WY Hannah Osei-Bonsu": number and force code go; the name layer labels her.
                yield _cand(num_start, named.start(1), Kind.COLLAR, "with-name", 6)
            else:
                yield _cand(num_start, code.end(), Kind.COLLAR, "rank", 6, key="collar:" + m.group("num"))
            continue
        after = _NAME_AFTER.match(text, num_end)
        if after and after.group(1).lower() not in NOT_NAMES and not is_keep_word(after.group(1)):
            # "PC 1234 Jones": the number goes, with its space, and the name layer labels Jones.
            yield _cand(num_start, after.start(1), Kind.COLLAR, "with-name", 5)
        else:
            yield _cand(num_start, num_end, Kind.COLLAR, "rank", 5, key="collar:" + m.group("num"))
    low = lowered(text)
    cued = any(w in low for w in ("collar", "warrant", "shoulder", "badge", "payroll", "force"))
    for m in (_CUE_COLLAR.finditer(text) if cued else ()):
        yield _cand(*m.span("num"), Kind.COLLAR, "cue", 5)
        for extra in re.finditer(r"\d{2,7}[A-Z]{0,2}", m.group("more") or ""):
            base = m.start("more")
            yield _cand(base + extra.start(), base + extra.end(), Kind.COLLAR, "cue", 5)
    for m in (_COLLAR_COMMA.finditer(text) if cued else ()):
        yield _cand(*m.span("num"), Kind.COLLAR, "cue", 5)
    for m in finditer_at(_RANK_NAME_COLLAR, RANK_AT, text):
        if not re.fullmatch(r"(?:19|20)\d\d", m.group("num")):  # "PC Jones 2022 report" is a year
            yield _cand(*m.span("num"), Kind.COLLAR, "rank-name", 5, key="collar:" + m.group("num"))
    for m in _PAREN_COLLAR.finditer(text):
        word = re.search(r"([A-Za-z]+)$", text[max(0, m.start() - 40):m.start()])
        year_like = re.fullmatch(r"(?:19|20)\d\d", m.group("num"))
        if year_like and not _RANK_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "PSIRF (2022)" is a year; "PC Jones (2022)" may be a collar
        if word and word.group(1)[0].isupper() and word.group(1).lower() not in _MONTH_WORDS \
                and not word.group(1).isupper():
            yield _cand(*m.span("all"), Kind.COLLAR, "paren", 4)


def _vrms(text: str) -> Iterator[Candidate]:
    for m in _VRM_CURRENT.finditer(text):
        yield _cand(*m.span(), Kind.VRM, bump=2)
    for m in _VRM_PREFIX.finditer(text):
        if not is_keep_word(m.group("tail")):
            yield _cand(*m.span(), Kind.VRM, bump=1)
    for m in _VRM_SUFFIX.finditer(text):
        if not is_keep_word(m.group("head")) and m.group("head") not in {"BWV", "CAD", "PNC", "URN"}:
            yield _cand(*m.span(), Kind.VRM, bump=1)
    quoted = any(q in text for q in "\"“'‘")
    for pattern in ((_VRM_PARTIAL, _VRM_QUOTED) if quoted else ()):
        for m in pattern.finditer(text):
            if re.search(r"[\d?]", m.group("v")):
                yield _cand(*m.span("v"), Kind.VRM, bump=3)
    for m in (_VRM_START.finditer(text) if quoted else ()):
        yield _cand(*m.span("v"), Kind.VRM, bump=3)
    if _PLATE_CUE.search(text):
        for m in _VRM_START_BARE.finditer(text):
            yield _cand(*m.span("v"), Kind.VRM, bump=3)
        for m in _VRM_ANY_SHAPE.finditer(text):
            head = re.match(r"[A-Z]+", m.group("v")).group()
            if head in _RANK_LETTERS or not _PLATE_CUE.search(text, max(0, m.start() - 60), min(len(text), m.end() + 25)):
                continue
            yield _cand(*m.span("v"), Kind.VRM, bump=1)
    for m in _VRM_CUE.finditer(text):
        value = m.group("v")
        if re.search(r"\d", value) and re.search(r"[A-Z]", value):
            yield _cand(*m.span("v"), Kind.VRM, bump=1)


def _phones(text: str) -> Iterator[Candidate]:
    for m in _PHONE.finditer(text):
        if re.match(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b", m.group()):
            continue  # "02-06-2024 21:14" is a date and a time
        digits = re.sub(r"\D", "", m.group().replace("+44", "0", 1).replace("(0)", ""))
        if len(digits) in (10, 11) and digits.startswith("0"):
            yield _cand(*m.span(), Kind.PHONE, bump=6)


def _references(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_REF_CUE, _REF_TRIGGER, text):
        ref = m.group("ref")
        if len(ref) >= 3 and not re.fullmatch(r"(?:19|20)\d\d", ref):
            yield _cand(*m.span("ref"), Kind.REFERENCE, "cue", 3)
    for m in _SHORT_REF.finditer(text):
        # "log 1977 tue 4 june" is a log number; "ref 2019" may be a year.
        if not re.fullmatch(r"(?:19|20)\d\d", m.group("ref")) or not m.group().lower().startswith(("ref", "crime")):
            yield _cand(*m.span("ref"), Kind.REFERENCE, "cue", 2)
    for m in (_REF_CONTINUED.finditer(text) if "-" in text else ()):
        yield _cand(*m.span("ref"), Kind.REFERENCE, "cue", 2)
    for pattern, trigger, anchor, reach in _REF_SHAPES:
        for m in finditer_before(pattern, trigger, anchor, text, reach):
            yield _cand(*m.span(), Kind.REFERENCE, "shape")


def find_structured(text: str, tokens: Tokens | None = None) -> list[Candidate]:
    """Collar numbers, forces, postcodes, VRMs, phones, emails, NI numbers, references and roads."""
    out: list[Candidate] = list(_collars(text))
    out += [_cand(s, e, Kind.FORCE, bump=2) for s, e, _ in FORCE_MATCHER.find(text, tokens)]
    out += [_cand(*m.span(), Kind.POSTCODE, bump=4) for m in _POSTCODE.finditer(text)]
    if "post" in lowered(text):
        out += [_cand(*m.span("pc"), Kind.POSTCODE, bump=4) for m in _POSTCODE_CUE.finditer(text)]
    for m in _OUTWARD.finditer(text):
        code = m.group()
        if re.search(r"(?i:cell|room|unit|zone|bay|grade|level|code|block|gate|para|section|form)\W*$",
                     text[max(0, m.start() - 10):m.start()]):
            continue
        if not re.fullmatch(r"(?:MG\d+|W3W|[AB]\d{1,2}|M\d{1,2}|E\d)(?:\s\d)?", code) or re.search(
                r"(?i:\barea|\bpostcode|\bin\b|\bnear|\baround)\W*$", text[max(0, m.start() - 12):m.start()]) \
                or re.match(r"\s+(?i:area|postcode)", text[m.end():m.end() + 10]) \
                or (code[0] in "BE" and re.search(r"[a-z],\s*$", text[max(0, m.start() - 4):m.start()])):
            # "Wheeler Street, B19": a district after a street or town and its comma is no B-road.
            out.append(_cand(*m.span(), Kind.POSTCODE, bump=1))
    out += list(_vrms(text))
    out += list(_phones(text))
    if "@" in text:
        out += [_cand(*m.span(), Kind.EMAIL, bump=8) for m in _EMAIL.finditer(text)]
    out += [_cand(*m.span(), Kind.NINO, bump=7) for m in _NINO.finditer(text)]
    out += list(_references(text))
    out += [_cand(*m.span(), Kind.PLACE, "main-road") for m in _ROAD.finditer(text)]
    return out
