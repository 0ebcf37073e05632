"""The lead's overview says what is missing before review from counts (the report's texts are not loaded for it),
and says the same as the check made when it is sent (service.review_gaps on the RCA itself)."""
from __future__ import annotations

from datetime import datetime

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.rca import service
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, sign_in


def _gaps(client, rca) -> str:
    box = next(inset for inset in get_page(client, f"/rca/{rca.id}").html.select(".govuk-inset-text")
               if "Before it can be sent for review" in inset.get_text())
    # Each gap is a link to its page (get_text(" ") puts a space before the punctuation after a link).
    return " ".join(box.get_text(" ").split()).replace(" ;", ";").replace(" .", ".")


def test_the_overview_lists_the_report_sections_still_to_write(client, people):
    lead = people[("A", Role.REVIEWER)]
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review it.")
    sign_in(client, lead.email)
    every = ("write the report's executive summary, description of the incident and its consequences, how the people "
             "affected were involved and supported, lessons learned, arrangements for sharing learning")
    assert every in _gaps(client, rca)
    service.save_report_sections(rca, actor=lead, texts={"executive_summary": "What happened.",
                                                         "lessons": "Night cover.", "root_causes": "Optional."})
    shown = _gaps(client, rca)
    assert ("write the report's description of the incident and its consequences, how the people affected were "
            "involved and supported, arrangements for sharing learning;") in shown
    db.session.expire_all()
    assert next(gap for gap in service.review_gaps(rca) if gap.startswith("write the report's")) in shown
    service.save_report_sections(rca, actor=lead, texts={"lessons": ""})  # cleared again
    assert "lessons learned" in _gaps(client, rca)
    service.save_report_sections(rca, actor=lead, texts={
        "incident_and_consequences": "It.", "involvement_and_support": "Them.", "lessons": "Night cover.",
        "sharing_learning": "Briefings."})
    assert "write the report's" not in _gaps(client, rca)
