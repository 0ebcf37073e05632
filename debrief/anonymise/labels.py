"""Consistent labels within a case ("Officer A", "Mr B", "Sergeant D") and generalised replacements."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import is_staff_role, rank_label, relation_gender
from .denylist import Case
from .entities import Kind
from .ner import NerHook

PLACEHOLDERS: dict[Kind, str] = {
    Kind.POSTCODE: "[postcode]", Kind.PHONE: "[phone number]", Kind.EMAIL: "[email address]",
    Kind.VRM: "[registration]", Kind.REFERENCE: "[reference]", Kind.NINO: "[NI number]",
    Kind.DOB: "[date of birth]", Kind.COLLAR: "[number]", Kind.FORCE: "the force",
    Kind.HANDLE: "[online account]", Kind.W3W: "[location]",
}
PLACE_WORDS: dict[str, str] = {
    "city": "a city", "town": "a town", "county": "the county", "road": "a road",
    "street": "a street", "park": "a park", "estate": "an estate", "pub": "a pub",
    "hospital": "a hospital", "school": "a school", "station": "a station",
    "police station": "a police station", "club": "a club", "hotel": "a hotel", "centre": "a centre",
    "church": "a place of worship", "mosque": "a place of worship", "prison": "a prison",
    "bridge": "a bridge", "venue": "a venue", "building": "a building", "shop": "a shop",
    "main-road": "a main road", "address": "an address", "flat": "a flat", "river": "a river",
    "area": "a local", "business": "a business", "court": "a court", "region": "a region",
}
_MONTH_NAMES = ("January February March April May June July August September October November "
                "December").split()
_DECADES = {2: "twenties", 3: "thirties", 4: "forties", 5: "fifties", 6: "sixties", 7: "seventies",
            8: "eighties", 9: "nineties"}
_DECADE_SOMETHING = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy",
                     8: "eighty", 9: "ninety"}
_MALE_NOUNS = {"man", "boy", "male", "lad", "father", "son"}
_FEMALE_NOUNS = {"woman", "girl", "female", "mother", "daughter"}


def letter(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: labels never run out in a large case."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@dataclass
class PersonLabel:
    """What the case knows about one labelled person."""

    letter: str
    rank: str | None = None
    title: str | None = None
    gender: str | None = None
    officer: bool = False

    @property
    def prefix(self) -> str:
        if self.rank:
            return self.rank
        if self.officer:
            return "Officer"
        if self.title:
            return self.title
        return {"m": "Mr", "f": "Ms"}.get(self.gender or "", "Person")

    @property
    def label(self) -> str:
        return f"{self.prefix} {self.letter}"


@dataclass
class Labeller:
    """A case's labelling state; reuse one for every text of the case so labels stay consistent."""

    case: Case = field(default_factory=Case)
    ner: NerHook | None = None
    people: dict[str, PersonLabel] = field(default_factory=dict)
    collars: dict[str, str] = field(default_factory=dict)  # collar number -> person key

    def __post_init__(self) -> None:
        for record in self.case.records:
            if record.collar:
                self.collars.setdefault(record.collar, record.key)

    def person(self, key: str) -> PersonLabel:
        if key not in self.people:
            record = self.case.record(key)
            label = PersonLabel(letter(len(self.people)))
            if record:
                label.rank, label.gender = record.rank, record.gender
                label.officer = bool(record.rank or record.collar)
                if record.title and not record.rank:
                    label.title = record.title.rstrip(".")
            self.people[key] = label
        return self.people[key]

    def observe(self, key: str, *, title: str | None = None, role: str | None = None,
                gender: str | None = None) -> PersonLabel:
        """Learn rank, title or gender from how a mention is written; the first fact sticks."""
        label = self.person(key)
        rank = rank_label(title)
        if rank and not label.rank:
            label.rank, label.officer = rank, True
        elif title and title != "plural" and not rank and not label.title and not label.officer:
            label.title = "Ms" if title.lower().startswith("ms") else title.rstrip(".")
            if title.lower().rstrip(".") in ("mr", "master"):
                label.gender = label.gender or "m"
            elif title.lower().rstrip(".") in ("mrs", "ms", "miss"):
                label.gender = label.gender or "f"
        if title == "plural":
            label.officer = True
        label.gender = label.gender or relation_gender(role) or gender
        return label

    def replacement(self, key: str, *, title: str | None, role: str | None) -> str:
        """Just the letter after a kept title or staff role ("PC A"), else the full label."""
        label = self.person(key)
        if title or is_staff_role(role):
            return label.letter
        return label.label


def date_replacement(value: str, subtype: str) -> str:
    """A date generalised to its year ("in 2024"), or to "one day/evening in March" when it has no year.

    The year alone is the finest a published date gives: the publication gate refuses a month or season with its
    year ("March 2024"), so the anonymiser never writes one.
    """
    year, month, _day = (value.split("-") + ["", "", ""])[:3]
    part = "evening" if subtype.endswith("evening") else "day"
    month_name = _MONTH_NAMES[int(month) - 1] if month else ""
    if year:
        return f"one evening in {year}" if part == "evening" else f"in {year}"
    if month and subtype == "month":  # "in early March" -> "in March": a month without a year may be published
        return month_name
    if month:
        return f"one {part} in {month_name}"
    return f"one {part}"


def time_replacement(value: str, subtype: str) -> str:
    """A clock time as a part of the day ("late in the evening"), or "around that time"."""
    at = subtype.startswith("at-")
    if subtype.endswith("unknown"):
        return "around that time" if at else "that time"
    hour = int(value)
    if hour < 5:
        return "in the early hours" if at else "the early hours"
    if hour < 12:
        return "in the morning" if at else "morning"
    if hour < 17:
        return "in the afternoon" if at else "afternoon"
    if hour < 21:
        return "in the evening" if at else "evening"
    return "late in the evening" if at else "late evening"


def age_replacement(value: str, subtype: str) -> str:
    """An exact age as a band: "in their thirties", "a man in his thirties", "a teenage boy"."""
    n = int(value)
    decade = n // 10
    if subtype.startswith("year-old:"):
        _, art, noun = subtype.split(":", 2)
        head = noun.split()[-1] if noun else ""  # "Black British man": the pronoun follows the noun, not its words
        pron = "his" if head in _MALE_NOUNS else "her" if head in _FEMALE_NOUNS else "their"
        if n < 13:
            phrase = f"young {noun or 'child'}"
        elif n < 18:
            phrase = f"teenage {noun or 'person'}"
        elif n < 20:
            phrase = f"{noun or 'person'} in {pron} teens"
        elif decade in _DECADES:
            phrase = f"{noun or 'person'} in {pron} {_DECADES[decade]}"
        else:
            phrase = f"older {noun or 'person'}"
        if art.lower() == "the":
            out = f"the {phrase}"
        else:
            out = ("an " if phrase[0].lower() in "aeiou" else "a ") + phrase
        return out[0].upper() + out[1:] if art[0].isupper() else out
    if subtype == "band":  # "in her 20s" -> "in her twenties", "15-16" -> "teenage", "boy 9" -> "boy under 13"
        return "under 13" if n < 13 else "teenage" if n < 20 else _DECADES.get(decade, "older")
    if subtype == "bare":
        if n < 13:
            return "young"
        if n < 20:
            return "teenage"
        return f"{_DECADE_SOMETHING.get(decade, 'older')}-something" if decade in _DECADE_SOMETHING else "older"
    if n < 13:
        return "aged under 13" if subtype in ("aged", "years") else "under 13"
    if n < 20:
        return "in their teens"
    return f"in their {_DECADES[decade]}" if decade in _DECADES else "in later life"


def place_replacement(kind: Kind, subtype: str) -> str:
    if subtype.startswith("premises:"):  # "the Golden Dragon takeaway" -> "the takeaway"
        noun = subtype.split(":", 1)[1]
        return ("an " if noun[:1] in "aeiou" else "a ") + noun
    if kind is Kind.ADDRESS:
        return PLACE_WORDS.get(subtype, "an address") if subtype == "flat" else "an address"
    return PLACE_WORDS.get(subtype, "a place")


def fit_noun(text: str, end: int, replacement: str) -> str:
    """"Reading town centre" -> "a town centre", not "a town town centre"."""
    words = replacement.split()
    if len(words) == 2 and re.match(r"\s+" + re.escape(words[1]) + r"\b", text[end:end + 20], re.IGNORECASE):
        return words[0]
    return replacement


def fit_article(text: str, start: int, replacement: str) -> tuple[int, str]:
    """Make a replacement agree with an article already before it: "the Red Lion" -> "the pub"."""
    m = re.search(r"\b(the|The|a|A|an|An)\s+$", text[max(0, start - 6):start])
    rm = re.match(r"(the|a|an)\s+", replacement)
    if not m or not rm:
        return start, replacement
    bare = replacement[rm.end():]
    if m.group(1).lower() == "the":
        return start, bare
    # "an Essex Police officer" -> "a force officer": swallow the old article and write the right one.
    new_start = start - (len(text[max(0, start - 6):start]) - m.start())
    art = "an" if bare[:1].lower() in "aeiou" else "a"
    art = art.capitalize() if m.group(1)[0].isupper() else art
    return new_start, f"{art} {bare}"
