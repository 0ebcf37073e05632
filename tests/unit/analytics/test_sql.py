"""The shared SQL pieces: a code in a JSON list of codes matches only itself (run on SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, literal, select

from debrief.analytics.sql import escape_like, json_has
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief
from tests.support.factories import submitted_debrief


def has(codes: list[str], code: str) -> bool:
    return bool(db.session.scalar(select(json_has(literal(codes, JSON), code))))


def test_escape_like_escapes_the_wildcards_and_the_escape_character():
    assert escape_like('a_b%c\\d') == 'a\\_b\\%c\\\\d'


def test_json_has_matches_a_code_exactly(app):
    assert has(["alcohol", "drugs"], "alcohol")
    assert has(["use_of_force"], "use_of_force")
    assert not has(["alcohol_and_drugs"], "alcohol")   # the quotes: one code is never a part of another
    assert not has([], "alcohol")


def test_an_underscore_in_a_code_matches_only_an_underscore(app):
    # Unescaped, LIKE's `_` would match any one character: "use_of_force" would match "useXofXforce".
    assert not has(["useXofXforce"], "use_of_force")
    assert not has(["use-of-force"], "use_of_force")
    assert not has(["a%b"], "a_b") and not has(["a_b"], "a%b")


def test_json_has_on_a_stored_json_column(people):
    officer = people[("A", Role.OFFICER)]
    submitted_debrief(author=officer, occurred_at=datetime(2026, 3, 10, 10, 0), impact_factors=["alcoholXdrugs"])
    db.session.commit()
    assert db.session.scalar(select(Debrief.id).where(json_has(Debrief.impact_factors, "alcohol_drugs"))) is None
    assert db.session.scalar(select(Debrief.id).where(json_has(Debrief.impact_factors, "alcoholXdrugs"))) is not None
