"""Build the monthly rollup of the national use-of-force data in SQL, and rebuild it when the data changes."""
from __future__ import annotations

from sqlalchemy import String, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from debrief.analytics import national_profile, risk
from debrief.analytics.sql import commit_build, count_if
from debrief.models import UseOfForceRecord, UseOfForceTactic
from debrief.models.analytics_summary import UseOfForceSummary, UseOfForceSummaryState
from debrief.models.base import utcnow
from debrief.models.use_of_force import IMPACT_FACTOR_BITS, OUTCOME_BITS, REASON_BITS, has_code

MASK_MEASURES = (("impact_factor", "impact_factors", IMPACT_FACTOR_BITS), ("reason", "reasons", REASON_BITS),
                 ("outcome", "outcomes", OUTCOME_BITS))
COLUMNS = ("force_id", "incident_month", "measure", "code", "records", "assaulted", "staff_injured",
           "subject_injured", "effective", "not_effective")


def _insert(session: Session, query) -> None:
    table = UseOfForceSummary.__table__
    session.execute(insert(table).from_select([table.c[name] for name in COLUMNS], query))


def _grouped(measure: str, code, *, where=(), counts=None):
    """SELECT force, month, measure, code, the four counts, 0, 0 FROM use_of_force GROUP BY force, month, code."""
    r = UseOfForceRecord
    code = code.label("code")
    counts = counts or (func.count(), count_if(r.assaulted.is_(True)), count_if(r.staff_injured.is_(True)),
                        count_if(r.subject_injured.is_(True)))
    return (select(r.force_id, r.incident_month, literal(measure, String).label("measure"), code, *counts,
                   literal(0), literal(0))
            .where(*where).group_by(r.force_id, r.incident_month, code))


def add_counts(session: Session, after_id: int = 0) -> None:
    """Add to the rollup the counts of the records with an id above `after_id` (0: all of them).

    Rollup rows are summed by every query, so a later import's counts sit beside the earlier ones as
    extra rows: adding new records never needs the old ones read again.
    """
    r, t = UseOfForceRecord, UseOfForceTactic
    new = [r.id > after_id] if after_id else []
    zero = (literal(0), literal(0), literal(0))
    _insert(session, _grouped("all", literal("", String), where=new))
    for measure, injured, severity in (("staff_injury", r.staff_injured, r.staff_injury_severity),
                                       ("subject_injury", r.subject_injured, r.subject_injury_severity)):
        code = func.coalesce(severity, risk.NOT_RECORDED)
        _insert(session, _grouped(measure, code, where=[injured.is_(True), *new], counts=(func.count(), *zero)))
    for dimension in (d for d in risk.DIMENSIONS if d.national):
        _insert(session, _grouped(f"risk:{dimension.key}", risk.national_group(dimension.key), where=new))
    code = t.tactic.label("code")
    _insert(session, select(t.force_id, t.incident_month, literal("tactic", String), code, func.count(),
                            literal(0), literal(0), literal(0), count_if(t.effective.is_(True)),
                            count_if(t.effective.is_(False)))
            .where(*([t.record_id > after_id] if after_id else []))
            .group_by(t.force_id, t.incident_month, code))
    # Mask columns: every code of every mask counted in one pass, reshaped per (force, month) group.
    sums, keys = [], []
    for measure, column, bits in MASK_MEASURES:
        for code_name in bits:
            sums.append(count_if(has_code(getattr(r, column), bits, code_name)))
            keys.append((measure, code_name))
    rows = []
    for force_id, month, *values in session.execute(
            select(r.force_id, r.incident_month, *sums).where(*new).group_by(r.force_id, r.incident_month)):
        for (measure, code_name), n in zip(keys, values):
            if n:
                rows.append({"force_id": force_id, "incident_month": month, "measure": measure, "code": code_name,
                             "records": n, "assaulted": 0, "staff_injured": 0, "subject_injured": 0,
                             "effective": 0, "not_effective": 0})
    if rows:
        session.execute(insert(UseOfForceSummary), rows)


def rebuild(session: Session) -> None:
    """Replace the rollup with fresh counts of every record."""
    session.execute(delete(UseOfForceSummary))
    add_counts(session)


def _rollup_total(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.sum(UseOfForceSummary.records), 0))
                          .where(UseOfForceSummary.measure == "all"))


def current_state(session: Session) -> int:
    """What identifies the national data's contents: rows are only ever added, so the highest id does."""
    return session.scalar(select(func.coalesce(func.max(UseOfForceRecord.id), 0)))


def ensure_fresh(session: Session, check_count: bool = False) -> bool:
    """Bring the rollup up to date if the national data changed since; True if it changed.

    The highest record id marks what the rollup holds. An import that commits after a later one with higher ids
    leaves that mark unchanged, so `check_count` (used after an import, one count(*)) also compares the number of
    records with the number the rollup was built from and rebuilds if they differ.

    The state row is locked (FOR UPDATE on PostgreSQL; SQLite serialises writers) so two requests
    never rebuild at once.
    """
    def stale(state) -> bool:
        if state is None or state.max_record_id != latest:
            return True
        return check_count and state.record_count != session.scalar(
            select(func.count()).select_from(UseOfForceRecord))

    national_profile.ensure_fresh(session, check_count)  # the second rollup, kept by the same callers
    latest = current_state(session)
    if not stale(session.get(UseOfForceSummaryState, 1)):
        return False
    state = session.scalar(select(UseOfForceSummaryState).where(UseOfForceSummaryState.id == 1)
                           .with_for_update().execution_options(populate_existing=True))
    if state is None:
        state = UseOfForceSummaryState(id=1, max_record_id=-1)
        session.add(state)
    if not stale(state):
        session.commit()
        return False
    if state.max_record_id > 0 and latest > state.max_record_id:
        add_counts(session, state.max_record_id)  # rows are only ever added: count just the new ones
    else:
        rebuild(session)
    # A safety net for ids committed out of order (two imports at once): if the totals disagree, rebuild.
    count = session.scalar(select(func.count()).select_from(UseOfForceRecord))
    if _rollup_total(session) != count:
        rebuild(session)
    state.max_record_id = latest
    state.record_count = count
    state.built_at = utcnow()
    return commit_build(session)
