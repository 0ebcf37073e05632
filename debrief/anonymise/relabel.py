"""Identifiers found as the wrong kind, told as the right one: the reader should meet "from a town", not "from
Person C" ("from Builth Wells"). Replacement is unchanged in extent; only the label reads right."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .entities import Candidate, Kind
from .fold import fold
from .gazetteer import place_subtype
from .lexicon import FIRST_NAME_LIST, UK_PLACE_LOWER, UK_PLACES

# Words after which a name is a place rather than a person ("lives in", "near", "from ... to").
_PLACE_BEFORE = re.compile(r"\b(?i:in|near|outside|towards|toward|via|around|through|across|beyond|into|from|"
                           r"born\s+in|lives\s+in|living\s+in|moved\s+to|travelled\s+to|drove\s+to)\s+$")
_TITLE_OR_RANK_BEFORE = re.compile(r"\b(?i:mr|mrs|ms|miss|mx|dr|pc|ps|dc|ds|sgt|insp|pcso|officer|constable)\.?\s+$")


def surnames_found_as_places(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """A one-word place that is the surname of a person named in full in this text, written with no place word
    before it ("Sam Wells was arrested. Wells said nothing."), is that person."""
    surnames: dict[str, str] = {}
    for c in chosen:
        if c.kind is Kind.PERSON and c.key:
            words = text[c.start:c.end].split()
            if len(words) > 1:
                surnames.setdefault(fold(words[-1]).lower(), c.key)
    if not surnames:
        return list(chosen)
    out = []
    for c in chosen:
        if c.kind is Kind.PLACE and c.layer != "deny" and (key := surnames.get(fold(text[c.start:c.end]).lower())) \
                and not _PLACE_BEFORE.search(text, max(0, c.start - 24), c.start):
            c = Candidate(c.start, c.end, Kind.PERSON, c.layer, c.priority, key=key)
        out.append(c)
    return out


def places_found_as_people(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """A person found only by the rules (no form, no title) whose words are a UK place, after a place word or
    written as a place of two words or more ("Builth Wells", "Cross Hands"), is that place; a place after a title
    or rank ("Mr Paisley", "PC Halifax") is a person."""
    out = []
    for c in chosen:
        if c.kind is Kind.PERSON and c.layer != "deny" and (not c.key or c.layer == "propagated"):
            name = re.sub(r"\s+", " ", text[c.start:c.end])
            low = fold(name).lower()
            before = text[max(0, c.start - 24):c.start]
            # Found again from elsewhere ("Mr Paisley ... born in Paisley"): only where a place word says so.
            if low in UK_PLACE_LOWER and not _TITLE_OR_RANK_BEFORE.search(before) and (
                    _PLACE_BEFORE.search(before) or (" " in low and low.split()[0] not in FIRST_NAME_LIST
                                                     and c.layer != "propagated")):
                subtype = place_subtype(name) or ("town" if name in UK_PLACES or low in UK_PLACE_LOWER else "")
                c = Candidate(c.start, c.end, Kind.PLACE, c.layer, c.priority, subtype or "town")
        elif c.kind is Kind.PLACE and c.layer != "deny" and _TITLE_OR_RANK_BEFORE.search(text, max(0, c.start - 12),
                                                                                           c.start):
            c = Candidate(c.start, c.end, Kind.PERSON, c.layer, c.priority)  # "Mr Paisley": a person, not "Mr a town"
        out.append(c)
    return out


_LEADING_DAY = re.compile(r"(\d{1,3})(?:st|nd|rd|th)?\s+[A-Za-z]")


def no_dates_inside_numbers(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """A date never starts inside a number or a clock time ("PC 4471 May" holds no "1 May", "09:14 APRIL" no
    "14 April"), nor on a day past the 31st ("PC 77 MAY")."""
    out = []
    for c in cands:
        if c.kind is Kind.DATE and text[c.start:c.start + 1].isdigit():
            if c.start and text[c.start - 1] in "0123456789:.":
                continue
            day = _LEADING_DAY.match(text, c.start)
            if day and int(day.group(1)) > 31:
                continue
        out.append(c)
    return out
