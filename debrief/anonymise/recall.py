"""Recall rules learnt from passages written by others (development sets 4 and 5): classes of identifier the
other layers let through, each found by its shape or its cue, never by a word of a development set."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind

_BASE = PRIORITY["pattern"]

# "log 0087 of 22/06/2023", "412 OF 08/03/2024", "4471 of 04/02": a control-room log is numbered within its day,
# so the number and its date together are the reference (the date alone would leave the number).
_LOG_OF_DATE = re.compile(r"(?<![\w/.:-])\d{1,6}\s+(?i:of)\s+\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?(?![\w/])")
# "IR 24/77312", "CCN 2023/041187", "sort code 20-45-77", "IMEI 35-209900-176148-1": a number after the word that
# says it is a reference, whatever its separators.
_CUED_REFERENCE = re.compile(
    r"\b(?:(?i:ref(?:erence)?|crime\s+(?:no|number|ref)|incident(?:\s+no)?|occurrence|sort\s+code|imei|"
    r"account(?:\s+no)?|acc(?:\s+no)?|serial(?:\s+no)?)|IR|CCN|URN|CRN|CAD|NFRC|OEL)"
    r"\.?(?:\s+(?i:no\.?|number|#))?\s*[:#-]?\s*"
    r"(?P<r>(?:[A-Z]{1,6}[\s-]?)?\d[\d/.-]*\d(?:[-/][A-Z0-9]+)*)(?![\w/])"
)


def _cand(start: int, end: int, kind: Kind, subtype: str = "", bump: int = 0) -> Candidate:
    return Candidate(start, end, kind, "pattern", _BASE + bump, subtype=subtype)


def _references(text: str) -> Iterator[Candidate]:
    if " of " in text or " OF " in text or " Of " in text:
        for m in _LOG_OF_DATE.finditer(text):
            yield _cand(*m.span(), Kind.REFERENCE, "log", 3)
    for m in _CUED_REFERENCE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group("r"))
        if digits >= 4 and not re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", m.group("r")):
            yield _cand(*m.span("r"), Kind.REFERENCE, "cued", 3)


# "Person 1", "(Subject 2)", "Officer A": a draft's own anonymised labels are no one and no age.
_LABEL_NUMBER = re.compile(r"\b(?:Person|Subject|Officer|Witness|Individual|Participant|Child|Resident|Member)\s+\d{1,2}\b"
                           r"(?!\s*(?i:years|yrs|y/?o|year-old)\b)")


def drop_label_numbers(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Candidates without the age a draft's label ("Person 1") would otherwise be read as."""
    if not any(w in text for w in ("Person", "Subject", "Officer", "Witness", "Individual", "Participant", "Child",
                                   "Resident", "Member")):
        return cands
    labels = [m.span() for m in _LABEL_NUMBER.finditer(text)]
    if not labels:
        return cands
    return [c for c in cands if not (c.kind is Kind.AGE and any(s <= c.start and c.end <= e for s, e in labels))]


def find_recall(text: str) -> list[Candidate]:
    """Candidates of the classes learnt from unseen passages."""
    return [*_references(text)]
