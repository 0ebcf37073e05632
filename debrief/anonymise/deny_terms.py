"""The case deny list as words: the one builder of what may never be released or published (pure).

A case study stores its deny list when it is released: every way its RCA's records let a person, the force, a place
or a number be written, what the anonymiser found in the source, and the reviewer's redactions. The publication gate
(publications/gate.py) checks every later text against the deny lists of the case studies it sits beside.
(`denylist.Case` is the anonymiser's own matcher over the same records, with kinds and keys for labelling.)
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .denylist import PersonRecord
from .entities import Kind
from .forces import force_aliases
from .keep import is_keep_word
from .vocab import RANK_LABEL

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

def release_deny_list(*, people: Iterable[str], force: str | None, places: Iterable[str],
                      collar_numbers: Iterable[str], found: Iterable[tuple[str, str]] = (),
                      redactions: Iterable[str] = (), kept: Iterable[str] = ()) -> list[str]:
    """A released case study's deny list: its records' terms, what the anonymiser found in the source ((label, words)
    pairs: names nobody put on a form, streets, numbers) and the reviewer's redacted phrases; words the reviewer
    undid anywhere (`kept`) stay out of what was found. Longest first."""
    found = [*found, *(("PERSON" if " " not in p else "PLACE", p) for p in redactions)]
    terms = set(deny_terms_for(people, force, places, collar_numbers)) | set(learned_terms(found, kept=kept))
    return sorted(terms, key=lambda t: (-len(t), t.lower()))


def deny_terms_beside(deny_lists: Iterable[Iterable[str] | None]) -> list[str]:
    """One deny list from those of every case study a text sits beside (an issue's, a question's case study)."""
    return sorted({t for terms in deny_lists for t in (terms or [])})
