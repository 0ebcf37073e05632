"""Recall rules for structured identifiers learnt from development sets 9 to 13: an hour alone after a word that times
it, clock times a re-cased line hides, holidays and days of the month as dates, lists of days before their month, ages
a witness guesses or a description gives, partial, foreign and dateless plates, exhibit, card and dashed references,
operation names, handles after their cue and collar numbers with their letters (organisations: recall_orgs10.py;
post-passes: struct10_after.py). Each class is found by its shape or its cue, never by a word of a development set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import CAR_MAKES
from .keep import NATIONAL_OPERATIONS, is_keep_word
from .lexicon import UK_PLACE_LOWER, is_ordinary, is_policing_word
from .patterns import POSTCODE_AREAS
from .phrases import finditer_at, keyword_trigger
from .recall_numbers import NUMBER_WORD, number_value
from .recall_orgs10 import find_area_bodies

_BASE = PRIORITY["pattern"]
_NATIONAL = frozenset(n.lower() for n in NATIONAL_OPERATIONS)


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0, value: str = "") -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype, value=value)


# --- Times ----------------------------------------------------------------------------------------------------------

# "a job interview at 3.", "back at the car park by 7\"", "not available after 10.", "Quiet till 2 then", "collect from 9
# when they open": an hour alone after a word that times it, closing its clause. Which half of the day is unknown, so it
# reads "that time".
_BARE_HOUR = re.compile(r"\b(?i:at|by|since|after|till|until|til|before|from)[ \t]+(?:(?i:about|around|approx\.?|roughly)[ \t]+)?"
                        r"(?P<h>1[0-2]|[1-9])(?:(?i:ish))?(?![\w'’/-]|[.:,]\d)"
                        r"(?=[ \t]*(?:[.,;!?\"”)]|$)|[ \t]+(?i:then|when|tonight|today|tomorrow|this|that|at\s+the\s+latest|"
                        r"latest|but|so|no|and\s+(?:then|it|he|she|they|we|i|was|had|said|left|went|came|got))\b)", re.MULTILINE)
_BARE_HOUR_AT = keyword_trigger("at by since after till until til before from".split())
# "increased by 2.", "divided by 3,", "junction 3": a count, not a clock.
_COUNT_BEFORE = re.compile(r"(?i:increased|reduced|decreased|up|down|rose|fell|multiplied|divided|outnumbered|"
                           r"junction|jct|j|number|no|aged|age|platform|page|level|grade|stage|section|room|cell|bay|"
                           r"flat|unit|house|year|years|ages|counts?|of)[ \t]+\S+[ \t]+(?:(?i:about|around|approx\.?|"
                           r"roughly)[ \t]+)?$")
# "CSI booked for 9.": an hour alone after what is booked for it.
_BOOKED_HOUR = re.compile(r"\b(?i:booked|arranged|scheduled|due|planned|set|listed)[ \t]+(?i:for)[ \t]+(?P<h>1[0-2]|[1-9])"
                          r"(?:(?i:ish))?(?![\w'’/-]|[.:,]\d)(?=[ \t]*(?:[.,;!?\"”)]|$)|[ \t]+(?i:then|when|tomorrow|today|tonight)\b)",
                          re.MULTILINE)
# "Time of arrest: 1915", "Time: 2240": a four-figure clock time after its label.
_TIME_LABEL = re.compile(r"\b(?i:time)(?:[ \t]+(?i:of)[ \t]+[A-Za-z]+)?[ \t]*:[ \t]*(?P<t>(?P<h>[01]\d|2[0-3])[0-5]\d)(?![\w/.:-])")
# "\n22.30 Next of kin: husband": a dotted clock time opening a log line.
_DOTTED_LINE_TIME = re.compile(r"^(?P<t>(?P<h>[01]?\d|2[0-3])\.[0-5]\d)(?=[ \t]+[A-Za-z])(?![ \t]+(?i:ml|mg|kg|g|m|km|"
                               r"miles?|metres?|litres?|l|pm|am|hrs|hours|mins?|minutes|per|percent|%)\b)", re.MULTILINE)
# "LEFT 1930 WEARING RED JACKET": a four-figure clock time after what a missing person or a vehicle did.
_VERB_CLOCK = re.compile(r"\b(?i:left|leaves|leaving|departed|last\s+seen|seen|sighted|returned|arrived|went\s+out)[ \t]+"
                         r"(?:(?i:at|approx\.?|about|around)[ \t]+)?(?P<t>(?P<h>[01]\d|2[0-3])[0-5]\d)(?![\w'’/.:-])"
                         r"(?![ \t]*(?i:hrs|hours|h\b|people|persons|miles|metres|times|pounds|quid|yards))")
# "to take full statement tomorrow 1000 at birkenhead": a four-figure clock time after the day it falls on.
_DAY_CLOCK = re.compile(r"\b(?i:tomorrow|today|tonight|tmrw|tmw|this\s+morning|this\s+afternoon|this\s+evening)[ \t]+"
                        r"(?:(?i:at|from|after|before|by|until|till)[ \t]+|@[ \t]*)?(?P<t>(?P<h>[01]\d|2[0-3])[0-5]\d)(?![\w/.:-])"
                        r"(?![ \t]*(?i:hrs|hours))")
# "SINCE 6PM", "AT 10.30PM": a clock time with its half of the day in capitals (the time layer reads "pm" only).
_CAPS_AMPM = re.compile(r"(?<![\d:.£])(?P<t>(?P<h>1[0-2]|0?[1-9])(?:[.:][0-5]\d)?[ \t]?(?P<ap>AM|PM|A\.M\.|P\.M\.))(?![\w])")
_VERB_CLOCK_AT = keyword_trigger("left leaves leaving departed last seen sighted returned arrived went".split())


def _times(text: str) -> Iterator[Candidate]:
    for m in finditer_at(_BARE_HOUR, _BARE_HOUR_AT, text):
        if _COUNT_BEFORE.search(text, max(0, m.start() - 24), m.start("h")):
            continue
        yield _cand(*m.span("h"), Kind.TIME, "unknown", 3, value="0")
    for m in _BOOKED_HOUR.finditer(text):
        yield _cand(*m.span("h"), Kind.TIME, "unknown", 3, value="0")
    if ":" in text:
        for m in _TIME_LABEL.finditer(text):
            yield _cand(*m.span("t"), Kind.TIME, "", 3, value=str(int(m.group("h"))))
    if "." in text:
        for m in _DOTTED_LINE_TIME.finditer(text):
            yield _cand(*m.span("t"), Kind.TIME, "", 3, value=str(int(m.group("h"))))
    if "M" in text:
        for m in _CAPS_AMPM.finditer(text):
            hour = int(m.group("h")) % 12 + (12 if m.group("ap").startswith("P") else 0)
            at = re.search(r"\b(?i:at)[ \t]+$", text[max(0, m.start() - 4):m.start()])
            if at:  # "AT 10.30PM" -> "in the evening"
                yield _cand(m.start() - (len(text[max(0, m.start() - 4):m.start()]) - at.start()), m.end(),
                            Kind.TIME, "at-known", 3, value=str(hour))
            else:
                yield _cand(*m.span("t"), Kind.TIME, "", 3, value=str(hour))
    for m in _DAY_CLOCK.finditer(text):
        yield _cand(*m.span("t"), Kind.TIME, "", 3, value=str(int(m.group("h"))))
    for m in finditer_at(_VERB_CLOCK, _VERB_CLOCK_AT, text):
        yield _cand(*m.span("t"), Kind.TIME, "", 3, value=str(int(m.group("h"))))


# --- Dates ----------------------------------------------------------------------------------------------------------

# Holidays a date goes by, with the month they fall in ("Easter" in April, most years).
_HOLIDAY_MONTH = {"easter": 4, "christmas": 12, "xmas": 12, "new year": 1, "hogmanay": 12, "diwali": 11, "eid": 4,
                  "bonfire": 11, "halloween": 10, "hallowe'en": 10, "ramadan": 3, "whitsun": 5}
_HOLIDAY_WORD = r"(?:easter|christmas|xmas|new[ \t]+year|hogmanay|diwali|eid|bonfire|hallowe['’]?en|ramadan|whitsun)"
# "since Easter", "split up at New Year", "around Xmas", "(overdose Xmas 2022)", "the Diwali weekend", "Bonfire weekend",
# "the Christmas period", "MAY BANK HOL": a holiday as the date something happened.
_HOLIDAY_DATE = re.compile(
    r"\b(?:(?P<p>(?i:since|at|over|around|about|before|after|until|till|from|during|by|on|for))[ \t]+"
    r"(?:(?i:about|around|approx\.?)[ \t]+)?)?(?P<the>(?i:the)[ \t]+)?"
    r"(?P<d>(?P<w>(?i:" + _HOLIDAY_WORD + r"))(?:(?P<n>[ \t]+(?i:weekend|period|holidays?|hols|break|time|week))|[ \t]+(?P<y>(?:19|20)\d\d))?"
    r"|(?P<bm>(?i:may|august|aug|spring|summer|easter))[ \t]+(?i:bank)[ \t]+(?i:hol(?:iday)?s?)(?:[ \t]+(?i:weekend|monday))?)"
    r"(?![\w'’-])(?![ \t]+(?i:road|rd|street|st|lane|ln|avenue|ave|drive|close|egg|eggs|bunny|tree|trees|party|parties|"
    r"do|dinner|lunch|market|markets|card|cards|present|presents|shopping|jumper|lights|decorations|fair|show|"
    r"fireworks|display|service|day|eve|island|road))")
_HOLIDAY_AT = keyword_trigger("since at over around about before after until till from during by on for the easter "
                              "christmas xmas new hogmanay diwali eid bonfire halloween hallowe'en ramadan whitsun may "
                              "august aug spring summer".split())


def _holidays(text: str) -> Iterator[Candidate]:
    low = text.lower()
    if not any(w in low for w in ("easter", "christmas", "xmas", "new year", "hogmanay", "diwali", "eid", "bonfire",
                                  "hallow", "ramadan", "whitsun", "bank hol")):
        return
    for m in finditer_at(_HOLIDAY_DATE, _HOLIDAY_AT, text):
        word = " ".join((m.group("w") or m.group("bm")).lower().split())
        if m.group("w") and not (m.group("p") or m.group("n") or m.group("y")):
            continue  # "it's Christmas, give it a rest", "Eid": a holiday named, no date given
        if word == "eid" and not m.group("w").startswith(("Eid", "EID")):
            continue
        if word in ("bonfire", "halloween", "hallowe'en") and not m.group("n"):
            continue  # "since the bonfire": a fire; "Halloween" alone is the dates layer's
        month = {"may": 5, "august": 8, "aug": 8, "spring": 5, "summer": 8}.get(word) or _HOLIDAY_MONTH.get(
            word.replace("’", "'"), 1)
        value = (m.group("y") or "") + f"-{month:02d}"
        prep = (m.group("p") or "").lower()
        if prep in ("at", "on") and not m.group("y"):
            # "split up at New Year" -> "split up one day in January"
            yield _cand(m.start(), m.end(), Kind.DATE, "day", 4, value=value)
        else:
            # "the Christmas period" whole, so it outruns the reading that leaves it as written
            yield _cand(m.start("the") if m.group("the") else m.start("d"), m.end("d"),
                        Kind.DATE, "month" if not m.group("y") else "day", 4, value=value)


MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?"
# "on 3, 5 and 9 May", "the 2nd, 9th & 16th of June 2024": days listed before the month they share, every one a date.
_DAY_LIST = re.compile(r"(?<![\w/.:£-])(?P<d>" + _ORD + r"(?:[ \t]*,[ \t]*" + _ORD + r")*[ \t]*,?[ \t]*(?i:and|&)[ \t]+"
                       + _ORD + r")[ \t]+(?:(?i:of)[ \t]+)?(?P<m>" + MONTH + r")(?![\w'’-])(?:,?[ \t]+(?P<y>(?:19|20)\d\d))?")


# "an incident on the 5th of this month", "died on the 19th of heart failure": a day of the month alone after a word
# that dates it.
_ORDINAL_DAY = re.compile(r"\b(?i:on|since|from|until|till|by|before|after)[ \t]+(?i:the)[ \t]+(?P<d>(?:[12]\d|3[01]|0?[1-9])"
                          r"(?i:st|nd|rd|th))(?P<m>[ \t]+(?i:of)[ \t]+(?i:this|last|next|the)[ \t]+(?i:month))?(?![\w'’-])"
                          r"(?![ \t]+(?i:floor|time|century|birthday|anniversary|place|minute|round|attempt|occasion|call|"
                          r"incident|person|one|row|lap|pint|drink|day|hole|step|stair|house|door|car|page|line|item|"
                          r"of\s+(?:them|us|those|these|the\s+(?!month)|[A-Z])))")
# "Date: 2024.02.09": a date written year first with dots.
_DOTTED_ISO = re.compile(r"(?<![\w.])(?P<y>(?:19|20)\d\d)\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])(?![\w.]|\.\d)")


def _day_lists(text: str) -> Iterator[Candidate]:
    for m in _ORDINAL_DAY.finditer(text):
        yield _cand(m.start("d") - 4 if text[m.start("d") - 4:m.start("d")].lower() == "the " else m.start("d"),
                    m.end(), Kind.DATE, "day", 3, value="")
    if "." in text:
        for m in _DOTTED_ISO.finditer(text):
            yield _cand(*m.span(), Kind.DATE, "day", 5, value=m.group("y"))
    if " and " not in text and "&" not in text and " AND " not in text:
        return
    for m in _DAY_LIST.finditer(text):
        month = _MONTH_KEYS.index(m.group("m")[:3].lower()) + 1
        on = re.search(r"\b[Oo]n[ \t]+(?:the[ \t]+)?$", text[max(0, m.start() - 8):m.start()]) if m.group("y") else None
        start = m.start() - (len(text[max(0, m.start() - 8):m.start()]) - on.start()) if on else m.start()
        yield _cand(start, m.end(), Kind.DATE, "day", 7, value=(m.group("y") or "") + f"-{month:02d}")


# --- Ages -----------------------------------------------------------------------------------------------------------

_UNITS_AFTER = (r"(?![ \t]*(?:['’]|(?i:ft|feet|foot|inch|inches|cm|m\b|metres?|meters?|miles?|mph|km|kph|mins?\b|minutes|"
                r"hours?|hrs?\b|secs?\b|seconds|days?|weeks?|months?|years|yrs|people|persons|officers|youths|males|"
                r"females|calls|times|quid|pounds|%|percent|stone|st\b|kg|lbs?|litres?|pints?|cans|bottles|grams?|g\b|"
                r"wraps|bags|in\s+a\b|in\s+the\b|zone|limit|o['’]clock|pm|am)))")
# "a boy she knows as Ali who looks about 16.", "a young female who appeared no older than 17", "a young boy ... who looks
# no older than 14": an age a witness guesses from how someone looks.
_LOOKS_AGE = re.compile(r"\b(?i:looks?|looked|looking|appears?|appeared|seems?|seemed)(?:[ \t]+(?i:to[ \t]+be))?[ \t]+"
                        r"(?P<a>(?:(?i:about|around|approx\.?|roughly|maybe|possibly|probably|no[ \t]+older[ \t]+than|"
                        r"no[ \t]+more[ \t]+than|no[ \t]+younger[ \t]+than|under|over|younger[ \t]+than|older[ \t]+than)[ \t]+)?"
                        r"(?P<n>1[0-9]|[2-9]\d)(?:[ \t]*(?:-|–|(?i:or|to))[ \t]*(?:1[0-9]|[2-9]\d))?)(?![\w'’/-]|[.:]\d)"
                        + _UNITS_AFTER)
# "some of them no older than 14 or 15": an age bound a witness gives.
_OLDER_THAN = re.compile(r"\b(?i:no[ \t]+older[ \t]+than|younger[ \t]+than|no[ \t]+younger[ \t]+than)[ \t]+"
                         r"(?P<a>(?P<n>1[0-9]|[2-9]\d)(?:[ \t]*(?:-|–|(?i:or|to))[ \t]*(?:1[0-9]|[2-9]\d))?)"
                         r"(?![\w'’/.-]|[.:]\d)" + _UNITS_AFTER)
# "her daughter who I would say was about 10 hiding behind her": a guessed age after a person word in the same clause.
_WAS_ABOUT = re.compile(r"\b(?i:was|is|were|be)[ \t]+(?P<a>(?i:about|around|approx\.?|roughly|maybe|possibly|probably)[ \t]+"
                        r"(?P<n>[2-9]|1[0-9]|[2-9]\d))(?![\w'’/-]|[.:,]\d)" + _UNITS_AFTER)
_PERSON_WORD = re.compile(r"\b(?i:boy|girl|son|daughter|child|kid|baby|lad|lass|male|female|man|woman|youth|teen|teenager|"
                          r"brother|sister|nephew|niece|grandson|granddaughter|toddler|infant|youngster|he|she)\b")
# "wearing a navy jumper and blue jeans, about 25.": an estimated age closing a description.
_DESC_ABOUT = re.compile(r",[ \t]*(?P<a>(?i:about|approx\.?|approximately|around|roughly|maybe)[ \t]+(?P<n>1[0-9]|[2-9]\d))"
                         r"(?=[ \t]*(?:[.;)\n]|$))", re.MULTILINE)
_DESC_WORD = re.compile(r"(?i:wearing|jeans|hoodie|hoody|jacket|jumper|trackies|tracksuit|coat|top|trainers|build|hair|"
                        r"beard|tall|slim|stocky|skinny|male|female|white|black|asian)")
_SPEED_WORD = re.compile(r"(?i:doing|driving|drove|speed|speeding|mph|travelling|going|limit)")
# "DESC: TEENS, SKINNY", "GREY HOODY, TEENS?", "wm teens, grey trackies": the teens as an age in a description.
_DESC_TEENS = re.compile(r"(?:[,:]|\b(?i:desc|wm|wf|bm|bf|am|af|w/m|w/f|b/m|b/f|ic[1-9]))[ \t]+"
                         r"(?P<a>(?:(?i:early|mid|late)[ \t-]+)?(?i:teens))(?=[ \t]*[,.;?)]|[ \t]*$)", re.MULTILINE)
# "Older gent, seventy-eight,", "elderly male, ninety-three,", "Age: forty": an age in words after a person word or label.
_NOUN_WORD_AGE = re.compile(r"\b(?i:male|female|man|woman|gent|gentleman|lady|boy|girl|lad|youth|person|resident|"
                            r"occupant|tenant|widow|widower|age)[ \t]*[,:][ \t]*(?P<a>(?i:" + NUMBER_WORD + r"))"
                            r"(?![\w'’-])(?=[ \t]*[,.;)]|[ \t]*$|[ \t]*\n)", re.MULTILINE)
# "youths 15-16", "a group of lads 14-15": an age range straight after the people it describes.
_GROUP_RANGE = re.compile(r"\b(?i:youths?|kids|children|boys|girls|lads|males|females|teenagers|teens|juveniles|youngsters|"
                          r"pupils|group)[ \t]+(?P<a>(?P<x>1?\d)[ \t]*[-–][ \t]*(?P<n>[12]?\d))(?![\w'’/-]|[.:]\d)"
                          r"(?![ \t]*(?i:of|in|on|at|mins?|minutes|hours|hrs|days|weeks|times|metres|yards|miles)\b)")
# 'a lad known as "Spud", approx twenty, ginger': an estimated age in words.
_APPROX_WORD_AGE = re.compile(r"\b(?i:approx\.?|approximately|about|around|roughly|maybe|possibly)[ \t]+(?P<a>(?i:" + NUMBER_WORD
                              + r"))(?![\w'’-])(?=[ \t]*[,.;)]|[ \t]*$)", re.MULTILINE)
_ONE_PERSON = re.compile(r"\b(?i:lad|lass|boy|girl|male|female|man|woman|youth|teen|teenager|he|she|known\s+as|called)\b")
# 'a juvenile "LITTLE JOHNNY" 15.', "Millie and Eva, both 15.": an age after a quoted name or for a pair.
_AGE_AFTER_QUOTE = re.compile(r"(?<=[A-Za-z][\"”])[ \t]+(?P<a>1\d|[2-9]\d)(?=[ \t]*[.,;)]|[ \t]*$)", re.MULTILINE)
_BOTH_AGED = re.compile(r"\b(?i:both|each|all)[ \t]+(?:(?i:aged)[ \t]+)?(?P<a>1\d|[2-9]\d)(?=[ \t]*[.;)]|[ \t]*$)",
                        re.MULTILINE)
# "(18 yesterday)", "(OVER 80)", "(under 16)": an age in brackets that says when or how far.
_BRACKET_AGE = re.compile(r"\((?P<a>(?i:over|under|approx\.?|about|nearly|almost)[ \t]+(?P<n>1\d|[2-9]\d)|(?P<n2>1\d|[2-9]\d)"
                          r"[ \t]+(?i:yesterday|today|tomorrow|last\s+week|next\s+week|last\s+month|next\s+month))\)")
# "kids mia 4 and riley 7 ok", "2 children 6 and 9 unhurt", "daughter beatriz 12 translating": ages straight after
# children named or counted.
_CHILD_AGES = re.compile(r"\b(?i:kids|children|sons|daughters|boys|girls|grandchildren|son|daughter|boy|girl|grandson|"
                         r"granddaughter|nephew|niece|child|kid|baby|toddler)[ \t]+(?P<list>(?:[A-Za-z][\w'’-]+[ \t]+)?"
                         r"\d{1,2}(?:[ \t]*(?:,|and|&)[ \t]*(?:[A-Za-z][\w'’-]+[ \t]+)?\d{1,2})*)(?![\w'’/:-]|\.\d)"
                         + _UNITS_AFTER + r"(?![ \t]*(?i:doors?|houses?|streets?|flats?|of|x\b|times|counts?|offences))")
# "One of the lads is Kane who's 19 -", "Josh turned out to be seventeen,": an age said of someone.
_SAID_AGE = re.compile(r"\b(?i:who['’]s|who[ \t]+is|who[ \t]+was|turned[ \t]+out[ \t]+to[ \t]+be|is[ \t]+only|was[ \t]+only|"
                       r"is[ \t]+just|was[ \t]+just)[ \t]+(?P<a>1\d|[2-9]\d|(?i:" + NUMBER_WORD + r"))(?![\w'’/:.-]|\.\d)"
                       r"(?=[ \t]*(?:[,.;)!?]|[-–]|$))", re.MULTILINE)
# "baby approx 10 months": a baby's age in months or weeks.
_BABY_AGE = re.compile(r"\b(?i:baby|infant|toddler|newborn|son|daughter|child)[ \t]+(?:(?i:approx\.?|about|around|aged)[ \t]+)?"
                       r"(?P<a>\d{1,2}[ \t]*(?i:months?|mths?|weeks?|wks?)(?:[ \t]+(?i:old))?)(?![\w'’-])")
# '"Kacey" (16)': an age in brackets straight after a quoted name.
_QUOTED_NAME_AGE = re.compile(r"(?<=[A-Za-z][\"”’'])[ \t]*\((?P<a>1[0-9]|[2-9]\d)\)")


def _ages(text: str) -> Iterator[Candidate]:
    for pattern in (_LOOKS_AGE, _OLDER_THAN):
        for m in pattern.finditer(text):
            yield _cand(*m.span("a"), Kind.AGE, "", 4, value=m.group("n"))
    for m in _WAS_ABOUT.finditer(text):
        clause = text[max(0, m.start() - 60):m.start()]
        clause = re.split(r"[.;\n]", clause)[-1]
        if _PERSON_WORD.search(clause) and not _SPEED_WORD.search(clause):
            yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("n"))
    if "," in text:
        for m in _DESC_ABOUT.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[max(line_start, m.start() - 150):m.start()]
            if _DESC_WORD.search(before) and not _SPEED_WORD.search(before[-60:]):
                yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("n"))
        for m in _NOUN_WORD_AGE.finditer(text):
            n = number_value(m.group("a"))
            if 12 < n < 110:
                yield _cand(*m.span("a"), Kind.AGE, "", 3, value=str(n))
    elif ":" in text:
        for m in _NOUN_WORD_AGE.finditer(text):
            n = number_value(m.group("a"))
            if 12 < n < 110:
                yield _cand(*m.span("a"), Kind.AGE, "", 3, value=str(n))
    if "teens" in text.lower():
        for m in _DESC_TEENS.finditer(text):
            yield _cand(*m.span("a"), Kind.AGE, "band", 3, value="15")
    for m in _APPROX_WORD_AGE.finditer(text):
        n = number_value(m.group("a"))
        clause = re.split(r"[.;\n]", text[max(0, m.start() - 60):m.start()])[-1]
        if 12 < n < 100 and _ONE_PERSON.search(clause) and not _SPEED_WORD.search(clause):
            yield _cand(m.start(), m.end("a"), Kind.AGE, "", 3, value=str(n))
    for pattern in (_AGE_AFTER_QUOTE, _BOTH_AGED):
        for m in pattern.finditer(text):
            yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("a"))
    if "(" in text:
        for m in _BRACKET_AGE.finditer(text):
            if m.group("a").lower().split()[0] == "under" and m.group("n") == "13":
                continue  # "(under 13)" is the anonymiser's own band for a child
            yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("n") or m.group("n2"))
    for m in _CHILD_AGES.finditer(text):
        first = re.match(r"[A-Za-z][\w'’-]*", m.group("list"))
        if first and (is_policing_word(first.group()) or first.group().lower() in ("x", "of", "in", "at", "on", "to")):
            continue  # "children x 2", "son of 3": a count
        for n in re.finditer(r"(?<![\d])\d{1,2}(?!\d)", m.group("list")):
            if 0 < int(n.group()) < 19:
                yield _cand(m.start("list") + n.start(), m.start("list") + n.end(), Kind.AGE, "", 3, value=n.group())
    for m in _SAID_AGE.finditer(text):
        a = m.group("a")
        n = int(a) if a.isdigit() else number_value(a)
        if 12 < n < 100:
            yield _cand(*m.span("a"), Kind.AGE, "", 3, value=str(n))
    for m in _GROUP_RANGE.finditer(text):
        if 5 <= int(m.group("x")) < int(m.group("n")) <= 25:
            yield _cand(*m.span("a"), Kind.AGE, "", 4, value=m.group("n"))
    for m in _BABY_AGE.finditer(text):
        yield _cand(*m.span("a"), Kind.AGE, "", 3, value="1")
    if "(" in text:
        for m in _QUOTED_NAME_AGE.finditer(text):
            yield _cand(*m.span("a"), Kind.AGE, "", 3, value=m.group("a"))


# --- Plates ---------------------------------------------------------------------------------------------------------

# "NJ69 TXI", "YX17BLK": the current plate's shape, whatever its letters.
_CURRENT_PLATE = re.compile(r"(?<![\w/-])[A-Z]{2}\d{2}[ ]?[A-Z]{3}(?![\w/-])")
_MAKES = frozenset(m.upper() for m in CAR_MAKES)
# (not the anonymiser's own "[number]" or "[registration]")
_PLATE_CUE = re.compile(r"(?<!\[)(?i:\breg\b|\bregistration|\bplates?\b|\bvrm\b|\bindex\b|\bnumber\b|\banpr\b|\bpartial)")
# '"..KYA"', '"65 ..YJ"', '"PN.."', '"34 ABC 712"', '"W"': a plate or part of one in quotes near a plate word.
_QUOTED_PLATE = re.compile(r"[\"“‘](?P<v>(?=[A-Z0-9. ]*[A-Z0-9])[A-Z0-9.][A-Z0-9. ]{0,9})[\"”’]")
# "ending ...XKF", "ENDING HJT", "ended in a W", "PN plates and WFJ ending": the end or start of a plate.
_PLATE_END = re.compile(r"\b(?i:ending|ended|ends|ending\s+in|ended\s+in|ends\s+in|starting|started|starts|beginning)"
                        r"(?:[ \t]+(?i:in|with))?(?:[ \t]+(?:a|an))?[ \t]*[\"“‘]?(?P<v>\.{0,3}[A-Z0-9]{1,4})(?!\w|\.\w)"
                        r"|(?<![\w.])(?P<v2>[A-Z]{2,3})[ \t]+(?i:ending)\b")
# 'PART REG "GN SOMETHING UYR"': the parts of a plate a caller gave around a word for the part they missed.
_PLATE_PARTS = re.compile(r"[\"“‘](?P<a>[A-Z0-9]{1,4})[ \t]+(?i:something|summat|unknown|\?+|\.{2,3}|…|then)[ \t]+"
                          r"(?P<b>[A-Z0-9]{1,4})[\"”’]")
# "B 123 CRV checked via international liaison", "CJ 18 RUS": a foreign plate's shape, letters, figures, letters.
_FOREIGN_PLATE = re.compile(r"(?<![\w/-])(?P<v>(?P<p>[A-Z]{1,2})[ ]\d{2,3}[ ](?P<s>[A-Z]{3}))(?![\w/-])")
_NOT_PLATE_PREFIX = frozenset("PC PS DC DS DI CC SC TS AT ON IN NO OF TO BY OR UP".split())
# "Partial VRM of a white van, FN?? ...", "partial BK...", 'donegal plates" DL 19?': the part of a plate a witness saw,
# its unknown rest written as question marks or dots.
_PLATE_TRAIL = re.compile(r"(?<![\w.])(?P<v>[A-Z]{2,3}(?:[ ]?\d{1,3})?|\d{1,3}[ ]?[A-Z]{1,3})(?=\?|\.{2,3}|…)")
# "1234 KXZ", "7 KEZ - RK K. Grant": an Irish or dateless plate near a plate word or before its keeper.
_OLD_PLATE = re.compile(r"(?<![\w/:.-])(?P<v>\d{1,4}[ ]?[A-Z]{3}|[A-Z]{3}[ ]?\d{1,4})(?![\w/-])")
_KEEPER_AFTER = re.compile(r"[ \t]*[-–:,=][ \t]*(?:RK|R/K|(?i:registered\s+keeper|keeper|owner))\b")
_NOT_PLATE_WORDS = frozenset("REG PLATE PLATES MPH KPH CAD LOG REF INC THE AND FOR YRS HRS MIN MAX PCS OFF APP ARV BTP PNC TEL MOB "
                             "AGE DOB NHS CID RTC VRM ANPR".split())


def _plate_letters_ok(letters: str) -> bool:
    return letters.upper() not in _NOT_PLATE_WORDS and letters.upper() not in _MAKES and not is_policing_word(letters)


def _plates(text: str) -> Iterator[Candidate]:
    for m in _CURRENT_PLATE.finditer(text):
        if not is_ordinary(m.group()[-3:].lower()):  # "SC21 AND SC24": two call signs
            yield _cand(*m.span(), Kind.VRM, "any", 4)
    for cue in _PLATE_CUE.finditer(text):
        window_end = min(len(text), cue.end() + 90)
        for m in _QUOTED_PLATE.finditer(text, cue.end(), window_end):
            v = m.group("v").strip()
            if v.upper() not in _NOT_PLATE_WORDS and not re.fullmatch(r"\d{1,3}", v) \
                    and not (v.isalpha() and (len(v) > 3 or is_policing_word(v))):
                yield _cand(*m.span("v"), Kind.VRM, "any", 4)
        for m in _PLATE_END.finditer(text, cue.end(), window_end):
            v = m.group("v") or m.group("v2")
            if v.strip(".").upper() not in _NOT_PLATE_WORDS:
                yield _cand(*m.span("v" if m.group("v") else "v2"), Kind.VRM, "any", 4)
        for m in _PLATE_TRAIL.finditer(text, cue.end(), min(len(text), cue.end() + 50)):
            if _plate_letters_ok(re.sub(r"[\d ]", "", m.group("v"))):
                yield _cand(*m.span("v"), Kind.VRM, "any", 4)
        for m in _OLD_PLATE.finditer(text, cue.end(), min(len(text), cue.end() + 40)):
            if _plate_letters_ok(re.sub(r"[\d ]", "", m.group("v"))):
                yield _cand(*m.span("v"), Kind.VRM, "any", 4)
    for m in _OLD_PLATE.finditer(text):
        if _plate_letters_ok(re.sub(r"[\d ]", "", m.group("v"))) and _KEEPER_AFTER.match(text, m.end()):
            yield _cand(*m.span("v"), Kind.VRM, "any", 4)
    if '"' in text or "“" in text:
        for m in _PLATE_PARTS.finditer(text):
            if _PLATE_CUE.search(text, max(0, m.start() - 40), m.start()):
                yield _cand(*m.span("a"), Kind.VRM, "any", 4)
                yield _cand(*m.span("b"), Kind.VRM, "any", 4)
    for m in _FOREIGN_PLATE.finditer(text):
        if m.group("p") not in _NOT_PLATE_PREFIX and _plate_letters_ok(m.group("s")) and not is_ordinary(m.group("s")):
            yield _cand(*m.span("v"), Kind.VRM, "any", 4)
    # "Corsa ending ...XKF": the end of a plate after a car
    for m in re.finditer(r"\b(?i:ending|ended\s+in|ends\s+in)[ \t]+[\"“‘]?(?P<v>\.{2,3}[A-Z0-9]{1,4}|[A-Z]{3})(?![\w.])",
                         text):
        if m.group("v").strip(".").upper() not in _NOT_PLATE_WORDS:
            yield _cand(*m.span("v"), Kind.VRM, "any", 3)


# --- References, handles, collars -----------------------------------------------------------------------------------

# "BAGGED DR/3", "NEAR BRIDGE BHL/14", "exhibit KA/1": initials and a number, as exhibits and structures are marked.
EXHIBIT_MARK = re.compile(r"(?<![\w/])[A-Z]{2,4}/\d{1,3}(?![\w/])")
NOT_INITIALS = frozenset("NA PS PC DC DS TS".split())
# "ARC card (UKA 0447 2281 3)", "badge 1192 2044 8811 0375", "tagged UK 0 123456": a card or tag's number in groups.
_GROUPED_NUMBER = re.compile(r"(?<![\w/-])(?:[A-Z]{2,4}[ ](?:\d{1,5}[ ]){1,3}\d{1,6}|\d{4}(?:[ ]\d{4}){2,3})(?![\w/-])")
_CARD_CUE = re.compile(r"(?i:card|badge|tag|tagged|licence|license|permit|passport|id|ear\s*tag|no\.?|number)\W{0,4}$")
# "Badge no. noted PH 003318": a badge or licence number with its letters.
_BADGE = re.compile(r"\b(?i:badge|licence|license|permit|card|passport)[ \t]*(?:(?i:no|number|#)\.?)?[ \t]*(?:(?i:noted|is|was|given)[ \t]+)?"
                    r"(?:(?i:as)[ \t]+)?(?P<r>[A-Z]{1,3}[ \t]?\d{4,8})(?![\w/-])")
# "SEE OP MEADOW", "linked to op gallant": an operation's name after a word that points to it, whatever the line's case
# (a name in capitals reads as a dictionary word once the line is re-cased).
_OP_AFTER_CUE = re.compile(r"\b(?i:see|linked\s+to|link\s+to|under|part\s+of|re|ref|for|via|with|into|on)[ \t]+(?:(?i:the)[ \t]+)?"
                           r"(?P<o>(?i:op|operation))\.?[ \t]+(?P<n>[A-Za-z][A-Za-z'’-]{2,})(?![\w'’-])")
# "CRIME 0101234567/24 (MAKING OFF) + 0101234590/24": a long number and its year.
_NUMBER_YEAR = re.compile(r"(?<![\w/-])\d{6,12}/\d{2}(?![\w/-])")
# "OPERATION FALCON MARKER ADDED", "and op ysgubor??": an operation's name before a police word, or a name no
# dictionary holds after "op".
_OP_NAME = re.compile(r"(?<![\w-])(?P<o>(?i:op|operation))\.?[ \t]+(?P<n>[A-Za-z][A-Za-z'’-]{2,})(?![\w'’-])"
                      r"(?P<after>[ \t]+(?i:marker|markers|team|briefing|nominal|nominals|intel|log|update|tasking|"
                      r"linked|ref)\b|[ \t]*(?:[)?]|$))?", re.MULTILINE)
_OP_STOP = frozenset("the a an to was is of on in for and with at by that this has had went order room team support "
                     "centre center theatre ward site his her their its our my your we they he she it".split())
# 'linked to the "Storm" line', '"Dave" deal line': a drugs line by its name.
_LINE_NAME = re.compile(r"[\"“‘'](?P<n>[A-Z][\w'’ -]{1,20}?)[\"”’'][ \t]+(?i:line|deal\s+line|drugs?\s+line|county\s+line)\b")
# "CHESHIRE POLICE INC CH-0214-0057": a reference of letters and two groups of figures.
LETTERED_DASHED_REF = re.compile(r"(?<![\w/-])[A-Za-z]{1,4}-\d{3,6}-\d{2,6}(?![\w/-])")
# 'PHOTOS ON FACEBOOK GROUP "TENTERDEN NOTICEBOARD"': a group or page by its name.
_GROUP_NAME = re.compile(r"\b(?i:facebook|fb|whatsapp|telegram|snapchat|insta(?:gram)?)[ \t]+(?i:group|page|chat|channel)"
                         r"(?:[ \t]+(?i:called|named))?[ \t]*[\"“‘](?P<h>[^\"”’\n\[]{2,40})[\"”’]")
# "PNC keeper Andre Campbell, Forest Gate, E7,": a postcode district closing a place after a comma.
_DISTRICT_AFTER_PLACE = re.compile(r"(?<=[A-Za-z]),[ \t]+(?P<pc>(?P<a>[A-Z]{1,2})\d{1,2}[A-Z]?)(?=[ \t]*[,.;)]|[ \t]*$)",
                                   re.MULTILINE)
# "handle given chantelle.xo_", "username: big_dai99": a handle after its cue.
_HANDLE_CUE = re.compile(r"\b(?i:handle|username|user\s+name|account\s+name|profile\s+name|gamertag|snap(?:chat)?\s+name|"
                         r"insta(?:gram)?\s+name|tiktok\s+name)(?:[ \t]+(?i:given|is|was|of|as|shown|reads|called|given\s+as))*"
                         r"[ \t]*[:=-]?[ \t]*[\"“'‘]?(?P<h>@?[A-Za-z0-9][A-Za-z0-9_.]{2,29})")
# "SUPERVISOR SGT LAURA KERR V1190", "CLOSED - ACR M3310", "LOG CLOSED. OPERATOR CC 7731": a collar number with its one
# or two letters after a role (and its holder's name), closing the line.
_LETTER_COLLAR = re.compile(r"\b(?i:sgt|ps|pc|insp|inspector|supervisor|acr|controller|operator|dispatcher|handler)\b"
                            r"[ \t]+(?:[A-Za-z'’-]+[ \t]+){0,3}(?P<k>[C-Z]\d{3,5}|(?P<c>[A-Za-z]{2})[ \t]\d{3,5})(?![\w/-])"
                            r"(?=[ \t]*(?:[.,;)]|$))", re.MULTILINE)
# "Arresting Officer: PC Harry Stone CoL 612": a force's two or three letters and the number after a ranked name.
_RANKED_CODE = re.compile(r"\b(?:PC|PS|Sgt|DC|DS|Cst|Insp|PCSO)\.?[ \t]+(?:[A-Z][\w'’-]+[ \t]+){1,3}"
                          r"(?P<k>(?P<c>[A-Z][A-Za-z]{1,2})[ \t]?\d{3,5})(?![\w/-])(?=[ \t]*(?:[.,;)]|$))", re.MULTILINE)
_NOT_CODES = frozenset("am pm at on in to by of is or no hr km kg mg ml tel ex ie eg and the".split())

def _refs_handles_collars(text: str) -> Iterator[Candidate]:
    if "/" in text:
        for m in EXHIBIT_MARK.finditer(text):
            if m.group().split("/")[0] not in NOT_INITIALS:
                yield _cand(*m.span(), Kind.REFERENCE, "shape", 4)
    for m in _GROUPED_NUMBER.finditer(text):
        if m.group()[0].isdigit() or _CARD_CUE.search(text, max(0, m.start() - 20), m.start()) \
                or text[max(0, m.start() - 1):m.start()] == "(":
            yield _cand(*m.span(), Kind.REFERENCE, "shape", 5)
    for m in _BADGE.finditer(text):
        yield _cand(*m.span("r"), Kind.REFERENCE, "shape", 5)
    for m in _OP_AFTER_CUE.finditer(text):
        name = m.group("n")
        if m.group("o").islower() and m.group("o") == "op" and not re.search(r"(?i:see|linked|link|part)", m.group()):
            continue  # "post op", "on op ward": a lower-case "op" needs "see" or "linked to"
        if name.lower() not in _NATIONAL and not is_keep_word(name) and not is_policing_word(name):
            yield _cand(*m.span("n"), Kind.REFERENCE, "shape", 6)  # the name only: "Op" is a kept word
    if "/" in text:
        yield from (_cand(*m.span(), Kind.REFERENCE, "shape", 4) for m in _NUMBER_YEAR.finditer(text))
    for m in _OP_NAME.finditer(text):
        name = m.group("n")
        low = name.lower()
        if low in _OP_STOP or low in _NATIONAL or is_keep_word(name) or is_policing_word(name):
            continue
        if m.group("after") or (not is_ordinary(name) and low not in UK_PLACE_LOWER):
            yield _cand(*m.span("n"), Kind.REFERENCE, "shape", 5)
    for m in _LINE_NAME.finditer(text):
        if not is_keep_word(m.group("n")):
            yield _cand(*m.span("n"), Kind.REFERENCE, "shape", 4)
    if "-" in text:
        yield from (_cand(*m.span(), Kind.REFERENCE, "shape", 8) for m in LETTERED_DASHED_REF.finditer(text))
    for m in _GROUP_NAME.finditer(text):
        yield _cand(*m.span("h"), Kind.HANDLE, "", 6)
    if "," in text:
        for m in _DISTRICT_AFTER_PLACE.finditer(text):
            place = re.search(r"([A-Za-z'’-]+)$", text[max(0, m.start() - 25):m.start()])
            if m.group("a") in POSTCODE_AREAS and m.group("a") not in ("M", "A") and place \
                    and place.group(1)[:1].isupper() and not is_policing_word(place.group(1)):
                yield _cand(*m.span("pc"), Kind.POSTCODE, "district", 3)
    for m in _HANDLE_CUE.finditer(text):
        h = m.group("h")
        if re.search(r"[_.\d@]", h.rstrip(".")) and not is_keep_word(h):
            end = m.end("h") - (1 if h.endswith(".") else 0)
            yield _cand(m.start("h"), end, Kind.HANDLE, "", 6)
    for pattern in (_LETTER_COLLAR, _RANKED_CODE):
        for m in pattern.finditer(text):
            if not (m.group("c") and m.group("c").lower() in _NOT_CODES):
                yield _cand(*m.span("k"), Kind.COLLAR, "cue", 6)


def find_struct10_recall(text: str) -> list[Candidate]:
    """Candidates of the structured and organisation classes learnt from development sets 9 to 11."""
    return [*_times(text), *_holidays(text), *_day_lists(text), *_ages(text), *_plates(text),
            *_refs_handles_collars(text), *find_area_bodies(text)]
