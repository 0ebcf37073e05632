"""The RCA pages and the reviewer's incident page cost a few SQL queries, however big the RCA grows.

Each page is fetched on a small RCA and on the same RCA grown (more chronology, items, links, recommendations,
actions, debriefs and panel members); every statement sent to the database is counted (before_cursor_execute).
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, time

import pytest
from sqlalchemy import event

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief, IncidentOfficer, TimelineEntry, utcnow
from debrief.rca import service, team
from tests.support.factories import create_user
from tests.support.pages import get_page, sign_in
from tests.support.release_factories import named_people, signed_off_rca

BUDGET = 8


@contextmanager
def counted():
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _grow(rca, who, n: int) -> None:
    """n more of everything the RCA pages show: debriefs, chronology, factors and links, recommendations, panel."""
    lead = who["lead"]
    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    previous = problem
    for i in range(n):
        service.save_chronology_entry(rca, actor=lead, entry=None, at=None, what=f"Later step {i}",
                                      is_problem=False, is_notable_practice=False, source_kind="document",
                                      source=f"Log {i}")
        factor = service.add_factor(rca, actor=lead, contributes_to=previous, label=f"Factor number {i}",
                                    category="working_conditions", evidence_kind="timeline",
                                    evidence_entry_id=rca.chronology[0].id)
        rec = service.save_recommendation(rca, actor=lead, recommendation=None, text=f"Recommendation {i}",
                                          node_ids=[factor.id])
        service.save_action(rca, actor=lead, recommendation=rec, action=None, description=f"Action {i}",
                            owner="Resourcing team", due_on=date(2026, 6, 1), measure="Measured",
                            status="open", reason="", today=date(2026, 4, 1))
        member = create_user(force=who["force"], roles=[Role.REVIEWER], name=f"Panel Member {i}",
                             email=f"panel{i}@{who['force'].code.lower()}.example")
        team.add_panel_member(rca, actor=lead, user=member)
        team.declare_interests(rca, actor=member, has_conflict=False, detail="")
        previous = factor
    for i in range(n):
        author = create_user(force=who["force"], roles=[Role.OFFICER], name=f"Officer Number {i}",
                             email=f"officer{i}@{who['force'].code.lower()}.example")
        rca.incident.officers.append(IncidentOfficer(user_id=author.id))
        template = rca.incident.debriefs[0]
        db.session.add(Debrief(
            incident=rca.incident, author_id=author.id, kind="hot", status="submitted", submitted_at=utcnow(),
            declaration=True, section_status=dict(template.section_status), used_force=False, single_crewed=False,
            hours_on_duty="4_to_8", taser_trained=True, taser_carried=True, assaulted=False, any_injuries=False,
            narrative="I attended.", went_well="Calm.", could_differ="Backup.", why_differ="Safer.",
            wellbeing_concerns="", support_wanted=False,
            timeline=[TimelineEntry(at=time(23, i % 60), what=f"Step {i}", source="Me", position=0)]))
    db.session.commit()


def _pages(rca) -> dict[str, str]:
    node = next(n for n in rca.nodes if n.kind != "outcome")
    return {"overview": f"/rca/{rca.id}", "graph": f"/rca/{rca.id}/graph", "report": f"/rca/{rca.id}/report",
            "item": f"/rca/{rca.id}/items/{node.id}", "incident": f"/review/incidents/{rca.incident_id}"}


def _costs(client, rca) -> dict[str, int]:
    costs = {}
    for name, url in _pages(rca).items():
        db.session.expunge_all()  # each request starts cold, as it would in a fresh worker
        with counted() as statements:
            get_page(client, url)
        costs[name] = len(statements)
    return costs


@pytest.mark.parametrize("grown", [0, 12])
def test_rca_pages_and_the_incident_page_stay_within_the_query_budget(app, client, grown):
    who = named_people()
    rca = signed_off_rca(who)
    rca.status = "draft"  # reopened, as a return would: the item page is the lead's, on a draft
    db.session.commit()
    if grown:
        _grow(rca, who, grown)
    sign_in(client, who["lead"].email)
    costs = _costs(client, rca)
    print(f"queries with {grown} more of each: {costs}")
    assert all(n <= BUDGET for n in costs.values()), costs
