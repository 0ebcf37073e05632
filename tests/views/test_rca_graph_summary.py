"""The graph's summary the RCA pages show (counts, root causes, candidates, stored loops) is kept per graph version:
every change to an item or a link shows on the next view of the overview, which loads no items of its own."""
from __future__ import annotations

from datetime import datetime

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import RcaLink
from debrief.rca import service
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, sign_in


@pytest.fixture
def lead(people):
    return people[("A", Role.REVIEWER)]


def _progress(client, rca) -> str:
    page = get_page(client, f"/rca/{rca.id}")
    return " ".join(page.html.select_one("h2 + ul.govuk-list--bullet").get_text(" ").split())


def _loops(client, rca) -> str:
    box = get_page(client, f"/rca/{rca.id}").html.select_one("#graph-loops")
    return "" if box is None else " ".join(box.get_text(" ").split())


def test_each_change_to_the_graph_shows_on_the_overview(client, people, lead):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review it.")
    sign_in(client, lead.email)
    assert "0 contributory factors, 0 confirmed root causes, 0 candidate root causes" in _progress(client, rca)

    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    a = service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew shortage",
                           category="working_conditions")
    assert "1 contributory factor, 0 confirmed root causes, 1 candidate root cause" in _progress(client, rca)

    b = service.add_factor(rca, actor=lead, contributes_to=a, label="Recruitment freeze",
                           category="organisational_strategic")
    assert "2 contributory factors, 0 confirmed root causes, 1 candidate root cause" in _progress(client, rca)

    service.set_root_cause(rca, b, actor=lead, confirmed=True, reason="The panel agreed.")
    assert "2 contributory factors, 1 confirmed root cause, 1 candidate root cause" in _progress(client, rca)
    service.set_root_cause(rca, b, actor=lead, confirmed=False)
    assert "2 contributory factors, 0 confirmed root causes" in _progress(client, rca)

    # A second cause of the problem, linked then unlinked: the candidates follow the links.
    c = service.add_factor(rca, actor=lead, contributes_to=problem, label="Radio dead spot",
                           category="communication")
    assert "3 contributory factors, 0 confirmed root causes, 2 candidate root causes" in _progress(client, rca)
    service.link_nodes(rca, actor=lead, cause=c, effect=a)
    assert "2 candidate root causes" in _progress(client, rca)  # b and c both still start a chain
    service.link_nodes(rca, actor=lead, cause=b, effect=c)
    assert "1 candidate root cause" in _progress(client, rca)
    link = next(link for link in rca.links if (link.cause_id, link.effect_id) == (b.id, c.id))
    service.unlink_nodes(rca, actor=lead, link=link)
    assert "2 candidate root causes" in _progress(client, rca)

    service.delete_node(rca, c, actor=lead)
    assert "2 contributory factors, 0 confirmed root causes, 1 candidate root cause" in _progress(client, rca)

    # A loop stored directly (older data): shown once the graph changes, with the items' current labels.
    assert _loops(client, rca) == ""
    db.session.add(RcaLink(rca_id=rca.id, cause_id=a.id, effect_id=b.id))
    service.graph_changed(rca)
    db.session.commit()
    assert "Crew shortage → Recruitment freeze" in _loops(client, rca)
    service.update_node(rca, a, actor=lead, label="Two crews short", description="", category="working_conditions",
                        evidence_kind="none")
    loops = _loops(client, rca)
    assert "Two crews short → Recruitment freeze" in loops and "Crew shortage" not in loops


def test_a_summary_is_never_kept_from_unsaved_changes(app, people, lead):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review it.")
    saved = service.graph_summary(rca)
    service.graph_changed(rca)  # a write in progress, not committed
    assert service.graph_summary(rca) == saved
    db.session.rollback()
    assert service.graph_summary(rca) is saved  # kept, and only what was saved
