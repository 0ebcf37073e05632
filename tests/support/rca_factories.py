"""Bringing a test RCA's structured report and team declarations to the point where it can be sent for review."""
from __future__ import annotations

from debrief.rca import service
from debrief.rca.service import team

REQUIRED_TEXTS = {
    "incident_and_consequences": "A man in crisis on a bridge; one officer arrived alone and restrained him.",
    "involvement_and_support": "The man and his family were told the review had started and asked what it should answer.",
    "lessons": "Night cover decides how fast a second unit can arrive.",
    "sharing_learning": "The report goes to the district command team and the learning team.",
}


def write_report(rca, lead, summary: str) -> None:
    """The executive summary plus the other required sections, and the lead's declaration of interests."""
    service.save_report_sections(rca, actor=lead, texts={"executive_summary": summary, **REQUIRED_TEXTS})
    if team.member(rca, lead) is not None and team.member(rca, lead).declared_at is None:
        team.declare_interests(rca, actor=lead, has_conflict=False, detail="")
