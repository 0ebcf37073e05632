"""The rules an NHS-grade RCA keeps: editing the outcome, a chronology in date order, independence of the team,
evidence for root causes, recommendations that can be judged, and a sign-off that can send work back."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from debrief.errors import ServiceError
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import IncidentOfficer, RcaNode, Recommendation, TimelineEntry
from debrief.rca import service
from debrief.rca.service import team
from tests.support.factories import create_user, submitted_debrief
from tests.support.markup import watch
from tests.support.pages import get_page, post_form, sign_in
from tests.support.rca_factories import write_report


@pytest.fixture
def incident(people):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    debrief.timeline = [
        TimelineEntry(at=time(22, 15), what="Call received about a man in crisis on the bridge", source="Control room",
                      position=0),
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


@pytest.fixture
def rca(incident, lead):
    return service.start_rca(incident, actor=lead, level="concise", terms_of_reference="Review the response.")


def _ready(rca, lead, *, strength="strong"):
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="No second unit at night",
                                category="working_conditions", evidence_kind="timeline",
                                evidence_entry_id=rca.chronology[1].id)
    service.set_root_cause(rca, factor, actor=lead, confirmed=True)
    write_report(rca, lead, "Night cover left one unit for the whole district.")
    rec = service.save_recommendation(rca, actor=lead, recommendation=None, text="Review night cover",
                                      node_ids=[factor.id], strength=strength)
    service.save_action(rca, actor=lead, recommendation=rec, action=None, description="Audit the roster",
                        owner="Resourcing team", due_on=date(2099, 1, 1), measure="Two units on nights",
                        status="open", reason="")
    return rec


# --- Fix what the walk found ----------------------------------------------------------------------------

def test_the_outcome_and_a_problem_are_edited_like_any_item(client, rca, lead):
    outcome = next(n for n in rca.nodes if n.kind == "outcome")
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    sign_in(client, lead.email)
    for node, words in ((outcome, "The man was injured during restraint"), (problem, "One officer alone at night")):
        url = f"/rca/{rca.id}/items/{node.id}"
        assert "Category" not in get_page(client, url).text()
        page = post_form(client, url, {"label": words, "description": "More detail"}, status=302)
        assert page.error_summary() == []
    db.session.expire_all()
    assert (outcome.label, problem.label) == ("The man was injured during restraint", "One officer alone at night")
    page = post_form(client, f"/rca/{rca.id}/items/{outcome.id}", {"label": ""}, status=200)
    assert page.error_summary() == ["Enter a short description"]


def test_chronology_sorts_by_date_and_time_and_moves_only_ties(client, rca, lead):
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/chronology/new"
    post_form(client, url, {"on_date": ["27", "3", "2026"], "at_time": "22:30",
                            "what": "Second call from the public", "source_kind": "call_recording",
                            "source": "Call 411", "marking": "none"}, status=302)
    post_form(client, url, {"on_date": ["27", "3", "2026"], "at_time": "22:30",
                            "what": "CCTV shows the man on the rail", "source_kind": "cctv", "marking":
                            "notable_practice"}, status=302)
    db.session.expire_all()
    whats = [e.what for e in rca.chronology]
    assert whats == ["Call received about a man in crisis on the bridge", "Second call from the public",
                     "CCTV shows the man on the rail", "First officer arrived alone", "Man taken to hospital"]
    second_call, cctv = rca.chronology[1], rca.chronology[2]
    assert (second_call.source_kind, second_call.source, cctv.is_notable_practice) == ("call_recording", "Call 411", True)
    # Same moment: can be reordered by hand. Different moments: the clock decides, a move changes nothing.
    post_form(client, f"/rca/{rca.id}/chronology/{cctv.id}/move", {"direction": "up"},
              form_page=f"/rca/{rca.id}/chronology", status=302)
    post_form(client, f"/rca/{rca.id}/chronology/{cctv.id}/move", {"direction": "up"},
              form_page=f"/rca/{rca.id}/chronology", status=302)
    db.session.expire_all()
    assert [e.what for e in rca.chronology][:3] == ["Call received about a man in crisis on the bridge",
                                                    "CCTV shows the man on the rail", "Second call from the public"]
    page = get_page(client, f"/rca/{rca.id}/chronology")
    rows = [r.find("td").get_text(strip=True) for r in page.html.select("tbody tr")]
    # On the incident's day the time alone; after midnight the date with its year.
    assert rows[0] == "22:15" and rows[-1] == "28 March 2026, 00:20"
    assert "Notable practice" in page.text() and "A call recording: Call 411" in page.text()
    report = get_page(client, f"/rca/{rca.id}/report").text()
    assert "27 March 2026, 22:15" in report and "28 March 2026, 00:20" in report


def test_a_chronology_entry_can_be_removed_before_sign_off_unless_the_graph_relies_on_it(client, rca, lead):
    keep, used = rca.chronology[0], rca.chronology[1]
    service.mark_problem(rca, used, actor=lead)
    sign_in(client, lead.email)
    post_form(client, f"/rca/{rca.id}/chronology/{used.id}/delete", {}, form_page=f"/rca/{rca.id}/chronology")
    post_form(client, f"/rca/{rca.id}/chronology/{keep.id}/delete", {}, form_page=f"/rca/{rca.id}/chronology")
    db.session.expire_all()
    assert [e.what for e in rca.chronology] == ["First officer arrived alone", "Man taken to hospital"]
    with pytest.raises(ServiceError, match="service delivery problem in the graph"):
        service.delete_chronology_entry(rca, used, actor=lead)


def test_five_whys_reuse_a_factor_with_the_same_words(client, rca, lead):
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    existing = service.add_factor(rca, actor=lead, contributes_to=problem, label="No second unit was free",
                                  category="working_conditions")
    other = service.mark_problem(rca, rca.chronology[2], actor=lead)
    service.add_five_whys(rca, actor=lead, problem=other, answers=["  no second unit  was free.", "Nights are thin"],
                          categories=["working_conditions", "organisational"])
    labels = [n.label for n in rca.nodes if n.kind == "factor"]
    assert labels.count("No second unit was free") == 1 and "Nights are thin" in labels
    assert {(link.cause_id, link.effect_id) for link in rca.links} >= {(existing.id, other.id), (existing.id, problem.id)}


def test_an_unevidenced_factor_needs_evidence_or_a_reason_to_be_a_root_cause(client, rca, lead):
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="Thin night cover",
                                category="working_conditions")
    sign_in(client, lead.email)
    page = post_form(client, f"/rca/{rca.id}/items/{factor.id}/root-cause", {"confirmed": "yes"},
                     form_page=f"/rca/{rca.id}/graph")
    assert page.response.headers["Location"].endswith(f"/rca/{rca.id}/items/{factor.id}/root-cause")
    page = post_form(client, f"/rca/{rca.id}/items/{factor.id}/root-cause", {"confirmed": "yes", "from": "reason"},
                     status=200)
    assert page.error_summary()[0].startswith("This factor is not yet evidenced")
    post_form(client, f"/rca/{rca.id}/items/{factor.id}/root-cause",
              {"confirmed": "yes", "from": "reason", "reason": "The roster shows it; the copy is on its way"}, status=302)
    db.session.expire_all()
    assert factor.kind == "root_cause" and factor.root_cause_reason.startswith("The roster")
    assert "Confirmed without evidence because: The roster" in get_page(client, f"/rca/{rca.id}/report").text()


def test_an_action_due_in_the_past_is_refused_and_done_needs_evidence(rca, lead):
    rec = _ready(rca, lead)
    args = dict(actor=lead, recommendation=rec, action=None, description="Brief the team", owner="Inspector",
                measure="Briefed", reason="")
    with pytest.raises(ServiceError, match="today or in the future") as refused:
        service.save_action(rca, due_on=date(2026, 1, 1), status="open", today=date(2026, 2, 1), **args)
    assert refused.value.field == "due_on"
    with pytest.raises(ServiceError, match="evidence that the action has been completed"):
        service.save_action(rca, due_on=date(2026, 3, 1), status="done", today=date(2026, 2, 1), **args)
    done = service.save_action(rca, due_on=date(2026, 3, 1), status="done", completion_evidence="Briefing log 14",
                               today=date(2026, 2, 1), **args)
    assert done.completion_evidence == "Briefing log 14"


def test_withdrawn_before_sign_off_disappears_after_it_is_not_taken_forward(client, rca, lead, second):
    rec = _ready(rca, lead)
    extra = service.save_recommendation(rca, actor=lead, recommendation=None, text="Put up a poster",
                                        node_ids=[rec.nodes[0].id], strength="weak")
    service.save_action(rca, actor=lead, recommendation=extra, action=None, description="Print it", owner="Comms",
                        due_on=date(2099, 1, 1), measure="Seen", status="open", reason="")
    sign_in(client, lead.email)
    action = extra.actions[0]
    post_form(client, f"/rca/{rca.id}/recommendations/{extra.id}/actions/{action.id}/withdraw", {},
              form_page=f"/rca/{rca.id}/recommendations", status=302)
    db.session.expire_all()
    assert extra.actions == []
    post_form(client, f"/rca/{rca.id}/recommendations/{extra.id}/withdraw", {},
              form_page=f"/rca/{rca.id}/recommendations", status=302)
    assert db.session.scalar(select(func.count(Recommendation.id))) == 1
    service.send_for_review(rca, actor=lead)
    service.sign_off(rca, actor=second)
    page = post_form(client, f"/rca/{rca.id}/recommendations/{rec.id}/withdraw", {},
                     form_page=f"/rca/{rca.id}/recommendations", follow=True)
    assert "Enter why the recommendation is not being taken forward" in page.text()
    post_form(client, f"/rca/{rca.id}/recommendations/{rec.id}/withdraw", {"reason": "Funding withdrawn"},
              form_page=f"/rca/{rca.id}/recommendations", status=302)
    db.session.expire_all()
    assert (rec.status, rec.reason, rec.actions[0].status) == ("not_taken_forward", "Funding withdrawn",
                                                               "not_taken_forward")
    assert "Not taken forward" in get_page(client, f"/rca/{rca.id}/recommendations").text()


def test_the_history_shows_words_not_codes(client, rca, lead):
    service.update_details(rca, actor=lead, level="concise", terms_of_reference="x", due_on=date(2030, 1, 1),
                           due_reason="Waiting for the hospital")
    sign_in(client, lead.email)
    text = get_page(client, f"/rca/{rca.id}").text()
    assert "Due date changed by" in text and "to 1 January 2030: Waiting for the hospital" in text
    assert "2030-01-01" not in text


# --- Team and independence --------------------------------------------------------------------------------

def test_a_reviewer_named_in_the_incident_cannot_lead_sit_on_the_panel_or_sign_off(client, incident, lead, second,
                                                                                   forces):
    named = create_user(force=forces["A"], roles=[Role.REVIEWER], email="named@aaa.example", name="Named Reviewer")
    incident.officers.append(IncidentOfficer(user_id=named.id))
    db.session.commit()
    with pytest.raises(ServiceError, match="Named Reviewer is named as an officer involved in the incident, so "
                                               "they cannot lead the RCA"):
        service.start_rca(incident, actor=named, level="concise", terms_of_reference="x")
    rca = service.start_rca(incident, actor=named, level="concise", terms_of_reference="x", lead=lead)
    assert rca.lead_id == lead.id and [m.user_id for m in rca.team] == [lead.id]
    with pytest.raises(ServiceError, match="cannot sit on the panel"):
        team.add_panel_member(rca, actor=lead, user=named)
    with pytest.raises(ServiceError, match="cannot lead"):
        team.assign_lead(rca, actor=lead, lead=named)
    _ready(rca, lead)
    service.send_for_review(rca, actor=lead)
    assert service.sign_off_refusal(rca, named) == ("Named Reviewer is named as an officer involved in the incident, "
                                                    "so they cannot sign off the RCA.")
    sign_in(client, named.email)
    page = get_page(client, f"/rca/{rca.id}")
    assert "Confirm decision" not in page.text() and "cannot sign off the RCA" in page.text()
    assert "Named Reviewer is named as an officer involved" in get_page(client, f"/rca/{rca.id}/team").text()


def test_panel_members_declare_interests_before_review_and_cannot_sign_off(client, rca, lead, second, forces):
    panel = create_user(force=forces["A"], roles=[Role.REVIEWER], email="panel@aaa.example", name="Panel Member")
    sign_in(client, lead.email)
    post_form(client, f"/rca/{rca.id}/team/members", {"member": str(panel.id)}, form_page=f"/rca/{rca.id}/team",
              status=302)
    _ready(rca, lead)
    assert any("Panel Member" in gap for gap in service.review_gaps(rca))
    client.post("/sign-out", data={"csrf_token": get_page(client, f"/rca/{rca.id}").csrf_token()})
    sign_in(client, panel.email)
    page = post_form(client, f"/rca/{rca.id}/team/declaration", {"has_conflict": "yes"},
                     form_page=f"/rca/{rca.id}/team", status=400)
    assert page.error_summary() == ["Enter the interest you are declaring"]
    post_form(client, f"/rca/{rca.id}/team/declaration", {"has_conflict": "yes", "conflict_detail": "I line-manage "
              "the custody sergeant"}, form_page=f"/rca/{rca.id}/team", status=302)
    assert service.review_gaps(rca) == []
    service.send_for_review(rca, actor=lead)
    assert "is on the panel" in service.sign_off_refusal(rca, panel)
    assert "I line-manage the custody sergeant" in get_page(client, f"/rca/{rca.id}/report").text()


# --- Recommendations and sign-off ---------------------------------------------------------------------------

def test_the_report_shows_the_strength_mix_and_warns_when_all_are_weak(client, rca, lead):
    _ready(rca, lead, strength="weak")
    sign_in(client, lead.email)
    for url in (f"/rca/{rca.id}/recommendations", f"/rca/{rca.id}/report"):
        page = get_page(client, url)
        assert "0 strong, 0 intermediate, 1 weak" in page.text() and page.html.find(id="all-weak")
    page = post_form(client, f"/rca/{rca.id}/recommendations/new", {"text": "Lock the door", "nodes": []}, status=200)
    assert page.error_summary() == ["Select the priority of the recommendation",
                                    "Select the organisation the recommendation is for",
                                    "Select how strong the action it calls for is",
                                    "Select at least one root cause or factor this recommendation addresses"]


def test_return_for_changes_puts_comments_beside_sections_and_resubmission_shows_what_changed(client, rca, lead,
                                                                                              second):
    _ready(rca, lead)
    service.send_for_review(rca, actor=lead)
    sign_in(client, second.email)
    assert "Awaiting your sign-off (1)" in get_page(client, "/review/").text()
    post_form(client, f"/rca/{rca.id}/review", {"decision": "return", "comment": "Nearly there.",
                                                 "on_lessons": "Say what other forces can learn."},
              form_page=f"/rca/{rca.id}", status=302)
    db.session.expire_all()
    assert rca.status == "draft" and rca.events[-1].section_comments == {"lessons": "Say what other forces can learn."}
    client.post("/sign-out", data={"csrf_token": get_page(client, f"/rca/{rca.id}").csrf_token()})
    sign_in(client, lead.email)
    assert "Returned for changes" in get_page(client, f"/rca/{rca.id}").text()
    page = get_page(client, f"/rca/{rca.id}/findings")
    beside = page.html.find(id="comment-lessons")
    assert "Say what other forces can learn." in beside.get_text()
    assert beside.find_next("textarea")["name"] == "lessons"
    service.save_report_sections(rca, actor=lead, texts={"lessons": "Other forces can check their night cover."})
    service.send_for_review(rca, actor=lead)
    assert service.changes_since_last_review(rca) == ["Lessons learned"]
    client.post("/sign-out", data={"csrf_token": get_page(client, f"/rca/{rca.id}").csrf_token()})
    sign_in(client, second.email)
    assert "Changed since the last time: Lessons learned" in get_page(client, f"/rca/{rca.id}").text()


def test_every_rca_page_in_every_state_is_free_of_escaped_markup(app, client, rca, lead, second):
    found = watch(app)
    rca.chronology[0].what = "First line\n\n- a <b>bold</b> claim\n- second"
    db.session.commit()
    rec = _ready(rca, lead)
    service.save_report_sections(rca, actor=lead, texts={"executive_summary": "One.\n\nTwo <i>typed</i> tags"})
    pages = ["", "/team", "/chronology", "/graph", "/fishbone", "/recommendations", "/report"]
    sign_in(client, lead.email)
    for page in pages + ["/findings", f"/recommendations/{rec.id}", f"/items/{rca.nodes[0].id}"]:
        get_page(client, f"/rca/{rca.id}{page}")
    report = get_page(client, f"/rca/{rca.id}/report")
    # Typed tags stay text, in their own paragraph; a typed list becomes a list.
    summary = report.html.find(string=lambda s: s and "Two <i>typed</i> tags" in s)
    assert summary is not None and summary.parent.name == "p"
    chronology = get_page(client, f"/rca/{rca.id}/chronology")
    assert [li.get_text() for li in chronology.html.select("td ul li")] == ["a <b>bold</b> claim", "second"]
    service.send_for_review(rca, actor=lead)
    service.sign_off(rca, actor=second)
    for page in pages:
        get_page(client, f"/rca/{rca.id}{page}")
    assert found == []


# --- Large graphs -------------------------------------------------------------------------------------------

def test_a_graph_too_big_to_draw_shows_the_text_the_analysis_and_the_dot(client, rca, lead):
    from debrief.rca import render

    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    nodes = [RcaNode(kind="factor", label=f"Factor {i}", category="working_conditions", evidence_kind="none")
             for i in range(render.MAX_DRAWN_NODES)]
    rca.nodes.extend(nodes)
    db.session.commit()
    from debrief.models import RcaLink

    rca.links.extend(RcaLink(rca_id=rca.id, cause_id=n.id, effect_id=problem.id) for n in nodes)
    rca.graph_version += 1
    db.session.commit()
    sign_in(client, lead.email)
    page = get_page(client, f"/rca/{rca.id}/graph")
    warning = page.html.find(id="drawing-problem").get_text(" ", strip=True)
    assert "too many to draw" in warning and "given as text and analysis below" in warning
    assert page.html.find(id="text-alternative") and "Factor 399" in page.text()
    dot_link = page.html.find("a", href=f"/rca/{rca.id}/graph.dot")
    assert dot_link is not None and "Download the DOT file" in dot_link.get_text()
    assert client.get(f"/rca/{rca.id}/graph.svg").status_code == 422
    assert client.get(f"/rca/{rca.id}/graph.dot").data.startswith(b"digraph")
    assert get_page(client, f"/rca/{rca.id}/report").html.find(string=lambda s: s and "too many to draw" in s)
