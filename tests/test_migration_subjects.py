"""The per-subject use-of-force migration keeps existing answers readable: one subject per debrief that used force."""
from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from debrief.extensions import db

BEFORE, AFTER = "ab0aac5220d8", "c15b0a7e2d41"


def _rows(sql: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_existing_tactics_and_subject_injuries_move_onto_one_subject_each(empty_app):
    upgrade(revision=BEFORE)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO force (id, code, name) VALUES (1, 'AAA', 'Alphashire Police')"))
        conn.execute(text("INSERT INTO \"user\" (id, email, name, force_id, password_hash, active, created_at) "
                          "VALUES (1, 'a@a.example', 'A', 1, 'x', true, '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO incident (id, force_id, reference, reporter_id, about_status, people_status, "
                          "created_at, updated_at) VALUES (1, 1, 'AAA-1', 1, 'completed', 'completed', "
                          "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        for debrief_id, kind, used in ((1, "hot", True), (2, "cold", False)):
            conn.execute(text(
                "INSERT INTO debrief (id, incident_id, author_id, kind, status, created_at, updated_at, section_status, "
                "schema_version, used_force, reasons, impact_factors, declaration) VALUES "
                f"({debrief_id}, 1, 1, '{kind}', 'submitted', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '{{}}', 1, "
                f"{'true' if used else 'false'}, '[]', '[]', true)"))
        conn.execute(text("INSERT INTO debrief_tactic (id, debrief_id, tactic, effective, taser_levels) VALUES "
                          "(1, 1, 'taser', true, '[\"fired\"]'), (2, 1, 'ground_restraint', false, '[]')"))
        conn.execute(text("INSERT INTO injury (id, debrief_id, person, severity, medical_help, hospital) VALUES "
                          "(1, 1, 'subject', 'minor', 'provided', false), (2, 1, 'officer', 'minor', 'none', false), "
                          "(3, 2, 'subject', 'minor', 'none', false)"))
    upgrade(revision=AFTER)
    subjects = _rows("SELECT id, debrief_id, number FROM use_of_force_subject")
    assert [(d, n) for _, d, n in subjects] == [(1, 1)]
    subject = subjects[0][0]
    assert _rows("SELECT id, subject_id FROM debrief_tactic ORDER BY id") == [(1, subject), (2, subject)]
    # The subject's injury moves onto the subject; the officer's, and one from a debrief without force, stay.
    assert _rows("SELECT id, subject_id FROM injury ORDER BY id") == [(1, subject), (2, None), (3, None)]
    downgrade(revision=BEFORE)
    assert _rows("SELECT id, debrief_id, tactic FROM debrief_tactic ORDER BY id") == [
        (1, 1, "taser"), (2, 1, "ground_restraint")]
