"""The case deny list: every name, collar number, force and place the incident's own records hold."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .entities import PRIORITY, Candidate, Kind
from .fold import fold
from .forces import force_aliases
from .gazetteer import FIRST_NAMES_F, FIRST_NAMES_M, place_subtype
from .keep import is_keep_word
from .name_use import is_ordinary_word, lower_case_name, reads_as_word, used_as_name
from .phrases import PhraseMatcher, Tokens
from .vocab import OTHER_ROLES, RANK_LABEL, RANK_RE, STAFF_ROLES, TITLE_RE, alternation

_PREFIX = re.compile(
    r"^\s*(?:(?P<title>" + TITLE_RE + r")\.?\s+|(?P<rank>" + RANK_RE + r")\.?\s+)?(?:(?P<collar>\d{2,7}[A-Z]{0,2})\s+)?"
)
_ROLE_PREFIX = re.compile(
    r"^\s*(?:" + alternation(list(STAFF_ROLES) + list(OTHER_ROLES)) + r")\s+(?=\S)", re.IGNORECASE
)
# Short forms people use for one another in debriefs; the record usually holds the full name.
DIMINUTIVES: dict[str, tuple[str, ...]] = {
    "David": ("Dave", "Davey"), "Michael": ("Mike", "Mick", "Mikey"), "Robert": ("Rob", "Bob", "Robbie"),
    "William": ("Will", "Bill", "Billy"), "Elizabeth": ("Liz", "Beth", "Lizzie"),
    "Katherine": ("Kate", "Kath", "Katie"), "Catherine": ("Kate", "Cath", "Cathy"),
    "Christopher": ("Chris",), "Thomas": ("Tom", "Tommy"), "James": ("Jim", "Jimmy", "Jamie"),
    "Daniel": ("Dan", "Danny"), "Matthew": ("Matt",), "Anthony": ("Tony", "Ant"),
    "Stephen": ("Steve",), "Steven": ("Steve",), "Samuel": ("Sam",), "Samantha": ("Sam",),
    "Alexander": ("Alex",), "Alexandra": ("Alex",), "Jonathan": ("Jon", "Jonny"),
    "Joseph": ("Joe",), "Nicholas": ("Nick",), "Richard": ("Rich", "Rick", "Richie"),
    "Andrew": ("Andy",), "Benjamin": ("Ben",), "Jennifer": ("Jen", "Jenny"),
    "Rebecca": ("Becky", "Becca"), "Victoria": ("Vicky", "Vic"), "Deborah": ("Debbie", "Deb"),
    "Margaret": ("Maggie", "Peggy"), "Patricia": ("Pat", "Trish"), "Susan": ("Sue",),
    "Edward": ("Ed", "Eddie", "Ted"), "Charles": ("Charlie",), "Abigail": ("Abi", "Abby"),
    "Jessica": ("Jess",), "Joshua": ("Josh",), "Mohammed": ("Mo",), "Muhammad": ("Mo",),
    "Gareth": ("Gaz",), "Gary": ("Gaz",), "Nathan": ("Nat",), "Kimberley": ("Kim",),
    "Zachary": ("Zak", "Zach"), "Philip": ("Phil",), "Timothy": ("Tim",), "Gregory": ("Greg",),
    "Jacqueline": ("Jackie",), "Christine": ("Chris",), "Nicola": ("Nicky",), "Amanda": ("Mandy",),
}


# Abbreviations a short form must never be: months and days ("Dec" is December before it is Declan).
_NOT_SHORT = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
                       "mis chr".split())


def _short_forms(first: str) -> set[str]:
    """How a first name is cut down in speech: "Dec" and "Deccy" for Declan, "Les" for Leslie, "Gwil" for Gwilym,
    "Bernie" for Bernadette, "Dawnie" for Dawn; never an ordinary word or a month's or day's abbreviation."""
    if not first.isalpha() or len(first) < 4:
        return set()
    vowels = "aeiouAEIOU"
    out: set[str] = set()
    if len(first) >= 5:
        for p in (first[:3], first[:4]):
            out.add(p)
            if p[-1] not in vowels:
                out.update((p + "ie", p + "y"))
        if first[2] not in vowels:
            out.update((first[:3] + first[2] + "y", first[:3] + first[2] + "ie"))  # "Deccy", "Deccie"
    elif first[-1] not in vowels + "y":
        out.update((first + "ie", first + "y"))  # "Dawnie"
    return {f for f in out if f.lower() not in _NOT_SHORT and not is_ordinary_word(f)}


@dataclass(frozen=True)
class PersonRecord:
    """One person known to the incident's records, parsed from "PC 1234 Sarah Jones" and the like."""

    key: str
    full: str
    tokens: tuple[str, ...]
    rank: str | None = None
    title: str | None = None
    gender: str | None = None
    collar: str | None = None

    @classmethod
    def parse(cls, raw: str | Mapping[str, str], key: str) -> PersonRecord:
        data = {"name": raw} if isinstance(raw, str) else dict(raw)
        text = str(data.get("name", "")).strip()
        if "," in text and len(text.split(",")) == 2:  # "Jones, Sarah"
            last, first = (p.strip() for p in text.split(","))
            text = f"{first} {last}"
        role = _ROLE_PREFIX.match(text)
        if role:  # "Call handler Bethany Shaw": the role is not part of the name
            text = text[role.end():]
        m = _PREFIX.match(text)
        title = data.get("title") or (m.group("title") if m else None)
        rank = data.get("rank") or (m.group("rank") if m else None)
        collar = data.get("collar") or data.get("collar_number") or (m.group("collar") if m else None)
        name = text[m.end():].strip() if m else text
        tokens = tuple(t for t in re.split(r"\s+", name) if t)
        gender = data.get("gender")
        if not gender and title:
            gender = "m" if title.lower().rstrip(".") in ("mr", "master") else (
                "f" if title.lower().rstrip(".") in ("mrs", "ms", "miss") else None)
        if not gender and tokens:
            gender = "m" if tokens[0] in FIRST_NAMES_M else ("f" if tokens[0] in FIRST_NAMES_F else None)
        if rank:
            rank = RANK_LABEL.get(rank.lower(), rank)
        return cls(key, name, tokens, rank, title, gender, collar)

    def forms(self) -> set[str]:
        """Every way the records let this person be written: full, first, last, parts, short forms."""
        out = {self.full} if self.full else set()
        for token in self.tokens:
            out.add(token)
            out.update(p for p in token.split("-") if len(p) > 1)
            out.update(DIMINUTIVES.get(token, ()))
        if len(self.tokens) > 2:  # first + last without the middle name
            out.add(f"{self.tokens[0]} {self.tokens[-1]}")
        if len(self.tokens) > 1:
            out.update(_short_forms(self.tokens[0]))
        return {f for f in out if len(f) > 1}


_KEPT_WORD_AS_NAME = re.compile(r"['’]s\b|,?[ \t]+(?:said|says|told|tells|asked|stated|states|replied|explained|shouted|"
                                r"admitted|denied|agreed|refused|rang|phoned)\b")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?i:the|a|an|his|her|their|my|our|its)[ \t]+$")
# "PC Gold", "Insp Silver": after a rank or a title (and a collar number) the kept word is the person's name.
_RANKED_BEFORE = re.compile(r"(?<![\w'’-])(?:" + TITLE_RE + "|" + RANK_RE + r")\.?[ \t]+(?:\d{2,7}[A-Z]{0,2}[ \t]+)?$")


@dataclass
class Case:
    """The records of one incident: people, force, places, collar numbers; builds the deny list."""

    people: Sequence[str | Mapping[str, str]] = ()
    force: str | None = None
    places: Sequence[str] = ()
    collar_numbers: Sequence[str] = ()
    learned: dict[str, str] = field(default_factory=dict)  # name form -> key, found by other layers
    _records: list[PersonRecord] = field(default_factory=list, init=False, repr=False)
    _matcher: PhraseMatcher[tuple[Kind, str, str]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._records = [PersonRecord.parse(p, f"p{i}") for i, p in enumerate(self.people)]

    @property
    def records(self) -> list[PersonRecord]:
        return self._records

    # Words a log line opens with as verbs, whoever is on the form: "WILL ATTEND", "MAY BE AT HOME".
    _AUXILIARIES = frozenset("will may can must shall might would could should did does do am is are was were be been "
                             "has have had".split())

    def name_words(self) -> frozenset[str]:
        """The lower-case, accent-folded words of the names on the form ("lee", "price"), read as names when a line
        in capitals or lower case is re-cased."""
        return frozenset(fold(t).lower() for r in self.records for t in r.tokens if len(t) > 1) - self._AUXILIARIES

    def add_people(self, people: Sequence[str | Mapping[str, str]]) -> None:
        known = {r.full for r in self._records}
        for p in people:
            record = PersonRecord.parse(p, f"p{len(self._records)}")
            if record.full not in known:
                self._records.append(record)
                known.add(record.full)
        self._matcher = None

    def learn(self, form: str, key: str) -> None:
        """Remember a name another layer found, so later texts of the case catch it from the list."""
        if form not in self.learned and len(form) > 1:
            self.learned[form] = key
            self._matcher = None

    def record(self, key: str) -> PersonRecord | None:
        return next((r for r in self._records if r.key == key), None)

    def _build(self) -> PhraseMatcher[tuple[Kind, str, str]]:
        lookup: dict[str, tuple[Kind, str, str]] = {}

        def add(form: str, kind: Kind, key: str, subtype: str = "") -> None:
            low = re.sub(r"\s+", " ", fold(form).replace("’", "'")).lower()
            if low in lookup and lookup[low][0] is Kind.PERSON and kind is Kind.PERSON:
                old = lookup[low]
                if key not in old[1].split("|"):  # a surname shared by two people: resolved by recency
                    lookup[low] = (Kind.PERSON, old[1] + "|" + key, subtype)
                return
            lookup.setdefault(low, (kind, key, subtype))

        for r in self._records:
            for form in r.forms():
                add(form, Kind.PERSON, r.key)
            if r.collar:
                add(r.collar, Kind.COLLAR, r.key, "known")
        for form, key in self.learned.items():
            add(form, Kind.PERSON, key)
        for collar in self.collar_numbers:
            for num in re.findall(r"\d{2,7}[A-Z]{0,2}", collar):
                add(num, Kind.COLLAR, "", "known")
        if self.force:
            for alias in force_aliases(self.force):
                add(alias, Kind.FORCE, "")
        for place in self.places:
            place = place.strip()
            if place:
                kind = Kind.ADDRESS if re.match(r"\d", place) else Kind.PLACE
                add(place, kind, "", place_subtype(place) or _guess_subtype(place))
        matcher: PhraseMatcher[tuple[Kind, str, str]] = PhraseMatcher()
        matcher.extend(lookup.items())
        return matcher

    def find(self, text: str, tokens: Tokens | None = None) -> list[Candidate]:
        """Every occurrence in the text of anything on the case's deny list."""
        if self._matcher is None:
            self._matcher = self._build()
        out: list[Candidate] = []
        hits = list(self._matcher.find(text, tokens))
        # People whose full name this text writes: their surname alone opening a sentence is them ("Grant went").
        # So are people this text names once where only a name fits ("says Lee has not eaten"): "Lee to hospital" is
        # them too.
        named = {k for start, end, (kind, key, _) in hits if kind is Kind.PERSON and key and (
                 " " in text[start:end] or text[start].isupper() and used_as_name(text, start, end))
                 for k in key.split("|")}
        for start, end, (kind, key, subtype) in hits:
            # A name on the form typed in lower case is still that person: a whole name ("grace hope"), or one
            # part that is no ordinary word ("siobhan"), or one that is, before a verb of saying ("precious said").
            # Other single lower-case words ("will", "brown", "ed") are words, not the person of that name; a name
            # that is also an ordinary word ("Add", "Will") is the word where it is not used as a name (name_use.py).
            if kind is Kind.PERSON and text[start:end].islower() and not lower_case_name(text, start, end):
                continue
            # "Taser Jones" on the form: "the Taser was drawn" is the weapon; the kept word alone is the person
            # only where the person acts ("Taser said", "Storm's bag").
            if kind is Kind.PERSON and " " not in text[start:end] and is_keep_word(text[start:end]) \
                    and not (_KEPT_WORD_AS_NAME.match(text, end)
                             and not _ARTICLE_BEFORE.search(text, max(0, start - 8), start)) \
                    and not _RANKED_BEFORE.search(text, max(0, start - 40), start):
                continue
            if kind in (Kind.PERSON, Kind.PLACE) and is_ordinary_word(text[start:end]) \
                    and not (text[start:end].islower() and kind is Kind.PERSON) \
                    and not used_as_name(text, start, end) \
                    and not (text[start].isupper() and key and set(key.split("|")) & named
                             and not reads_as_word(text, end)):
                continue
            out.append(Candidate(start, end, kind, "deny", PRIORITY["deny"], subtype=subtype,
                                 key=key or None))
        return out


def _guess_subtype(place: str) -> str:
    """"Mill Lane, Ashford" reads as a street: the first part that names a kind of place decides."""
    for part in place.split(","):
        kind = _part_subtype(part)
        if kind != "town":
            return kind
    return "town"


def _part_subtype(place: str) -> str:
    last = place.split()[-1].lower() if place.split() else ""
    if last in ("road", "rd"):
        return "road"
    if last in ("street", "lane", "avenue", "close", "drive", "way", "crescent", "terrace", "grove"):
        return "street"
    if last in ("arms", "inn", "tavern"):
        return "pub"
    if last in ("hospital", "infirmary"):
        return "hospital"
    return "town"
