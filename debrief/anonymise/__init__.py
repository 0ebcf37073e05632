"""Pure anonymisation of policing narratives: detection in layers, consistent labels, re-identification checks."""
from .batch import anonymise_lines, anonymise_record, run
from .denylist import Case, PersonRecord
from .engine import anonymise, detect, find_identifiers
from .entities import NAMES_AND_PLACES, STRUCTURED, Entity, Kind, Result
from .keep import KEEP_TERMS, keep_spans
from .labels import Labeller
from .ner import NerHook
from .reident import Flag, IncidentProfile, Involved, Severity, check, check_text

__all__ = [
    "Case", "Entity", "Flag", "IncidentProfile", "Involved", "KEEP_TERMS", "Kind", "Labeller",
    "NAMES_AND_PLACES", "NerHook", "PersonRecord", "Result", "STRUCTURED", "Severity", "anonymise",
    "anonymise_lines", "anonymise_record", "check", "check_text", "detect", "find_identifiers",
    "keep_spans", "run",
]
