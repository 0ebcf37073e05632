"""Dates, times, ages and dates of birth in digits and in words, with parsed values for generalising."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .entities import PRIORITY, Candidate, Kind
from .lexicon import NAME_LIST, UK_PLACE_LOWER, is_ordinary
from .phrases import finditer_at, keyword_trigger, lowered, word_start_trigger
from .vocab import MONTHS, WEEKDAYS

_BASE = PRIORITY["pattern"]
_MONTH_ABBR = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_RE = r"(?i:" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
# English weekdays, their short forms, and Welsh short forms in bilingual logs (Llun, Maw, Mer, Iau, Gwe, Sad, Sul).
_WEEKDAY_RE = (r"(?i:" + "|".join(WEEKDAYS) + r"|(?:Mon|Tue|Tues|Weds|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|"
               r"(?:Llun|Maw|Mer|Iau|Gwe|Sad|Sul)(?=,?\s+\d))")
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first "
    "twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh "
    "twenty-eighth twenty-ninth thirtieth thirty-first"
).split()
_ORD_RE = r"(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)).replace("-", "[- ]") + r")"
_NUMBERS = "one two three four five six seven eight nine ten eleven twelve".split()
_HOUR_WORD_RE = r"(?:" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r"|midnight|midday|noon)"

_NUMERIC = r"(?:" + _WEEKDAY_RE + r",?\s+)?(?<![\d/.])\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d/])"
_ISO = r"(?<![\d-])\d{4}(?:-\d{2}-\d{2}|/\d{2}/\d{2})(?:T\d{2}:\d{2}(?::\d{2})?)?(?![\d-])"
_WORDS = (
    r"(?:" + _WEEKDAY_RE + r",?\s+)?(?:the\s+)?"
    # "11-13 Sept 2023", "14/15 October", "3 and 4 October": a range of days is dates too.
    r"(?:(?<![\d/.:])\d{1,2}(?i:st|nd|rd|th)?\s*(?:-|–|/|&|and|to)\s*(?=\d))?"
    r"(?:\d{1,2}(?i:st|nd|rd|th)?|" + _ORD_RE + r")(?:\s+of)?[\s-]*"
    + _MONTH_RE + r"(?![a-z])(?:(?:,?\s+|-)\d{4}\b|(?:\s+|-)?['’]?\d{2}\b(?![:.]\d|\s*(?i:hrs|hours)))?"
)
_AMERICAN = (
    r"(?:" + _WEEKDAY_RE + r",?\s+)?" + _MONTH_RE + r"\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?"
)
_WEEKDAY_DAY = (_WEEKDAY_RE + r"(?:\s+(?i:night|morning|evening|afternoon))?,?\s+(?:the\s+)?\d{1,2}(?i:st|nd|rd|th)\b"
                # "(the 21st)", "the 5th of the month": an ordinal alone is a day of the month.
                r"|(?<=\()(?i:the)\s+\d{1,2}(?i:st|nd|rd|th)(?=\))|(?i:the)\s+\d{1,2}(?i:st|nd|rd|th)\s+of\s+the\s+month")
# "20/11": a day and a month with no year (not "24/7").
# "21OCT24", "3mar2024": control-room compact dates.
_COMPACT = r"(?<!\d)\d{1,2}(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:\d{4}|\d{2})\b"
_DAY_MONTH = r"(?:" + _WEEKDAY_RE + r",?\s+)?(?<![\d/.£])(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])(?![\d/])(?<!24/7)"
_FESTIVALS = {
    "new year's day": (1, "day"), "new year's eve": (12, "evening"), "christmas day": (12, "day"),
    "christmas eve": (12, "evening"), "boxing day": (12, "day"), "bonfire night": (11, "evening"),
    "guy fawkes night": (11, "evening"), "valentine's day": (2, "day"), "halloween": (10, "evening"),
    "hallowe'en": (10, "evening"), "st patrick's day": (3, "day"), "remembrance sunday": (11, "day"),
    "armistice day": (11, "day"), "may day": (5, "day"),
}
_FESTIVAL = (
    r"(?i:" + "|".join(re.escape(f).replace("'", "['’]?").replace(r"\ ", r"\s+") for f in _FESTIVALS)
    + r")(?:,?\s+\d{4}\b)?"
)
# A month or season with its year ("March 2023", "between January and August 2023", "the summer of 2024"): finer
# than the year a published date may give, so a date (its replacement keeps the year only).
_YEAR = r"(?:19|20)\d\d(?!\d)"
_MONTH_YEAR = (
    r"(?:(?i:between|from)\s+" + _MONTH_RE + r"\s*(?:-|–|to|and|until|till)\s*)?" + _MONTH_RE
    + r"(?![a-z])(?:\s+of)?,?\s+['’]?" + _YEAR
    + r"|(?:(?i:the)\s+)?(?i:spring|summer|autumn|winter)(?:\s+(?i:of))?\s+" + _YEAR
)
_ON_BEFORE = re.compile(r"\b[Oo]n\s+(?:the\s+)?$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_LAST_BEFORE = re.compile(r"\b(?i:last|next|this)\s+$")
_YEAR_AFTER = re.compile(r"(?i:since|from|between|until|till|before|after|by)")
_HRS_AFTER = re.compile(r"\s*(?i:hrs|hours|h\b|-|–|to\s+\d|and\s+\d{4}\s*(?:hrs|hours|h\b))")
# "between 2022 and 2023", "from 2019 to 2023": years, not the clock times 20:22 and 20:23 (the anonymiser writes the
# first when it generalises "between October 2022 and January 2023").
_YEAR_RANGE = re.compile(r"\b(?i:between|from)\s+(?P<a>(?:19[89]|20[0-3])\d)\s*(?:-|–|and|to|until|till)\s*"
                         r"(?P<b>(?:19[89]|20[0-3])\d)\b(?!\s*(?i:hrs|hours|h\b)|:)")
_DATE = re.compile(
    r"(?P<d>" + "|".join((_WORDS, _AMERICAN, _NUMERIC, _ISO, _FESTIVAL,
                                                       _WEEKDAY_DAY, _DAY_MONTH, _COMPACT, _MONTH_YEAR)) + r")"
)
# Where a date may start: a digit, or a whole weekday, month, ordinal or festival word, or "the" before a day.
_TRIGGER_WORDS = sorted({*(w.lower() for w in (*WEEKDAYS, *MONTHS)), *_ORDINALS, "twenty", "thirty", "mon", "tue",
                         "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar",
                         "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "new", "christmas",
                         "boxing", "bonfire", "guy", "valentine", "halloween", "hallowe", "st", "remembrance",
                         "armistice", "llun", "maw", "mer", "iau", "gwe", "sad", "sul", "between", "from", "spring", "summer",
                         "autumn", "winter"}, key=len, reverse=True)
def _tails_by_first_letter(words: list[str]) -> str:
    """"[mM](?i:onday|arch|...)|...": each word after its first letter, grouped by that letter (a branch opening with
    a class is passed over at a glance where the letter is another)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"[{c}{c.upper()}](?i:" + "|".join(sorted(tails, key=len, reverse=True)) + ")"
                    for c, tails in sorted(groups.items()))


# Where a date may start: a digit not after a letter, only where a date can go on (a separator, letters for an
# ordinal or a month, a range word), or at a word's start a whole weekday, month, ordinal or festival word, or "the"
# before a day. Each branch opens with its own class or a one-character look back, so a letter inside a word costs
# the regex engine a glance (one look-behind per letter tried at every word's start cost a tenth of a passage's scan).
_DATE_TRIGGER = re.compile(
    r"[0-9](?<![A-Za-z][0-9])(?=\d?(?:[/.\-–A-Za-z]|\s*[-–/&A-Za-z])|\d{3}[-/])|"
    r"(?<![A-Za-z])(?:" + _tails_by_first_letter(_TRIGGER_WORDS) + r")(?![A-Za-z])|(?<![A-Za-z])[tT](?i:he)(?=\s+(?:\d|(?i:"
    + "|".join(sorted({o[:3] for o in _ORDINALS})) + r")))"
)
_DOB = re.compile(
    r"(?:\b(?i:date\s+of\s+birth|DOB|D\.O\.B\.?|born(?:\s+on)?)|\(b\.|\bb\.(?=\s*\d))(?:['’]s)?[\s,:\-]*"
    r"(?:(?i:is|was|were|given|recorded|as|of|stated|shown|listed|on|the|file|system|record)[\s,:\-]+){0,4}(?P<d>"
    + "|".join((_WORDS, _AMERICAN, _NUMERIC, _ISO)) + r")"
)
_BORN_YEAR = re.compile(r"\b(?:(?i:born|dob|d\.o\.b\.?|date\s+of\s+birth)|b\.)[ \t:]+(?:(?i:in|approx\.?|about|around|circa|c\.)\s+)?"
                        r"(?P<d>(?:19|20)\d\d)\b|(?<![\d/.-])(?P<d2>(?:19|20)\d\d)\s+(?i:born)\b")

_PRE_BEFORE = re.compile(
    r"\b(?i:at|around|about|approximately|approx\.?)(?:\s+(?i:about|around|approximately))?\s+$"
)
_AP = r"(?P<ap>(?i:am|pm|a\.m\.|p\.m\.|hrs|hours|h))"
_TIMES = (
    # "02:15", "02:15:30", and "02:15:" at the head of a log line.
    re.compile(r"(?<![\d:.])(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*" + _AP
               + r"\b)?)(?!\d|:\d)"),
    re.compile(r"(?<![\d:.£])(?P<t>(?P<h>\d{1,2})\.(?P<mi>[0-5]\d)\s*(?P<ap>am|pm|a\.m\.|p\.m\.|hrs|hours)\b)"),
    re.compile(r"(?<![\d:.])(?P<t>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<ap>(?i:hrs|hours|h))\b)"),
    # "at 2315": four bare digits are a time only straight after "at".
    re.compile(r"(?P<pre>(?:\b(?i:at|by|from|until|till|between|approx\.?|around|about|after|before|since)|@)\s*"
               r"(?:(?i:about|around|approximately|approx\.?)\s+)?)"
               r"(?P<t>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d))\b(?![/\d])"),
    re.compile(r"(?<![\d:.])(?P<t>(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>am|pm|a\.m\.|p\.m\.)(?!\w))"),
    re.compile(
        r"(?P<t>(?:(?P<q>quarter|half|ten|five|twenty|twenty[- ]five)\s+(?P<dir>past|to|after)\s+)?"
        r"(?P<hw>" + _HOUR_WORD_RE + r")(?P<oc>\s+o['’]clock)?"
        r"(?:\s+(?P<per>in\s+the\s+(?:morning|afternoon|evening)|at\s+night|am|pm))?)\b",
        re.IGNORECASE,
    ),
)
# "half 7", "quarter to 9", "8 in the evening", and dotted clock times anywhere ("(19.30)", "Time 16.40").
_LOOSE_TIMES = re.compile(
    r"\b(?P<q>(?i:half|quarter\s+(?:past|to)|half\s+past))\s+(?P<h>1[0-2]|[1-9])\b(?!\s*(?i:%|of\b|an?\b|hours?|hrs|mins?|"
    r"minutes?|miles?|days?|weeks?|times|people|officers))"
    r"|\b(?P<h2>1[0-2]|[1-9])\s+(?P<per>(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o['’]clock))"
    r"|(?<![\d.£$€:,])(?<!\w\.)(?P<h3>[01]?\d|2[0-3])\.(?P<mi>[0-5]\d)(?!\.\d|[\d%]|\s*(?i:pounds|p\b|kg|km|m\b|miles|metres|"
    r"mg|ml|litres|per|percent|seconds|secs))"
)
# Where a loose time may start: "half"/"quarter" at a word's start, or a digit not after a digit with, after
# it and perhaps a second digit, a dot or "in"/"at"/"o'clock".
_LOOSE_TIMES_TRIGGER = re.compile(r"[\dhHqQ](?:(?<=[hH])(?<!\w[hH])(?i:alf)|(?<=[qQ])(?<!\w[qQ])(?i:uarter)|"
                                  r"(?<=\d)(?<!\d\d)(?=\d?(?:\.|\s+(?i:in|at|o))))")
_NOT_TIME_BEFORE = re.compile(r"(?i:para(?:graph)?|code\s+[a-h]|section|s\.|rule|clause|version|v|£|€|\$|annex|"
                              r"appendix|chapter|page|p\.)\s*$")
_WORD_TIME_TRIGGER = word_start_trigger("quarter half ten five twenty one two three four six seven eight nine eleven "
                                        "twelve midnight midday noon".split(), r"\b")
_AGE_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_AGE_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine)|" + "|".join(sorted(_AGE_WORDS, key=len, reverse=True)) + r")"
)
# "She was 79 and..." / "Reece was eight": an age stated of a person, not a count of something.
_AGE_STATED = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|who|[A-Z][a-z]+),?\s+(?:was|is|were|turned|had\s+just\s+turned)\s+"
    r"(?:only\s+|just\s+)?"
    r"(?P<n>\d{1,2}|" + _AGE_WORD_RE + r")\b(?![-.:/]\d|\s*(?:%|per\b|minutes?|mins?|hours?|hrs|seconds?|secs?|"
    r"metres?|meters?|miles?|mph|yards?|feet|foot|inches|times|days?|weeks?|months?|am\b|pm\b|o['’]clock|"
    r"st\b|nd\b|rd\b|th\b|units?|calls?|officers?|people|of\b|out\b|minutes?|percent|cm|kg|mg|ml|stone|pints?))"
)
# "he's about 16", "she's only 15": the same, with the verb run into the pronoun.
_AGE_STATED_S = re.compile(
    r"\b(?:[Hh]e|[Ss]he)['’]s\s+(?P<a>(?:(?i:about|around|approx\.?|maybe|only|just|nearly|almost|probably)\s+)?"
    r"(?P<n>\d{1,2}))\b" + _AGE_STATED.pattern[_AGE_STATED.pattern.index("(?![-.:/]"):]
)
# Every stated age has a white space, a verb, and a number or an age word after it: without one in the text,
# _AGE_STATED is not tried at all.
_AGE_STATED_HINT = re.compile(r"\s(?:was|is|were|turned)\s+(?:only\s+|just\s+)?(?:\d|" + _AGE_WORD_RE + ")")
_AGE_SUBJECT = re.compile(r"[A-Zhstw](?<!\w[A-Zhstw])")  # = \b[A-Zhstw], written class first to scan fast
_AGE_NOUNS = (
    "man|woman|boy|girl|male|female|person|child|teenager|youth|lad|mother|father|driver|rider|"
    "pedestrian|passenger|suspect|victim|subject|detainee|patient|student|son|daughter|motorist"
)
_AGES = (
    (re.compile(r"\b(?i:aged)\s+(?P<n>\d{1,3})(?:\s+years)?\b"), "aged"),
    (re.compile(r"\b(?P<art>[Aa]n?|[Tt]he)\s+(?P<n>\d{1,3})[- ]years?[- ]old"
                r"(?:\s+(?P<noun>" + _AGE_NOUNS + r"))?\b"), "year-old"),
    (re.compile(r"\b(?P<n>\d{1,3})[- ]?(?i:years?|yrs?)[- ]old\b"), "bare"),
    (re.compile(r"\b(?P<n>\d{1,2})(?:-odd|-?ish|\s+odd)\b(?!\s*(?:[ap]\.?m\b|o['’]clock|hrs|hours))", re.IGNORECASE),
     "bare"),
    # "(about 30,", "approx 20)", "age: 17)": a number after an estimate word, closed by a bracket or comma (not "approx
    # 5'9", a height).
    (re.compile(r"\b(?i:about|approx\.?|approximately|around|roughly|maybe|possibly|says|said|aged?|believed|"
                r"looked|looks|then|claims|claimed|states|stated|both)\s+(?P<n>\d{1,2})(?=\s*(?:[),;\"”(]|['’](?!\d))|\s*$)",
                re.MULTILINE), "aged"),
    (re.compile(r"\b(?P<n>\d{1,3})\s+(?:years?|yrs)(?:\s+old|\s+of\s+age)\b"), "years"),
    # on one line: "UNKNOWN AGE\n02:55 RETURNED" is a label and the next line's time
    (re.compile(r"\b(?i:age)(?:[ \t]+(?i:stated|given|recorded|now|approx\.?))?[ \t]*[:\-]?[ \t]*(?P<n>\d{1,3})"
                r"(?:[- ]?(?i:odd|ish)|['’]?[sS])?\b"), "aged"),
    # "aged 6 and 9", "aged 4, 7 and 11": every age of the list.
    (re.compile(r"\b(?i:aged)\s+\d{1,2}(?:\s*,\s*\d{1,2})*\s+(?i:and|&)\s+(?P<n>\d{1,2})\b(?!\s*(?i:years|yrs|months))"),
     "list"),
    (re.compile(r"\b(?i:aged)\s+\d{1,2}\s*,\s*(?P<n>\d{1,2})(?=\s*(?:,|and\b|&))"), "list"),
    (re.compile(r"(?<=[A-Za-z])\s\((?P<n>\d{1,2})(?:\)|,\s)"), "paren"),
    # "DOB 17/07/1985 (38)", "over 18 (42)": a bracketed number straight after a date of birth or an age.
    (re.compile(r"(?<=\d)\s+\((?P<n>\d{1,2})\)"), "paren-date"),
    (re.compile(r"(?<=[a-z]),\s+(?P<n>\d{1,2})(?=\s*,|\s+(?:was|is|had|from|of|who|and|told|said)\b)"), "apposition"),
    # "aged approx 45", "aged between 18 and 20", "age about 14".
    (re.compile(r"\b(?i:aged?)\s+(?i:approx\.?|approximately|about|around|roughly|circa|c\.|between|maybe|"
                r"possibly|probably|perhaps|estimated|est\.?)\s+(?P<n>\d{1,3})"
                r"(?:\s*(?:-|–|to|and|or|/)\s*\d{1,3})?(?:\s*(?i:yrs|years))?\b"), "aged"),
    # "25yrs", "16yo", "40 YRS", "17 y/o": an age whatever the words around it.
    (re.compile(r"\b(?P<n>\d{1,3})\s?(?i:yrs?|y/o|y\.o\.?|yo)(?![\w/])(?!\s+(?i:service|experience|ago|later|"
                r"earlier|before|after|since|in\s+(?:the\s+)?(?:job|force|post|role|prison|jail)))"), "bare"),
)
_AGE_NOUN_WORDS = (
    r"male|female|man|woman|boy|girl|lad|youth|teen|teenager|juvenile|adult|IP|suspect|victim|subject|"
    r"detainee|casualty|patient|mother|father|mum|dad|son|daughter|wife|husband|partner|brother|sister|"
    r"driver|rider|passenger|pedestrian|person|child|baby|grandson|granddaughter|[WB]/[MF]|IC\d|m|f"
)
_AGE_NOUN_SET = frozenset(w.lower() for w in _AGE_NOUN_WORDS.split("|") if w.isalpha())
# "MALE, 34, DETAINED", "female 30, slim", "W/M 40 wearing": a number straight after a person noun.
_NOUN_BEFORE = re.compile(r"\b(?i:" + _AGE_NOUN_WORDS + r")\s*,?\s+(?:(?i:approx\.?|about|around|aged)\s+)?$")
_AGE_AFTER_NOUN = re.compile(
    r"(?<![\w.:/-])(?P<n>\d{1,2})"
    r"(?:\s*(?:-|–|to)\s*\d{1,2})?(?=\s*(?:,|\)|;|:|\.(?!\d)|$|\n)|\s+(?i:was|is|with|wearing|in|from|of|who|and|had|"
    r"dob|white|black|asian|mixed|slim|large|heavy|medium|stocky|thin|tall|short|yrs|years|y/o|yo)\b)"
)
# "in her 20s", "early 30s", "mid-40s", "late teens": an age band ("in his forties" is already general).
_AGE_BAND = re.compile(
    r"\b(?:(?i:early|mid|late)[- ]?)?(?P<n>[1-9]0)['’]?[sS]\b(?!\s*(?i:mph|%|degrees|km|kph))"
    r"|\b(?i:early|mid|late)[- ]?(?P<w>(?i:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
)
_BAND_HINT = re.compile(r"\d0['’]?[sS]\b|(?i:teens|ties)\b")
_RANGE_HINT = re.compile(r"\d\s?(?:-|–|to)\s?\d")
_BAND_WORDS = {"teens": 15, "twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65,
               "seventies": 75, "eighties": 85, "nineties": 95}
# "thought to be 15-16", "40-45 yrs": a narrow range of ages with a cue before or after.
_AGE_RANGE = re.compile(
    r"(?:\b(?i:aged|age|approx\.?|about|around|roughly|be|between|maybe|possibly|perhaps|estimated)\s+|[,(]\s*)"
    r"(?P<n>\d{1,2})\s?(?:-|–|to)\s?(?P<m>\d{1,2})(?![\d/:.]\d)"
    r"|(?P<n2>\d{1,2})\s?(?:-|–|to)\s?(?P<m2>\d{1,2})\s*(?i:yrs|years(?:\s+old)?|y/?o|year[- ]olds?)\b"
)
_AGE_WORD_OLD = re.compile(r"\b(?P<n>" + _AGE_WORD_RE + r")[- ]years?[- ]old\b", re.IGNORECASE)
_AGE_WORD_TRIGGER = keyword_trigger(_AGE_WORDS)
_AGE_UNITS = re.compile(r"\s*(?i:%|per\b|minutes?|mins?|hours?|hrs\b|seconds?|secs?|metres?|meters?|miles?|mph|"
                        r"yards?|feet|foot|times|days?|weeks?|months?|am\b|pm\b|officers?|people|units?|calls?|"
                        r"January|February|March|April|May|June|July|August|September|October|November|December)")


def _cand(start: int, end: int, kind: Kind, subtype: str, value: str, bump: int = 0) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


@lru_cache(maxsize=1024)
def parse_date(s: str) -> tuple[int | None, int | None, int | None, str]:
    """(year, month, day, part) of a date phrase; part is 'evening' for eves, else 'day'."""
    low = re.sub(r"[’']", "'", s.lower()).strip()
    low = re.sub(r"\s+", " ", low)
    year_m = re.search(r"\b(\d{4})\s*$", low)
    year = int(year_m.group(1)) if year_m else None
    for name, (month, part) in _FESTIVALS.items():
        if low.startswith(name) or low.startswith(name.replace("'", "")):
            return year, month, None, part
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low):
        return int(m.group(1)), int(m.group(2)), int(m.group(3)), "day"
    if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})", low):
        y = int(m.group(3))
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        return y, int(m.group(2)), int(m.group(1)), "day"
    month = None
    for word in re.findall(r"[a-z]+", low):
        if word[:3] in _MONTH_ABBR and (len(word) <= 4 or word.capitalize() in MONTHS):
            month = _MONTH_ABBR["sept" if word.startswith("sept") else word[:3]]
            break
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b", "", low))
    return year, month, int(day_m.group(1)) if day_m else None, "day"


def _valid_numeric(s: str) -> bool:
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})", s)
    return not m or (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12)


_DOB_OR_AGE_BEFORE = re.compile(r"(?i:\bdob\b|d\.o\.b|date\s+of\s+birth|\bborn\b|\bage\b|\baged\b|\bover\s+\d|"
                                r"\bunder\s+\d)")
_DOB_CUE = re.compile(r"(?i:date\s+of\s+birth|\bDOB\b|D\.O\.B|\bborn\b|\bb\.\s*\d)")


def _dates(text: str) -> Iterator[Candidate]:
    for m in (_DOB.finditer(text) if _DOB_CUE.search(text) else ()):
        if _valid_numeric(m.group("d")):
            y, mo, d, _ = parse_date(m.group("d"))
            yield _cand(*m.span("d"), Kind.DOB, "dob", f"{y or ''}-{mo or ''}-{d or ''}", 6)
    for m in _BORN_YEAR.finditer(text):
        g = "d" if m.group("d") else "d2"
        yield _cand(*m.span(g), Kind.DOB, "dob", f"{m.group(g)}--", 6)
    for m in finditer_at(_DATE, _DATE_TRIGGER, text):
        if not _valid_numeric(m.group("d")):
            continue
        y, mo, d, part = parse_date(m.group("d"))
        on = _ON_BEFORE.search(text, max(0, m.start() - 12), m.start())
        start = on.start() if on else m.start("d")
        if (last := _LAST_BEFORE.search(text, max(0, start - 6), start)) and m.group("d")[:1].isalpha():
            start = last.start()  # "Last Tuesday the 3rd" -> "One day"
        if m.group("d")[:1] in "bBfF":  # "between January and August 2023" -> "in 2023"
            on = True
        elif m.group("d")[:1] in "sSwWaA" and (the := _THE_BEFORE.search(text, max(0, start - 4), start)):
            start = the.start()  # "In the summer of 2024" -> "In 2024"
        subtype = ("on-" if on else "") + part
        yield _cand(start, m.end("d"), Kind.DATE, subtype, f"{y or ''}-{mo or ''}-{d or ''}", 2)


def _hour_from_words(m: re.Match[str]) -> tuple[int, bool]:
    word = m.group("hw").lower()
    if word == "midnight":
        hour, known = 0, True
    elif word in ("midday", "noon"):
        hour, known = 12, True
    else:
        hour, known = _NUMBERS.index(word) + 1, False
    if (m.group("dir") or "").lower() == "to":
        hour -= 1
    per = (m.group("per") or "").lower()
    if "pm" in per or "afternoon" in per or "evening" in per or ("night" in per and hour >= 6):
        hour, known = hour % 12 + 12, True
    elif "am" in per or "morning" in per or "night" in per:
        hour, known = hour % 12, True
    return hour % 24, known


def _times(text: str) -> Iterator[Candidate]:
    for i, pattern in enumerate(_TIMES):
        found = (finditer_at(pattern, _WORD_TIME_TRIGGER, text) if i == len(_TIMES) - 1
                 else pattern.finditer(text))
        for m in found:
            if i == len(_TIMES) - 1:
                if not (m.group("q") or m.group("oc") or m.group("per")):
                    continue
                hour, known = _hour_from_words(m)
            else:
                hour, known = int(m.group("h")), True
                ap = (m.groupdict().get("ap") or "").lower().replace(".", "")
                if ap in ("am", "pm"):
                    hour = hour % 12 + (12 if ap == "pm" else 0)
            if i == 3 and _YEAR_AFTER.fullmatch(m.group("pre").strip()) and m.group("t") <= "2027" \
                    and not _HRS_AFTER.match(text, m.end()):
                continue  # "since 2021", "from 2019": the anonymiser's own year, not 20:21
            pre = m.start("pre") if "pre" in m.groupdict() and m.group("pre") else None
            if pre is None and (found := _PRE_BEFORE.search(text, max(0, m.start("t") - 30), m.start("t"))):
                pre = found.start()
            start = pre if pre is not None else m.start("t")
            subtype = ("at-" if pre is not None else "") + ("known" if known else "unknown")
            yield _cand(start, m.end("t"), Kind.TIME, subtype, str(hour), 1)


# "Thu 07/03/24 1950 - DA call": four digits straight after a date are the time of day.
_TIME_AFTER_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s+(?P<t>(?P<h>[01]\d|2[0-3])[0-5]\d)\b(?![/.:]\d)")


def _loose_times(text: str) -> Iterator[Candidate]:
    for m in _TIME_AFTER_DATE.finditer(text):
        yield _cand(*m.span("t"), Kind.TIME, "at-known", str(int(m.group("h"))), 1)
    for m in finditer_at(_LOOSE_TIMES, _LOOSE_TIMES_TRIGGER, text):
        if m.group("h3") and _NOT_TIME_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        hour = int(m.group("h") or m.group("h2") or m.group("h3"))
        known = bool(m.group("h3"))
        if m.group("per") and re.search(r"(?i:afternoon|evening|night)", m.group("per")) and hour < 12:
            hour, known = hour + 12, True
        yield _cand(*m.span(), Kind.TIME, "known" if known else "unknown", str(hour % 24), 0)


def _age_value(raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    parts = re.split(r"[- ]", raw.lower())
    return sum(_AGE_WORDS.index(p) + 1 if _AGE_WORDS.index(p) < 20 else (_AGE_WORDS.index(p) - 17) * 10
               for p in parts)


# For each pattern of _AGES, words one of which any match contains (lower case): a pattern whose words are all
# absent from the text is not run (the same matches, without scanning the text for nothing).
_AGE_GATES: tuple[tuple[str, ...], ...] = (
    ("aged",), ("year",), ("year", "yr"), ("odd", "ish"), (), ("year", "yr"), ("age",), ("aged",), ("aged",),
    ("(",), ("(",), (",",), ("age",), ("y",),
)


_DIGIT_AT_WORD = re.compile(r"\d(?<!\w\d)")  # where "\b\d" may start
_AGED_AT = keyword_trigger(["aged"])
_AGE_AT = keyword_trigger(["age"])
# For each pattern of _AGES, where its matches can start (a trigger for `finditer_at`: the same matches as
# `pattern.finditer`, trying the pattern only there, not at every position of the text).
_AGE_TRIGGERS: tuple[re.Pattern[str], ...] = (
    _AGED_AT, re.compile(r"[AaTt]"), _DIGIT_AT_WORD, _DIGIT_AT_WORD,
    keyword_trigger("about approx approximately around roughly maybe possibly says said age believed looked looks "
                    "then claims claimed states stated both".split()),
    _DIGIT_AT_WORD, _AGE_AT, _AGED_AT, _AGED_AT, re.compile(r"\s(?=\()"), re.compile(r"\s(?<=\d\s)"),
    re.compile(r","), _AGE_AT, _DIGIT_AT_WORD,
)


def _ages(text: str) -> Iterator[Candidate]:
    for m in (finditer_at(_AGE_STATED, _AGE_SUBJECT, text) if _AGE_STATED_HINT.search(text) else ()):
        yield _cand(*m.span("n"), Kind.AGE, "stated", str(_age_value(m.group("n"))), 0)
    if "'s " in text or "’s " in text:
        for m in _AGE_STATED_S.finditer(text):
            yield _cand(*m.span("a"), Kind.AGE, "stated", m.group("n"), 0)
    # "Kathleen, 11 months": a baby's age in months or weeks after a name.
    for m in _AGE_MONTHS.finditer(text):
        yield _cand(*m.span(), Kind.AGE, "aged", "0", 2)
    low = lowered(text)
    for (pattern, subtype), gate, trigger in zip(_AGES, _AGE_GATES, _AGE_TRIGGERS):
        if gate and not any(w in low for w in gate):
            continue
        for m in finditer_at(pattern, trigger, text):
            n = int(m.group("n"))
            if n > 110:
                continue
            if subtype == "paren-date":
                if not _DOB_OR_AGE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                    continue
                yield _cand(*m.span("n"), Kind.AGE, "paren", str(n), 1)
                continue
            if subtype == "list":
                yield _cand(*m.span("n"), Kind.AGE, "paren", str(n), 1)
                continue
            if subtype in ("paren", "apposition"):
                word = re.search(r"([A-Za-z]+)\W*$", text[max(0, m.start() - 40): m.start()])
                if not word or not (word.group(1)[0].isupper() or word.group(1).lower() in _AGE_NOUN_SET):
                    continue
            if subtype == "year-old":
                noun = m.group("noun") or ""
                yield _cand(*m.span(), Kind.AGE, f"year-old:{m.group('art')}:{noun}", str(n), 3)
            elif subtype in ("aged", "years", "bare"):
                yield _cand(*m.span(), Kind.AGE, subtype, str(n), 2)
            else:
                yield _cand(*m.span("n"), Kind.AGE, subtype, str(n), 1)
    yield from _approximate_ages(text)


# "Farida BEGUM, 29, of", "(Ana-Maria Stoica, 13)", "D.O.B. 1/2/2001, 23)": a number set off by a comma.
_AGE_APPOSED = re.compile(
    r",\s+(?P<n>\d{1,2})(?=\s*(?:[,;)\n(]|\.(?!\d)|$)|\s+[-–]\s|\s+(?i:was|is|had|has|from|of|who|and|told|said|"
    r"gave|lives|lived|died|came|went|goes|with|wearing)\b)"
)
# "Alfie 7, Maisie-Rae 4)", "MACLEOID 63 HAS": a name then a small number.
# Scanned only: a match never starts after a letter (it would have started at that letter), and the word's run ends
# before the space, so it is taken whole (no backtracking into it) and only at a word's start.
_AGE_AFTER_NAME = re.compile(r"(?<![A-Za-z])(?P<w>[A-Za-z][\w'’-]++)\s(?P<n>\d{1,2})(?=\s*[,)]|\s+\(|\s+(?i:has|had|was|is|who|lives|from|of|"
                             r"dob|missing|reports?|reported|gave|says|said|states|stated|breath|arrested|"
                             r"detained|found|seen|last|believed|born|male|female|m|f)\b)")


_AGE_FIRST_PERSON = re.compile(r"\b(?i:i['’]?m|i\s+am)\s+(?:(?i:only|just|nearly|almost)\s+)?(?P<n>\d{1,2})\b"
                               r"(?![-.:/]\d|\s*(?i:%|mins?|minutes?|hours?|hrs|miles?|metres?|yards?|feet|times|o['’]clock|"
                               r"am\b|pm\b|st\b|nd\b|rd\b|th\b|weeks?|days?|months?|cm|kg|stone))")
_AGE_AFTER_BRACKET = re.compile(r"(?<=[)'’\"”\d]),?\s+(?:was|is)\s+(?:only\s+|just\s+)?(?P<n>\d{1,2})\b"
                                r"(?=\s+(?i:when|and|at|years|yrs|but|so|then|or)\b|\s*[,.;)]|\s*$)")
_AGE_CHILDREN = re.compile(r"\b(?i:kids|children|sons|daughters|boys|girls|grandchildren|twins)\s*\((?P<list>\d{1,2}"
                           r"(?:\s*(?:,|and|&)\s*\d{1,2})*)\)")
_AGE_MONTHS = re.compile(r"(?<=[A-Za-z],\s)(?P<n>\d{1,2})\s+(?:months?|weeks?)(?:\s+old)?\b")


_CHILD_NOUNS = frozenset("boy boys girl girls child children kid kids baby infant toddler son daughter lad lass "
                         "teen juvenile grandson granddaughter".split())  # "boy 9": an age, not a number


def _approximate_ages(text: str) -> Iterator[Candidate]:
    """Bands, ranges, ages after a person noun and ages in words: recall first."""
    for m in _AGE_APPOSED.finditer(text):
        before = re.search(r"([^\s,]+)$", text[max(0, m.start() - 30):m.start()])
        prev = before.group(1).strip("()\"“”'’") if before else ""
        if re.fullmatch(r"\d{1,3}", prev) or prev.lower() in ("no", "no.", "flat", "unit", "room", "and", "or"):
            continue
        yield _cand(*m.span("n"), Kind.AGE, "apposition", m.group("n"), 0)
    for m in _AGE_FIRST_PERSON.finditer(text):
        yield _cand(*m.span("n"), Kind.AGE, "apposition", m.group("n"), 0)
    for m in _AGE_AFTER_BRACKET.finditer(text):
        yield _cand(*m.span("n"), Kind.AGE, "apposition", m.group("n"), 0)
    for m in _AGE_CHILDREN.finditer(text):
        for n in re.finditer(r"\d{1,2}", m.group("list")):
            yield _cand(m.start("list") + n.start(), m.start("list") + n.end(), Kind.AGE, "apposition", n.group(), 0)
    for m in _AGE_AFTER_NAME.finditer(text):
        word = m.group("w")
        if word[0].islower() and (word not in NAME_LIST or is_ordinary(word)) or word.lower() in UK_PLACE_LOWER:
            continue  # a case-blind log: "iain maclean 44 missing" (a listed surname), not "room 5" or "Holyhead 1"
        if not is_ordinary(word) and not word.isupper() or word.lower() == "age":
            yield _cand(*m.span("n"), Kind.AGE, "apposition", m.group("n"), 0)
    for m in _AGE_AFTER_NOUN.finditer(text):
        noun = _NOUN_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if not noun:
            continue
        # "Driver 1:", "Male 2 was", "Suspect 3": a one-figure number right after the noun numbers people, it is no
        # age (a young child's is written "aged 4", "(4)" or "boy 4").
        if len(m.group("n")) == 1 and re.fullmatch(r"[A-Za-z-]+[ \t]+", noun.group()) \
                and noun.group().strip().lower() not in _CHILD_NOUNS:
            continue
        yield _cand(m.start("n"), m.end(), Kind.AGE, "band", str(int(m.group("n"))), 1)
    for m in (_AGE_BAND.finditer(text) if _BAND_HINT.search(text) else ()):
        word = (m.group("w") or "").lower()
        value = _BAND_WORDS[word] if word else int(m.group("n")) + 5
        yield _cand(*m.span(), Kind.AGE, "band", str(value), 1)
    for m in (_AGE_RANGE.finditer(text) if _RANGE_HINT.search(text) else ()):
        lo, hi = int(m.group("n") or m.group("n2")), int(m.group("m") or m.group("m2"))
        if 10 <= lo < hi <= lo + 10 and not _AGE_UNITS.match(text, m.end()):
            yield _cand(m.start("n") if m.group("n") else m.start(), m.end(), Kind.AGE, "band", str(lo), 1)
    if "old" in text.lower():
        for m in finditer_at(_AGE_WORD_OLD, _AGE_WORD_TRIGGER, text):
            yield _cand(*m.span(), Kind.AGE, "bare", str(_age_value(m.group("n").lower())), 2)


def find_dates_times_ages(text: str) -> list[Candidate]:
    """Dates (incl. festivals and words), dates of birth, clock times in digits or words, and ages."""
    dates = list(_dates(text))
    # "born on 12 April 1989" must stay a date of birth, not become "in April 1989".
    dobs = [c for c in dates if c.kind is Kind.DOB]
    dates = [c for c in dates if c.kind is Kind.DOB
             or not any(c.start < d.end and d.start < c.end for d in dobs)]
    times = [*_times(text), *_loose_times(text)]
    years = [m.span() for m in _YEAR_RANGE.finditer(text) if 0 < int(m.group("b")) - int(m.group("a")) <= 15]
    if years:
        times = [t for t in times if not any(s <= t.end and t.start < e for s, e in years)]
    return [*dates, *times, *_ages(text)]
