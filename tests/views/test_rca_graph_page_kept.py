"""The graph page's body is kept per graph version, page of items and whether the viewer may edit: every change to
what it shows appears on the next view, a reader never gets the lead's edit controls, and each session's forms carry
its own CSRF token."""
from __future__ import annotations

from datetime import datetime

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.rca import service
from debrief.rca.views import graph as graph_views
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import get_page, sign_in


@pytest.fixture
def lead(people):
    return people[("A", Role.REVIEWER)]


@pytest.fixture
def rca(people, lead):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    return service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review it.")


def _row(page, node) -> str:
    row = page.html.select_one(f"#item-{node.id}")
    return "" if row is None else " ".join(row.get_text(" ").split())


def _options(page) -> list[str]:
    return [option.get_text() for option in page.html.select("select#cause option")]


def _tokens(page) -> set[str]:
    """The session's token behind each form's CSRF token (each form's token is it, signed with the time)."""
    return {field["value"].split(".")[0] for field in page.html.find_all("input", attrs={"name": "csrf_token"})}


def test_each_change_to_the_graph_shows_on_the_next_view(client, rca, lead, monkeypatch):
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/graph"
    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    a = service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew shortage",
                           category="working_conditions")
    page = get_page(client, url)
    assert "Crew shortage" in _row(page, a) and "Not yet evidenced" in _row(page, a)
    assert "Contributory factor: Crew shortage" in _options(page)

    service.update_node(rca, a, actor=lead, label="Two crews short", description="", category="communication",
                        evidence_kind="document", evidence_document="Duty roster")
    page = get_page(client, url)
    assert "Two crews short" in _row(page, a) and "Document: Duty roster" in _row(page, a)
    assert "Communication" in _row(page, a) and "Crew shortage" not in page.text()
    assert "Contributory factor: Two crews short" in _options(page)

    service.set_root_cause(rca, a, actor=lead, confirmed=True)
    assert "Withdraw as root cause" in _row(get_page(client, url), a)

    b = service.add_factor(rca, actor=lead, contributes_to=problem, label="Radio dead spot", category="communication")
    assert "Remove a link (3)" in get_page(client, url).text()
    service.link_nodes(rca, actor=lead, cause=b, effect=a)
    assert "Remove a link (4)" in get_page(client, url).text()
    link = next(link for link in rca.links if (link.cause_id, link.effect_id) == (b.id, a.id))
    service.unlink_nodes(rca, actor=lead, link=link)
    assert "Remove a link (3)" in get_page(client, url).text()
    service.delete_node(rca, b, actor=lead)
    page = get_page(client, url)
    assert _row(page, b) == "" and "Radio dead spot" not in page.text()

    # Each page of items is its own: four items, two a page.
    monkeypatch.setattr(graph_views, "ITEMS_PER_PAGE", 2)
    service.graph_changed(rca)  # the same graph, drawn again under the smaller page size
    db.session.commit()
    first, second = get_page(client, url), get_page(client, f"{url}?page=2")
    assert "Items (1 to 2 of 3)" in first.text() and "Items (3 to 3 of 3)" in second.text()
    assert _row(first, a) == "" and "Two crews short" in _row(second, a)


def test_a_reader_never_gets_the_leads_controls_and_each_session_its_own_token(app, rca, lead, forces):
    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew shortage",
                                category="working_conditions", evidence_kind="document",
                                evidence_document="Duty roster")
    reader = create_user(force=forces["A"], roles=[Role.REVIEWER], email="reader@aaa.example", name="Second Reviewer")
    url = f"/rca/{rca.id}/graph"
    leads, readers = app.test_client(), app.test_client()
    sign_in(leads, lead.email)
    sign_in(readers, reader.email)
    first = get_page(leads, url)
    assert first.html.select(f"#item-{factor.id} form") and first.html.select_one("select#cause") is not None
    read = get_page(readers, url)
    assert not read.html.select("#item-%d form" % factor.id) and read.html.select_one("select#cause") is None
    assert "Edit" not in _row(read, factor)

    again = get_page(leads, url)  # from the kept body
    assert len(_tokens(first)) == 1 and _tokens(again) == _tokens(first)
    other_session = app.test_client()
    sign_in(other_session, lead.email)
    theirs = get_page(other_session, url)
    assert len(_tokens(theirs)) == 1 and _tokens(theirs) != _tokens(first)
    assert "debrief-csrf-token" not in again.response.get_data(as_text=True)
    # A form of the kept body posts with this session's token.
    form = again.html.select_one(f"#item-{factor.id} form[action$='/root-cause']")
    response = leads.post(form["action"], data={"csrf_token": again.csrf_token(), "confirmed": "yes"})
    assert response.status_code == 302
    assert "Withdraw as root cause" in _row(get_page(leads, url), factor)

    # Sent for review: the lead reads it as everyone else does.
    rca.status = "in_review"
    db.session.commit()
    assert not get_page(leads, url).html.select(f"#item-{factor.id} form")
