"""RCA pages and operations: the reviewer's path from chronology to sign-off, and what is refused on the way."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from debrief.errors import ServiceError
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, RcaLink, RcaNode, RootCauseAnalysis, TimelineEntry
from debrief.rca import service
from debrief.rca.workdays import default_rca_due_date
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import get_page, post_form, sign_in
from tests.support.rca_factories import write_report


@pytest.fixture
def incident(people):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)],
                                occurred_at=datetime(2026, 3, 27, 22, 15))
    debrief.timeline = [
        TimelineEntry(at=time(22, 15), what="Call received about a man in crisis on the bridge", source="Control room", position=0),
        TimelineEntry(at=time(22, 40), what="First officer arrived alone", source="My recollection", position=1),
        TimelineEntry(at=time(0, 20), what="Man taken to hospital", source="My recollection", position=2),
    ]
    db.session.commit()
    return debrief.incident


@pytest.fixture
def lead(people):
    return people[("A", Role.REVIEWER)]


@pytest.fixture
def second(forces):
    return create_user(force=forces["A"], roles=[Role.REVIEWER], email="second@aaa.example", name="Second Reviewer")


def _ids(rca, kind):
    return [n for n in rca.nodes if n.kind == kind]


def test_start_builds_the_chronology_from_the_debriefs_with_a_60_working_day_due_date(client, incident, lead):
    sign_in(client, lead.email)
    page = post_form(client, f"/rca/start/{incident.id}", {"level": "concise", "terms_of_reference": "Review the response."})
    assert page.status == 302
    rca = db.session.scalar(select(RootCauseAnalysis))
    assert rca.lead_id == lead.id and rca.status == "draft"
    assert rca.due_on == default_rca_due_date(rca.started_on)
    assert [e.what for e in rca.chronology][:2] == ["Call received about a man in crisis on the bridge",
                                                    "First officer arrived alone"]
    # After midnight belongs to the next day, so it sorts last.
    assert rca.chronology[-1].at == datetime(2026, 3, 28, 0, 20)
    assert all("Hot debrief by" in e.source for e in rca.chronology)
    assert _ids(rca, "outcome")
    page = get_page(client, f"/rca/{rca.id}/chronology")
    assert "First officer arrived alone" in page.text()
    # A second start goes to the existing RCA rather than making another.
    assert client.get(f"/rca/start/{incident.id}").headers["Location"].endswith(f"/rca/{rca.id}")


def test_start_needs_a_level_and_terms_keeps_what_was_typed(client, incident, lead):
    sign_in(client, lead.email)
    page = post_form(client, f"/rca/start/{incident.id}", {"terms_of_reference": "Kept text"}, status=200)
    assert page.error_summary() == ["Select the level of investigation"]
    assert page.html.find("textarea", attrs={"name": "terms_of_reference"}).get_text() == "Kept text"
    assert db.session.scalar(select(func.count(RootCauseAnalysis.id))) == 0


def _rca(incident, lead):
    return service.start_rca(incident, actor=lead, level="concise", terms_of_reference="Review the response.")


def test_marking_a_problem_adds_it_to_the_graph_linked_to_the_outcome(client, incident, lead):
    rca = _rca(incident, lead)
    entry = rca.chronology[1]
    sign_in(client, lead.email)
    post_form(client, f"/rca/{rca.id}/chronology/{entry.id}/problem", {}, form_page=f"/rca/{rca.id}/chronology",
              status=302)
    db.session.expire_all()
    (problem,) = _ids(rca, "problem")
    assert problem.label == "First officer arrived alone"
    (outcome,) = _ids(rca, "outcome")
    assert [(link.cause_id, link.effect_id) for link in rca.links] == [(problem.id, outcome.id)]
    assert rca.chronology[1].is_problem


def test_factor_needs_category_and_evidence_and_keeps_input(client, incident, lead):
    rca = _rca(incident, lead)
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{problem.id}/contributors/new"
    page = post_form(client, url, {"label": "Only one unit free at night", "evidence_kind": "document"}, status=200)
    assert page.error_summary() == ["Select the category of the factor"]
    assert page.html.find("input", attrs={"name": "label"})["value"] == "Only one unit free at night"
    page = post_form(client, url, {"label": "Only one unit free at night", "category": "working_conditions",
                                   "evidence_kind": "document", "evidence_document": ""}, status=200)
    assert page.error_summary() == ["Enter the document that supports this factor"]
    post_form(client, url, {"label": "Only one unit free at night", "category": "working_conditions",
                            "evidence_kind": "document", "evidence_document": "Duty roster"}, status=302)
    db.session.expire_all()
    (factor,) = _ids(rca, "factor")
    assert factor.category == "working_conditions" and factor.evidence_document == "Duty roster"
    assert factor.evidenced


def test_a_link_that_would_make_a_loop_is_refused_naming_the_loop(client, incident, lead):
    rca = _rca(incident, lead)
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    a = service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew shortage", category="working_conditions")
    b = service.add_factor(rca, actor=lead, contributes_to=a, label="Recruitment freeze",
                           category="organisational_strategic")
    sign_in(client, lead.email)
    page = post_form(client, f"/rca/{rca.id}/links", {"cause": str(a.id), "effect": str(b.id)},
                     form_page=f"/rca/{rca.id}/graph", status=200)
    (message,) = page.error_summary()
    assert "Crew shortage" in message and "Recruitment freeze" in message
    assert db.session.scalar(select(func.count(RcaLink.id))) == 3


def test_five_whys_adds_a_chain_of_unevidenced_factors(client, incident, lead):
    rca = _rca(incident, lead)
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{problem.id}/whys"
    page = post_form(client, url, {"why_1": "", "why_2": "Nobody else free"}, status=200)
    assert page.error_summary()
    post_form(client, url, {"why_1": "No second unit was free", "category_1": "working_conditions",
                            "why_2": "Two units were at hospital", "category_2": "partner_agencies"}, status=302)
    db.session.expire_all()
    factors = _ids(rca, "factor")
    assert [f.label for f in factors] == ["No second unit was free", "Two units were at hospital"]
    assert not any(f.evidenced for f in factors)
    links = {(link.cause_id, link.effect_id) for link in rca.links}
    assert (factors[0].id, problem.id) in links and (factors[1].id, factors[0].id) in links


def _ready(rca, lead):
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="No second unit at night",
                                category="working_conditions", evidence_kind="timeline",
                                evidence_entry_id=rca.chronology[1].id)
    service.set_root_cause(rca, factor, actor=lead, confirmed=True)
    write_report(rca, lead, "Night cover left one unit for the whole district.")
    rec = service.save_recommendation(rca, actor=lead, recommendation=None, text="Review night cover",
                                      node_ids=[factor.id])
    service.save_action(rca, actor=lead, recommendation=rec, action=None, description="Audit the roster",
                        owner="Resourcing team", due_on=date(2020, 1, 1), measure="Two units on nights",
                        status="open", reason="", today=date(2019, 12, 1))
    return rec


def test_sign_off_needs_a_second_reviewer_and_then_it_is_read_only(client, incident, lead, second):
    rca = _rca(incident, lead)
    assert service.review_gaps(rca)
    _ready(rca, lead)
    assert service.review_gaps(rca) == []
    sign_in(client, lead.email)
    post_form(client, f"/rca/{rca.id}/send", {}, form_page=f"/rca/{rca.id}", status=302)
    db.session.expire_all()
    assert rca.status == "in_review"
    # The author cannot sign off their own: no form, and a forged post is refused.
    assert "Confirm decision" not in get_page(client, f"/rca/{rca.id}").text()
    assert post_form(client, f"/rca/{rca.id}/review", {"decision": "sign_off"},
                     form_page=f"/rca/{rca.id}").status == 403
    with pytest.raises(ServiceError):
        service.sign_off(rca, actor=lead)

    client.post("/sign-out", data={"csrf_token": get_page(client, f"/rca/{rca.id}").csrf_token()})
    sign_in(client, second.email)
    page = post_form(client, f"/rca/{rca.id}/review", {"decision": "return", "comment": ""},
                     form_page=f"/rca/{rca.id}", status=200)
    assert page.error_summary() == ["Enter what needs to change before it can be signed off"]
    post_form(client, f"/rca/{rca.id}/review", {"decision": "sign_off"}, form_page=f"/rca/{rca.id}", status=302)
    db.session.expire_all()
    assert rca.status == "signed_off" and rca.signed_off_by_id == second.id
    with pytest.raises(ServiceError, match="signed off"):
        service.save_report_sections(rca, actor=lead, texts={"executive_summary": "Changed"})
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.record_type == "rca")).all()
    assert {"rca.started", "rca.factor_added", "rca.sent_for_review", "rca.signed_off"} <= set(actions)


def test_returning_needs_a_comment_and_reopens_the_draft(incident, lead, second):
    rca = _rca(incident, lead)
    _ready(rca, lead)
    service.send_for_review(rca, actor=lead)
    with pytest.raises(ServiceError):
        service.return_for_changes(rca, actor=second, comment="  ")
    service.return_for_changes(rca, actor=second, comment="Say more about the roster")
    assert rca.status == "draft"
    assert rca.events[-1].comment == "Say more about the roster"


def test_due_date_change_needs_a_reason(incident, lead):
    rca = _rca(incident, lead)
    with pytest.raises(ServiceError, match="why the due date"):
        service.update_details(rca, actor=lead, level="concise", terms_of_reference="x", due_on=date(2030, 1, 1),
                               due_reason="")
    service.update_details(rca, actor=lead, level="comprehensive", terms_of_reference="x", due_on=date(2030, 1, 1),
                           due_reason="Waiting for the hospital's report")
    assert rca.due_on == date(2030, 1, 1) and "hospital" in rca.events[-1].comment


def test_overdue_actions_show_on_the_reviewers_home(client, incident, lead):
    rca = _rca(incident, lead)
    _ready(rca, lead)
    sign_in(client, lead.email)
    page = get_page(client, "/review/")
    assert "Your root-cause analyses (1)" in page.text()
    assert "Audit the roster" in page.text() and "Overdue" in page.text()


def test_drawings_download_and_escape_labels(client, incident, lead):
    rca = _rca(incident, lead)
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    service.add_factor(rca, actor=lead, contributes_to=problem, label='<script>alert("x")</script> & radio',
                       category="equipment_technology")
    sign_in(client, lead.email)
    svg = client.get(f"/rca/{rca.id}/graph.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    assert b"<script>" not in svg.data and b"&lt;script&gt;" in svg.data
    png = client.get(f"/rca/{rca.id}/graph.png")
    assert png.data[:8] == b"\x89PNG\r\n\x1a\n"
    dot = client.get(f"/rca/{rca.id}/fishbone.dot")
    assert dot.data.startswith(b"digraph")
    page = get_page(client, f"/rca/{rca.id}/graph")
    assert "<script>alert" not in page.response.get_data(as_text=True)
    assert "The graph as text" in page.text()


def test_just_culture_check_flags_blaming_wording(client, incident, lead):
    rca = _rca(incident, lead)
    sign_in(client, lead.email)
    page = post_form(client, f"/rca/{rca.id}/findings",
                     {"executive_summary": "The officer failed to call for backup. The radio had no signal."},
                     follow=True)
    assert "Just-culture check" in page.text()
    assert "failed to" in page.text()


def test_report_pdf_renders(client, incident, lead):
    rca = _rca(incident, lead)
    _ready(rca, lead)
    sign_in(client, lead.email)
    response = client.get(f"/rca/{rca.id}/report.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    import pypdfium2

    pdf = pypdfium2.PdfDocument(response.data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Review night cover" in text and "Audit the roster" in text


def test_other_force_reviewer_gets_404_on_writes(client, incident, lead, people):
    rca = _rca(incident, lead)
    sign_in(client, people[("B", Role.REVIEWER)].email)
    token = get_page(client, "/review/").csrf_token()
    response = client.post(f"/rca/{rca.id}/findings", data={"executive_summary": "x", "csrf_token": token})
    assert response.status_code == 404
    assert db.session.scalar(select(func.count(RcaNode.id))) == 1


def test_the_lead_opening_a_change_page_of_an_rca_in_review_is_told_why_not_refused(client, incident, lead, second):
    rca = _rca(incident, lead)
    _ready(rca, lead)
    service.send_for_review(rca, actor=lead)
    factor = next(n for n in rca.nodes if n.kind != "problem")
    sign_in(client, lead.email)
    for path in (f"/rca/{rca.id}/details", f"/rca/{rca.id}/items/{factor.id}"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith(f"/rca/{rca.id}"), path
        page = get_page(client, f"/rca/{rca.id}")
        assert "This RCA is in review, so nothing in it can be changed" in page.text(), path
    client.post("/sign-out", data={"csrf_token": get_page(client, f"/rca/{rca.id}").csrf_token()})
    sign_in(client, second.email)  # not the lead: still no right to change it at all
    assert client.get(f"/rca/{rca.id}/details").status_code == 403
