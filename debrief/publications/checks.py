"""Server-side identifier checks for case-study text: the case deny list and the anonymiser's patterns (pure).

The learning team never sees the source, so a save that brings an identifier back is refused by naming the field
and the kind of thing found ("a name", "a postcode"), never the words themselves.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from debrief.anonymise import Case, Kind, find_identifiers
from debrief.anonymise.denylist import PersonRecord
from debrief.anonymise.forces import force_aliases
from debrief.anonymise.keep import is_keep_word
from debrief.anonymise.vocab import RANK_LABEL

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
# Words of a place that say what it is, not where: never deny-listed on their own.
_GENERIC_PLACE_WORDS = frozenset("""
road street lane avenue close drive way crescent terrace grove place square park car multi-storey level lower upper
ground floor royal general district county city town village hospital infirmary station centre center estate
house flat flats court block bridge north south east west new old the of and st saint cell suite custody corridor
majors minors unit ward a&e shop store pub arms inn hotel school college university church chapel
""".split())
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _person_terms(raw: str) -> set[str]:
    record = PersonRecord.parse(raw, "p")
    terms = set(record.forms())
    surname = record.tokens[-1] if len(record.tokens) > 1 else None
    if surname:
        for prefix in {record.rank, record.title, RANK_LABEL.get((record.rank or "").lower())} - {None, ""}:
            terms.add(f"{prefix} {surname}")
    terms |= {f"{t}'s" for t in list(terms)}
    if record.collar:
        terms.add(record.collar)
    return terms


def _place_terms(place: str) -> set[str]:
    place = " ".join(place.split())
    terms = {place} if place else set()
    for part in (p.strip() for p in place.split(",")):
        for phrase in _CAPITALISED.findall(part):
            words = phrase.split()
            proper = [w for w in words if w.lower() not in _GENERIC_PLACE_WORDS and not is_keep_word(w)]
            if proper:
                terms.add(phrase)
                terms.update(w for w in proper if len(w) > 2)
    return terms


def _force_terms(force: str) -> set[str]:
    terms = {a for a in force_aliases(force) if len(a) > 2}
    area = re.sub(r"\s+(Police Service|Police Force|Constabulary|Police|Force)$", "", force.strip(),
                  flags=re.IGNORECASE)
    if area and area.lower() != force.strip().lower():
        terms.add(area)
    return terms


def _collar_terms(collar: str) -> set[str]:
    collar = collar.strip()
    terms = {collar} if len(collar) > 1 else set()
    terms.update(n for n in re.findall(r"\d{3,7}[A-Z]{0,2}", collar))  # "NS1150" is also written "1150"
    return terms


def deny_terms_for(people: Iterable[str], force: str | None, places: Iterable[str],
                   collar_numbers: Iterable[str]) -> list[str]:
    """The case deny list: every way the records let a person, the force, the place or a number be written."""
    terms: set[str] = set()
    for person in people:
        if person and person.strip():
            terms |= _person_terms(person)
    if force and force.strip():
        terms |= _force_terms(force)
    for place in places:
        if place and place.strip():
            terms |= _place_terms(place)
    for collar in collar_numbers:
        if collar:
            terms |= _collar_terms(collar)
    return sorted((t for t in terms if len(t.strip()) > 1), key=lambda t: (-len(t), t.lower()))


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
    for m in pattern.finditer(text.replace("’", "'")):
        found = m.group(0)
        # A single lower-case word ("will", "brown", "rose") is a word, not the person of that name.
        if found.islower() and " " not in found and not any(c.isdigit() for c in found):
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


# Entity labels whose source words join the deny list when a release is made: what the anonymiser itself found.
_LEARNED_KINDS = {Kind.PERSON.value: _person_terms, Kind.PLACE.value: _place_terms, Kind.ADDRESS.value: _place_terms,
                  Kind.COLLAR.value: _collar_terms}
_LEARNED_AS_IS = {Kind.POSTCODE.value, Kind.VRM.value, Kind.PHONE.value, Kind.EMAIL.value, Kind.REFERENCE.value,
                  Kind.NINO.value}


def learned_terms(found: Iterable[tuple[str, str]], kept: Iterable[str] = ()) -> list[str]:
    """Deny-list terms from what the anonymiser found in the source ((label, words) pairs): names nobody put on a
    form ("his sister Karen"), streets, numbers. Words the reviewer chose to keep (`kept`) are left out."""
    keep = {k.strip().lower() for k in kept}
    terms: set[str] = set()
    for label, words in found:
        words = " ".join(words.split())
        if not words or words.lower() in keep:
            continue
        if label in _LEARNED_KINDS:
            terms |= {t for t in _LEARNED_KINDS[label](words) if t.lower() not in keep}
        elif label in _LEARNED_AS_IS:
            terms.add(words)
    return sorted(t for t in terms if len(t) > 2 or any(c.isdigit() for c in t))
