"""The development sets are anonymised once per test run: the figures tests and the publication-gate tests read the same
passages, and anonymising a set takes a second or two. The anonymiser is a pure function of a record's text, people,
force, places and collar numbers, so a result can be shared; tests only read it."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from debrief.anonymise import Result
from debrief.anonymise.evaluate import default_anonymiser

_RESULTS: dict[tuple, Result] = {}


def _key(record: Mapping[str, Any]) -> tuple:
    return (record["text"], tuple(record.get("people", ())), record.get("force"), tuple(record.get("places", ())),
            tuple(record.get("collar_numbers", ())))


def anonymised(record: Mapping[str, Any]) -> Result:
    """default_anonymiser(record), computed once per distinct record in this process."""
    key = _key(record)
    if key not in _RESULTS:
        _RESULTS[key] = default_anonymiser(record)
    return _RESULTS[key]
