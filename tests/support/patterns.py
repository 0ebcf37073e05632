"""Hand-made records for the Patterns tests: debriefs with force answers, national rows, signed-off RCAs."""
from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

from debrief.extensions import db
from debrief.models import (
    DebriefTactic, Force, Injury, RcaAction, RcaNode, Recommendation, RootCauseAnalysis,
    UseOfForceImportRun, UseOfForceRecord, UseOfForceTactic, User,
)
from debrief.models.use_of_force import (
    IMPACT_FACTOR_BITS, OUTCOME_BITS, REASON_BITS, TACTIC_BITS, month_of, to_mask,
)
from debrief.analytics import debrief_summary
from debrief.analytics.national_summary import ensure_fresh
from tests.support.factories import submitted_debrief

_seq = itertools.count(1)


def debrief_with(*, author: User, occurred_at: datetime, tactics=(), injuries=(), role_on_day=None, **answers):
    """A submitted debrief of a new incident; tactics as (code, effective), injuries as (person, severity)."""
    debrief = submitted_debrief(author=author, occurred_at=occurred_at, **answers)
    debrief.tactics = [DebriefTactic(tactic=code, effective=effective) for code, effective in tactics]
    debrief.injuries = [Injury(person=person, severity=severity, medical_help="none") for person, severity in injuries]
    if role_on_day:
        officer = next(o for o in debrief.incident.officers if o.user_id == author.id)
        officer.role_on_day = role_on_day
    db.session.commit()
    debrief_summary.ensure_fresh(db.session)  # the dashboards read the debriefs' monthly rollup
    return debrief


def _run(force: Force) -> UseOfForceImportRun:
    run = UseOfForceImportRun(force_id=force.id, file_name="hand-made.csv", file_sha256="0" * 64,
                              mode="all_or_nothing", status="completed")
    db.session.add(run)
    db.session.flush()
    return run


def national_rows(force: Force, rows: list[dict], *, refresh: bool = True) -> None:
    """National records of `force`: each dict gives `day` and any column; lists of codes become masks."""
    run = _run(force)
    for spec in rows:
        spec = dict(spec)
        day: date = spec.pop("day")
        tactics = spec.pop("tactic_list", ())
        masks = {"impact_factors": IMPACT_FACTOR_BITS, "reasons": REASON_BITS, "outcomes": OUTCOME_BITS}
        for name, bits in masks.items():
            spec[name] = to_mask(bits, spec.get(name, ()))
        n = next(_seq)
        record = UseOfForceRecord(
            force_id=force.id, import_run_id=run.id, source_row=n + 1, fingerprint=f"fp{n:08d}",
            incident_date=day, incident_month=month_of(day), subject_ethnicity_basis="perceived",
            tactics=to_mask(TACTIC_BITS, [code for code, _ in tactics]), locations=0, ced_levels=0, **spec)
        db.session.add(record)
        db.session.flush()
        for code, effective in tactics:
            db.session.add(UseOfForceTactic(record_id=record.id, tactic=code, force_id=force.id,
                                            incident_month=record.incident_month, effective=effective))
    db.session.commit()
    if refresh:
        ensure_fresh(db.session)  # the dashboards read the monthly rollup


def signed_off_rca(debrief, *, lead: User, categories: list[str], root_causes: list[str] = (),
                   started_on: date, signed_off_on: date | None, actions: list[tuple[str, date]] = ()):
    """An RCA of the debrief's incident with one factor per category (root causes as well)."""
    rca = RootCauseAnalysis(
        incident_id=debrief.incident_id, force_id=debrief.incident.force_id, lead_id=lead.id,
        started_on=started_on, due_on=started_on + timedelta(days=84),
        status="signed_off" if signed_off_on else "draft",
        signed_off_at=datetime.combine(signed_off_on, datetime.min.time()).replace(hour=15) if signed_off_on else None)
    rca.nodes = [RcaNode(kind="outcome", label="Outcome")]
    rca.nodes += [RcaNode(kind="factor", label=f"Factor {c}", category=c) for c in categories]
    rca.nodes += [RcaNode(kind="root_cause", label=f"Root cause {c}", category=c) for c in root_causes]
    if actions:
        rca.recommendations = [Recommendation(text="Do better", actions=[
            RcaAction(description="Act", owner="Training", due_on=due, status=status) for status, due in actions])]
    db.session.add(rca)
    db.session.commit()
    return rca
