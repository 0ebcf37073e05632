"""Drill-down: the records behind a count on the Patterns pages, for those allowed to see them.

A PSD reviewer looking at their own force follows a debrief or RCA count to the incidents or RCAs it counts; the
learning team follows it to the anonymised released findings and published case studies that came from those
RCAs, never to the records themselves; anyone else gets no links. National data counts have no records here.
The conditions of the risk, trends, timeliness and recommendation and action figures are in drill_more.
A withheld cell (fewer than 5, withheld, small base) never links, and the records page refuses one asked for
by address: it recounts the figure through the suppression policy first.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from debrief import reference as ref
from debrief.analytics import drill_more, incidents, risk, trends, use_of_force
from debrief.analytics.debrief_topics import BITS
from debrief.analytics.filters import PatternFilters, add_months, month_start
from debrief.analytics.sql import debriefed_incident_conditions, incident_conditions
from debrief.analytics.training_topics import TOPICS
from debrief.auth.roles import Permission, Role
from debrief.models import (
    CaseStudy, Debrief, DebriefReflectionTopics, DebriefTactic, Incident, Injury, RcaNode, RootCauseAnalysis, User,
)
from debrief.models.debrief import DebriefStatus
from debrief.models.rca import RcaStatus
from debrief.publications.workflow import CaseStudyStatus
from debrief.rca.framework import CATEGORIES, UNCATEGORISED, category_name
from debrief.rca.graph import FACTOR, ROOT_CAUSE

INCIDENTS, RCAS = "incidents", "rcas"
LIMIT = 100
Condition = Callable[[PatternFilters, str, str], list[ColumnElement[bool] | drill_more.Later] | None]


PER_COLUMN = "per column"


@dataclass(frozen=True, slots=True)
class Drill:
    kind: str  # INCIDENTS (incidents with a submitted debrief) or RCAS (signed-off RCAs, or any: any_stage)
    columns: tuple[str, ...]  # the columns whose counts link
    condition: Condition  # (filters, row label, column) -> extra conditions, None if the row is not one it knows
    # What the figure counts, when it is not the records listed (the list page says why the numbers differ);
    # PER_COLUMN: what the clicked column's own heading names (the figure's definition, not a second one).
    counts: str = ""
    any_stage: bool = False  # an RCA drill over RCAs at any stage, as the figure counts them
    scope: Callable[[PatternFilters], PatternFilters] | None = None  # the filters the figure counts over, if wider


def _submitted(*where) -> ColumnElement[bool]:
    return exists().where(Debrief.incident_id == Incident.id, Debrief.status == DebriefStatus.SUBMITTED, *where)


def _month(filters: PatternFilters, label: str, column: str):
    month = next((m for m in filters.months if filters.month_name(m) == label), None)
    if month is None:
        return None
    return [Incident.occurred_at >= month_start(month), Incident.occurred_at < month_start(add_months(month, 1)),
            Incident.near_miss.is_(True) if column == incidents.NEAR_MISSES else Incident.near_miss.is_not(True)]


def _code(vocab, label: str) -> str | None:
    return next((c.code for c in vocab if c.label == label), None)


def _tactic(filters: PatternFilters, label: str, column: str):
    code = _code(ref.TACTICS, label)
    return None if code is None else [_submitted(exists().where(DebriefTactic.debrief_id == Debrief.id,
                                                                DebriefTactic.tactic == code))]


def _injury(filters: PatternFilters, label: str, column: str):
    code = _code(ref.INJURY_SEVERITIES, label)
    if code is None:
        return None
    person = Injury.person == "subject" if column.startswith("Subjects") else Injury.person != "subject"
    return [_submitted(exists().where(Injury.debrief_id == Debrief.id, Injury.severity == code, person))]


def _topic(filters: PatternFilters, label: str, column: str):
    code = next((t.code for t in TOPICS if t.title == label), None)
    if code is None:
        return None
    mask = DebriefReflectionTopics.mask
    return [_submitted(exists().where(DebriefReflectionTopics.debrief_id == Debrief.id,
                                      mask.op("&")(BITS[code]) == BITS[code]))]


def _category(kinds: tuple[str, ...]) -> Condition:
    names = {category_name(c.code): c.code for c in CATEGORIES} | {category_name(UNCATEGORISED): UNCATEGORISED}

    def condition(filters: PatternFilters, label: str, column: str):
        code = names.get(label)
        if code is None:
            return None
        category = RcaNode.category == code if code != UNCATEGORISED else \
            (RcaNode.category.is_(None) | (RcaNode.category == UNCATEGORISED))
        return [exists().where(RcaNode.rca_id == RootCauseAnalysis.id, RcaNode.kind.in_(kinds), category)]
    return condition


D = use_of_force.DEBRIEFS
DRILLS: dict[str, Drill] = {
    "incidents-per-month": Drill(INCIDENTS, (incidents.INCIDENTS, incidents.NEAR_MISSES), _month),
    "tactics": Drill(INCIDENTS, (f"Used ({D})",), _tactic),
    "injuries": Drill(INCIDENTS, (f"Subjects ({D})", f"Officers and staff ({D})"), _injury),
    "training-debrief-topics": Drill(INCIDENTS, ("Debriefs raising it",), _topic),
    "factor-categories": Drill(RCAS, ("RCAs where it appears",), _category((FACTOR, ROOT_CAUSE))),
    "root-causes": Drill(RCAS, ("RCAs",), _category((ROOT_CAUSE,))),
    "debrief-timeliness": Drill(INCIDENTS, ("Hot debriefs", "Cold debriefs"), drill_more.debrief_timeliness_condition,
                                counts="submitted debriefs"),
    "rca-timeliness": Drill(RCAS, ("Number",), drill_more.rca_timeliness_condition, any_stage=True),
    "recommendations": Drill(RCAS, ("Number",), drill_more.recommendation_condition, counts="recommendations",
                             any_stage=True),
    "actions": Drill(RCAS, ("Actions", "Overdue"), drill_more.action_condition, counts="actions", any_stage=True),
}
DRILLS.update({f"risk-{d.key.replace('_', '-')}-debriefs": Drill(INCIDENTS, drill_more.RISK_COLUMNS,
                                                                 drill_more.risk_condition(d),
                                                                 counts=PER_COLUMN)
               for d in risk.DIMENSIONS})
DRILLS.update({f"trend-{m.key}-{per}": Drill(INCIDENTS, (trends.THIS_YEAR, trends.LAST_YEAR),
                                             drill_more.trend_condition, counts="submitted debriefs",
                                             scope=drill_more.trend_scope)
               for m in trends.MEASURES if m.source == "debriefs" for per in ("months", "quarters")})
# What the other figures count where it is not the incidents or RCAs listed.
COUNTS = {"tactics": "uses of the tactic recorded in debriefs", "injuries": "injuries recorded in debriefs",
          "training-debrief-topics": "submitted debriefs"}


@lru_cache(maxsize=8192)
def lists_row(figure_key: str, filters: PatternFilters, label: str, column: str) -> bool:
    """Whether the figure's drill can list the records behind a row and column (its condition is not None).

    A condition is a function of these four alone (what needs the database is a `Later`, run only when the list is
    asked for), so the answer is worked out once for each and kept: building the conditions of every cell of a page
    just to see that they exist cost more than the page's figures.
    """
    return DRILLS[figure_key].condition(filters, label, column) is not None


def audience(user: User, filters: PatternFilters) -> str | None:
    """Whom the links serve: "records" (a reviewer over their own force), "findings" (the learning team), or None."""
    if user.has_role(Role.LEARNING):
        return "findings"
    if user.can(Permission.REVIEW_INCIDENTS) and filters.force_ids == (user.force_id,):
        return "records"
    return None


def _rca_conditions(drill: Drill, filters: PatternFilters) -> list:
    signed = [] if drill.any_stage else [RootCauseAnalysis.status == RcaStatus.SIGNED_OFF]
    return [*signed, *incident_conditions(filters)]


def _rca_ids(drill: Drill, filters: PatternFilters, extra: list):
    if drill.kind == RCAS:
        return (select(RootCauseAnalysis.id).join(Incident, RootCauseAnalysis.incident_id == Incident.id)
                .where(*_rca_conditions(drill, filters), *extra))
    return (select(RootCauseAnalysis.id).join(Incident, RootCauseAnalysis.incident_id == Incident.id)
            .where(*debriefed_incident_conditions(filters), *extra))


@dataclass(slots=True)
class Found:
    kind: str  # "incidents", "rcas" or "case studies"
    total: int
    items: list  # Incident, RootCauseAnalysis or CaseStudy rows, at most LIMIT


def records(session: Session, drill: Drill, filters: PatternFilters, label: str, column: str,
            who: str) -> Found | None:
    """The records behind one count, for `who` (see audience); None if the row is not one the figure has."""
    extra = drill.condition(filters, label, column)
    if extra is None:
        return None
    extra = [c if isinstance(c, ColumnElement) else c(session) for c in extra]  # a drill_more.Later needs the session
    filters = drill.scope(filters) if drill.scope else filters
    if who == "findings":
        query = (select(CaseStudy).where(CaseStudy.source_rca_id.in_(_rca_ids(drill, filters, extra)),
                                         CaseStudy.status != CaseStudyStatus.REJECTED))
        kind = "case studies"
    elif drill.kind == RCAS:
        query = (select(RootCauseAnalysis).join(Incident, RootCauseAnalysis.incident_id == Incident.id)
                 .where(*_rca_conditions(drill, filters), *extra))
        kind = RCAS
    else:
        query = select(Incident).where(*debriefed_incident_conditions(filters), *extra)
        kind = INCIDENTS
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    entity = query.column_descriptions[0]["entity"]
    items = list(session.scalars(query.order_by(entity.id.desc()).limit(LIMIT)))
    return Found(kind, total, items)

