"""The withdrawal migration: a downgrade never puts a withdrawn case study back on a public page (older code knows no
"withdrawn"): it goes back to the learning team, in edit; a published one stays published."""
from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from debrief.extensions import db

BEFORE, AFTER = "5c2e8a7d1f49", "7b3e9c1d5a28"


def test_a_downgrade_keeps_a_withdrawn_case_study_off_every_public_page(empty_app):
    upgrade(revision=AFTER)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO force (id, code, name) VALUES (1, 'AAA', 'Alphashire Police')"))
        for case_id, status in ((1, "withdrawn"), (2, "published")):
            conn.execute(text(
                "INSERT INTO case_study (id, force_id, status, title, summary, what_happened, findings_key_learning, "
                "action_taken, outcome_for_individuals, recommendations, themes, factor_categories, "
                "operational_areas, deny_terms, status_reason, position, created_at, updated_at, version, "
                f"withdrawn_at) VALUES ({case_id}, 1, '{status}', 'T', 'S', '', '', '', '', '', '[]', '[]', '[]', "
                "'[]', '', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, "
                f"{chr(39) + '2026-02-01 00:00:00' + chr(39) if status == 'withdrawn' else 'NULL'})"))
    downgrade(revision=BEFORE)
    with db.engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(text("SELECT id, status FROM case_study ORDER BY id"))] == [
            (1, "in_edit"), (2, "published")]
