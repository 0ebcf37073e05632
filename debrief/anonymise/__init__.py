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

# Every module-level pattern of the layers loaded above behind its literal gate (see gates.py).
import sys as _sys  # noqa: E402

from .gates import install as _install_gates  # noqa: E402

_install_gates(m for n, m in list(_sys.modules.items()) if n.startswith(__name__ + ".") and m is not None)
