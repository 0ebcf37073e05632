"""Recall rules for structured identifiers learnt from development sets 8 and 9: collar numbers with a force code and
call signs, dates by their part of a month, holiday or part of the day, lone years, ages as bands, ranges and as
records write them, spoken and ranged clock times, postcode sectors and districts, serials, plates after their
vehicle and handles after their platform (forces and organisations by their area: recall_forces9.py). Each class is
found by its shape or its cue, never by a word of a development set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .keep import is_keep_word
from .lexicon import UK_PLACE_LOWER, is_policing_word
from .patterns import POSTCODE_AREAS
from .phrases import finditer_at, finditer_before, keyword_trigger
from .recall_forces9 import find_area_organisations
from .recall_numbers import NUMBER_WORD, number_value

_BASE = PRIORITY["pattern"]


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str = "") -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


# --- Collar numbers with a force code -------------------------------------------------------------------------------

_RANKS = r"(?i:PC|PCs|PCSO|PS|Sgt|A/Sgt|DC|DS|Cst|Insp|Inspector|Sergeant|Constable|Supt|DI|DCI)"
# "pc kerry young iw 2201", "Arresting: PC Connor Hicks AS 4418", "INSP GARETH WHITE GP 1041 TAKING COMMAND",
# "Custody Sgt: Ellen Baker AS 1029": a ranked name, then the force's two letters and the number, in any case.
_RANKED_CODE_COLLAR = re.compile(r"\b" + _RANKS + r"\.?:?[ \t]+(?:[A-Za-z][\w'’-]*\.?[ \t]+){1,3}"
                                 r"(?P<k>(?P<c>[A-Za-z]{2})[ \t]?(?P<n>\d{3,5}))(?![\w/-]|[:.]\d)")
_RANK_AT = keyword_trigger("pc pcs pcso ps sgt a/sgt dc ds cst insp inspector sergeant constable supt di dci".split())
_NOT_CODES = frozenset("am pm at on in to by of is or no hr km kg mg ml tel ex ie eg".split())
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


# "units 1489 722 from diss and 1603", "UNITS GP 4410 GP 2087 (EBBW VALE)", "unit dc 2241 at bakewell": the call signs a
# log assigns after "unit(s)", up to the end of its clause.
_UNITS = re.compile(r"\b(?i:units?)[ \t]+(?=(?:[A-Za-z]{1,2}[ \t]?)?\d{3,5}(?![\w/-]))(?P<w>[^\n.;:]{1,80})")
_CALL_SIGN = re.compile(r"(?<![\w/-])(?P<k>(?:(?P<c>[A-Za-z]{1,2})[ \t]?)?(?P<n>\d{3,5}))(?![\w/-]|[:.]\d)")
_NUMBER_CUE_BEFORE = re.compile(r"(?i:\b(?:log|ref|cad|crime|incident|inc|tel|no|number|room|cell|bay|flat|eta)\.?[ \t]*[(#:]?[ \t]*)$")
# "05:51 SC 1120 O/S", "taken by nb 6631 (pc kaur)", "sy 2091 on the a317": a force code and a number where a log says
# what the officer did.
_CODE_AT_WORK = re.compile(r"(?<![\w/-])(?P<k>(?P<c>[A-Za-z]{2})[ \t]?(?P<n>\d{3,5}))(?![\w/-]|[:.]\d)(?=[ \t]*\([ \t]*"
                           r"(?i:pc|ps|sgt|pcso|dc|ds|sc)\b|(?:[ \t]*\([^)\n]{1,25}\))?[ \t]+(?i:o/s|on\s+scene|assigned|"
                           r"attending|attends|arrives|arrived|en\s+route|searching|stops|talking|takes|conveying|with|"
                           r"deployed|tasked|reports|requests|hears|located|from|at)\b)")
_BY_CODE = re.compile(r"\b(?i:by)[ \t]+(?P<k>(?P<c>[A-Za-z]{2})[ \t]?(?P<n>\d{4,5}))(?![\w/-]|[:.]\d)")
_VEHICLE_BEFORE = re.compile(r"(?i:reg|plate|vrm|index|van|car|vehicle|defender|landrover|transit|trailer|lorry|unit)"
                             r"[ \t]+(?:[a-z]+[ \t]+)?$")


def _collar_codes(text: str) -> Iterator[Candidate]:
    codes: set[str] = set()
    signs: set[str] = set()
    for m in finditer_at(_RANKED_CODE_COLLAR, _RANK_AT, text):
        code = m.group("c")
        if code.lower() in _NOT_CODES or (code.lower() == "as" and (not code.isupper() or _CLOCK.fullmatch(m.group("n")))):
            continue  # "PC Smith at 1400", "as 2100": a word and a time
        codes.add(code.lower())
        yield _cand(*m.span("k"), Kind.COLLAR, "cue", 8)
    for u in _UNITS.finditer(text):
        base = u.start("w")
        for m in _CALL_SIGN.finditer(u.group("w")):
            code = (m.group("c") or "").lower()
            if code in _NOT_CODES or _NUMBER_CUE_BEFORE.search(u.group("w")[:m.start()]):
                break  # "unit 4 cell 1023", "units ... (log 4431)": the list has ended
            signs.add(" ".join(m.group("k").lower().split()))
            if len(code) == 2:
                codes.add(code)
            yield _cand(base + m.start(), base + m.end(), Kind.COLLAR, "cue", 7)
    for m in (*_CODE_AT_WORK.finditer(text), *_BY_CODE.finditer(text)):
        code = m.group("c").lower()
        if code in _NOT_CODES or code == "as" or _VEHICLE_BEFORE.search(text, max(0, m.start("k") - 25), m.start("k")):
            continue
        signs.add(" ".join(m.group("k").lower().split()))
        codes.add(code)
        yield _cand(*m.span("k"), Kind.COLLAR, "cue", 7)
    # "pcs sarah long wy 4410 and tom mcgrath wy 5518": the same code and a number again is another officer's collar;
    # "14:11 722 with female": a call sign met again is the same officer
    for code in codes:
        for m in re.finditer(r"(?<![\w/-])" + code + r"[ \t]?\d{4,5}(?![\w/-]|[:.]\d)", text, re.IGNORECASE):
            yield _cand(*m.span(), Kind.COLLAR, "cue", 7)
    for sign in signs:
        pattern = r"(?<![\w/-])" + r"[ \t]?".join(re.escape(p) for p in sign.split()) + r"(?![\w/-]|[:.]\d)"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not text[line_start:m.start()].strip():
                continue  # a number opening a log line is its time
            yield _cand(*m.span(), Kind.COLLAR, "cue", 7)


# --- Dates ----------------------------------------------------------------------------------------------------------

# A date left as written yields to any other reading of the same words: "PCs 1987 and 2019" are collar numbers (replaced),
# not the year 2019 (left).
_AS_WRITTEN_BUMP = -35

_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "in early March", "Since mid-October", "approx mid-Jan": a part of a month (no year: the month stands as written).
_PART_OF_MONTH = re.compile(r"\b(?:(?i:approx\.?|about|around)[ \t]+)?(?i:early|mid|late)[ \t-]+"
                            r"(?P<m>" + _MONTH + r")(?![\w'’-])(?![ \t]+(?:19|20)\d\d)")
# "the Christmas period", "the Xmas holidays", "the summer holidays", "Easter", "half term": a holiday as a date (with no
# year or day it may be published: it stands as written).
_HOLIDAY = re.compile(r"\b(?:(?i:the)[ \t]+)?(?:(?i:christmas|xmas|easter|summer|october|february|new\s+year)[ \t]+"
                      r"(?i:period|holidays?|hols|break)|(?i:half[ \t-]term)|Easter|EASTER)(?![\w'’-])"
                      r"(?![ \t]+(?i:road|rd|street|st|lane|avenue|ross|egg|eggs|bunny|monday|sunday|weekend)\b)")
# "the night of 2/3 March", "Early hours of 2/12", "the weekend of the 15th/16th", "the early hours of 2/3": a date
# and the part of the day or week before it.
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?"
_PART_OF_DATE = re.compile(r"\b(?:(?i:the)[ \t]+)?(?i:(?:early[ \t]+)?hours|night|evening|morning|afternoon|weekend|"
                           r"early\s+hours)[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?"
                           r"(?P<d>" + _DAY + r"(?:[ \t]*[/&-][ \t]*" + _DAY + r")?(?:[ \t]+(?P<m>" + _MONTH + r")(?:,?[ \t]+(?P<y>(?:19|20)\d\d))?)?"
                           r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/-])")
# "PNC: theft, burglary 2023.", "possession with intent (cl.A) 2017.": the year of an entry in a record of offences.
_RECORD_CUE = re.compile(r"(?i:pnc|convictions?|cautions?)\b")
_RECORD_YEAR = re.compile(r"(?<=[\w)][ \t])(?P<y>(?:19[6-9]|20[0-3])\d)(?=[ \t]*[.,;)]|[ \t]*$|[ \t]*\n|[ \t]+\()")
# "-" between two numbers of a log heading: "merpol log 0633 / 13-04-2024".
_DASHED_DATE = re.compile(r"(?<![\w/-])(?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>(?:19|20)\d\d)(?![\w/-])")


# "in 2023", "between 2020 and 2023", "In early 2024": a year alone. It may be published (it names no day), so it
# stands as written: found, so a date's words are all accounted for, and left as the writer put it. (Months, weekdays
# and seasons alone are left to the writer's convention: development sets disagree on them.)
_ALONE_YEAR = re.compile(
    r"\b(?P<yp>(?i:in|since|during|from|between|until|till|before|after|by|and|of|early|late|mid|around|circa|c\.))"
    r"[ \t-]+(?P<yq>(?i:early|late|mid)[ \t-]+)?(?P<y>(?:19[5-9]|20[0-3])\d)(?![\w'’/-]|[.:]\d)")
_NOT_YEAR_AFTER = re.compile(r"[ \t]*(?:(?i:hrs|hours|h\b|people|persons|officers|calls|pounds|miles|metres|times|"
                             r"incidents|crimes|cases|reports|units|cars|vehicles|[-–]\s*\d{4}))")


_YEAR_ANCHOR = re.compile(r"(?<![\d])(?:19[5-9]|20[0-3])\d(?!\d)")
_YEAR_CUE_AT = keyword_trigger("in since during from between until till before after by and of early late mid around "
                               "circa c.".split())


def _alone_years(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_ALONE_YEAR, _YEAR_CUE_AT, _YEAR_ANCHOR, text, 25):
        count = _NOT_YEAR_AFTER.match(text, m.end())
        if int(m.group("y")) > 2027 or count and (re.match(r"[ \t]*(?i:hrs|hours|h\b|[-–])", count.group())
                                                  or m.group("yp").lower() in ("by", "of", "around", "and", "c.")):
            continue  # "from 2030 hrs", "by 2000 people": a time or a number ("In 2024 officers" is a year)
        start = m.start("yq") if m.group("yq") else m.start("y") if m.group("yp").lower() not in (
            "early", "late", "mid") else m.start()
        yield _cand(start, m.end(), Kind.DATE, "as-written", _AS_WRITTEN_BUMP)


def _month_value(word: str) -> str:
    return f"-{_MONTH_KEYS.index(word[:3].lower()) + 1:02d}"


_PART_AT = keyword_trigger("approx about around early mid late end start".split())
_HOLIDAY_AT = keyword_trigger("the christmas xmas easter summer october february new half".split())
_PART_DATE_AT = keyword_trigger("the early hours night evening morning afternoon weekend".split())


def _dates(text: str) -> Iterator[Candidate]:
    yield from _alone_years(text)
    for m in finditer_at(_PART_OF_MONTH, _PART_AT, text):
        yield _cand(*m.span(), Kind.DATE, "month", 3, value=_month_value(m.group("m")))
    for m in finditer_at(_HOLIDAY, _HOLIDAY_AT, text):
        yield _cand(*m.span(), Kind.DATE, "as-written", _AS_WRITTEN_BUMP)
    if " of " in text or " OF " in text or " Of " in text:
        for m in finditer_at(_PART_OF_DATE, _PART_DATE_AT, text):
            month = m.group("m")
            part = m.group().lower()
            sub = "evening" if any(w in part for w in ("night", "evening", "hours")) else "day"
            value = (m.group("y") or "") + _month_value(month) if month else ""
            yield _cand(*m.span(), Kind.DATE, sub, 3, value=value)
    if "-" in text:
        for m in _DASHED_DATE.finditer(text):
            if 1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12:
                yield _cand(*m.span(), Kind.DATE, "day", 6, value=f"{m.group('y')}-{int(m.group('m')):02d}")
    for cue in _RECORD_CUE.finditer(text):
        line_end = text.find("\n", cue.end())
        stop = min(cue.end() + 120, line_end if line_end >= 0 else len(text))
        for m in _RECORD_YEAR.finditer(text, cue.end(), stop):
            if not re.search(r"(?i:\b(?:at|from|until|till|by|log|cad|ref|no\.?|number|tel|collar|pc|ps|sgt|act|"
                             r"order|regulations|rules)[ \t]*$)",
                             text[max(0, m.start() - 12):m.start()]):
                yield _cand(*m.span("y"), Kind.DATE, "as-written", _AS_WRITTEN_BUMP, value=m.group("y"))


# --- Ages -----------------------------------------------------------------------------------------------------------

_DECADE_WORDS = {"teens": 15, "twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65,
                 "seventies": 75, "eighties": 85, "nineties": 95}
_DECADE = r"(?i:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[1-9]0['’]?s)"
# "in his late 40s", "in his 80s", "in her early twenties": an age band in figures, or narrowed to part of a decade,
# with the pronoun before it ("in his fifties" is already the band the anonymiser writes: it stays).
_IN_HIS_BAND = re.compile(r"\b(?i:in)[ \t]+(?i:his|her)[ \t]+(?:(?i:early|mid|late)[ \t-]+(?P<d>" + _DECADE + r")|"
                          r"(?P<f>[1-9]0['’]?[sS]))(?![\w'’-])")
# "MALE 2 WM TWENTIES", "Bronwen THOMAS (fifties)": a decade word alone is an age (but "the sixties" is an era).
_BARE_DECADE = re.compile(r"(?<![\w'’-])(?:(?i:early|mid|late)[ \t-]+)?(?P<d>(?i:twenties|thirties|forties|fifties|sixties|"
                          r"seventies|eighties|nineties))(?![\w'’-])")
# "approx 30 yrs", "about 45 years": an estimated age with its unit.
_APPROX_YEARS = re.compile(r"\b(?i:approx\.?|approximately|about|around|roughly|aged)[ \t]+(?P<a>\d{1,2})[ \t]*"
                           r"(?i:yrs?|years?)(?:[ \t]+(?i:old))?(?![\w'’-])(?![ \t]+(?i:ago|since|later|before|earlier|"
                           r"of\b|in\b|service|experience))")
# "girls aged 11 to 14", "30 youths, 12-16 yrs", "MALE AGED 20S": a range or a band after "aged", or a range of years.
_AGE_RANGE = re.compile(r"\b(?:(?i:aged|age:?|approx\.?|approximately|about|around|roughly)[ \t]+(?:(?i:between)[ \t]+)?"
                        r"(?P<a>\d{1,2})[ \t]*(?:-|–|(?i:to|and))[ \t]*"
                        r"(?P<b>\d{1,2})(?:[ \t]*(?i:yrs?|years?))?"
                        r"|(?P<a2>\d{1,2})[ \t]*[-–][ \t]*(?P<b2>\d{1,2})[ \t]*(?i:yrs?|years?|y/?o)(?:[ \t]+(?i:old))?"
                        r"|(?i:aged)[ \t]+(?:(?i:early|mid|late)[ \t-]+)?(?P<d>[1-9]0['’]?[sS]))(?![\w'’-])"
                        r"(?![ \t]+(?i:ago|of\b|service|mins?\b|minutes|hours|hrs|secs?\b|seconds|days|weeks|miles|metres|"
                        r"people|officers|youths|males|females|calls|times))")
# "Rebecca Ashworth (thirty-one)": an age in words in brackets after a name.
_NAME_BRACKET_WORD_AGE = re.compile(r"(?<=[A-Za-z'’])[ \t]+\((?P<a>(?i:" + NUMBER_WORD + r"))\)")
# "DP: COWAN, Shane   DOB 4th May 2006 - 18": the age a record gives after a date of birth written in words.
_AGE_AFTER_WORDED_DOB = re.compile(r"\b(?i:dob|d\.o\.b\.?|date\s+of\s+birth)[: \t]+\d{1,2}(?i:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?"
                                   r"[ \t]+(?:19|20)\d\d[ \t]*(?:[-–—(][ \t]*)(?P<a>\d{1,2})(?:[ \t]*(?i:yrs?|years?))?"
                                   r"[ \t]*\)?(?=[ \t]*$|[ \t]*\n|[ \t]*[.,;])")
# "consultation by phone 0810–0826", "ANPR in Oadby 1500-1530": a range of clock times, whole.
_TIME_RANGE = re.compile(r"(?<![\w/.:-])(?P<h>[01]\d|2[0-3])[0-5]\d[ \t]?[-–][ \t]?(?:[01]\d|2[0-3])[0-5]\d(?![\w/-]|[.:]\d)")
# "Perceived age: 20-25   Actual: 22": the actual age after a perceived one.
_ACTUAL_AGE = re.compile(r"(?<=[ \t])(?i:actual|real|true)(?:[ \t]+(?i:age))?[ \t]*:[ \t]*(?P<a>\d{1,2})(?![\w/.:-])")
# "driver f 19 - chloé marchand", "victim m 23,": a person, their sex and their age, as a log writes them.
_SEX_AGE = re.compile(r"\b(?i:driver|passenger|rider|victim|suspect|subject|ip|dp|caller|occupant|witness|pedestrian|"
                      r"casualty)[ \t]+(?i:m|f)[ \t]+(?P<a>1[0-9]|[2-9]\d)(?![\w/.:-])")
# '(goes by "miz") 22 gave statement', "Tayyab Hussain (Hussein?) 17, searched": an age after a name's bracket.
_AGE_AFTER_BRACKET = re.compile(r"\)[ \t]+(?P<a>1[0-9]|[2-9]\d)(?=[ \t]*,|[ \t]+(?i:gave|said|searched|arrested|was|is|"
                                r"lives|from|states|stated)\b)")
# "a teenager named Ardit, maybe 16.": a guessed age closing a clause.
_MAYBE_AGE = re.compile(r"\b(?i:maybe|possibly|probably|prob)[ \t]+(?P<a>1[0-9]|[2-9]\d)(?=[ \t]*[.,;)?!]|[ \t]*$)",
                        re.MULTILINE)
# "Ellie FORD, nineteen, a student": an age in words set off by commas after a name.
_NAME_WORD_AGE = re.compile(r"(?<=[A-Za-z'’]),[ \t]+(?P<a>(?i:" + NUMBER_WORD + r"))(?=[ \t]*[,;)]|[ \t]*\.(?:\s|$))")


def _ages(text: str) -> Iterator[Candidate]:
    for m in _IN_HIS_BAND.finditer(text):
        d = (m.group("d") or m.group("f")).lower()
        n = _DECADE_WORDS.get(d) or int(d[0]) * 10 + 5
        yield _cand(*m.span(), Kind.AGE, "", 4, value=str(min(n, 95)))
    for m in _BARE_DECADE.finditer(text):
        before = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"\b(?:the|in|his|her|their|its|our|my|your)[ \t]+$", before):
            continue  # "the sixties", "in the nineties": an era; "in their twenties" is the anonymiser's own band
        yield _cand(*m.span(), Kind.AGE, "band", 3, value=str(_DECADE_WORDS[m.group("d").lower()]))
    for m in _APPROX_YEARS.finditer(text):
        yield _cand(*m.span(), Kind.AGE, "", 4, value=m.group("a"))
    for m in _AGE_RANGE.finditer(text):
        if m.group("d"):
            n = int(m.group("d")[0]) * 10 + 5
        else:
            a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
            if not a < b <= 99:
                continue
            n = b
        yield _cand(*m.span(), Kind.AGE, "", 4, value=str(n))
    if "(" in text:
        for m in _NAME_BRACKET_WORD_AGE.finditer(text):
            n = number_value(m.group("a"))
            if 12 < n < 100:
                yield _cand(*m.span("a"), Kind.AGE, "", 3, value=str(n))
    for m in _AGE_AFTER_WORDED_DOB.finditer(text):
        yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("a"))
    for pattern in (_SEX_AGE, _AGE_AFTER_BRACKET, _MAYBE_AGE):
        for m in pattern.finditer(text):
            if pattern is _AGE_AFTER_BRACKET and not re.search(r"[A-Za-z\"”'’?]$", text[max(0, m.start() - 1):m.start()]):
                continue  # "(2) 22," — a name or nickname closes the bracket before an age
            yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("a"))
    for m in _ACTUAL_AGE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if "age" in text[max(line_start, m.start() - 60):m.start()].lower():
            yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("a"))
    for m in _TIME_RANGE.finditer(text):
        first, last = (int(n) for n in re.findall(r"\d{4}", m.group()))
        if 1950 <= first < last <= 2039 and not re.match(r"[ \t]*(?i:hrs|hours|h\b)", text[m.end():m.end() + 8]):
            continue  # "between 2019-2024": years, not 20:19 to 20:24
        yield _cand(*m.span(), Kind.TIME, "", 3, value=str(int(m.group("h"))))
    if "," in text:
        for m in _NAME_WORD_AGE.finditer(text):
            n = number_value(m.group("a"))
            word = re.search(r"([A-Za-z'’]+)$", text[max(0, m.start() - 30):m.start()])
            if 12 < n < 100 and word and word.group(1)[:1].isupper() and not is_policing_word(word.group(1)):
                yield _cand(*m.span("a"), Kind.AGE, "", 3, value=str(n))


# --- Times and postcodes --------------------------------------------------------------------------------------------

# "around 10ish at night", "11ish pm": an hour with "ish" and the part of the day.
_ISH_TIME = re.compile(r"\b(?P<h>1[0-2]|[1-9])(?i:ish)?[ \t]*(?P<p>(?i:at[ \t]+night|in[ \t]+the[ \t]+(?:morning|evening|"
                       r"afternoon)|pm|am|p\.m\.|a\.m\.))(?![\w'’-])")
# "Bath ba1 2 (student flat)": a lower-case postcode to its sector before a bracket.
_SECTOR_BEFORE_BRACKET = re.compile(r"(?<=[a-z] )(?P<pc>(?P<a>[a-z]{1,2})\d[a-z\d]?[ ]\d(?:[a-z]{2})?)(?=[ \t]*\()")
# "within hp/ox postcodes", "the NE and DH postcodes": postcode areas named before the word.
_AREA_POSTCODES = re.compile(r"(?<![\w/-])(?P<a>[A-Za-z]{1,2})(?P<more>(?:[ \t]*(?:/|,|and|&)[ \t]*[A-Za-z]{1,2})*)[ \t]+"
                             r"(?i:postcodes?|post[ \t]+codes?)\b")


_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_HOUR = r"(?:1[0-2]|0?[1-9]|(?i:" + "|".join(_HOUR_WORDS) + r"))"
# "about half eleven", "aboot hauf ten", "half 7 in the morning", "quarter to 11 at night", "About 10 past 3",
# "At about 4.30 in the afternoon": a spoken clock time, with its cue before or the part of the day after it.
_SPOKEN_TIME = re.compile(r"(?P<pre>\b(?i:at|about|around|aboot|approx\.?|approximately|by|until|till|from)[ \t]+"
                          r"(?:(?i:about|around|approx\.?|roughly|maybe)[ \t]+)?)?"
                          r"(?P<t>(?:(?i:half|hauf)(?:[ \t]+(?i:past))?|(?i:quarter|\d{1,2}|ten|twenty|five)[ \t]+(?i:past|to))"
                          r"[ \t]+(?P<h>" + _HOUR + r")|(?P<h2>" + _HOUR + r")[.:](?P<mi>[0-5]\d))(?![\w'’-]|[.:]\d)"
                          r"(?P<p>[ \t]+(?:(?i:in[ \t]+the[ \t]+(?:morning|afternoon|evening)|at[ \t]+night|"
                          r"(?:in[ \t]+the[ \t]+)?(?:morning|afternoon|evening)|pm|am)))?(?![\w'’-])")
_SPOKEN_AT = keyword_trigger("at about around aboot approx approximately by until till from half hauf quarter ten twenty "
                             "five".split())


def _hour_value(word: str) -> int:
    return int(word) if word.isdigit() else _HOUR_WORDS.index(word.lower()) + 1


# Every spoken time holds one of these: the pattern is tried only in the few words before one (most texts have none).
_SPOKEN_ANCHOR = re.compile(r"(?i:half|hauf|quarter|past)\b|\d[ \t]+(?i:to)[ \t]|[.:][0-5]\d[ \t]+(?i:in[ \t]+the|at[ \t]+night|"
                            r"morning|afternoon|evening|pm|am)\b")
_WORD_AT = re.compile(r"(?<![\w'’.-])[A-Za-z0-9]")


def _spoken_times(text: str) -> Iterator[Candidate]:
    for m in finditer_before(_SPOKEN_TIME, _WORD_AT, _SPOKEN_ANCHOR, text, 40):
        part = (m.group("p") or "").lower()
        if m.group("h2") and not part:
            continue  # "at 4.30" is the time layer's
        if not (m.group("pre") or part):
            continue  # "half ten-pound notes": a spoken time needs its cue or its part of the day
        hour = _hour_value(m.group("h") or m.group("h2"))
        if m.group("t").lower().split()[0] in ("half", "hauf") and "past" not in m.group("t").lower() and hour > 1:
            hour -= 1  # "half eleven" is 10:30
        if " to" in m.group("t").lower():
            hour -= 1
        if part:
            hour = hour % 12 + (12 if any(w in part for w in ("afternoon", "evening", "night", "pm")) else 0)
            if "night" in part and hour < 17:
                hour = hour % 12 + (0 if hour % 12 < 5 else 12)
            sub = "at-known" if m.group("pre") else "known"
        else:
            sub = "at-unknown" if m.group("pre") else "unknown"
        yield _cand(m.start(), m.end(), Kind.TIME, sub, 4, value=str(hour))


def _times_postcodes(text: str) -> Iterator[Candidate]:
    yield from _spoken_times(text)
    for m in _ISH_TIME.finditer(text):
        if "ish" not in m.group().lower():
            continue  # "10 pm" is the time layer's
        h = int(m.group("h"))
        p = m.group("p").lower()
        hour = h % 12 + (12 if ("night" in p or "evening" in p or "afternoon" in p or p.startswith("p")) else 0)
        yield _cand(*m.span(), Kind.TIME, "", 4, value=str(hour))
    if "(" in text:
        for m in _SECTOR_BEFORE_BRACKET.finditer(text):
            if m.group("a").upper() in POSTCODE_AREAS:
                yield _cand(*m.span("pc"), Kind.POSTCODE, "", 4)
    if "ostcode" in text or "OSTCODE" in text or "ost code" in text:
        for m in _AREA_POSTCODES.finditer(text):
            areas = [m.group("a"), *re.findall(r"[A-Za-z]{1,2}", re.sub(r"(?i:and)", " ", m.group("more")))]
            if areas and all(a.upper() in POSTCODE_AREAS and (a.isupper() or a.islower()) for a in areas):
                yield _cand(m.start(), m.end("more") if m.group("more") else m.end("a"), Kind.POSTCODE, "area", 3)


# --- References, plates and handles ----------------------------------------------------------------------------------

# "iVPD 24/000119", "IVPD 24/0031558": a year and a long serial (no date has five digits after its slash).
_YEAR_SERIAL = re.compile(r"(?<![\w/.-])\d{2}/\d{5,8}(?![\w/-])")
# "see intel 24/0331", "Intel entry 24/0771": a year and a four-digit serial that is no year ("12/2024" is a month).
_YEAR_SHORT_SERIAL = re.compile(r"(?<![\w/.-])\d{2}/(?!19\d\d|20\d\d)\d{4}(?![\w/-]|[.:]\d)")
# "TRAILER B 4729 XT", "TRACTOR UNIT CJ 18 RUS", "LANDROVER DEFENDER WO 4412": a plate straight after the vehicle it
# is on, in any case (a log in capitals is re-cased to lower case before the layers read it).
# "Imran Patel (b.12/4/99)": a date of birth after "b." in brackets.
_BORN_DOT = re.compile(r"\((?i:b)\.[ \t]*(?P<d>\d{1,2}/\d{1,2}/\d{2,4})\)")
_PLATE_AFTER_VEHICLE = re.compile(r"\b(?i:trailer|tractor[ \t]+unit|defender|lorry|hgv|reg(?:istration)?|plate|index|vrm)"
                                  r"[ \t]+(?P<v>(?i:[a-z]{1,3}[ -]?\d{1,4}(?:[ -][a-z]{1,3})?|\d{1,4}[ -]?[a-z]{1,3}))"
                                  r"(?![\w/-])")
_NOT_PLATE_LETTERS = frozenset("at on in to of by is no am pm hr hrs mph ref and the for or as it was".split())
_DISTANCE_UNITS = frozenset("km m ft mi kg cm mm yds mins".split())
# "Snapchat: Abdullahi - dullah.e1x": a handle after its platform and a name, a word with a dot or underscore and a digit.
_PLATFORM = re.compile(r"\b(?i:snap(?:chat)?|insta(?:gram)?|tiktok|facebook|fb|twitter|telegram|whatsapp)\b[^\n]{0,40}?"
                       r"[ \t:-](?P<h>@?[a-z0-9_]*[a-z][a-z0-9_]*[._][a-z0-9_.]*\d[a-z0-9_.]*|@?[a-z0-9_.]*\d[a-z0-9_.]*[._][a-z0-9_.]*[a-z][a-z0-9_]*)"
                       r"(?![\w@.])")
# "the 80s of staniforth road, darnall, s9": a lower-case postcode district closing an address.
_LOWER_DISTRICT = re.compile(r"(?:(?<=[a-z],[ \t])|(?<=[a-z][ \t]))(?P<pc>(?P<a>[a-zA-Z]{1,2})\d{1,2}[a-zA-Z]?)(?=[ \t]*$|[ \t]*\n|[ \t]*[.;)])",
                             re.MULTILINE)


_ADDRESS_WORD = re.compile(r"\b(?i:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|terrace|grove|estate|"
                           r"flats?|court|gardens|place|square|walk|view|house)\b")


def _refs_plates_handles(text: str) -> Iterator[Candidate]:
    if "/" in text:
        yield from (_cand(*m.span(), Kind.REFERENCE, "shape", 4) for m in _YEAR_SERIAL.finditer(text))
        yield from (_cand(*m.span(), Kind.REFERENCE, "shape", 3) for m in _YEAR_SHORT_SERIAL.finditer(text))
        yield from (_cand(*m.span("d"), Kind.DOB, "", 6) for m in _BORN_DOT.finditer(text))
    for m in _PLATE_AFTER_VEHICLE.finditer(text):
        plate = m.group("v")
        letters = re.findall(r"[A-Za-z]+", plate)
        tail = letters[-1].lower() if letters and plate[-1:].isalpha() else ""
        if sum(ch.isalnum() for ch in plate) < 4 or (letters and plate[:1].isalpha() and letters[0].lower() in _NOT_PLATE_LETTERS) \
                or tail in _NOT_PLATE_LETTERS or plate[:1].isdigit() and tail in _DISTANCE_UNITS:
            # "Reg 56 on", "reg 1234 km away": a regulation and a word, a distance ("BG 4471 KM" is a plate)
            continue
        yield _cand(*m.span("v"), Kind.VRM, "any", 3)
    for m in _PLATFORM.finditer(text):
        if not (is_keep_word(m.group("h")) or re.match(r"[a-z]{1,2}\.\d", m.group("h"))):  # "s.136" is a section
            yield _cand(*m.span("h"), Kind.HANDLE, "", 6)
    if "," in text:
        for m in _LOWER_DISTRICT.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            comma = text[m.start() - 2:m.start() - 1] == ","
            before = re.search(r"([A-Za-z'’-]+),?[ \t]$", text[max(0, m.start() - 30):m.start()])
            if m.group("a").upper() in POSTCODE_AREAS and m.group("a").lower() not in ("a", "b", "m") \
                    and not is_keep_word(m.group("pc")) and _ADDRESS_WORD.search(text, max(line_start, m.start() - 60), m.start()) \
                    and (comma or before and before.group(1).lower() in UK_PLACE_LOWER):
                # without a comma the word before must be a town: "hillsborough s6", not "ARRESTED S20" (a section)
                # an address on the line before it: "s47" after "arrested under s.1, s47" is a section
                yield _cand(*m.span("pc"), Kind.POSTCODE, "district", 3)


def find_struct9_recall(text: str) -> list[Candidate]:
    """Candidates of the structured and force classes learnt from development set 8 and the lead's decisions."""
    return [*find_area_organisations(text), *_collar_codes(text), *_dates(text), *_ages(text),
            *_times_postcodes(text), *_refs_plates_handles(text)]
