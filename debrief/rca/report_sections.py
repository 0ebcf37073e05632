"""The structured RCA report the NHS method expects: its sections in order, and which must be written."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    heading: str
    hint: str
    required: bool = False
    # What the report shows beside the written text, built from the analysis (see _report_body.html).
    shows: str | None = None


SECTIONS: tuple[Section, ...] = (
    Section("executive_summary", "Executive summary",
            "What happened, what the review found and what will change, in a few paragraphs", required=True),
    Section("incident_and_consequences", "Description of the incident and its consequences",
            "What happened and what it led to: harm to the person, to officers, to confidence", required=True),
    Section("involvement_and_support", "How the people affected were involved and supported",
            "The subject, their family and the officers: how they were told, heard and supported", required=True),
    Section("service_delivery_problems", "Service delivery problems",
            "What went wrong, or nearly did, in the care or service given", shows="problems"),
    Section("contributory_factors", "Contributory factors",
            "The conditions that made the problems more likely, by category", shows="factors"),
    Section("root_causes", "Root causes", "The fundamental causes that, if removed, would stop a recurrence",
            shows="root_causes"),
    Section("incidental_findings", "Incidental findings",
            "Things found along the way that did not contribute to this incident but should be acted on"),
    Section("notable_practice", "Notable practice", "What went well and should be shared",
            shows="notable_practice"),
    Section("lessons", "Lessons learned", "What others can learn from this incident", required=True),
    Section("recommendations", "Recommendations", "How the recommendations fit together", shows="recommendations"),
    Section("sharing_learning", "Arrangements for sharing learning",
            "Who will be told, how, and by when: teams, the force, partners, the learning team", required=True),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)
SECTION_HEADINGS = {s.key: s.heading for s in SECTIONS}
MAX_SECTION_LENGTH = 10000


def missing_sections(texts: dict[str, str]) -> list[str]:
    """The headings of the required sections not yet written, in report order."""
    return [s.heading for s in SECTIONS if s.required and not (texts.get(s.key) or "").strip()]


def changed_sections(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The headings of the sections whose text differs between two versions of the report."""
    return [s.heading for s in SECTIONS if (before.get(s.key) or "").strip() != (after.get(s.key) or "").strip()]
