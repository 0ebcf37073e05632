"""A page's read audit takes the fewest statements the hash chain allows (PostgreSQL: one, the link's upsert as a CTE of
the insert; SQLite: two) and keeps every force's chain whole, mixed with written events and under racing readers."""
from __future__ import annotations

import threading

from sqlalchemy import event, select

from debrief.audit import record, record_read
from debrief.audit.chain import verify
from debrief.extensions import db
from debrief.models import AuditEvent
from tests.support.factories import create_force
from tests.support.statements import counting


def test_a_read_is_linked_and_stored_in_the_fewest_statements(app):
    force_id = create_force(code="AAA", name="Alphashire Police").id
    with counting() as statements:
        first = record_read("audit.viewed", actor=None, force_id=force_id, page=1)
    assert len(statements) == (1 if db.engine.dialect.name == "postgresql" else 2)
    record("auth.sign_in_failed", actor=None, force_id=force_id, email="x@y", reason="test")
    db.session.commit()
    third = record_read("audit.viewed", actor=None, force_id=force_id, page=2)
    stored = db.session.get(AuditEvent, third.id)
    assert (stored.chain_seq, stored.prev_hash, stored.hash) == (third.chain_seq, third.prev_hash, third.hash)
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.force_id == force_id)
                                .order_by(AuditEvent.chain_seq)).all()
    assert [e.chain_seq for e in events] == [1, 2, 3] and events[0].id == first.id
    assert events[0].prev_hash == "" and all(b.prev_hash == a.hash for a, b in zip(events, events[1:]))
    assert all(report.ok for report in verify(db.session))


def test_a_read_builds_no_model_object_and_stores_what_it_returns(app):
    force_id = create_force(code="AAA", name="Alphashire Police").id
    built: list[object] = []

    def on_init(target, _args, _kwargs):
        built.append(target)

    event.listen(AuditEvent, "init", on_init)
    try:
        read = record_read("review.queue_viewed", actor=None, force_id=force_id, count=3, filters={"theme": "x"})
    finally:
        event.remove(AuditEvent, "init", on_init)
    assert built == []  # plain values to a Core insert, not an ORM instance
    stored = db.session.get(AuditEvent, read.id)
    assert (stored.action, stored.force_id, stored.actor_id, stored.details) == (
        "review.queue_viewed", force_id, None, {"count": 3, "filters": {"theme": "x"}})
    assert (stored.at, stored.chain_seq, stored.prev_hash, stored.hash) == (read.at, read.chain_seq, read.prev_hash,
                                                                           read.hash)
    assert all(report.ok for report in verify(db.session))


def test_readers_racing_on_one_force_keep_its_chain_whole(app):
    force_id = create_force(code="AAA", name="Alphashire Police").id
    start, failures = threading.Barrier(4), []

    def reader(n: int) -> None:
        with app.app_context():
            start.wait()
            try:
                for k in range(6):
                    record_read("audit.viewed", actor=None, force_id=force_id, page=n * 10 + k)
            except Exception as error:  # noqa: BLE001 - reported below
                failures.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    seqs = db.session.scalars(select(AuditEvent.chain_seq).where(AuditEvent.force_id == force_id)).all()
    assert sorted(seqs) == list(range(1, 25))
    assert all(report.ok for report in verify(db.session))
