"""The benchmark's bulk loader writes rows the application reads back as it reads its own."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from bench.patterns_data import load
from debrief.extensions import db
from debrief.models import (
    Debrief, Force, Incident, RcaAction, RcaNode, RootCauseAnalysis, UseOfForceRecord, UseOfForceTactic, User,
)
from debrief.models.incident import IncidentOfficer
from debrief.models.use_of_force import TACTIC_BITS, from_mask
from debrief.reference import MAIN_DUTIES, codes

TODAY = date(2026, 6, 30)


def test_a_small_load_is_readable_and_the_ids_carry_on(app):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    result = load(url, uof_rows=3_000, debriefs=400, forces=3, rcas=40, quiet=True, today=TODAY)
    db.session.expire_all()

    assert set(result.forces) == {"PDA", "PDB", "PDC"}
    assert result.counts["use_of_force"] == 3_000 and result.counts["debrief"] == 400
    per_force = dict(db.session.execute(
        select(UseOfForceRecord.force_id, func.count()).group_by(UseOfForceRecord.force_id)).all())
    assert sorted(per_force.values(), reverse=True) == [1_500, 1_000, 500]  # shares 3:2:1

    record = db.session.scalar(select(UseOfForceRecord).order_by(UseOfForceRecord.id.desc()).limit(1))
    assert record.incident_date <= TODAY
    assert record.incident_month == record.incident_date.year * 100 + record.incident_date.month
    assert record.incident_time is None or record.incident_hour == record.incident_time.hour
    assert {t.tactic for t in record.tactic_rows} == set(from_mask(TACTIC_BITS, record.tactics))
    assert db.session.scalar(select(func.count()).select_from(UseOfForceTactic)) == result.counts[
        "use_of_force_tactic"]

    debrief = db.session.scalar(select(Debrief).where(Debrief.status == "submitted").limit(1))
    assert debrief.submitted_at > debrief.incident.occurred_at
    assert isinstance(debrief.reasons, list) and debrief.section_status["declaration"] == "completed"
    assert db.session.scalar(select(func.count()).select_from(Incident)) == result.counts["incident"]
    signed = db.session.scalar(select(func.count()).select_from(RootCauseAnalysis)
                               .where(RootCauseAnalysis.status == "signed_off"))
    assert 0 < signed <= 40
    assert db.session.scalar(select(func.count(RcaNode.id)).where(RcaNode.category.is_not(None))) > 40 * 3
    assert db.session.scalar(select(func.count(RcaAction.id))) >= 40

    # The officers' role on the day is a main-duty code, as the debrief form stores it (not free text).
    roles = set(db.session.scalars(select(IncidentOfficer.role_on_day).where(IncidentOfficer.role_on_day.is_not(None))))
    assert roles and roles <= set(codes(MAIN_DUTIES))

    reviewer = db.session.scalar(select(User).where(User.email == result.users[("PDA", "reviewer")]))
    assert reviewer.force.code == "PDA" and {r.value for r in reviewer.roles} == {"reviewer"}

    # The application can still add rows: on PostgreSQL the id sequences were moved past the loaded ids.
    db.session.add(Force(code="NEW", name="New Force"))
    db.session.commit()
    assert db.session.scalar(select(Force.id).where(Force.code == "NEW")) == 4
