"""Recall rules for numbers and dates written as logs write them, learnt from passages written by others (development
set 7 on): dates in shorthand or named by a festival, ages in words or with the words describing the person, plates and
phone numbers written oddly, and a log line's time that a date would otherwise read as its year."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from .entities import PRIORITY, Candidate, Kind
from .lexicon import is_ordinary

_BASE = PRIORITY["pattern"]


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str | None = None) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


_YEAR = r"(?:19|20)\d\d"
_DAY_NAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# "w/c 3/6", "w/c 8th Jan", "week commencing 24/6": the week's cue goes with the date it opens.
_WEEK_OF = re.compile(r"\b(?i:w/[ce]|week\s+(?:commencing|beginning|ending))\s+(?P<d>\d{1,2}(?i:st|nd|rd|th)?"
                      r"(?:[/.]\d{1,2}(?:[/.](?P<y1>\d{4}|\d{2}))?|\s+[A-Za-z]{3,9}\.?(?:\s+(?P<y2>" + _YEAR + r"))?))(?![\w/])")
# "on 3rd inst.", "the 14th ult.": a day of this or last month in a letter's shorthand.
_INST = re.compile(r"\b(?:(?i:on|the)\s+)?\d{1,2}(?i:st|nd|rd|th)\s+(?i:inst|ult)\b\.?")
# "Thurs night (25th)": a weekday narrowed by its day of the month in brackets.
_DAY_AND_ORDINAL = re.compile(r"\b(?i:" + _DAY_NAME + r")(?:\s+(?i:night|morning|evening|afternoon|eve))?\s*\(\s*"
                              r"\d{1,2}(?i:st|nd|rd|th)\s*\)")
# "31/12/23 (NYE)", "on Boxing Day", "Halloween night", "Easter 2024": a day named by its festival is a date.
_NAMED_DAY = re.compile(r"(?:\bNYE\b|\b(?i:new\s+year['’]?s\s+(?:eve|day)|christmas\s+(?:eve|day)|boxing\s+day|"
                        r"bonfire\s+night|hallowe['’]?en(?:\s+night)?|valentine['’]?s\s+day|good\s+friday|"
                        r"easter\s+(?:sunday|monday|day)|eid\s+day|mother['’]?s\s+day|father['’]?s\s+day)\b)"
                        r"(?:\s+(?P<y>" + _YEAR + r"))?|\b(?i:easter|christmas|eid)\s+(?P<y2>" + _YEAR + r")\b")


def _year_value(*years: str | None) -> str:
    for y in years:
        if y:
            return y if len(y) == 4 else "20" + y
    return ""


def _dates(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if "w/" in low or "week " in low:
        for m in _WEEK_OF.finditer(text):
            yield _cand(*m.span(), Kind.DATE, "day", 4, value=_year_value(m.group("y1"), m.group("y2")))
    if "inst" in low or "ult" in low:
        yield from (_cand(*m.span(), Kind.DATE, "day", 4, value="") for m in _INST.finditer(text))
    if "(" in text:
        yield from (_cand(*m.span(), Kind.DATE, "day", 4, value="") for m in _DAY_AND_ORDINAL.finditer(text))
    if "NYE" not in text and not any(w in low for w in ("year", "christmas", "boxing", "bonfire", "hallow", "valentine",
                                                          "good friday", "easter", "eid", "mother", "father")):
        return
    for m in _NAMED_DAY.finditer(text):
        yield _cand(*m.span(), Kind.DATE, "day", 4, value=_year_value(m.group("y"), m.group("y2")))


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORD = _NUMBER_WORD = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS) + r"))?|" + "|".join(_TEENS) + "|"
                + "|".join(_UNITS) + ")")
# "aged seventy-nine", "(aged about twelve)": an age in words after "aged".
_AGED_WORDS = re.compile(r"\b(?i:aged)\s+(?:(?i:about|around|approx\.?|roughly|nearly|almost|only|just)\s+)?"
                         r"(?P<n>(?i:" + _NUMBER_WORD + r"))\b(?![- ](?i:years?|months?|weeks?|days?)\s+(?i:ago|later))")
# "Mrs Gwladys Ifans-Morgan, eighty-one.": an age in words set off by a comma after a name.
_NAME_COMMA_AGE_WORDS = re.compile(r"(?<=[a-z])\s*,\s+(?P<n>(?i:(?:" + "|".join(_TENS) + r")(?:[- ](?:"
                                   + "|".join(_UNITS) + r"))?|" + "|".join(_TEENS[3:]) + r"))(?=\s*[.;,)]|\s*$)")


def number_value(words: str) -> int:
    """The number a word or two write ("thirty-two" -> 32)."""
    return _number_value(words)


def _number_value(words: str) -> int:
    parts = re.split(r"[- ]", words.lower())
    n = 0
    for p in parts:
        n += _UNITS.index(p) + 1 if p in _UNITS else _TEENS.index(p) + 10 if p in _TEENS else (_TENS.index(p) + 2) * 10
    return n


def _ages(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if "aged" in low:
        for m in _AGED_WORDS.finditer(text):
            yield _cand(m.start(), m.end(), Kind.AGE, "aged", 3, value=str(_number_value(m.group("n"))))
    for m in _NAME_COMMA_AGE_WORDS.finditer(text) if "," in text else ():
        word = re.search(r"([\w'’-]+)$", text[max(0, m.start() - 30):m.start()])
        if not word or not word.group(1)[:1].isupper() or is_ordinary(word.group(1)):
            continue  # "Later, twenty officers": only a name's comma sets off an age
        yield _cand(*m.span("n"), Kind.AGE, "apposition", 3, value=str(_number_value(m.group("n"))))


# 'plate ending "63 LJF"': the part of a plate a witness read, quoted or in two groups; "Polish plates PO 7KX22": a
# foreign plate after the plural; "corsa hf58 ahh": a current plate typed in lower case.
_PLATE_PART_QUOTED = re.compile(r"\b(?i:reg(?:istration)?|plate|index|vrm)(?:\s+(?i:number|no\.?))?\s+(?i:ending|ends|ended|"
                                r"starting|starts|started|beginning|begins)(?:\s+(?i:in|with))?\s+[\"“'‘]"
                                r"(?P<v>[A-Z0-9]{1,4}(?:\s[A-Z0-9]{1,4})?)[\"”'’]")
_PLATES_PLURAL = re.compile(r"\b(?i:plates|regs|registrations)\s*[:\-]?\s+(?P<v>[A-Za-z]{1,3}[ -]?\d{1,5}[ -]?[A-Za-z0-9]{1,4})\b")
_LOWER_CURRENT_PLATE = re.compile(r"(?<![\w@./-])[a-z]{2}\d{2}\s?[a-z]{3}(?![\w@/-])(?!\.\w)")
# "00 90 532 718 44 09", "0048 601 223 908": an international number dialled with 00, in groups.
_DIALLED_ABROAD = re.compile(r"(?<![\w+])00\s?[1-9]\d{0,2}(?:[\s-]?\d{2,4}){2,5}(?![\w])")


# "0 7 7 0 0 9 0 0 9 8 2", "07 7 00 90 09 82": a UK number with its digits spaced out (to slip past a check): five
# spaces at least, so a date and a time ("01 06 2024 1400") are not one.
_SPACED_PHONE = re.compile(r"(?<![\w+])(?:\+ ?4 ?4 ?|0 ?)[1-9](?: ?\d){8,9}(?![\w])")


def _spaced_phones(text: str) -> Iterator[Candidate]:
    for m in _SPACED_PHONE.finditer(text):
        found = m.group()
        digits = sum(ch.isdigit() for ch in found)
        spread = sum(not ch.isdigit() and ch != "+" for ch in found)
        if spread >= 5 and digits in ((12,) if found.startswith("+") else (10, 11)):
            yield _cand(*m.span(), Kind.PHONE, "", 3)


def _plates_and_phones(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if any(q in text for q in "\"“'‘"):
        for m in _PLATE_PART_QUOTED.finditer(text):
            if any(ch.isdigit() for ch in m.group("v")):
                yield _cand(*m.span("v"), Kind.VRM, "partial", 4)
    if "plates" in low or "regs" in low or "registrations" in low:
        for m in _PLATES_PLURAL.finditer(text):
            yield _cand(*m.span("v"), Kind.VRM, "any", 3)
    for m in _LOWER_CURRENT_PLATE.finditer(text):
        yield _cand(*m.span(), Kind.VRM, "current", 3)
    if "00" in text:
        for m in _DIALLED_ABROAD.finditer(text):
            if sum(ch.isdigit() for ch in m.group()) >= 10:
                yield _cand(*m.span(), Kind.PHONE, "", 3)


_YEAR_TAIL = re.compile(r"(?P<sep>[\s,]+)(?P<y>\d{4})$")


def trim_years_that_are_times(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"sat 5th apr\n2144 rp is", "Thurs 3rd Oct, 1615, Cowgate": a four-digit number after a day and month is the
    next log line's time, or a clock time, when a line break parts them or it is no year of now; the date ends before
    it (the time layer takes the number) and keeps no year."""
    out = []
    for c in cands:
        if c.kind is Kind.DATE and c.layer == "pattern" and c.value and c.value[:1].isdigit():
            m = _YEAR_TAIL.search(text, c.start, c.end)
            if m and m.end() == c.end and m.start() > c.start and ("\n" in m.group("sep")
                                                                   or not 1900 <= int(m.group("y")) <= 2099):
                c = replace(c, end=m.start(), value="-" + c.value.split("-", 1)[1] if "-" in c.value else "")
        out.append(c)
    return out


# "a 19-year-old Black British man": the age and the words that describe the person before the noun, so the band
# reads "a Black British man in his teens" (not "a person in their teens Black British man").
_AGE_DESCRIBED = re.compile(r"\b(?P<art>[Aa]n?|[Tt]he)\s+(?P<n>\d{1,2})[- ](?i:years?)[- ](?i:old)\s+"
                            r"(?P<desc>(?:[A-Z][a-z]+(?:[ -]|\s*/\s*)){1,3})(?P<noun>man|woman|boy|girl|male|female|person|lad|"
                            r"youth|teenager|child)\b")


def _described_ages(text: str) -> Iterator[Candidate]:
    if "old " not in text:
        return
    for m in _AGE_DESCRIBED.finditer(text):
        desc = " ".join(m.group("desc").split())
        noun = f"{desc} {m.group('noun')}"
        yield _cand(*m.span(), Kind.AGE, f"year-old:{m.group('art')}:{noun}", 5, value=m.group("n"))


def find_number_recall(text: str) -> list[Candidate]:
    """Candidates of the date, age, plate and phone classes learnt from development set 7 on."""
    return [*_dates(text), *_ages(text), *_plates_and_phones(text), *_described_ages(text), *_spaced_phones(text)]
