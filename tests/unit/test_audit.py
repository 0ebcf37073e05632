"""Audit events are declared, carry their required keys, and cannot be changed once written."""
from __future__ import annotations

import pytest
from sqlalchemy import text

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
