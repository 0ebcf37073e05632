"""Bad stored data never breaks a page (a loop in an RCA graph), and a save from an older version is refused."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import RcaLink, RcaNode
from debrief.rca import service
from tests.support.factories import submitted_debrief
from tests.support.pages import Page, get_page, post_form, sign_in


@pytest.fixture
def lead(people):
    return people[("A", Role.REVIEWER)]


@pytest.fixture
def rca(people, lead):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    return service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review the response.")


def _looped(rca, lead):
    """Problem ← A ← B, then B ← A stored directly, as older data or a manual edit could have it."""
    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    a = service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew shortage", category="working_conditions")
    b = service.add_factor(rca, actor=lead, contributes_to=a, label="Recruitment freeze",
                           category="organisational_strategic")
    db.session.add(RcaLink(rca_id=rca.id, cause_id=a.id, effect_id=b.id))
    db.session.commit()
    return a, b


def test_every_rca_page_loads_with_a_stored_loop_and_shows_its_links(client, rca, lead):
    a, b = _looped(rca, lead)
    sign_in(client, lead.email)
    for page in ("", "/graph", "/fishbone", "/report", "/chronology", "/recommendations"):
        html = get_page(client, f"/rca/{rca.id}{page}")
        box = html.html.select_one("#graph-loops")
        assert box is not None, page
        assert "The graph has a loop" in box.get_text(" ")
        assert "Crew shortage → Recruitment freeze" in box.get_text(" ")
        assert "Recruitment freeze → Crew shortage" in box.get_text(" ")
    response = client.get(f"/rca/{rca.id}/report.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    for download in ("graph.svg", "graph.dot", "fishbone.svg"):
        assert client.get(f"/rca/{rca.id}/{download}").status_code == 200
    # The overview lists the loop among what must be done before review.
    assert "remove a link from each loop in the graph" in get_page(client, f"/rca/{rca.id}").text()


def test_the_reviewer_deletes_a_link_of_the_loop_from_the_page(client, rca, lead):
    a, b = _looped(rca, lead)
    sign_in(client, lead.email)
    page = get_page(client, f"/rca/{rca.id}/graph")
    buttons = page.html.select("#graph-loops form")
    assert len(buttons) == 2
    loop_link = db.session.scalar(select(RcaLink).where(RcaLink.cause_id == a.id, RcaLink.effect_id == b.id))
    response = client.post(f"/rca/{rca.id}/links/{loop_link.id}/delete", data={"csrf_token": page.csrf_token()})
    assert response.status_code == 302
    after = get_page(client, f"/rca/{rca.id}/graph")
    assert after.html.select_one("#graph-loops") is None
    assert db.session.scalar(select(func.count(RcaLink.id)).where(RcaLink.rca_id == rca.id)) == 3


def test_an_item_saved_in_another_tab_is_not_overwritten(client, rca, lead):
    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew shortage",
                                category="working_conditions")
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{factor.id}"
    first_tab, second_tab = get_page(client, url), get_page(client, url)
    version = second_tab.html.find("input", attrs={"name": "version"})["value"]
    assert version == first_tab.html.find("input", attrs={"name": "version"})["value"]
    fields = {"category": "working_conditions", "evidence_kind": "document", "evidence_document": "Duty roster",
              "csrf_token": first_tab.csrf_token()}
    assert client.post(url, data={**fields, "label": "Two crews short", "version": version}).status_code == 302
    # The second tab still shows the old version: its save is refused, what it typed is kept, the change shown.
    response = client.post(url, data={**fields, "label": "Crew shortage at night", "description": "Typed in tab 2",
                                      "csrf_token": second_tab.csrf_token(), "version": version})
    page = Page(response)
    assert response.status_code == 200
    assert any("Someone else saved changes" in e for e in page.error_summary())
    assert page.html.find("input", attrs={"name": "label"})["value"] == "Crew shortage at night"
    assert "Typed in tab 2" in page.html.find("textarea", attrs={"name": "description"}).get_text()
    conflict = page.html.select_one("#edit-conflict-title").find_parent("div", class_="govuk-notification-banner")
    assert "Two crews short" in conflict.get_text(" ") and "Crew shortage at night" in conflict.get_text(" ")
    db.session.expire_all()
    assert db.session.get(RcaNode, factor.id).label == "Two crews short"
    # Saving again from the page shown (now at the current version) goes through knowingly.
    newer = page.html.find("input", attrs={"name": "version"})["value"]
    assert int(newer) > int(version)
    again = client.post(url, data={**fields, "label": "Crew shortage at night", "csrf_token": page.csrf_token(),
                                   "version": newer})
    assert again.status_code == 302
    db.session.expire_all()
    assert db.session.get(RcaNode, factor.id).label == "Crew shortage at night"


def test_two_tabs_of_one_debrief_step(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, officer.email)
    page = post_form(client, "/debriefs/new", {"kind": "hot"})
    debrief_url = page.response.headers["Location"]
    url = f"{debrief_url}/what-happened"
    one, two = get_page(client, url), get_page(client, url)
    v = one.html.find("input", attrs={"name": "version"})["value"]
    assert client.post(url, data={"narrative": "First account", "csrf_token": one.csrf_token(), "version": v,
                                  "continue": "1"}).status_code == 302
    response = client.post(url, data={"narrative": "Second account", "csrf_token": two.csrf_token(), "version": v,
                                      "continue": "1"})
    assert response.status_code == 200
    stale = Page(response)
    assert "Second account" in stale.html.find("textarea", attrs={"name": "narrative"}).get_text()
    assert "First account" in stale.text()


def test_findings_and_recommendations_refuse_an_old_version(client, rca, lead):
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/findings"
    one, two = get_page(client, url), get_page(client, url)
    v = one.html.find("input", attrs={"name": "version"})["value"]
    # The findings are the structured report's sections now; the executive summary stands for them.
    assert client.post(url, data={"executive_summary": "Tab one", "csrf_token": one.csrf_token(),
                                  "version": v}).status_code == 302
    response = client.post(url, data={"executive_summary": "Tab two", "csrf_token": two.csrf_token(), "version": v})
    assert response.status_code == 200 and "Tab one" in Page(response).text()
    db.session.expire_all()
    assert rca.section_text("executive_summary") == "Tab one"
