"""Keep the national data's profile rollup (see models/national_profile.py) current: the one function to run
after national data is imported is `ensure_fresh`; `national_summary.ensure_fresh` calls it, so every path that
brings the first rollup up to date (the import command, the demo seeding, a dashboard view) brings this one too.
"""
from __future__ import annotations

from sqlalchemy import String, case, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from debrief.analytics import risk
from debrief.analytics.sql import commit_build, count_if
from debrief.models import UseOfForceRecord, UseOfForceTactic
from debrief.models.base import utcnow
from debrief.models.national_profile import UseOfForceProfileState, UseOfForceProfileSummary

SUBJECT_COLUMNS = (("ethnicity", "subject_ethnicity"), ("age_band", "subject_age_band"), ("sex", "subject_sex"))
FLAG_COLUMNS = (("mental", "mental_disability"), ("physical", "physical_disability"))
COLUMNS = ("force_id", "incident_month", "measure", "code", "grp", "records", "effective", "not_effective",
           "staff_injured", "subject_injured")


def _yes_no(column):
    return case((column.is_(True), "yes"), (column.is_(False), "no"), else_="")


def _insert(session: Session, query) -> None:
    table = UseOfForceProfileSummary.__table__
    session.execute(insert(table).from_select([table.c[name] for name in COLUMNS], query))


def add_counts(session: Session, after_id: int = 0) -> None:
    """Add the counts of the records with an id above `after_id` (0: every record): one grouped pass per measure."""
    r, t = UseOfForceRecord, UseOfForceTactic
    new = [r.id > after_id] if after_id else []
    zeros = (literal(0), literal(0), literal(0), literal(0))
    subject = [(f"subject:{name}", func.coalesce(getattr(r, column), "")) for name, column in SUBJECT_COLUMNS]
    subject += [(f"subject:{name}", _yes_no(getattr(r, column))) for name, column in FLAG_COLUMNS]
    for measure, code in subject:
        code = code.label("code")
        _insert(session, select(r.force_id, r.incident_month, literal(measure, String), code, literal("", String),
                                func.count(), *zeros)
                .where(*new).group_by(r.force_id, r.incident_month, code))
    group = risk.national_group("taser").label("grp")
    _insert(session, select(t.force_id, t.incident_month, literal("tactic", String), t.tactic, group, func.count(),
                            count_if(t.effective.is_(True)), count_if(t.effective.is_(False)),
                            count_if(r.staff_injured.is_(True)), count_if(r.subject_injured.is_(True)))
            .join(r, t.record_id == r.id).where(*new).group_by(t.force_id, t.incident_month, t.tactic, group))


def rebuild(session: Session) -> None:
    session.execute(delete(UseOfForceProfileSummary))
    add_counts(session)


def ensure_fresh(session: Session, check_count: bool = False) -> bool:
    """Add the counts of records imported since the last build (or rebuild when the records do not add up); True
    if it changed anything. The highest record id marks what the rollup holds (one cheap query on each view);
    `check_count`, after an import, also compares the number of records, for an import that committed after a
    later one with higher ids. The state row is locked, as the first rollup's is, so two requests never build at
    once."""
    r = UseOfForceRecord

    def stale(state) -> bool:
        if state is None or state.max_record_id != latest:
            return True
        return check_count and state.record_count != session.scalar(select(func.count(r.id)))

    latest = session.scalar(select(func.coalesce(func.max(r.id), 0)))
    if not stale(session.get(UseOfForceProfileState, 1)):
        return False
    state = session.scalar(select(UseOfForceProfileState).where(UseOfForceProfileState.id == 1)
                           .with_for_update().execution_options(populate_existing=True))
    if state is None:
        state = UseOfForceProfileState(id=1, max_record_id=-1, record_count=-1)
        session.add(state)
    if not stale(state):
        session.commit()
        return False
    count = session.scalar(select(func.count(r.id)))
    if state.max_record_id > 0 and latest > state.max_record_id and count - state.record_count == session.scalar(
            select(func.count(r.id)).where(r.id > state.max_record_id)):
        add_counts(session, state.max_record_id)  # just the new rows
    else:
        rebuild(session)
    state.max_record_id, state.record_count, state.built_at = latest, count, utcnow()
    return commit_build(session)
