"""Learning from signed-off RCAs: factor categories that recur, root causes, what goes wrong together, actions."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import Session, aliased

from debrief.analytics.filters import PatternFilters
from debrief.analytics.rollup_reads import shared
from debrief.analytics.sql import count_if, incident_conditions
from debrief.analytics.tables import Table
from debrief.models import Incident, RcaAction, RcaNode, Recommendation, RootCauseAnalysis
from debrief.models.rca import ACTION_STATUSES, OPEN_ACTION_STATUSES, RcaStatus
from debrief.rca.forms import ACTION_STATUS_LABELS
from debrief.rca.framework import CATEGORIES, UNCATEGORISED, category_name
from debrief.rca.graph import FACTOR, ROOT_CAUSE


def _signed_off(filters: PatternFilters):
    """Signed-off RCAs of incidents that match the filters (an RCA's force is its incident's)."""
    return [RootCauseAnalysis.status == RcaStatus.SIGNED_OFF, *incident_conditions(filters)]


def _category_order(codes) -> list[str]:
    known = [c.code for c in CATEGORIES if c.code in codes]
    return known + sorted(c for c in codes if c not in known)


def _category_rows(session: Session, filters: PatternFilters) -> dict[str, tuple[int, int, int, int]]:
    """{category: (signed-off RCAs where it appears, factors, of which root causes, RCAs with such a root cause)}:
    one GROUP BY, shared by the figures of a page."""
    if not filters.debriefs:
        return {}
    category = func.coalesce(RcaNode.category, UNCATEGORISED)
    root = RcaNode.kind == ROOT_CAUSE

    def load() -> dict[str, tuple[int, int, int, int]]:
        rows = session.execute(
            select(category, func.count(distinct(RcaNode.rca_id)), func.count(), count_if(root),
                   func.count(distinct(case((root, RcaNode.rca_id)))))
            .join(RootCauseAnalysis, RcaNode.rca_id == RootCauseAnalysis.id)
            .join(Incident, RootCauseAnalysis.incident_id == Incident.id)
            .where(RcaNode.kind.in_((FACTOR, ROOT_CAUSE)), *_signed_off(filters))
            .group_by(category)).all()
        return {code: (rcas, factors, roots, root_rcas) for code, rcas, factors, roots, root_rcas in rows}

    return shared(("rca-categories", filters), load)


def category_counts(session: Session, filters: PatternFilters) -> dict[str, tuple[int, int, int]]:
    """{category code: (signed-off RCAs where it appears, factors, of which root causes)}."""
    return {code: counts[:3] for code, counts in _category_rows(session, filters).items()}


def factor_categories(session: Session, filters: PatternFilters) -> Table:
    """Contributory-factor categories: in how many signed-off RCAs each appears, and how many factors."""
    found = category_counts(session, filters)
    table = Table(["Category", "RCAs where it appears", "Contributory factors", "Of which root causes"],
                  [[category_name(code), *found[code]] for code in _category_order(found)])
    table.rows.sort(key=lambda row: -row[1])
    table.notes.append("Signed-off RCAs only. A category that appears in many RCAs is a recurring weakness.")
    return table


def root_causes(session: Session, filters: PatternFilters) -> Table:
    """Confirmed root causes by category, and in how many RCAs."""
    found = {code: (roots, root_rcas) for code, (_, _, roots, root_rcas) in _category_rows(session, filters).items()
             if roots}
    table = Table(["Category", "Root causes", "RCAs"],
                  [[category_name(code), *found[code]] for code in _category_order(found)])
    table.rows.sort(key=lambda row: -row[1])
    return table


def actions_by_status(session: Session, filters: PatternFilters) -> Table:
    """Actions of every RCA's plan by status, with how many are overdue; recommendations counted above them."""
    overdue = RcaAction.status.in_(OPEN_ACTION_STATUSES) & (RcaAction.due_on < filters.today)
    rca_conditions = incident_conditions(filters)
    # One statement: the recommendations in scope with their actions (if any) grouped by status, and the
    # recommendations' own count on every row (a recommendation without actions gives a row of status NULL).
    recommendations_in_scope = (
        select(func.count(Recommendation.id))
        .join(RootCauseAnalysis, Recommendation.rca_id == RootCauseAnalysis.id)
        .join(Incident, RootCauseAnalysis.incident_id == Incident.id).where(*rca_conditions).scalar_subquery())
    rows = session.execute(
        select(RcaAction.status, func.count(RcaAction.id), count_if(overdue), recommendations_in_scope)
        .select_from(Recommendation)
        .outerjoin(RcaAction, RcaAction.recommendation_id == Recommendation.id)
        .join(RootCauseAnalysis, Recommendation.rca_id == RootCauseAnalysis.id)
        .join(Incident, RootCauseAnalysis.incident_id == Incident.id)
        .where(*rca_conditions).group_by(RcaAction.status)).all() if filters.debriefs else []
    recommendations = rows[0][3] if rows else 0
    found = {status: (n, late) for status, n, late, _ in rows if status is not None}
    table = Table(["Status", "Actions", "Overdue"],
                  [[ACTION_STATUS_LABELS[s], *found.get(s, (0, 0))] for s in ACTION_STATUSES])
    table.notes.append(f"{recommendations:,} recommendation{'s' if recommendations != 1 else ''} in these RCAs. "
                       "An action is overdue when it is open or in progress after its due date. "
                       "RCAs at any stage are counted.")
    return table


REC_NO_ACTIONS = "No actions yet"
REC_OVERDUE = "With an overdue action"
REC_OPEN = "Actions under way, none overdue"
REC_CLOSED = "Every action closed"


def recommendations_by_progress(session: Session, filters: PatternFilters) -> Table:
    """Recommendations by the progress of their actions, worst first: one query over a per-recommendation count."""
    if not filters.debriefs:
        return Table(["Recommendations", "Number"], [[label, 0] for label in
                                                     (REC_OVERDUE, REC_OPEN, REC_NO_ACTIONS, REC_CLOSED)])
    open_ = RcaAction.status.in_(OPEN_ACTION_STATUSES)
    per_rec = (select(Recommendation.id.label("rec"), func.count(RcaAction.id).label("actions"),
                      count_if(open_).label("open"), count_if(open_ & (RcaAction.due_on < filters.today)).label("late"))
               .outerjoin(RcaAction, RcaAction.recommendation_id == Recommendation.id)
               .join(RootCauseAnalysis, Recommendation.rca_id == RootCauseAnalysis.id)
               .join(Incident, RootCauseAnalysis.incident_id == Incident.id)
               .where(*incident_conditions(filters)).group_by(Recommendation.id).subquery())
    progress = case((per_rec.c.actions == 0, REC_NO_ACTIONS), (per_rec.c.late > 0, REC_OVERDUE),
                    (per_rec.c.open > 0, REC_OPEN), else_=REC_CLOSED).label("progress")
    found = dict(session.execute(select(progress, func.count()).group_by(progress)).all())
    table = Table(["Recommendations", "Number"],
                  [[label, found.get(label, 0)] for label in (REC_OVERDUE, REC_OPEN, REC_NO_ACTIONS, REC_CLOSED)])
    table.notes.append("Closed means done or not taken forward. RCAs at any stage are counted.")
    return table


@dataclass(frozen=True, slots=True)
class Pair:
    first: str  # category codes, first < second
    second: str
    rcas: int


def factor_pairs(session: Session, filters: PatternFilters) -> list[Pair]:
    """Pairs of categories that appear together in signed-off RCAs, with the number of RCAs holding both.

    One query: the distinct (RCA, category) pairs joined to themselves on the RCA.
    Uncategorised factors say nothing about what went wrong together, so they are left out.
    """
    if not filters.debriefs:
        return []
    per_rca = (select(RcaNode.rca_id.label("rca_id"), RcaNode.category.label("category"))
               .join(RootCauseAnalysis, RcaNode.rca_id == RootCauseAnalysis.id)
               .join(Incident, RootCauseAnalysis.incident_id == Incident.id)
               .where(RcaNode.kind.in_((FACTOR, ROOT_CAUSE)), RcaNode.category.is_not(None),
                      RcaNode.category != UNCATEGORISED, *_signed_off(filters))
               .distinct().subquery())
    a, b = aliased(per_rca), aliased(per_rca)
    rows = session.execute(
        select(a.c.category, b.c.category, func.count())
        .join(b, and_(a.c.rca_id == b.c.rca_id, a.c.category < b.c.category))
        .group_by(a.c.category, b.c.category)).all()
    # Each pair's codes in Python's order (the database's collation may order "_" differently), strongest first.
    return sorted((Pair(*sorted((x, y)), n) for x, y, n in rows), key=lambda p: (-p.rcas, p.first, p.second))


def pairs_table(pairs: list[Pair], *, limit: int | None = None) -> Table:
    """The pairs as a table, in factor_pairs' order (strongest first); `limit` keeps just the first few."""
    shown = pairs[:limit] if limit else pairs
    return Table(["Category", "Goes wrong together with", "RCAs with both"],
                 [[category_name(p.first), category_name(p.second), p.rcas] for p in shown], additive=False)
