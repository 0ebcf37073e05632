"""Overlap resolution between layers, propagation of found names, and merging of address parts."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .context import describe_prefix, is_plausible_name
from .denylist import DIMINUTIVES, Case
from .entities import PRIORITY, Candidate, Kind
from .fold import fold
from .lexicon import FIRST_NAME_LIST, SURNAME_LIST, is_ordinary, is_policing_word
from .phrases import PhraseMatcher, Tokens
from .vocab import NOT_NAMES, RANKS, TITLES

_NAME_LIKE = (Kind.PERSON, Kind.PLACE, Kind.FORCE, Kind.ADDRESS)
_SURNAME = re.compile(r" ((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_SURNAME_STOP = re.compile(r"Road|Street|Lane|Avenue|Close|Drive|Way|Park|House|Court|Police|Hospital|Station")
_ADDRESS_PARTS = {Kind.ADDRESS, Kind.POSTCODE, Kind.PLACE}
_ADDRESS_PLACE_SUBTYPES = {"street", "road", "town", "city", "area", "estate", "county", "building", ""}


def _overlaps(a: Candidate | tuple[int, int], b_start: int, b_end: int) -> bool:
    start, end = (a.start, a.end) if isinstance(a, Candidate) else a
    return start < b_end and b_start < end


def drop_kept(cands: Sequence[Candidate], keep: Sequence[tuple[int, int]], text: str | None = None) -> list[Candidate]:
    """Names and places never swallow an operational term; structured numbers may contain one. With the `text`, a
    person keeps what lies outside the term: a name on the form whole ("Ms Storm Rivers", though STORM is a system),
    another the part of it that reads as a name ("Custody Sergeant Smith" -> "Smith", "Taser Jones" -> "Jones")."""
    if not keep:
        return list(cands)
    kept = bytearray(max(max(e for _, e in keep), max((c.end for c in cands), default=0)))
    for s, e in keep:
        kept[s:e] = b"\x01" * (e - s)
    out: list[Candidate] = []
    for c in cands:
        # "Caernarfon Crown Court": a court named by its town goes whole, though "Crown Court" is kept alone.
        # "Halifax Custody Suite", "Rugby railway station": a named venue goes whole too (its replacement keeps the
        # noun).
        if c.kind not in _NAME_LIKE or c.subtype == "court" or c.subtype.startswith("premises:") \
                or not any(kept[c.start:c.end]):
            out.append(c)
        elif text is not None and c.kind is Kind.PERSON:
            if c.layer == "deny" and not (text[c.start:c.end].isupper() and " " not in text[c.start:c.end]):
                # A kept phrase longer than the name keeps it ("Clare's Law"); a name as long as the term or longer
                # is the person ("Storm said", "Ms Storm Rivers").
                if not any(s <= c.start and c.end <= e and e - s > c.end - c.start for s, e in keep):
                    out.append(c)
            else:
                out += _outside_kept(text, c, kept)
    return out


_NAME_PART = re.compile(r"[^\W\d_][\w'’.-]*")


def _outside_kept(text: str, c: Candidate, kept: bytearray) -> list[Candidate]:
    """The runs of a person candidate outside kept terms that still read as a name (a word on no list of ordinary
    or policing words, or any word of a name found from the form or found again)."""
    out = []
    i = c.start
    while i < c.end:
        if kept[i]:
            i += 1
            continue
        j = i
        while j < c.end and not kept[j]:
            j += 1
        words = list(_NAME_PART.finditer(text, i, j))
        if words and (c.layer in ("deny", "propagated") or any(
                not is_ordinary(w.group()) and not is_policing_word(w.group()) for w in words)):
            out.append(replace(c, start=words[0].start(), end=words[-1].end()))
        i = j
    return out


def _occupied(length: int, chosen: Sequence[Candidate]) -> bytearray:
    taken = bytearray(length)
    for c in chosen:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    return taken


def after_dates(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """"Jan Leaving Partick Station", "2025, Stapleton Road": a name, place or address found by a guessing layer that
    starts inside a date starts after it, so the date is not lost to the longer guess."""
    dates = [c for c in cands if c.kind in (Kind.DATE, Kind.DOB) and c.layer == "pattern"]
    if not dates:
        return list(cands)
    out = []
    for c in cands:
        if c.kind in _NAME_LIKE and c.layer != "deny":
            for d in dates:
                if d.start <= c.start < d.end < c.end:
                    start = d.end + len(text[d.end:c.end]) - len(text[d.end:c.end].lstrip(" ,;-–\t"))
                    c = replace(c, start=start)
        if c.end > c.start:
            out.append(c)
    return out


def resolve(cands: Sequence[Candidate]) -> list[Candidate]:
    """Longest span wins an overlap; on equal length the higher-priority layer wins."""
    pattern_collars = [c for c in cands if c.kind is Kind.COLLAR and c.layer == "pattern"]
    # A name from the form is never cut by a longer guess that takes only part of it: "Nurse Practitioner Olu
    # Adewale" with Olu Adewale on the form is not "Practitioner Olu" (which left "Adewale").
    listed = [c for c in cands if c.layer == "deny" and c.kind is Kind.PERSON]
    if listed:
        cands = [c for c in cands if c.layer == "deny" or not any(
            c.start < d.end and d.start < c.end and not (c.start <= d.start and d.end <= c.end) for d in listed)]
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in cands), default=0))
    for c in sorted(cands, key=lambda c: (-c.length, -c.priority, c.start)):
        if c.length <= 0:
            continue
        if c.kind is Kind.COLLAR and c.layer == "deny" and any(
                _overlaps(p, c.start, c.end) for p in pattern_collars):
            continue  # the pattern knows whether a name or a rank sits beside the number
        if any(taken[c.start:c.end]):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * c.length
    return sorted(chosen, key=lambda c: c.start)


def person_keys(text: str, chosen: list[Candidate], case: Case) -> list[Candidate]:
    """Give every person mention an identity: the case's record, or one name found in this text."""
    lookup = {form.lower(): key for r in case.records for form in r.forms() for key in [r.key]}
    lookup |= {form.lower(): key for form, key in case.learned.items()}
    token_keys: dict[str, str] = {}
    unknown = [c for c in chosen if c.kind is Kind.PERSON and not c.key]
    # Full names first, so "Dean" later joins "Dean Carter" rather than becoming someone new.
    firsts = {r.key: r.tokens[0] for r in case.records if r.tokens}
    forms_of = {r.key: {fold(f).lower() for f in r.forms()} for r in case.records}
    for c in sorted(unknown, key=lambda c: -len(text[c.start:c.end].split())):
        name = re.sub(r"\s+", " ", text[c.start:c.end])
        words = name.split()
        key = lookup.get(name.lower()) or next(
            (lookup[w.lower()] for w in words if w.lower() in lookup), None)
        # Particles and initials ("Ó", "de", "T.") do not make two people one.
        key = key or next((token_keys[w] for w in words if w in token_keys and len(w.strip(".")) > 2), None)
        # "Tracy Price" beside "Kayleigh Price": the same surname with another first name is another person.
        if key and len(words) > 1 and not lookup.get(name.lower()):
            first = firsts.get(key) or key.removeprefix("n:").split()[0]
            # "PRICE Kayleigh" is Kayleigh Price (every word one of hers); "Mark Rose" is not Rose Hill.
            theirs = forms_of.get(key) or {fold(w).lower() for w in key.removeprefix("n:").split()}
            if not same_first_name(words[0], first) and not all(fold(w).lower().strip(",") in theirs for w in words):
                key = None
        key = key or "n:" + name
        for w in words:
            if len(w.strip(".")) > 2:
                token_keys.setdefault(w, key)
    out = []
    last_seen: dict[str, int] = {}
    for c in chosen:
        if c.kind is Kind.PERSON:
            key = c.key
            if not key:
                words = re.sub(r"\s+", " ", text[c.start:c.end]).split()
                # "S. Floinn", "Ó Cathasaigh": an initial or a particle first; the name's own key, never none,
                # or every such person would share one label.
                key = (token_keys.get(words[0]) or lookup.get(" ".join(words).lower())
                       or next((token_keys[w] for w in words if w in token_keys), None) or "n:" + " ".join(words))
            elif "|" in key:  # a shared surname: the most recently mentioned of them
                options = key.split("|")
                key = max(options, key=lambda k: last_seen.get(k, -1))
            key = _relative(text, c, key, case)
            c = Candidate(c.start, c.end, c.kind, c.layer, c.priority, c.subtype, key, c.title,
                          c.role, c.gender, c.value)
            last_seen[key or ""] = c.start
        out.append(c)
    return out


def same_first_name(a: str, b: str) -> bool:
    """Whether two first names can be one person's: the same, one an initial, a short form of the other ("Dyl",
    "Dylan"; "Dave", "David"), or one letter apart ("Katarzyna", "Katarzina")."""
    a, b = fold(a).lower().strip(".'’"), fold(b).lower().strip(".'’")
    if not a or not b or a == b or len(a) == 1 or len(b) == 1:
        return True
    if len(min(a, b, key=len)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    short = {d.lower() for full, ds in DIMINUTIVES.items() if full.lower() in (a, b) for d in ds}
    if a in short or b in short:
        return True
    return len(a) >= 5 and len(b) >= 5 and _one_apart(a, b)


def _one_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


_TITLES = frozenset(TITLES) | frozenset(RANKS)
_TITLE_GENDER = {"mr": "m", "master": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _relative(text: str, c: Candidate, key: str | None, case: Case) -> str | None:
    """"His mother Mrs Doyle" is not Callum Doyle: a title of the other sex makes a new person."""
    record = case.record(key) if key else None
    if record is None or " " in text[c.start:c.end].strip() or not record.gender:
        return key
    title, _ = describe_prefix(text, c.start)
    gender = _TITLE_GENDER.get((title or "").lower().rstrip("."))
    if gender and gender != record.gender:
        return f"n:{title} {text[c.start:c.end]}"
    return key


def propagate(text: str, chosen: list[Candidate], case: Case, *, learn: bool,
              tokens: Tokens | None = None) -> list[Candidate]:
    """Find again, anywhere in the text, names first found by context (e.g. "Dean" after "brother")."""
    forms: dict[str, str] = {}
    for c in chosen:
        if c.kind is Kind.PERSON and c.layer in ("context", "gazetteer", "ner") and c.key:
            name = re.sub(r"\s+", " ", text[c.start:c.end])
            forms.setdefault(name, c.key)
            for w in name.split():
                if len(w) >= 3 and w.lower() not in NOT_NAMES and is_plausible_name(w):
                    forms.setdefault(w, c.key)
    if not forms:
        return chosen
    if learn:
        for form, key in forms.items():
            case.learn(form, key)
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.extend(forms.items(), exact=True)
    # A guess from a list or the default layer gives way to a name this text has shown to be a person.
    weak = [c for c in chosen if c.layer in ("gazetteer", "default") and re.sub(r"\s+", " ", text[c.start:c.end]) in forms]
    chosen = [c for c in chosen if c not in weak]
    occupied = _occupied(len(text), chosen)
    extra = []
    for start, end, key in matcher.find(text, tokens):
        # "Tyrell" was found after "boyfriend"; "Tyrell Simms" later brings the surname with it.
        surname = _SURNAME.match(text, end)
        if surname and " " not in text[start:end] and is_plausible_name(surname.group(1)) \
                and not _SURNAME_STOP.fullmatch(surname.group(1)):
            end = surname.end()
        if not any(occupied[start:end]):
            extra.append(Candidate(start, end, Kind.PERSON, "propagated", PRIORITY["propagated"], key=key))
            occupied[start:end] = b"\x01" * (end - start)
    extra += [c for c in weak if not any(occupied[c.start:c.end])]
    return sorted(chosen + extra, key=lambda c: c.start)


def merge_people(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"Sarah" + "Jones" found apart become one mention of one person."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (prev and prev.kind is Kind.PERSON and c.kind is Kind.PERSON
                and re.fullmatch(r"[ \t]", text[prev.end:c.start])
                and (prev.key == c.key or not (prev.key or "").startswith("p")
                     or not (c.key or "").startswith("p"))):
            key = prev.key if (prev.key or "").startswith("p") else c.key
            out[-1] = Candidate(prev.start, c.end, Kind.PERSON, prev.layer, prev.priority, key=key,
                                gender=prev.gender)
            continue
        out.append(c)
    return out


def merge_addresses(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"14 Cedar Road, Halifax, HX1 2AB" is one address, not an address, a town and a postcode."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (prev and prev.kind is Kind.PLACE and prev.subtype in ("street", "road")
                and (c.kind is Kind.POSTCODE or (c.kind is Kind.PLACE and c.subtype in ("town", "city")))
                and re.fullmatch(r",\s*", text[prev.end:c.start])):
            # "Anlaby Road, Hull, HU3 2JZ" reads as one street, not a street, a city and a postcode.
            out[-1] = Candidate(prev.start, c.end, Kind.PLACE, prev.layer, prev.priority, subtype=prev.subtype)
            continue
        joinable = (c.kind in _ADDRESS_PARTS and (c.kind is not Kind.PLACE or c.subtype in _ADDRESS_PLACE_SUBTYPES))
        if (prev and prev.kind is Kind.ADDRESS and joinable
                and re.fullmatch(r"\s*,?\s*", text[prev.end:c.start]) and c.start - prev.end <= 3):
            out[-1] = Candidate(prev.start, c.end, Kind.ADDRESS, prev.layer, prev.priority,
                                subtype="address")
            continue
        if prev and prev.kind is Kind.PLACE and c.kind is Kind.PLACE and re.fullmatch(r"[ \t]", text[prev.end:c.start]):
            # "J30 CARDIFF GATE": places side by side are one place ("a main road", not "a main road a city").
            out[-1] = Candidate(prev.start, c.end, Kind.PLACE, prev.layer, prev.priority, subtype=prev.subtype)
            continue
        if (prev and prev.kind is Kind.PERSON and c.kind is Kind.PLACE and c.layer != "pattern"
                and re.fullmatch(r"[ \t]", text[prev.end:c.start]) and " " not in text[c.start:c.end]
                and (text[c.start:c.end].lower() in SURNAME_LIST or text[prev.start:prev.end].lower() in FIRST_NAME_LIST
                     or (describe_prefix(text, prev.start)[0] or "").rstrip(".") in _TITLES)):
            # "Mrs Hyacinth Blackwood": a town's name straight after a person's name is their surname.
            out[-1] = Candidate(prev.start, c.end, Kind.PERSON, prev.layer, prev.priority, key=prev.key,
                                gender=prev.gender)
            continue
        out.append(c)
    return out
