"""Seeding the demo leaves the mail worker only what a real run of the demo's steps would still have to send, once:
one sign-off notice to each reviewer who may sign off an RCA still awaiting sign-off, none about RCAs the demo has
already signed off or returned, and nothing more when seeded again."""
from __future__ import annotations

from sqlalchemy import select

from debrief.demo import seed_demo
from debrief.extensions import db
from debrief.models import OutboxMessage, RootCauseAnalysis


def _pending() -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.is_(None))
                                   .order_by(OutboxMessage.id)))


def test_the_demo_queues_each_waiting_notice_once_and_the_past_ones_as_sent(app, demo_data):
    # demo_data: this test's database is a copy of one a first seed_demo() filled; the second seeding is here.
    waiting = {rca.id for rca in db.session.scalars(select(RootCauseAnalysis).where(
        RootCauseAnalysis.status == "in_review"))}
    assert waiting, "the demo has no RCA awaiting sign-off"
    pending = _pending()
    assert {m.kind for m in pending} <= {"rca_awaiting_sign_off"}
    about = [(int(m.dedupe_key.split(":")[1]), m.recipient) for m in pending]
    assert len(about) == len(set(about)), "a reviewer is told twice about one RCA"
    assert {rca_id for rca_id, _ in about} == waiting
    # The notices about RCAs the demo took past review are history: sent when they were queued, never sent now.
    past = db.session.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.isnot(None))).all()
    assert past and all(int(m.dedupe_key.split(":")[1]) not in waiting for m in past)
    assert all(m.sent_at == m.created_at and m.next_attempt_at is None for m in past)
    count = db.session.scalar(select(db.func.count(OutboxMessage.id)))
    seed_demo()
    assert db.session.scalar(select(db.func.count(OutboxMessage.id))) == count
    assert [m.id for m in _pending()] == [m.id for m in pending]
