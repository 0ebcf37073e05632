"""Audit events are declared, carry their required keys, and cannot be changed once written."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from debrief.audit import EVENTS, record
from debrief.extensions import db
from debrief.models import AuditEvent


def test_every_declared_event_has_a_description():
    assert all(spec.description for spec in EVENTS.values())


def test_undeclared_event_is_refused(app):
    with pytest.raises(KeyError):
        record("made.up", actor=None, force_id=None)


def test_missing_required_keys_are_refused(app):
    with pytest.raises(ValueError, match="email"):
        record("user.created", actor=None, force_id=None, roles=["officer"])


def test_event_is_written_in_the_callers_transaction(app):
    record("auth.sign_in_failed", actor=None, force_id=None, email="x@y", reason="test")
    db.session.rollback()
    assert db.session.query(AuditEvent).count() == 0
    record("auth.sign_in_failed", actor=None, force_id=None, email="x@y", reason="test")
    db.session.commit()
    assert db.session.query(AuditEvent).count() == 1


def test_orm_refuses_to_change_an_event(app):
    event = record("auth.sign_in_failed", actor=None, force_id=None, email="x@y", reason="test")
    db.session.commit()
    event.action = "auth.signed_in"
    with pytest.raises(PermissionError):
        db.session.commit()
    db.session.rollback()
    db.session.delete(event)
    with pytest.raises(PermissionError):
        db.session.commit()
    db.session.rollback()


@pytest.mark.parametrize("sql", ["UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"])
def test_database_refuses_to_change_an_event(app, sql):
    record("auth.sign_in_failed", actor=None, force_id=None, email="x@y", reason="test")
    db.session.commit()
    with pytest.raises(Exception, match="append-only"):
        db.session.execute(text(sql))
        db.session.commit()
    db.session.rollback()
    assert db.session.query(AuditEvent).count() == 1


def _allow_tampering() -> None:
    """What an attacker with the database's owner account could do: switch the append-only guard off."""
    if db.engine.dialect.name == "sqlite":
        for name in ("audit_event_no_update", "audit_event_no_delete"):
            db.session.execute(text(f"DROP TRIGGER {name}"))
    else:
        db.session.execute(text("ALTER TABLE audit_event DISABLE TRIGGER USER"))
    db.session.commit()


def _three_chains():
    from tests.support.factories import create_force

    force = create_force(code="AAA", name="Alphashire Police")
    for n in range(4):
        record("auth.sign_in_failed", actor=None, force_id=force.id, email=f"x{n}@y", reason="test")
        record("auth.sign_in_failed", actor=None, force_id=None, email=f"z{n}@y", reason="test")
        db.session.commit()
    return force


def _verify(app):
    return app.test_cli_runner().invoke(args=["audit-verify"])


def test_events_are_chained_per_force_and_verify_says_ok(app):
    force = _three_chains()
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.force_id == force.id)
                                .order_by(AuditEvent.chain_seq)).all()
    assert [e.chain_seq for e in events] == [1, 2, 3, 4]
    assert events[0].prev_hash == "" and all(b.prev_hash == a.hash for a, b in zip(events, events[1:]))
    outcome = _verify(app)
    assert outcome.exit_code == 0, outcome.output
    assert "AAA: OK, 4 events chained" in outcome.output and "no force: OK, 4 events chained" in outcome.output


@pytest.mark.parametrize(("tamper", "problem"), [
    ("UPDATE audit_event SET details = '{\"email\": \"someone-else@y\", \"reason\": \"test\"}' WHERE id = {id}",
     "content no longer matches"),
    ("DELETE FROM audit_event WHERE id = {id}", "link 2 is missing"),
    ("UPDATE audit_event SET record_id = 'x' WHERE id = {id}", "content no longer matches"),
])
def test_verify_finds_the_first_tampered_event(app, tamper, problem):
    force = _three_chains()
    second, third = db.session.execute(
        select(AuditEvent.id).where(AuditEvent.force_id == force.id).order_by(AuditEvent.chain_seq).offset(1).limit(2)
    ).scalars().all()
    _allow_tampering()
    db.session.execute(text(tamper.replace("{id}", str(second))))
    db.session.execute(text(f"UPDATE audit_event SET action = 'auth.signed_in' WHERE id = {third}"))
    db.session.commit()
    outcome = _verify(app)
    assert outcome.exit_code == 1
    line = next(line for line in outcome.output.splitlines() if line.startswith("AAA"))
    # A changed event is named itself; a deleted one by the next event, which shows the gap.
    expected = f"event {third} (link 3)" if "missing" in problem else f"event {second} (link 2)"
    assert f"BROKEN at {expected}" in line and problem in line
    assert "no force: OK" in outcome.output  # other chains are untouched


def test_deleting_the_latest_event_is_found(app):
    force = _three_chains()
    last = db.session.scalar(select(func.max(AuditEvent.id)).where(AuditEvent.force_id == force.id))
    _allow_tampering()
    db.session.execute(text(f"DELETE FROM audit_event WHERE id = {last}"))
    db.session.commit()
    outcome = _verify(app)
    assert outcome.exit_code == 1 and "the chain ends at link 3 but 4 were written" in outcome.output


def test_insert_or_replace_cannot_rewrite_an_event_on_sqlite(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("INSERT OR REPLACE is SQLite's; PostgreSQL's ON CONFLICT DO UPDATE fires the UPDATE trigger")
    event = record("auth.sign_in_failed", actor=None, force_id=None, email="x@y", reason="test")
    db.session.commit()
    with pytest.raises(Exception, match="append-only"):
        db.session.execute(text(
            "INSERT OR REPLACE INTO audit_event (id, at, action, details) VALUES (:id, '2020-01-01', 'x', '{}')"),
            {"id": event.id})
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.id == event.id)) == "auth.sign_in_failed"


def test_upsert_cannot_rewrite_an_event_on_postgresql(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's upsert")
    event = record("auth.sign_in_failed", actor=None, force_id=None, email="x@y", reason="test")
    db.session.commit()
    with pytest.raises(Exception, match="append-only"):
        db.session.execute(text(
            "INSERT INTO audit_event (id, at, action, details) VALUES (:id, now(), 'x', '{}') "
            "ON CONFLICT (id) DO UPDATE SET action = 'x'"), {"id": event.id})
    db.session.rollback()


def test_writers_racing_on_one_force_keep_its_chain_whole(app):
    import threading

    from debrief.audit.chain import verify
    from tests.support.factories import create_force

    force_id = create_force(code="AAA", name="Alphashire Police").id
    start, failures = threading.Barrier(4), []

    def writer(n: int) -> None:
        with app.app_context():
            start.wait()
            try:
                for k in range(8):
                    record("auth.sign_in_failed", actor=None, force_id=force_id, email=f"{n}.{k}@y", reason="race")
                    db.session.commit()
            except Exception as error:  # noqa: BLE001 - reported below
                failures.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    seqs = db.session.scalars(select(AuditEvent.chain_seq).where(AuditEvent.force_id == force_id)).all()
    assert sorted(seqs) == list(range(1, 33))
    assert all(report.ok for report in verify(db.session))
