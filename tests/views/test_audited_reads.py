"""Reads of personal data are audited: the reviewer's queue and the RCA's details, chronology entries,
items and findings pages."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent
from debrief.rca.service import start_rca
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, post_form, sign_in


def views(action: str) -> list[AuditEvent]:
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


def test_the_review_queue_is_audited_with_its_filters(client, people):
    submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    reviewer = people[("A", Role.REVIEWER)]
    sign_in(client, reviewer.email)
    get_page(client, "/review/?near_miss=no&theme=&bogus=1")
    [event] = views("review.queue_viewed")
    assert (event.actor_id, event.force_id, event.details["count"]) == (reviewer.id, reviewer.force_id, 1)
    assert event.details["filters"] == {"near_miss": "no"}


def test_rca_details_entry_item_and_findings_pages_are_audited(client, people):
    reviewer = people[("A", Role.REVIEWER)]
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    rca = start_rca(debrief.incident, actor=reviewer, level="concise", terms_of_reference="Review the response.")
    node = next(n for n in rca.nodes if n.kind == "outcome")
    entry_id = rca.chronology[0].id if rca.chronology else None
    sign_in(client, reviewer.email)
    pages = [(f"/rca/{rca.id}/details", "details"), (f"/rca/{rca.id}/items/{node.id}", f"item {node.id}"),
             (f"/rca/{rca.id}/findings", "findings")]
    if entry_id is not None:
        pages.append((f"/rca/{rca.id}/chronology/{entry_id}", f"chronology entry {entry_id}"))
    for url, _ in pages:
        get_page(client, url)
    seen = [e.details["page"] for e in views("rca.viewed")]
    assert seen == [page for _, page in pages]
    assert all(e.actor_id == reviewer.id and e.record_id == str(rca.id) for e in views("rca.viewed"))
    # A refused save re-shows the page: audited too, and nothing of the refused POST is kept.
    post_form(client, f"/rca/{rca.id}/details", {"level": "", "terms_of_reference": "", "due_on": ["1", "1", "2027"]},
              status=200)
    assert views("rca.viewed")[-1].details["page"] == "details"


def test_a_page_read_is_stored_as_a_read_not_built_as_an_event_object(client, people):
    # Every RCA page recorded its view through the write path (an AuditEvent model object, a flush): more than half
    # of the overview's time. Reads take the read path: the same row, chained, committed before the response.
    from sqlalchemy import event as orm_event

    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    reviewer = people[("A", Role.REVIEWER)]
    rca = start_rca(debrief.incident, actor=reviewer, level="concise", terms_of_reference="Review the response.")
    sign_in(client, reviewer.email)
    built: list[str] = []

    def on_init(target, _args, _kwargs):
        built.append(target.action if hasattr(target, "action") else "?")

    orm_event.listen(AuditEvent, "init", on_init)
    try:
        for url in (f"/rca/{rca.id}", f"/rca/{rca.id}/graph", f"/rca/{rca.id}/chronology", "/review/"):
            get_page(client, url)
    finally:
        orm_event.remove(AuditEvent, "init", on_init)
    assert built == []
    assert [e.details["page"] for e in views("rca.viewed")][:1] == ["overview"]
    assert len(views("rca.viewed")) == 3
