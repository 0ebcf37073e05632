"""What the reviewer's queue shows beside the incidents: the RCAs they lead, those waiting for their sign-off, and
their overdue actions, each list in one query whatever the number of RCAs (their incidents, leads, teams and the
people involved loaded with them)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, lazyload, load_only

from debrief.extensions import db
from debrief.models import Debrief, Incident, RcaAction, Recommendation, RootCauseAnalysis, User
from debrief.models.rca import OPEN_ACTION_STATUSES, RcaStatus
from debrief.rca.service import can_sign_off


@dataclass(frozen=True)
class ReviewerRcas:
    mine: list[RootCauseAnalysis]
    awaiting_sign_off: list[RootCauseAnalysis]


def reviewer_rcas(user: User) -> ReviewerRcas:
    """The RCAs `user` leads (by status, then due date) and those in review they may sign off (oldest sent first).

    The sign-off rule (rca.service.can_sign_off) reads the team, the incident's officers and its debriefs' authors:
    they are joined in the same query, for the RCAs in review only, so the rule costs no query of its own."""
    incident = joinedload(RootCauseAnalysis.incident)
    rows = db.session.scalars(
        select(RootCauseAnalysis)
        .where(RootCauseAnalysis.force_id == user.force_id,
               or_(RootCauseAnalysis.lead_id == user.id, RootCauseAnalysis.status == RcaStatus.IN_REVIEW))
        .order_by(RootCauseAnalysis.status, RootCauseAnalysis.due_on)
        .options(lazyload("*"), joinedload(RootCauseAnalysis.lead).lazyload("*"),
                 joinedload(RootCauseAnalysis.returned_by).lazyload("*"),
                 joinedload(RootCauseAnalysis.team).lazyload("*"),
                 incident.lazyload("*"),
                 incident.joinedload(Incident.officers).lazyload("*"),
                 incident.joinedload(Incident.debriefs).options(
                     load_only(Debrief.author_id, Debrief.incident_id), lazyload("*")))
    ).unique().all()
    mine = [rca for rca in rows if rca.lead_id == user.id]
    awaiting = sorted((rca for rca in rows if rca.status == RcaStatus.IN_REVIEW and can_sign_off(rca, user)),
                      key=lambda rca: rca.sent_for_review_at or rca.created_at)
    return ReviewerRcas(mine=mine, awaiting_sign_off=awaiting)


def overdue_actions_led_by(user: User, *, today: date) -> list[RcaAction]:
    """Open actions past their due date on the RCAs `user` leads, soonest due first, with their RCA's incident."""
    return list(db.session.scalars(
        select(RcaAction).join(Recommendation).join(RootCauseAnalysis)
        .where(RootCauseAnalysis.force_id == user.force_id, RootCauseAnalysis.lead_id == user.id,
               RcaAction.status.in_(OPEN_ACTION_STATUSES), RcaAction.due_on < today)
        .order_by(RcaAction.due_on)
        .options(lazyload("*"), joinedload(RcaAction.recommendation).options(
            lazyload("*"), joinedload(Recommendation.rca).options(
                lazyload("*"), joinedload(RootCauseAnalysis.incident).lazyload("*"))))))
