"""Post-passes over resolved candidates for structured identifiers and organisations (development sets 9 to 13): an
exhibit mark or a dashed reference outruns a place or phone read across it, a force's name outruns a place read from
its last word, an organisation's initials in brackets go wherever they stand, an age after a name and an aside, a
weekday before its date, and a ranked officer's collar number before the name."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .entities import PRIORITY, Candidate, Kind
from .recall_orgs10 import FORCE_NAME
from .recall_struct10 import EXHIBIT_MARK, LETTERED_DASHED_REF, MONTH, NOT_INITIALS
from .recall_struct12 import struct12_after

_BASE = PRIORITY["pattern"]


_WORD = re.compile(r"[A-Za-z]+")
_MINOR = frozenset("of and the for".split())


def _initials(words: str) -> str:
    return "".join(w[0] for w in _WORD.findall(words) if w.lower() not in _MINOR).lower()


# "durham county council out of hours (dcc)": the initials in brackets a few words after the name.
_INITIALS_AFTER = re.compile(r"[ \t]*(?:[A-Za-z'’-]+[ \t]+){0,4}\([ \t]*(?P<i>[A-Za-z&]{2,6})[ \t]*\)")
_WEEKDAY_BEFORE = re.compile(r"\b(?i:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?i:day)?\.?"
                             r"(?:[ \t]+(?i:night|morning|evening|afternoon|eve))?[ \t]+$")
_DATE_AFTER = re.compile(r"[ \t]+(?P<d>\d{1,2}[ \t]+" + MONTH + r"[ \t]+(?P<y>(?:19|20)\d\d))(?![\w/-])")
# "Ruby-Mae Hale (no relation to the DC!) 14, from Braunstone": an age after a name and an aside in brackets.
_AGE_AFTER_ASIDE = re.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]*,?[ \t]*(?P<n>1\d|[2-9]\d)(?![\w'’/.:-])"
                              r"(?=[ \t]*[,.;)]|[ \t]+(?i:from|of)\b)")
_RANK_BEFORE = re.compile(r"\b(?i:PC|PCSO|PS|Sgt|DC|DS|Cst|Insp|Constable|Sergeant|Inspector)\.?[ \t]+$")


def struct10_after(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """The chosen candidates, with what only they explain: an organisation's initials in brackets after its name
    ("durham county council (dcc)") and wherever else they stand, and a ranked officer's collar number before the
    name ("PC 4471 May": the number goes, the name keeps its label)."""
    out = list(chosen)
    if "/" in text:
        # "BAGGED DR/3", "NEAR BRIDGE BHL/14": an exhibit mark outruns a place read into its letters and the word before
        for m in EXHIBIT_MARK.finditer(text):
            if m.group().split("/")[0] in NOT_INITIALS:
                continue
            over = [c for c in out if c.start < m.end() and m.start() < c.end]
            if over and all(c.kind in (Kind.PLACE, Kind.PERSON) and c.start < m.start() < c.end <= m.end() for c in over):
                out = [c for c in out if c not in over]
                out.append(Candidate(*m.span(), Kind.REFERENCE, "pattern", _BASE, subtype="shape"))
    if "-" in text:
        # "INC CH-0214-0057 14 FEB 2025": the reference outruns a phone number read across it and the date after it
        for m in LETTERED_DASHED_REF.finditer(text):
            over = [c for c in out if c.start < m.end() and m.start() < c.end]
            if not over or not all(c.kind is Kind.PHONE and m.start() < c.start < m.end() < c.end for c in over):
                continue
            out = [c for c in out if c not in over]
            out.append(Candidate(*m.span(), Kind.REFERENCE, "pattern", _BASE, subtype="shape"))
            date = _DATE_AFTER.match(text, m.end())
            if date:
                out.append(Candidate(*date.span("d"), Kind.DATE, "pattern", _BASE, subtype="day", value=date.group("y")))
    for i, c in enumerate(out):
        # "on Sunday night 14/4": the weekday and the part of the day narrow the date they stand before
        if c.kind is Kind.DATE:
            day = _WEEKDAY_BEFORE.search(text, max(0, c.start - 24), c.start)
            if day and not any(d.start < c.start and day.start() < d.end for d in out if d is not c):
                evening = re.search(r"(?i:night|evening|eve)\b", day.group())
                out[i] = Candidate(day.start(), c.end, c.kind, c.layer, c.priority,
                                   subtype="evening" if evening and c.subtype == "day" else c.subtype, value=c.value)
    low = text.lower()
    if "scotland" in low or "psni" in low or "northern ireland" in low:
        # "via police scotland inverness area control": the force's name outruns a place read from its last word
        for m in FORCE_NAME.finditer(text):
            over = [c for c in out if c.start < m.end() and m.start() < c.end]
            if not over or any(c.kind is Kind.FORCE or not m.start() < c.start < m.end() < c.end for c in over):
                continue
            out = [c for c in out if c not in over]
            out.append(Candidate(*m.span(), Kind.FORCE, "pattern", _BASE))
            for c in over:
                rest = re.match(r"[ \t]*", text[m.end():c.end])
                start = m.end() + (rest.end() if rest else 0)
                if start < c.end:
                    out.append(Candidate(start, c.end, c.kind, c.layer, c.priority, subtype=c.subtype, key=c.key))
    starts = {c.start for c in out}
    for c in list(out):
        if c.kind is not Kind.FORCE:
            continue
        m = _INITIALS_AFTER.match(text, c.end)
        if not m or m.group("i").replace("&", "").lower() != _initials(text[c.start:c.end]):
            continue
        initials = m.group("i")
        for again in re.finditer(r"(?<![\w&/-])" + re.escape(initials) + r"(?![\w&/-])", text, re.IGNORECASE):
            if again.start() not in starts:
                out.append(Candidate(*again.span(), Kind.FORCE, "pattern", _BASE, subtype=c.subtype, value=c.value))
    for c in list(out):
        if c.kind is Kind.PERSON and text[c.end:c.end + 3].lstrip(" \t")[:1] == "(":
            m = _AGE_AFTER_ASIDE.match(text, c.end)
            if m and not any(d.start < m.end("n") and m.start("n") < d.end for d in out):
                out.append(Candidate(*m.span("n"), Kind.AGE, "pattern", _BASE, subtype="apposition", value=m.group("n")))
    out.sort(key=lambda c: c.start)
    for i, c in enumerate(out):
        if c.kind is not Kind.COLLAR or c.subtype in ("with-name", "paren") or not _RANK_BEFORE.search(
                text, max(0, c.start - 12), c.start):
            continue
        nxt = next((d for d in out if d.start > c.end and d.start - c.end <= 2), None)
        if nxt and nxt.kind is Kind.PERSON and not text[c.end:nxt.start].strip():
            out[i] = Candidate(c.start, nxt.start, Kind.COLLAR, c.layer, c.priority, subtype="with-name", value=c.value)
    return struct12_after(text, sorted(out, key=lambda c: c.start))
