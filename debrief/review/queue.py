"""What the reviewer's queue shows beside the incidents: the RCAs they lead, those waiting for their sign-off, and
their overdue actions, as list rows (columns, not ORM trees): both lists of RCAs in one query, the actions in
another, whatever the number of RCAs."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import Select, bindparam, or_

from debrief.models import RootCauseAnalysis, User
from debrief.rca.service import (
    OverdueAction, RcaRow, may_sign_off_clause, overdue_actions, rca_rows, rca_rows_query,
)


@dataclass(frozen=True)
class ReviewerRcas:
    mine: list[RcaRow]
    awaiting_sign_off: list[RcaRow]


@cache
def _reviewer_query() -> Select:
    user_id, force_id = bindparam("user_id"), bindparam("force_id")
    may_sign_off = may_sign_off_clause(user_id, force_id)
    return rca_rows_query(RootCauseAnalysis.force_id == force_id,
                          or_(RootCauseAnalysis.lead_id == user_id, may_sign_off), may_sign_off=may_sign_off)


def reviewer_rcas(user: User) -> ReviewerRcas:
    """The RCAs `user` leads (by status, then due date) and those in review they may sign off (oldest sent first).

    The sign-off rule (rca.service.can_sign_off) is read as a condition of the same query (may_sign_off_clause)."""
    rows = rca_rows(_reviewer_query(), user_id=user.id, force_id=user.force_id)
    mine = [rca for rca in rows if rca.lead_id == user.id]
    awaiting = sorted((rca for rca in rows if rca.may_sign_off), key=lambda rca: rca.sent_for_review_at or rca.created_at)
    return ReviewerRcas(mine=mine, awaiting_sign_off=awaiting)


def overdue_actions_led_by(user: User, *, today: date) -> list[OverdueAction]:
    """Open actions past their due date on the RCAs `user` leads, soonest due first, with their RCA's incident."""
    return overdue_actions(user.force_id, today=today, lead=user)
