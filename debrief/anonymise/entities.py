"""Value types shared by the anonymiser's layers: entity kinds, candidates, entities, results."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The classes of identifier the anonymiser finds."""

    PERSON = "PERSON"
    PLACE = "PLACE"
    ADDRESS = "ADDRESS"
    POSTCODE = "POSTCODE"
    COLLAR = "COLLAR"
    FORCE = "FORCE"
    DATE = "DATE"
    TIME = "TIME"
    AGE = "AGE"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    VRM = "VRM"
    REFERENCE = "REFERENCE"
    NINO = "NINO"
    DOB = "DOB"
    HANDLE = "HANDLE"  # social-media handles and profile addresses
    W3W = "W3W"        # three-word location addresses


# The issue sets two recall targets: one for structured identifiers, one for names and places.
STRUCTURED: frozenset[Kind] = frozenset(
    {Kind.POSTCODE, Kind.COLLAR, Kind.DATE, Kind.TIME, Kind.AGE, Kind.PHONE, Kind.EMAIL,
     Kind.VRM, Kind.REFERENCE, Kind.NINO, Kind.DOB, Kind.HANDLE, Kind.W3W}
)
NAMES_AND_PLACES: frozenset[Kind] = frozenset({Kind.PERSON, Kind.PLACE, Kind.ADDRESS, Kind.FORCE})

# Layer priorities: on equal length the more trustworthy layer wins an overlap.
PRIORITY = {"deny": 50, "pattern": 40, "context": 30, "gazetteer": 20, "propagated": 25, "ner": 10,
            "default": 5}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span one layer believes is an identifier, before overlaps are resolved."""

    start: int
    end: int
    kind: Kind
    layer: str
    priority: int = 0
    subtype: str = ""          # e.g. "city", "street", "pub", "dob", "with-name"
    key: str | None = None     # identity of a person (deny-list key or normalised name)
    title: str | None = None   # rank or title written just before a name ("PC", "Mrs")
    role: str | None = None    # role word before a name ("brother", "call handler")
    gender: str | None = None  # "m" / "f" when the text or records say so
    value: str = ""            # parsed value for dates/times/ages (ISO-ish string)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Entity:
    """One replaced identifier: offsets into the input text, its class and what replaced it."""

    start: int
    end: int
    label: str
    replacement: str
    text: str = field(default="", compare=False)
    layer: str = field(default="", compare=False)

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "label": self.label,
                "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Result:
    """The anonymised text and the entities replaced in the source."""

    source: str
    text: str
    entities: tuple[Entity, ...]
