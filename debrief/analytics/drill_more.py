"""The records behind the counts of the risk, trends, timeliness and recommendation/action figures (see drill.py).

Each condition takes (filters, row label, column) and gives the extra conditions on Incident (an incident drill) or
RootCauseAnalysis (an RCA drill), or None when the row or column is not one it knows. A condition the database
cannot say alone (the 60-working-day standard counts bank holidays) is a `Later`: drill.records runs it with the
session when the list is asked for, never while the page's links are made.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import exists, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from debrief.analytics import incidents, rca_learning, risk, trends
from debrief.analytics.filters import PatternFilters, add_months, month_start
from debrief.analytics.sql import day_of, days_between, incident_conditions
from debrief.models import Debrief, Incident, IncidentOfficer, Injury, RcaAction, Recommendation, RootCauseAnalysis
from debrief.models.debrief import DebriefStatus
from debrief.models.rca import ACTION_STATUS_LABELS, OPEN_ACTION_STATUSES

Later = Callable[[Session], ColumnElement[bool]]


def submitted(*where) -> ColumnElement[bool]:
    """The incident has a submitted debrief that meets `where`."""
    return exists().where(Debrief.incident_id == Incident.id, Debrief.status == DebriefStatus.SUBMITTED, *where)


# -- Who is at risk (the debriefs' tables: the national data has no records here) ---------------------------------

_MEASURE_CONDITIONS = {
    risk.MEASURES[0]: lambda: Debrief.assaulted.is_(True),
    risk.MEASURES[1]: lambda: exists().where(Injury.debrief_id == Debrief.id, Injury.person != "subject"),
    risk.MEASURES[2]: lambda: exists().where(Injury.debrief_id == Debrief.id, Injury.person == "subject"),
}
RISK_DEBRIEFS = "Submitted debriefs"
RISK_COLUMNS = (RISK_DEBRIEFS, *risk.MEASURES)


def _risk_group(dimension: risk.Dimension, label: str) -> ColumnElement[bool] | None | bool:
    """The condition on a debrief for the row `label` (True: the total row), None for a row it does not know."""
    if label == risk.TOTAL_LABEL:
        return True
    group = risk.debrief_group(dimension.key)
    codes = {text: code for code, text in dimension.groups}
    if label in codes:
        return group == codes[label]
    if label == risk.NOT_RECORDED_LABEL:
        return group == risk.NOT_RECORDED
    if label == risk.UNLISTED_LABEL:
        return group.not_in([*codes.values(), risk.NOT_RECORDED])
    return None


def risk_condition(dimension: risk.Dimension):
    def condition(filters: PatternFilters, label: str, column: str):
        group = _risk_group(dimension, label)
        if group is None or column not in RISK_COLUMNS:
            return None
        where = [] if group is True else [group]
        if column in _MEASURE_CONDITIONS:
            where.append(_MEASURE_CONDITIONS[column]())
        # The group of a debrief may be its author's role on the day (as the rollup reads it).
        officer = (select(Debrief.id).select_from(Debrief)
                   .outerjoin(IncidentOfficer, (IncidentOfficer.incident_id == Debrief.incident_id)
                              & (IncidentOfficer.user_id == Debrief.author_id))
                   .where(Debrief.incident_id == Incident.id, Debrief.status == DebriefStatus.SUBMITTED, *where))
        return [officer.exists()]
    return condition


# -- Trends (debriefs submitted, this year and a year earlier) ------------------------------------------------------

def _months_in(filters: PatternFilters, label: str) -> list[int] | None:
    """The months chosen that a row of a trend table covers (a month or a quarter), None if none."""
    months = [m for m in filters.months if filters.month_name(m) == label]
    if months:
        return months
    quarter = [m for m in filters.months if label.startswith("Q{1} {0} (".format(*trends.quarter_of(m)))]
    return quarter or None


def trend_condition(filters: PatternFilters, label: str, column: str):
    """Incidents (with a submitted debrief) of the row's months, or of the same months a year earlier."""
    months = _months_in(filters, label)
    if months is None or column not in (trends.THIS_YEAR, trends.LAST_YEAR):
        return None
    back = 0 if column == trends.THIS_YEAR else -12
    first, last = add_months(min(months), back), add_months(max(months), back)
    return [Incident.occurred_at >= month_start(first), Incident.occurred_at < month_start(add_months(last, 1))]


def trend_scope(filters: PatternFilters) -> PatternFilters:
    return trends.earlier(filters)


# -- Timeliness ------------------------------------------------------------------------------------------------------

_KINDS = {"Hot debriefs": "hot", "Cold debriefs": "cold"}


def debrief_timeliness_condition(filters: PatternFilters, label: str, column: str):
    """Incidents with a hot (or cold) debrief submitted within the row's band of days after the incident."""
    if column not in _KINDS or label not in {text for _, text in incidents.SUBMISSION_BANDS}:
        return None

    def later(session: Session) -> ColumnElement[bool]:
        band = incidents.submission_band(days_between(session, Debrief.submitted_at, Incident.occurred_at))
        return submitted(Debrief.kind == _KINDS[column], Debrief.submitted_at.is_not(None), band == label)
    return [later]


RCA_BANDS = (incidents.RCA_ON_TIME, incidents.RCA_LATE, incidents.RCA_OPEN, incidents.RCA_OPEN_LATE)


def rca_timeliness_condition(filters: PatternFilters, label: str, column: str):
    """RCAs in the row's place against the 60-working-day standard (worked out as incidents.rca_timeliness does)."""
    if label not in RCA_BANDS or column != "Number":
        return None

    def later(session: Session) -> ColumnElement[bool]:
        rows = session.execute(
            select(RootCauseAnalysis.id, RootCauseAnalysis.started_on, day_of(RootCauseAnalysis.signed_off_at))
            .join(Incident, RootCauseAnalysis.incident_id == Incident.id).where(*incident_conditions(filters))).all()
        ids = [rca_id for rca_id, started, signed in rows
               if incidents.rca_band(started, signed, filters.today) == label]
        return RootCauseAnalysis.id.in_(ids)
    return [later]


# -- Recommendations and actions (RCAs at any stage) -----------------------------------------------------------------

def _action(*where) -> ColumnElement[bool]:
    return exists().where(RcaAction.recommendation_id == Recommendation.id, *where)


def recommendation_condition(filters: PatternFilters, label: str, column: str):
    """RCAs holding a recommendation whose actions have the row's progress (as rca_learning counts it)."""
    open_ = RcaAction.status.in_(OPEN_ACTION_STATUSES)
    late = _action(open_, RcaAction.due_on < filters.today)
    progress = {rca_learning.REC_NO_ACTIONS: ~_action(), rca_learning.REC_OVERDUE: late,
                rca_learning.REC_OPEN: _action(open_) & ~late,
                rca_learning.REC_CLOSED: _action() & ~_action(open_)}.get(label)
    if progress is None or column != "Number":
        return None
    return [exists().where(Recommendation.rca_id == RootCauseAnalysis.id, progress)]


def action_condition(filters: PatternFilters, label: str, column: str):
    """RCAs holding an action of the row's status (overdue ones only, under "Overdue")."""
    status = next((s for s, text in ACTION_STATUS_LABELS.items() if text == label), None)
    if status is None or column not in ("Actions", "Overdue"):
        return None
    where = [RcaAction.status == status]
    if column == "Overdue":
        where += [RcaAction.status.in_(OPEN_ACTION_STATUSES), RcaAction.due_on < filters.today]
    return [exists().where(Recommendation.rca_id == RootCauseAnalysis.id,
                           RcaAction.recommendation_id == Recommendation.id, *where)]
