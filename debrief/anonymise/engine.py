"""Runs the detection layers over a text, labels what they found and writes the anonymised text."""
from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Mapping, Sequence

from .context import describe_prefix, find_names, gender_of
from .dates import find_dates_times_ages
from .denylist import Case
from .entities import Candidate, Entity, Kind, Result
from .fold import fold
from .identifiers import find_more_structured
from .keep import keep_spans
from .labels import (PLACEHOLDERS, Labeller, age_replacement, date_replacement, fit_article,
                     fit_noun, place_replacement, time_replacement)
from .names_after import after_resolution
from .ner import ner_candidates, tagger_candidates
from .patterns import find_structured
from .phrases import tokenize
from .places import find_places
from .recall import (ages_after_names, drop_across_log_lines, drop_car_models, drop_in_prefixed_collars, drop_label_numbers,
                     find_recall, no_span_across_lines, rank_outside_collar, weekdays_with_dates,
                     whole_hyphenated_names, whole_words)
from .recall_lead import find_lead_recall
from .recall_lower import find_lower_case
from .recall_more import find_more_recall
from .recall_numbers import trim_years_that_are_times
from .struct10_after import struct10_after
from .recase import recase
from .relabel import no_dates_inside_numbers, places_found_as_people, surnames_found_as_places
from .resolve import after_dates, drop_kept, merge_addresses, merge_people, person_keys, propagate, resolve
from .unknown import extend_initials, find_unknown

_BRACKETED_RANK = re.compile(r"\s*\(\s*[A-Za-z/]+\.?\s*")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_AT_BEFORE = re.compile(r"\b[Aa]t\s+$")
_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|by|during|of|since|from|until|till|between|and|to|early|late|mid)[\s-]+$")
_PART_OF_DAY_OF = re.compile(r"\b(?:(?i:on|in|during)\s+)?(?i:the)\s+(?P<p>(?i:evening|night|morning|afternoon|"
                             r"early\s+hours|weekend|day))\s+(?i:of)\s+$")
_PART_OF_DAY_AT = re.compile(r"(?i:the\s+)?(?P<p>(?i:(?:early\s+)?hours|evening|night|morning|afternoon|weekend))\s+"
                             r"(?i:of)\s+")
_ON_BEFORE = re.compile(r"\b(?i:on|in|during|over)\s+$")
_PART_OF_DAY = {"evening": "one evening", "night": "one night", "morning": "one morning", "afternoon": "one afternoon",
                "early hours": "in the early hours of one day", "weekend": "one weekend", "day": "one day"}
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•\-–—]\s*|\(\s*)$")


_STREET_END = re.compile(r"\s(?i:road|rd|street|st|lane|avenue|ave|close|crescent|drive|terrace|grove|gardens|way|row|"
                         r"place|walk|mews|parade)\.?$")
_AREA_SUBTYPES = frozenset(("city", "town", "area", "region", "county", "", "gazetteer"))


def working_text(text: str, names: frozenset[str] = frozenset()) -> str:
    """What the layers read: accents folded and all-capital or all-lower lines re-cased (the words of the form's
    `names` as names), same offsets."""
    return recase(fold(text), names)


def detect(text: str, labeller: Labeller, *, learn: bool = True, written: str | None = None) -> list[Candidate]:
    """Every identifier in the text as resolved, non-overlapping candidates in text order.

    `text` is the working text (see `working_text`); offsets are the same as the source's. `written` is the text as
    written (same offsets), which the learned tagger reads: it learnt from capitals and lower case as people type them.
    """
    case = labeller.case
    tokens = tokenize(text)
    cands = [*case.find(text, tokens), *find_structured(text, tokens), *find_dates_times_ages(text),
             *find_places(text), *find_names(text, tokens), *ner_candidates(labeller.ner, text),

             *find_more_structured(text), *find_unknown(text, case.records, tokens), *find_recall(text),
             *find_more_recall(text), *find_lead_recall(text), *find_lower_case(text)]
    cands += tagger_candidates(text if written is None else written, cands)
    cands = drop_across_log_lines(text, drop_car_models(text, drop_label_numbers(text, cands)))
    cands = no_dates_inside_numbers(text, cands)
    cands = no_span_across_lines(text, trim_years_that_are_times(text, drop_in_prefixed_collars(text, cands)))
    keeps = keep_spans(text, tokens)
    cands = after_dates(text, drop_kept(cands, keeps, text))
    chosen = places_found_as_people(text, extend_initials(text, resolve(cands)))
    chosen = person_keys(text, chosen, case)
    # A name found again elsewhere never takes a kept term's word: Herbert Smith, but the "Herbert Protocol".
    chosen = drop_kept(propagate(text, chosen, case, learn=learn, tokens=tokens), keeps, text)
    chosen = drop_kept(after_resolution(text, chosen), keeps, text)
    # What propagation spread ("Mr Paisley ... born in Paisley"), and a surname read as a place ("Wells said").
    chosen = surnames_found_as_places(text, places_found_as_people(text, chosen))
    chosen = weekdays_with_dates(text, ages_after_names(text, merge_people(text, chosen)))
    chosen = struct10_after(text, whole_hyphenated_names(text, chosen))
    return rank_outside_collar(text, whole_words(text, no_span_across_lines(text, merge_addresses(text, chosen))))


def _collar_number(text: str, c: Candidate) -> str:
    return text[c.start:c.end].strip(" ()")


def _observe(text: str, chosen: list[Candidate], labeller: Labeller) -> None:
    """First pass: learn ranks, titles, genders and collar links before any label is written."""
    for i, c in enumerate(chosen):
        if c.kind is Kind.PERSON and c.key:
            title, role = describe_prefix(text, c.start)
            first = text[c.start:c.end].split()[0]
            labeller.observe(c.key, title=title, role=role, gender=gender_of(first))
        elif c.kind is Kind.COLLAR and c.subtype == "with-name" and i + 1 < len(chosen):
            nxt = chosen[i + 1]
            if nxt.kind is Kind.PERSON and nxt.key and nxt.start == c.end:
                labeller.collars.setdefault(_collar_number(text, c), nxt.key)
        elif c.kind is Kind.COLLAR and c.subtype == "rank" and i > 0:
            prev = chosen[i - 1]
            # "Sergeant Sandhu (PS 3306)": the number in brackets is Sandhu's.
            if prev.kind is Kind.PERSON and prev.key and _BRACKETED_RANK.fullmatch(text[prev.end:c.start]):
                labeller.collars.setdefault(_collar_number(text, c), prev.key)


def _replacement(text: str, c: Candidate, labeller: Labeller) -> tuple[int, str]:
    """(start, replacement) for one candidate; start moves back only to fix an article."""
    if c.kind is Kind.PERSON:
        title, role = describe_prefix(text, c.start)
        return c.start, labeller.replacement(c.key or "n:?", title=title, role=role)
    if c.kind is Kind.COLLAR:
        if c.subtype in ("with-name", "paren"):
            return c.start, ""
        title, _ = describe_prefix(text, c.start)
        if c.subtype == "rank" or title:
            number = _collar_number(text, c)
            key = labeller.collars.get(number) or f"collar:{number}"
            labeller.observe(key, title=title)
            return c.start, labeller.replacement(key, title=title, role=None)
        return c.start, PLACEHOLDERS[Kind.COLLAR]
    if c.kind is Kind.DATE:
        if c.subtype == "as-written":  # a year alone may be published: it generalises to itself
            return c.start, text[c.start:c.end]
        out = date_replacement(c.value, c.subtype)
        # "On the evening of 14 June 2024" -> "One evening in 2024", not "On the evening of 2024", whether the part of
        # the day is in the date's span or just before it.
        own = _PART_OF_DAY_AT.match(text, c.start)
        if own:
            said = _PART_OF_DAY[" ".join(own.group("p").lower().split()).replace("early hours", "hours")
                                .replace("hours", "early hours")]
            base = date_replacement(c.value, "day")
            pre = _ON_BEFORE.search(text, max(0, c.start - 8), c.start)
            return (pre.start() if pre else c.start), (f"{said} {base}" if base.startswith("in ")
                                                       else base.replace("one day", said, 1))
        part = _PART_OF_DAY_OF.search(text, max(0, c.start - 32), c.start)
        if part and out.startswith(("in ", "one day ")):
            said = _PART_OF_DAY[" ".join(part.group("p").lower().split())]
            return part.start(), f"{said} {out}" if out.startswith("in ") else out.replace("one day", said, 1)
        # "by 31.03.24" -> "by 2024", not "by in 2024"; elsewhere the year reads "in 2024" (a bare "2024" at a log
        # line's head reads as a clock time or a number).
        if out.startswith("in ") and _PREPOSITION_BEFORE.search(text, max(0, c.start - 10), c.start):
            return c.start, out[3:]
        return c.start, out
    if c.kind is Kind.TIME:
        out = time_replacement(c.value, c.subtype)
        # "the 0200 check" -> "the early-hours check", not "the the early hours check".
        if out.startswith("the ") and _THE_BEFORE.search(text, max(0, c.start - 4), c.start):
            return c.start, out[4:]
        # "In March 2024 at 22:15" -> "late in the evening", not "at late in the evening".
        at = _AT_BEFORE.search(text, max(0, c.start - 4), c.start)
        if at and out.startswith(("in the", "late in the")):
            return at.start(), out
        return c.start, out
    if c.kind is Kind.AGE:
        return c.start, age_replacement(c.value, c.subtype)
    if c.kind is Kind.REFERENCE and c.subtype == "operation":  # "Op Kestrel" -> "Op [reference]"
        return c.start, text[c.start:c.end].split()[0] + " " + PLACEHOLDERS[Kind.REFERENCE]
    if c.kind in (Kind.PLACE, Kind.ADDRESS):
        subtype = c.subtype
        if c.kind is Kind.PLACE and subtype in _AREA_SUBTYPES and _STREET_END.search(text, c.start, c.end):
            subtype = "street"  # "Tesco on Abbey Road" -> "on a street", not "on a town": the name says what it is
        return fit_article(text, c.start, fit_noun(text, c.end, place_replacement(c.kind, subtype)))
    if c.kind is Kind.FORCE:
        if c.subtype.startswith("premises:"):  # "NWAS", "Kent Fire & Rescue" -> "the ambulance service", "the fire service"
            return fit_article(text, c.start, "the " + c.subtype.split(":", 1)[1])
        return fit_article(text, c.start, PLACEHOLDERS[Kind.FORCE])
    return c.start, PLACEHOLDERS.get(c.kind, "[redacted]")


def _capitalise(text: str, start: int, original: str, replacement: str) -> str:
    # A replacement that opens a sentence opens with a capital, as the original did.
    if replacement[:1].islower() and original[:1].isupper() and _sentence_end_before(text, start):
        return replacement[0].upper() + replacement[1:]
    return replacement


def _sentence_end_before(text: str, start: int) -> bool:
    """`_SENTENCE_END.search(text[:start])` without copying and scanning the whole text before `start`: a match
    ends at `start` and is a punctuation mark or "(" and the white space after it, so the window from the
    character before that white space is enough ("^" matches only at the text's real start, as in the slice)."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return bool(_SENTENCE_END.search(text, max(0, j - 1), start))


def to_entities(text: str, chosen: list[Candidate], labeller: Labeller,
                source: str | None = None) -> list[Entity]:
    """Entities for the chosen candidates; `source` is the original text when `text` was re-cased."""
    source = text if source is None else source
    _observe(text, chosen, labeller)
    entities: list[Entity] = []
    for c in chosen:
        start, replacement = _replacement(text, c, labeller)
        start, replacement = agree_article(text, start, replacement)
        if entities and start < entities[-1].end:  # an article fix may not reach into the last entity
            start, replacement = _replacement(text, c, labeller)
            start = c.start
        end = c.end
        if c.kind is Kind.PERSON and text[end - 1:end] in "sS" and re.match(r"['’](?:\s|$)", text[end:end + 2]) \
                and not replacement.endswith("s"):
            end, replacement = end + 1, replacement + "'s"  # "Mrs Hargreaves' grandson" -> "Mrs A's"
        replacement = _capitalise(text, start, source[start:end], replacement)
        if c.kind in (Kind.TIME, Kind.DATE, Kind.DOB) and text[end - 1:end] == "." and _SENTENCE_AFTER.match(text, end) \
                and not replacement.endswith("."):
            replacement += "."  # "10 p.m. Then", "on 16 Nov. The": the last dot also ended the sentence
        prev = entities[-1] if entities else None
        if prev and c.kind is Kind.TIME and prev.label == Kind.TIME.value and _same_time(prev.replacement, replacement):
            # "about 8 in the evening (20.05)": the same time twice reads as once.
            bracket = _BRACKETED.match(text, prev.end)
            if bracket and bracket.end("t") == start and text[end:end + 1] == ")":
                entities.append(Entity(prev.end, end + 1, c.kind.value, "", source[prev.end:end + 1], c.layer))
                continue
        entities.append(Entity(start, end, c.kind.value, replacement, source[start:end], c.layer))
    return entities


_BRACKETED = re.compile(r"(?P<t>\s*\()")
_SENTENCE_AFTER = re.compile(r"\s*(?:$|\n|[A-Z])")
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(a|an|A|An)[ \t]+$")


def agree_article(text: str, start: int, replacement: str) -> tuple[int, str]:
    """"an Osman" -> "a Person A", "a Inspector Ives" -> "an Inspector A": the article before a replacement agrees
    with the replacement's first sound (a vowel letter, or a bracketed placeholder's first letter)."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
    first = replacement.lstrip("[")[:1].lower()
    if not m or not first.isalpha():
        return start, replacement
    want = "an" if first in "aeiou" else "a"
    if m.group(1).lower() == want:
        return start, replacement
    want = want.capitalize() if m.group(1)[0].isupper() else want
    return m.start(), f"{want}{text[m.end(1):start]}{replacement}"


def _same_time(a: str, b: str) -> bool:
    strip = re.compile(r"^(?:late\s+)?(?:in\s+)?(?:the\s+)?", re.IGNORECASE)
    return strip.sub("", a).lower() == strip.sub("", b).lower()


def apply(text: str, entities: Sequence[Entity]) -> str:
    """Splice replacements into the text; entities are sorted and do not overlap."""
    parts: list[str] = []
    pos = 0
    for e in entities:
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def anonymise(
    text: str,
    *,
    people: Sequence[str | Mapping[str, str]] = (),
    force: str | None = None,
    places: Sequence[str] = (),
    collar_numbers: Sequence[str] = (),
    labeller: Labeller | None = None,
) -> Result:
    """Replace every identifier in `text`; pass one `labeller` for all texts of a case."""
    if labeller is None:
        labeller = Labeller(Case(people, force, places, collar_numbers))
    else:
        _extend_case(labeller.case, people, force, places, collar_numbers)
    entities = _entities(text, labeller)
    return Result(text, apply(text, entities), tuple(entities))


def _entities(text: str, labeller: Labeller, *, learn: bool = True) -> list[Entity]:
    """The identifiers in `text` as entities, read without the characters that show nothing (offsets into `text`)."""
    seen, where = without_invisible(text)
    work = working_text(seen, labeller.case.name_words())
    entities = to_entities(work, detect(work, labeller, learn=learn, written=seen), labeller, seen)
    if where is None:
        return entities
    # Offsets back into the text as given; what hid inside a name goes with it.
    return [replace(e, start=where[e.start], end=where[e.end - 1] + 1, text=text[where[e.start]:where[e.end - 1] + 1])
            for e in entities]


# Characters that show nothing and may sit inside a word: format characters (soft hyphen, zero-width spaces and
# joiners, direction marks, byte-order marks) and control characters other than tab and line breaks. "Jo\u200bhn
# Smi\u00adth" and "Ba\x07ker Street" read as "John Smith" and "Baker Street".
_INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff\ufff9-\ufffb\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_invisible(text: str) -> tuple[str, list[int] | None]:
    """The text without invisible characters, and where each remaining character was (None: nothing removed)."""
    if text.isascii() and not _ASCII_INVISIBLE.search(text) or not _INVISIBLE.search(text):
        return text, None
    where = [i for i, ch in enumerate(text) if not _INVISIBLE.match(ch)]
    return "".join(text[i] for i in where), where


_ASCII_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _extend_case(case: Case, people: Sequence[str | Mapping[str, str]], force: str | None,
                 places: Sequence[str], collar_numbers: Sequence[str]) -> None:
    if people:
        case.add_people(people)
    if force and not case.force:
        case.force = force
        case._matcher = None
    if places or collar_numbers:
        case.places = [*case.places, *places]
        case.collar_numbers = [*case.collar_numbers, *collar_numbers]
        case._matcher = None


def find_identifiers(text: str, case: Case | Labeller) -> list[Entity]:
    """Identifiers left in a text (e.g. an edited case study), without changing the case's state."""
    base = case.case if isinstance(case, Labeller) else case
    probe = Labeller(Case(list(base.people), base.force, list(base.places), list(base.collar_numbers),
                          dict(base.learned)),
                     ner=case.ner if isinstance(case, Labeller) else None)
    found = _entities(text, probe, learn=False)
    # The anonymiser's own labels ("Person D", 'goes by "Person D"', "Mr B") are no one: they may stand.
    return [e for e in found if not (e.label == Kind.PERSON.value and (_is_label(e.text) or _titled_initial(text, e)))
            and not (e.label in (Kind.PERSON.value, Kind.PLACE.value) and _is_generalised(e.text))
            and not (e.label == Kind.PERSON.value and _article_of_a_place_word(text, e))
            and not (e.label in _AS_WRITTEN and e.replacement.lower() == e.text.lower())
            and not (e.label == Kind.PERSON.value and _operation_label(text, e))]


def _operation_label(text: str, e: Entity) -> bool:
    """"Op [reference]": the word the anonymiser keeps before an operation's replaced name is no one."""
    return e.text in ("Op", "OP", "Operation", "OPERATION") and text.startswith(" " + PLACEHOLDERS[Kind.REFERENCE], e.end)


# A date, time or age the anonymiser writes back as it was ("2019", "March", "twenties") may be published.
_AS_WRITTEN = frozenset({Kind.DATE.value, Kind.TIME.value, Kind.AGE.value})


_LABEL_WORDS = frozenset("Person Officer Mr Mrs Ms Mx Miss Dr PC DC PS DS Sgt Sergeant Inspector Insp Chief "
                         "Superintendent Constable Detective".split())
_LETTERS = re.compile(r"[A-Z]{1,2}")


# Words of the anonymiser's generalised replacements ("in their teens", "evening" at a log line's head), which a
# quoted-nickname or street rule may otherwise read as a name: "a boyfriend "in their teens"", "evening ROAD REOPENED".
_GENERALISED = frozenset("""in their his her teens twenties thirties forties fifties sixties seventies eighties nineties
early mid late teenage young older under the morning afternoon evening hours one day night that time around a an
road street""".split())


def _is_generalised(words: str) -> bool:
    parts = re.findall(r"[A-Za-z]+", words)
    return bool(parts) and any(p.islower() for p in parts) and all(p.lower() in _GENERALISED for p in parts) \
        and all(p.islower() for p in parts if p.lower() not in ("road", "street"))


# "Mrs C", and the labels written with a rank or as a person ("Insp D's team", "driver: Person A").
# "– A town custody suite –", "- A road -": the anonymiser's own place word, capitalised after a dash, is no initial.
_PLACE_WORD_AFTER = re.compile(r"\s+(?:town|city|road|street|place|venue|district|county|village|hospital|pub|shop|"
                               r"station|park|estate|area|region)\b")


def _article_of_a_place_word(text: str, e: Entity) -> bool:
    return e.text in ("A", "An") and bool(_PLACE_WORD_AFTER.match(text, e.end))


_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|PC|PCSO|DC|PS|DS|Sgt|Insp|Inspector|Sergeant|Constable|Person|Officer)"
                           r"\.?\s+$")


def _titled_initial(text: str, e: Entity) -> bool:
    """"Mrs C": a title and one letter is the anonymiser's own label (the anonymiser replaces a real one)."""
    return bool(re.fullmatch(r"[A-Z]\.?", e.text)) and bool(_TITLE_BEFORE.search(text, max(0, e.start - 14), e.start))


def _is_label(words: str) -> bool:
    # "an Person A": an article the agreement took in; '"THE Person C"': a nickname's article left before its label.
    words = re.sub(r"^(?:an?|An?|the|The|THE)\s+(?=\S+\s)", "", words)
    parts = re.findall(r"[A-Za-z]+", words.replace("'s", "").replace("’s", ""))
    return bool(parts) and all(p in _LABEL_WORDS or _LETTERS.fullmatch(p) for p in parts) \
        and any(p in _LABEL_WORDS for p in parts)
