"""Server-side identifier checks for case-study text: the case deny list and the anonymiser's patterns (pure).

The learning team never sees the source, so a save that brings an identifier back is refused by naming the field
and the kind of thing found ("a name", "a postcode"), never the words themselves.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from debrief.anonymise import Case, Kind, find_identifiers
from debrief.anonymise.name_use import is_ordinary_word, used_as_name

DENY_KIND = "deny"
# What the learning team is told was found, per kind: enough to look for it, never the thing itself.
KIND_DESCRIPTIONS: dict[str, str] = {
    DENY_KIND: "a name, place or force from the case's records",
    Kind.PERSON.value: "a person's name",
    Kind.PLACE.value: "a place name",
    Kind.ADDRESS.value: "an address",
    Kind.POSTCODE.value: "a postcode",
    Kind.COLLAR.value: "a collar or warrant number",
    Kind.FORCE.value: "a police force's name",
    Kind.DATE.value: "an exact date",
    Kind.TIME.value: "an exact time",
    Kind.AGE.value: "an exact age",
    Kind.PHONE.value: "a phone number",
    Kind.EMAIL.value: "an email address",
    Kind.VRM.value: "a vehicle registration",
    Kind.REFERENCE.value: "a reference number",
    Kind.NINO.value: "a National Insurance number",
    Kind.DOB.value: "a date of birth",
}
def _deny_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    parts = []
    for term in sorted({" ".join(t.replace("’", "'").split()) for t in terms if t.strip()}, key=len, reverse=True):
        parts.append(r"\s+".join(re.escape(w) for w in term.split()))
    if not parts:
        return None
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _deny_hits(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    if pattern is None or not text:
        return []
    hits = []
    plain = text.replace("’", "'")
    for m in pattern.finditer(plain):
        found = m.group(0)
        # A single lower-case word ("will", "brown", "rose") is a word, not the person of that name; so is a name
        # that is an ordinary word where it is not used as a name ("Add the weapon field ...": name_use.py).
        if found.islower() and " " not in found and not any(c.isdigit() for c in found):
            continue
        if is_ordinary_word(found) and not used_as_name(plain, *m.span()):
            continue
        hits.append(m.span())
    return hits


def _pattern_spans(text: str) -> list[tuple[int, int, str, str]]:
    if not text.strip():
        return []
    return [(e.start, e.end, e.label, " ".join(e.text.split()).lower()) for e in find_identifiers(text, Case())]


def _pattern_hits(text: str) -> list[tuple[str, str]]:
    return [(label, value) for _, _, label, value in _pattern_spans(text)]


def accepted_identifiers(texts: Iterable[str]) -> frozenset[str]:
    """Pattern matches already in the released text: the reviewer, who saw the source, let them stand."""
    return frozenset(value for text in texts for _, value in _pattern_hits(text or ""))


def check_texts(texts: Mapping[str, str], deny_terms: Sequence[str], *,
                accepted: Iterable[str] = (), patterns: bool = True) -> dict[str, list[str]]:
    """{field: [descriptions]} for each field holding something identifying; empty when all is clear.

    Anything on the deny list is always refused. Pattern matches (names after titles, numbers, postcodes, dates,
    forces, places...) are refused unless `accepted` holds the same words: what the reviewer released stays, but
    nothing new comes in.
    """
    pattern = _deny_pattern(deny_terms)
    allowance = frozenset(accepted)
    problems: dict[str, list[str]] = {}
    for field, text in texts.items():
        kinds: list[str] = []
        denied = _deny_hits(text or "", pattern)
        if denied:
            kinds.append(KIND_DESCRIPTIONS[DENY_KIND])
        if patterns:
            for start, end, label, value in _pattern_spans(text or ""):
                # Already reported as on the deny list, or released by the reviewer who saw the source.
                if value in allowance or any(s < end and start < e for s, e in denied):
                    continue
                description = KIND_DESCRIPTIONS.get(label, "an identifier")
                if description not in kinds:
                    kinds.append(description)
        if kinds:
            problems[field] = kinds
    return problems
