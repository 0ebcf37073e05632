"""Rewording a chronology entry that a service delivery problem was made from: the problem follows while it still
reads as the entry did; a problem reworded in the graph keeps its wording, and its page offers the entry's new one."""
from __future__ import annotations

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.rca import service
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, post_form, sign_in


@pytest.fixture
def setup(people):
    lead = people[("A", Role.REVIEWER)]
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)])
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Why?")
    entry = rca.chronology[0]
    problem = service.mark_problem(rca, entry, actor=lead)
    return rca, entry, problem, lead


def _edit_entry(client, rca, entry, what: str, marking: str = "problem"):
    url = f"/rca/{rca.id}/chronology/{entry.id}"
    page = get_page(client, url)
    data = {"what": what, "source_kind": entry.source_kind, "marking": marking,
            "version": page.html.find("input", attrs={"name": "version"})["value"]}
    for name in ("on_date-day", "on_date-month", "on_date-year", "at_time"):
        field = page.html.find("input", attrs={"name": name})
        data[name] = field.get("value", "") if field else ""
    page = post_form(client, url, data)
    assert page.status == 302, (page.error_summary(), data)
    return page


def test_rewording_the_entry_rewords_a_problem_that_still_reads_as_it_did(client, setup):
    rca, entry, problem, lead = setup
    sign_in(client, lead.email)
    _edit_entry(client, rca, entry, "Control room sent one unit to a two-officer call")
    db.session.expire_all()
    assert problem.label == "Control room sent one unit to a two-officer call"
    page = get_page(client, f"/rca/{rca.id}/chronology")
    assert "The service delivery problem made from it in the graph now reads the same." in page.text()
    assert not get_page(client, f"/rca/{rca.id}/items/{problem.id}").html.select("#entry-reworded")


def test_a_problem_reworded_in_the_graph_keeps_its_wording_and_is_offered_the_new_one(client, setup):
    rca, entry, problem, lead = setup
    service.update_node(rca, problem, actor=lead, label="One unit sent alone", description="", category=None,
                        evidence_kind="timeline")
    sign_in(client, lead.email)
    _edit_entry(client, rca, entry, "Control room sent one unit to a two-officer call at 22:15")
    db.session.expire_all()
    assert problem.label == "One unit sent alone"
    assert "keeps its own wording in the graph" in get_page(client, f"/rca/{rca.id}/chronology").text()
    page = get_page(client, f"/rca/{rca.id}/items/{problem.id}")
    notice = page.html.select_one("#entry-reworded")
    assert "“Control room sent one unit to a two-officer call at 22:15”" in notice.get_text()
    assert page.html.find("input", attrs={"name": "label"})["value"] == "One unit sent alone"
    offered = get_page(client, notice.select_one("a")["href"])
    assert offered.html.find("input", attrs={"name": "label"})["value"] == (
        "Control room sent one unit to a two-officer call at 22:15")
    post_form(client, f"/rca/{rca.id}/items/{problem.id}",
              {"label": "Control room sent one unit to a two-officer call at 22:15", "description": "",
               "version": offered.html.find("input", attrs={"name": "version"})["value"]}, status=302)
    db.session.expire_all()
    assert problem.label == "Control room sent one unit to a two-officer call at 22:15"
    assert not get_page(client, f"/rca/{rca.id}/items/{problem.id}").html.select("#entry-reworded")


def test_unmarking_the_entry_says_its_problem_is_still_in_the_graph(client, setup):
    rca, entry, problem, lead = setup
    sign_in(client, lead.email)
    _edit_entry(client, rca, entry, entry.what, marking="none")
    db.session.expire_all()
    assert entry.is_problem is False and db.session.get(type(problem), problem.id) is not None
    text = get_page(client, f"/rca/{rca.id}/chronology").text()
    assert "no longer marked as a service delivery problem, but the problem made from it is still in the graph" in text
