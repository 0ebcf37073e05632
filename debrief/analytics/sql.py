"""SQL pieces the Patterns queries share: incident and RCA filters, month keys, dialect differences."""
from __future__ import annotations

import json

from sqlalchemy import Integer, Text, case, cast, exists, extract, func, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from debrief.analytics.filters import PatternFilters
from debrief.models import Debrief, Incident, IncidentTheme, UseOfForceRecord
from debrief.models.analytics_summary import DebriefSummary, UseOfForceSummary
from debrief.models.debrief import DebriefStatus


def incident_conditions(filters: PatternFilters, incident=Incident) -> list[ColumnElement[bool]]:
    """Incidents that happened in the months chosen, of the forces in scope, of the type and kind chosen."""
    conditions: list[ColumnElement[bool]] = [
        incident.occurred_at >= filters.start, incident.occurred_at < filters.end]
    if filters.force_ids is not None:
        conditions.append(incident.force_id.in_(filters.force_ids))
    if filters.theme:
        conditions.append(exists().where(IncidentTheme.incident_id == incident.id,
                                         IncidentTheme.theme == filters.theme))
    if filters.near_miss is not None:
        conditions.append(incident.near_miss.is_(filters.near_miss))
    return conditions


def debriefed_incident_conditions(filters: PatternFilters, incident=Incident) -> list[ColumnElement[bool]]:
    """incident_conditions, of incidents with at least one submitted debrief: the reviewers' queue counts these."""
    return [*incident_conditions(filters, incident),
            exists().where(Debrief.incident_id == incident.id, Debrief.status == DebriefStatus.SUBMITTED)]


def national_conditions(filters: PatternFilters, table=UseOfForceRecord) -> list[ColumnElement[bool]]:
    """National rows of the months and forces chosen (month keys use the (force, month) index)."""
    conditions: list[ColumnElement[bool]] = [table.incident_month.between(filters.month_from, filters.month_to)]
    if filters.force_ids is not None:
        conditions.append(table.force_id.in_(filters.force_ids))
    if not filters.national:
        conditions.append(~true())
    return conditions


def summary_conditions(filters: PatternFilters, measure: str) -> list[ColumnElement[bool]]:
    """Rows of the national data's monthly rollup for one measure, months and forces (see analytics_summary)."""
    return [UseOfForceSummary.measure == measure, *national_conditions(filters, UseOfForceSummary)]


def debrief_summary_conditions(filters: PatternFilters, measure: str | None) -> list[ColumnElement[bool]]:
    """Rows of the debriefs' monthly rollup for one measure (None: every measure) and the filters chosen."""
    table = DebriefSummary
    conditions: list[ColumnElement[bool]] = [
        table.theme == (filters.theme or ""), table.incident_month.between(filters.month_from, filters.month_to)]
    if measure is not None:
        conditions.insert(0, table.measure == measure)
    if filters.force_ids is not None:
        conditions.append(table.force_id.in_(filters.force_ids))
    if filters.near_miss is not None:
        conditions.append(table.near_miss.is_(filters.near_miss))
    if not filters.debriefs:
        conditions.append(~true())
    return conditions


def rollup_for(filters: PatternFilters, measure: str, national: bool):
    """(table, conditions) of the rollup rows one source gives for `measure`: both rollups share their columns."""
    if national:
        return UseOfForceSummary, summary_conditions(filters, measure)
    return DebriefSummary, debrief_summary_conditions(filters, measure)


def month_of(column) -> ColumnElement[int]:
    """YYYYMM of a datetime column, the same on SQLite and PostgreSQL."""
    return cast(extract("year", column) * 100 + extract("month", column), Integer)


def hour_of(column) -> ColumnElement[int]:
    return cast(extract("hour", column), Integer)


def count_if(condition) -> ColumnElement[int]:
    """SUM(CASE WHEN condition THEN 1 ELSE 0 END): one counter per code in a single pass."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def days_between(session: Session, later, earlier) -> ColumnElement[float]:
    """Days (with fractions) from `earlier` to `later`, two datetime columns."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return extract("epoch", later - earlier) / 86400.0


def day_of(column) -> ColumnElement:
    """The calendar day of a datetime column: date() is a function on SQLite and PostgreSQL alike."""
    return func.date(column)


def escape_like(text: str) -> str:
    """`text` with LIKE's wildcards (`%`, `_`) and the escape character itself escaped, for `escape="\\"`."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def json_has(column, code: str) -> ColumnElement[bool]:
    """Whether a JSON list of codes holds `code`: a LIKE on the list's text for the serialised `"code"`.

    The quotes make the match exact (one code is never a part of another) and the wildcards are escaped, so the
    `_` in a code matches only an underscore. The same on SQLite and PostgreSQL.
    """
    return cast(column, Text).like(f"%{escape_like(json.dumps(code))}%", escape="\\")


def commit_build(session: Session) -> bool:
    """Commit a rollup build; False if another request built the very first one at the same moment.

    The two would both insert the state row (id 1): the loser's build is rolled back and the winner's used.
    """
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True
