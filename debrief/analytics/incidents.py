"""Incidents and near-misses over time, and timeliness: incident → debrief submitted → RCA signed off."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from debrief.analytics.filters import PatternFilters
from debrief.analytics.rollup_reads import sums
from debrief.analytics.sql import day_of, debrief_summary_conditions, incident_conditions, summary_conditions
from debrief.analytics.tables import Table
from debrief.models import Incident, RcaAction, Recommendation, RootCauseAnalysis
from debrief.models.analytics_summary import DebriefSummary, UseOfForceSummary as S
from debrief.models.rca import OPEN_ACTION_STATUSES, RcaStatus
from debrief.rca.workdays import RCA_WORKING_DAYS, add_working_days

INCIDENTS = "Incidents (debriefs)"
NEAR_MISSES = "Near misses (debriefs)"
NATIONAL_USES = "Uses of force (national data)"
HEADLINE_INCIDENTS = "Incidents with a submitted debrief"
HEADLINE_NEAR_MISSES = "Near misses with a submitted debrief"
# The debriefs' rollup measure of incidents with at least one submitted debrief, and its two codes (debrief_summary).
ROLLUP_INCIDENTS, ROLLUP_INCIDENT, ROLLUP_NEAR_MISS = "incidents", "incident", "near_miss"

# Upper bounds in days (exclusive) of the time from the incident to a debrief's submission.
SUBMISSION_BANDS: tuple[tuple[float | None, str], ...] = (
    (1, "Within 1 day"),
    (3, "1 to 3 days"),
    (7, "3 to 7 days"),
    (28, "1 to 4 weeks"),
    (None, "More than 4 weeks"),
)
RCA_ON_TIME = f"Signed off within {RCA_WORKING_DAYS} working days"
RCA_LATE = f"Signed off after {RCA_WORKING_DAYS} working days"
RCA_OPEN = f"Not signed off, within {RCA_WORKING_DAYS} working days"
RCA_OPEN_LATE = f"Not signed off, past {RCA_WORKING_DAYS} working days"


def incidents_per_month(session: Session, filters: PatternFilters) -> Table:
    """Incidents and near misses a month from debriefs; national use-of-force records a month beside them."""
    columns = ["Month"]
    by_month: dict[int, list[int]] = {m: [] for m in filters.months}
    if filters.debriefs:
        columns += [INCIDENTS, NEAR_MISSES]
        # From the debriefs' monthly rollup: incidents with at least one submitted debrief (see debrief_summary).
        counted = sums(session, filters).by_month_code(ROLLUP_INCIDENTS, national=False)
        for m in filters.months:
            by_month[m] += [counted.get((m, ROLLUP_INCIDENT), 0), counted.get((m, ROLLUP_NEAR_MISS), 0)]
    if filters.shows_national:
        columns.append(NATIONAL_USES)
        found = sums(session, filters).by_month("all", national=True) if filters.national else {}
        for m in filters.months:
            by_month[m].append(found.get(m, 0))
    table = Table(columns, [[filters.month_name(m), *by_month[m]] for m in filters.months])
    if filters.debriefs:
        table.notes.append("Incidents and near misses with at least one submitted debrief, as in the reviewers' "
                           "queue; drafts are not counted.")
    if filters.shows_national and not filters.national:
        table.notes.append("The national data holds uses of force only, none of them near misses, "
                           "so it has nothing for these filters.")
    return table


def submission_band(days):
    """The SUBMISSION_BANDS label of a number of days (an SQL expression)."""
    whens = [(days < bound, label) for bound, label in SUBMISSION_BANDS if bound is not None]
    return case(*whens, else_=SUBMISSION_BANDS[-1][1])


def debrief_timeliness(session: Session, filters: PatternFilters) -> Table:
    """Submitted debriefs by how long after the incident they were submitted, hot and cold apart."""
    columns = ["Time from incident to debrief submitted", "Hot debriefs", "Cold debriefs"]
    if not filters.debriefs:
        return Table(columns, [[label, 0, 0] for _, label in SUBMISSION_BANDS],
                     ["Debriefs are left out by the source chosen."])
    found: dict[str, dict[str, int]] = {}
    for kind in ("hot", "cold"):  # from the debriefs' monthly rollup (see debrief_summary)
        found[kind] = {code: counts[0] for code, counts in
                       sums(session, filters).by_code(f"submission:{kind}", national=False).items()}
    return Table(columns, [[label, found["hot"].get(label, 0), found["cold"].get(label, 0)]
                           for _, label in SUBMISSION_BANDS])


def _as_day(value) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@lru_cache(maxsize=8192)
def _deadline(started: date) -> date:
    """The day an RCA started on must be signed off by: the working-day walk runs once per start day per process
    (a page over five years has thousands of (start, sign-off) pairs but far fewer start days)."""
    return add_working_days(started, RCA_WORKING_DAYS)


def rca_band(started, signed, today: date) -> str:
    """Where an RCA started on `started` and signed off on `signed` (None: not yet) stands against the standard."""
    deadline = _deadline(_as_day(started))
    signed = _as_day(signed)
    if signed is not None:
        return RCA_ON_TIME if signed <= deadline else RCA_LATE
    return RCA_OPEN if today <= deadline else RCA_OPEN_LATE


def rca_timeliness(session: Session, filters: PatternFilters) -> Table:
    """RCAs against the 60-working-day standard, counted from the day each started.

    SQL groups RCAs by (start day, sign-off day); the working-day arithmetic (bank holidays)
    then runs once per distinct start day, never per row.
    """
    signed_day = day_of(RootCauseAnalysis.signed_off_at)
    rows = session.execute(
        select(RootCauseAnalysis.started_on, signed_day, func.count())
        .select_from(RootCauseAnalysis).join(Incident, RootCauseAnalysis.incident_id == Incident.id)
        .where(*incident_conditions(filters))
        .group_by(RootCauseAnalysis.started_on, signed_day)).all() if filters.debriefs else []
    counts = {RCA_ON_TIME: 0, RCA_LATE: 0, RCA_OPEN: 0, RCA_OPEN_LATE: 0}
    for started, signed, n in rows:
        counts[rca_band(started, signed, filters.today)] += n
    table = Table(["Root-cause analyses", "Number"], [[label, n] for label, n in counts.items()])
    table.notes.append(f"The standard is {RCA_WORKING_DAYS} working days (England and Wales bank holidays "
                       "excluded) from the day the RCA started, whatever due date was later agreed.")
    return table


@lru_cache(maxsize=128)
def _headline_statement(filters: PatternFilters) -> tuple[tuple[str, ...], Select | None]:
    """The headline's labels and statement, built once for each filters value and then reused: it is a function of
    the filters alone, and building it cost more than running it (the rows are read afresh every time)."""
    figures: dict[str, object] = {}
    if filters.debriefs:
        incidents = debrief_summary_conditions(filters, ROLLUP_INCIDENTS)
        rcas = (select(RootCauseAnalysis.id).join(Incident, RootCauseAnalysis.incident_id == Incident.id)
                .where(*incident_conditions(filters)))
        overdue = RcaAction.status.in_(OPEN_ACTION_STATUSES) & (RcaAction.due_on < filters.today)
        for label, code in ((HEADLINE_INCIDENTS, ROLLUP_INCIDENT), (HEADLINE_NEAR_MISSES, ROLLUP_NEAR_MISS)):
            figures[label] = (select(func.coalesce(func.sum(DebriefSummary.records), 0))
                              .where(*incidents, DebriefSummary.code == code))
        figures["Debriefs submitted"] = (select(func.coalesce(func.sum(DebriefSummary.records), 0))
                                         .where(*debrief_summary_conditions(filters, "all")))
        figures["Root-cause analyses signed off"] = (
            select(func.count()).select_from(RootCauseAnalysis)
            .where(RootCauseAnalysis.id.in_(rcas), RootCauseAnalysis.status == RcaStatus.SIGNED_OFF))
        figures["Overdue actions"] = (
            select(func.count()).select_from(RcaAction)
            .join(Recommendation, RcaAction.recommendation_id == Recommendation.id)
            .where(Recommendation.rca_id.in_(rcas), overdue))
    if filters.shows_national:
        figures["Uses of force in the national data"] = (select(func.coalesce(func.sum(S.records), 0))
                                                         .where(*summary_conditions(filters, "all")))
    if not figures:
        return (), None
    return tuple(figures), select(*(query.scalar_subquery() for query in figures.values()))


def headline(session: Session, filters: PatternFilters) -> Table:
    """The overview's few numbers for the months and forces chosen: one statement of scalar subqueries."""
    labels, statement = _headline_statement(filters)
    if statement is None:
        return Table(["Figure", "Number"], [])
    values = session.connection().execute(statement).one()  # Core: no ORM entities to load
    return Table(["Figure", "Number"], [[label, int(value or 0)] for label, value in zip(labels, values)])
