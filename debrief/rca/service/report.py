"""The structured report's sections."""
from __future__ import annotations

from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import RootCauseAnalysis, User
from debrief.models.rca import RcaReportSection
from debrief.rca import graph as rca_graph
from debrief.rca.justculture import findings_across
from debrief.rca.report_sections import MAX_SECTION_LENGTH, SECTION_HEADINGS, SECTION_KEYS, SECTIONS
from debrief.rca.service.common import audit_rca, require_draft


def report_texts(rca: RootCauseAnalysis) -> dict[str, str]:
    return {section.section: section.text for section in rca.sections}


def save_report_sections(rca: RootCauseAnalysis, *, actor: User, texts: dict[str, str]) -> list[str]:
    """Save the sections given (others untouched); returns the keys that changed."""
    require_draft(rca)
    unknown = set(texts) - set(SECTION_KEYS)
    if unknown:
        raise ServiceError(f"Unknown report section: {', '.join(sorted(unknown))}")
    current = {section.section: section for section in rca.sections}
    changed = []
    for key in SECTION_KEYS:
        if key not in texts:
            continue
        text = (texts[key] or "").strip()
        if len(text) > MAX_SECTION_LENGTH:
            raise ServiceError(f"{SECTION_HEADINGS[key]} must be {MAX_SECTION_LENGTH:,} characters or fewer", key)
        row = current.get(key)
        if row is None:
            if text:
                rca.sections.append(RcaReportSection(section=key, text=text))
                changed.append(key)
        elif row.text != text:
            row.text = text
            changed.append(key)
    audit_rca("rca.updated", rca, actor, fields=changed)
    db.session.commit()
    return changed


def people_names(rca: RootCauseAnalysis) -> list[str]:
    """Everyone the incident's records name: wording that blames one of them is what the check looks for."""
    people = {rca.incident.reporter.name, *(o.display_name for o in rca.incident.officers),
              *(d.author.name for d in rca.incident.debriefs)}
    return sorted(n for n in people if n)


def culture_findings(rca: RootCauseAnalysis, *, items_only: bool = False) -> list[dict[str, str]]:
    """Advisory just-culture findings across the report's sections and every item's wording."""
    texts = [] if items_only else [(section.heading, rca.section_text(section.key)) for section in SECTIONS]
    texts += [(f"{rca_graph.KIND_NAMES[n.kind]}: {n.label[:60]}", f"{n.label}. {n.description}") for n in rca.nodes]
    return findings_across(texts, names=people_names(rca))
