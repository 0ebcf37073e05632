"""Sending for review, a second reviewer's sign-off or return, and what stops either."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy import Select, and_, bindparam, case, exists, func, select
from sqlalchemy.orm import aliased

from debrief.database import lock_row
from debrief.errors import Place, ServiceError
from debrief.extensions import db
from debrief.mail.staff import notify_awaiting_sign_off
from debrief.models import (
    ChronologyEntry, Debrief, Incident, IncidentOfficer, RcaAction, RcaEvent, RcaTeamMember, Recommendation,
    RootCauseAnalysis, User, utcnow,
)
from debrief.models.rca import RcaReportSection, RcaStatus
from debrief.rca.report_sections import SECTION_HEADINGS, SECTION_KEYS, changed_sections, missing_sections
from debrief.rca.service.common import audit_rca, require_draft
from debrief.rca.service.summary import graph_summary
from debrief.rca.service.report import report_texts
from debrief.rca.service.team import independence_problem, member, undeclared


class SendOvertaken(ServiceError):
    """Sending for review an RCA that was sent (perhaps in another tab, or by a double click) or signed off since the
    page was opened: nothing is sent again, and the message says what happened meanwhile."""


def send_overtaken(rca: RootCauseAnalysis, user: User) -> str | None:
    """Why sending from `user`'s page comes too late; None while the RCA is a draft."""
    if rca.status == RcaStatus.IN_REVIEW:
        sent = next((e for e in reversed(rca.events) if e.action == "sent_for_review"), None)
        who = "you" if sent is None or sent.actor_id == user.id else sent.actor.name
        return (f"This RCA was already sent for review by {who} at {_when(rca.sent_for_review_at)}. "
                "Nothing has been sent again: a second reviewer can now sign it off or return it.")
    if rca.status == RcaStatus.SIGNED_OFF:
        who = "you" if rca.signed_off_by_id == user.id else (rca.signed_off_by.name if rca.signed_off_by else "someone")
        return (f"This RCA was already signed off by {who} at {_when(rca.signed_off_at)}. "
                "Nothing has been sent: the RCA is now read-only.")
    return None


def send_for_review(rca: RootCauseAnalysis, *, actor: User) -> None:
    # Checked as read, then again under the RCA's row lock: of two sends at once (two tabs, a double click) the
    # second waits for the first, then reads that it was sent.
    for locked in (False, True):
        if locked:
            lock_row(rca)
        message = send_overtaken(rca, actor)
        if message:
            raise SendOvertaken(message)
    require_draft(rca)
    if actor.id != rca.lead_id:
        raise ServiceError("Only the lead reviewer can send the RCA for review.")
    missing = review_gaps(rca)
    if missing:
        raise ServiceError("Before sending it for review: " + "; ".join(missing) + ".", place=missing[0].place)
    rca.status = RcaStatus.IN_REVIEW
    rca.sent_for_review_at = utcnow()
    rca.returned_at, rca.returned_by_id, rca.returned_reason = None, None, None
    db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="sent_for_review", comment="",
                            snapshot=report_snapshot(rca)))
    audit_rca("rca.sent_for_review", rca, actor)
    notify_awaiting_sign_off(rca, actor=actor, may_sign_off=can_sign_off)  # queued in this transaction
    db.session.commit()


def report_snapshot(rca: RootCauseAnalysis) -> dict[str, str]:
    """The report's sections and recommendations as sent, to show a re-submission's changes."""
    texts = report_texts(rca)
    texts["recommendations_list"] = "\n".join(
        f"{r.text} [{r.priority}, {r.addressed_to}, {r.strength}]" for r in rca.recommendations)
    return texts


def changes_since_last_review(rca: RootCauseAnalysis) -> list[str] | None:
    """What changed between the last two times it was sent for review; None if sent once or never. Reads the two
    snapshots, newest first, and no other event's."""
    sent = []
    for snapshot in db.session.scalars(_sent_snapshots_query(), {"rca_id": rca.id}):
        if snapshot is not None:
            sent.append(snapshot)
            if len(sent) == 2:
                break
    if len(sent) < 2:
        return None
    after, before = sent
    changed = changed_sections(before, after)
    if before.get("recommendations_list", "") != after.get("recommendations_list", ""):
        changed.append("The recommendations")
    return changed


@cache
def _sent_snapshots_query() -> Select:
    return (select(RcaEvent.snapshot)
            .where(RcaEvent.rca_id == bindparam("rca_id"), RcaEvent.action == "sent_for_review")
            .order_by(RcaEvent.id.desc()))


class Named(NamedTuple):
    id: int
    name: str


class HistoryEvent(NamedTuple):
    """An event of the RCA's review history as the overview shows it (its report snapshot not loaded)."""
    at: datetime
    action: str
    comment: str
    section_comments: dict[str, str] | None
    actor_id: int
    actor_name: str

    @property
    def actor(self) -> Named:
        return Named(self.actor_id, self.actor_name)


@cache
def _history_query() -> Select:
    return (select(RcaEvent.at, RcaEvent.action, RcaEvent.comment, RcaEvent.section_comments, RcaEvent.actor_id,
                   User.name)
            .join(User, User.id == RcaEvent.actor_id)
            .where(RcaEvent.rca_id == bindparam("rca_id")).order_by(RcaEvent.id))


def history(rca: RootCauseAnalysis) -> list[HistoryEvent]:
    """The review history, oldest first, with each actor's name, in one statement of the columns shown (a Core
    statement on the session's connection: plain rows need none of the ORM's handling of a session execute)."""
    return [HistoryEvent(*row) for row in db.session.connection().execute(_history_query(), {"rca_id": rca.id})]


def latest_return(rca: RootCauseAnalysis, events: Sequence[RcaEvent | HistoryEvent] | None = None):
    """The second reviewer's last return, while the RCA is back with the lead (its comments stay on show).
    `events`: the history already read (history()), else the RCA's own."""
    for event in reversed(rca.events if events is None else events):
        if event.action == "returned":
            return event
        if event.action in ("sent_for_review", "signed_off"):
            return None
    return None


class Gap(str):
    """One thing to do before sending for review, with the page where it is done (the overview links to it)."""

    place: Place

    def __new__(cls, text: str, page: str, endpoint: str, rca_id: int) -> Gap:
        made = super().__new__(cls, text)
        made.place = Place.of(page, endpoint, rca_id=rca_id)
        return made


def review_gaps(rca: RootCauseAnalysis, counted: Progress | None = None) -> list[Gap]:
    """What must be done before the RCA can be sent for review; `counted` (its `progress`) spares loading the plan."""
    gaps = []

    def gap(text: str, page: str, endpoint: str) -> None:
        gaps.append(Gap(text, page, endpoint, rca.id))

    if not rca.terms_of_reference.strip():
        gap("add the terms of reference", "Details", "rca.details")
    graph = graph_summary(rca)
    if not graph.problems:
        gap("mark at least one service delivery problem", "Chronology", "rca.chronology")
    if not graph.root_causes:
        gap("confirm at least one root cause", "Contributory-factor graph", "rca.graph")
    missing = missing_sections(report_texts(rca) if counted is None else
                               {key: "written" for i, key in enumerate(SECTION_KEYS) if counted.written >> i & 1})
    if missing:
        gap("write the report's " + ", ".join(m.lower() for m in missing), "Write the report", "rca.findings")
    if graph.loops:
        gap("remove a link from each loop in the graph", "Contributory-factor graph", "rca.graph")
    recommendations, without_actions = ((counted.recommendations, counted.without_actions) if counted is not None else
                                        (len(rca.recommendations), sum(not r.actions for r in rca.recommendations)))
    if not recommendations:
        gap("add at least one recommendation", "Recommendations and actions", "rca.recommendations")
    elif without_actions:
        gap("give every recommendation at least one action", "Recommendations and actions", "rca.recommendations")
    waiting = undeclared(rca)
    if waiting:
        gap("every member of the team declares their interests (waiting for "
            + ", ".join(m.user.name for m in waiting) + ")", "Team and declarations of interest", "rca.team")
    return gaps


class Progress(NamedTuple):
    """The overview's counts of an RCA's chronology and plan, and which sections of its report are written."""
    entries: int
    problems: int
    recommendations: int
    actions: int
    without_actions: int  # recommendations with no action
    written: int = 0  # the report's sections written: bit i for SECTION_KEYS[i]


@cache
def _progress_query() -> Select:
    rca_id = bindparam("rca_id")
    count = lambda column, *where: select(func.count(column)).where(*where).scalar_subquery()  # noqa: E731
    # One row per section at most (unique), so the sum of each written section's bit is the set of them.
    bits = case(*((RcaReportSection.section == key, 1 << i) for i, key in enumerate(SECTION_KEYS)), else_=0)
    written = (select(func.coalesce(func.sum(bits), 0))
               .where(RcaReportSection.rca_id == rca_id, func.trim(RcaReportSection.text) != "").scalar_subquery())
    return select(
        count(ChronologyEntry.id, ChronologyEntry.rca_id == rca_id),
        count(ChronologyEntry.id, ChronologyEntry.rca_id == rca_id, ChronologyEntry.is_problem.is_(True)),
        count(Recommendation.id, Recommendation.rca_id == rca_id),
        count(RcaAction.id, RcaAction.recommendation_id.in_(select(Recommendation.id)
                                                             .where(Recommendation.rca_id == rca_id))),
        count(Recommendation.id, Recommendation.rca_id == rca_id,
              ~exists().where(RcaAction.recommendation_id == Recommendation.id)),
        written)


def progress(rca: RootCauseAnalysis) -> Progress:
    """How far the RCA has got, counted in one statement (the chronology, the plan and the report's texts themselves
    not loaded). On the session's connection, as history()."""
    return Progress(*db.session.connection().execute(_progress_query(), {"rca_id": rca.id}).one())


def sign_off_refusal(rca: RootCauseAnalysis, user: User) -> str | None:
    """Why `user` may not sign off (or return) this RCA; None when they may."""
    if rca.status != RcaStatus.IN_REVIEW or user.force_id != rca.force_id:
        return "Only an RCA that has been sent for review can be signed off."
    if user.id == rca.lead_id:
        return "A second reviewer must sign off the RCA: the lead reviewer cannot sign off their own."
    if member(rca, user) is not None:
        return f"{user.name} is on the panel, so cannot sign off the RCA: a reviewer outside the team must."
    problem = independence_problem(rca.incident, user)
    if problem:
        return f"{problem}, so they cannot sign off the RCA."
    return None


def can_sign_off(rca: RootCauseAnalysis, user: User) -> bool:
    return sign_off_refusal(rca, user) is None


def may_sign_off_clause(user_id, force_id):
    """`can_sign_off(rca, user)` as a condition on RootCauseAnalysis, for a list that shows many RCAs in one query;
    `user_id` and `force_id` are the user's, as values or bound parameters (tests/views/test_review_queue_rows.py
    checks it agrees with can_sign_off)."""
    incident = aliased(Incident)  # its own name: the list's query may join the RCA's incident too
    return and_(
        RootCauseAnalysis.status == RcaStatus.IN_REVIEW, RootCauseAnalysis.force_id == force_id,
        RootCauseAnalysis.lead_id != user_id,
        ~exists().where(RcaTeamMember.rca_id == RootCauseAnalysis.id, RcaTeamMember.user_id == user_id),
        ~exists().where(IncidentOfficer.incident_id == RootCauseAnalysis.incident_id,
                        IncidentOfficer.user_id == user_id),
        ~exists().where(Debrief.incident_id == RootCauseAnalysis.incident_id, Debrief.author_id == user_id),
        ~exists().where(incident.id == RootCauseAnalysis.incident_id, incident.reporter_id == user_id))


def awaiting_sign_off(user: User) -> list[RootCauseAnalysis]:
    """RCAs of the user's force that are in review and that this user may sign off."""
    query = select(RootCauseAnalysis).where(RootCauseAnalysis.force_id == user.force_id,
                                            RootCauseAnalysis.status == RcaStatus.IN_REVIEW)
    return [rca for rca in db.session.scalars(query.order_by(RootCauseAnalysis.sent_for_review_at))
            if can_sign_off(rca, user)]


class DecisionOvertaken(ServiceError):
    """A second reviewer's decision on an RCA that someone (perhaps they, in another tab) already decided or
    that was sent for review again since their page was opened: nothing is recorded, and the message says why."""


def _when(at) -> str:
    return f"{at:%H:%M} on {at:%-d %B %Y}" if at is not None else "an earlier time"


def decision_overtaken(rca: RootCauseAnalysis, user: User, seen_version: int | None = None) -> str | None:
    """Why a sign-off or return from `user`'s page comes too late (what happened meanwhile); None when it does not.

    `seen_version` is the RCA's version on the page the decision was made on (None: not known, taken as current)."""
    if rca.status == RcaStatus.SIGNED_OFF:
        who = "you" if rca.signed_off_by_id == user.id else (rca.signed_off_by.name if rca.signed_off_by else "someone")
        return (f"This RCA was already signed off by {who} at {_when(rca.signed_off_at)}. "
                "Your decision has not been recorded: the RCA is now read-only.")
    returned = latest_return(rca)
    if rca.status == RcaStatus.DRAFT and returned is not None:
        who = "you" if returned.actor_id == user.id else returned.actor.name
        return (f"This RCA was already returned for changes by {who} at {_when(returned.at)}. "
                "Your decision has not been recorded: it is back with the lead reviewer.")
    if rca.status == RcaStatus.IN_REVIEW and seen_version is not None and seen_version != rca.version:
        return (f"This RCA was sent for review again at {_when(rca.sent_for_review_at)}, after you opened it. "
                "Your decision has not been recorded: read what has changed, then decide again.")
    return None


def _check_decision(rca: RootCauseAnalysis, actor: User, seen_version: int | None, refusal_of) -> None:
    """Refuse a decision that came too late or that `actor` may not make: checked first as read, then again under
    the RCA's row lock, so of two reviewers deciding at once the second waits for the first, then reads its decision.
    """
    for locked in (False, True):
        if locked:
            lock_row(rca)
        message = decision_overtaken(rca, actor, seen_version)
        if message:
            raise DecisionOvertaken(message)
        refusal = refusal_of()
        if refusal:
            raise ServiceError(*refusal)


def _sign_off_refusal(rca: RootCauseAnalysis, actor: User) -> tuple[str] | None:
    refusal = sign_off_refusal(rca, actor)
    return (refusal,) if refusal else None


def _return_refusal(rca: RootCauseAnalysis, actor: User, comment: str,
                    section_comments: dict[str, str] | None) -> tuple[str, ...] | None:
    if rca.status != RcaStatus.IN_REVIEW:
        return ("Only an RCA that has been sent for review can be returned.",)
    if actor.id == rca.lead_id:
        return ("The lead reviewer cannot return their own RCA.",)
    refusal = sign_off_refusal(rca, actor)
    if refusal:
        return (refusal.replace("sign off", "return"),)
    if not comment.strip() and not any(v.strip() for k, v in (section_comments or {}).items() if k in SECTION_KEYS):
        return ("Enter what needs to change before it can be signed off", "comment")
    return None


def sign_off(rca: RootCauseAnalysis, *, actor: User, comment: str = "", seen_version: int | None = None) -> None:
    _check_decision(rca, actor, seen_version, lambda: _sign_off_refusal(rca, actor))
    rca.status = RcaStatus.SIGNED_OFF
    rca.signed_off_at = utcnow()
    rca.signed_off_by_id = actor.id
    db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="signed_off", comment=comment.strip()))
    audit_rca("rca.signed_off", rca, actor)
    db.session.commit()


def return_for_changes(rca: RootCauseAnalysis, *, actor: User, comment: str,
                       section_comments: dict[str, str] | None = None, seen_version: int | None = None) -> None:
    """Back to the lead with a comment, and optionally a comment on each report section it concerns."""
    _check_decision(rca, actor, seen_version, lambda: _return_refusal(rca, actor, comment, section_comments))
    by_section = {k: v.strip() for k, v in (section_comments or {}).items() if k in SECTION_KEYS and v.strip()}
    rca.status = RcaStatus.DRAFT
    rca.returned_at, rca.returned_by_id = utcnow(), actor.id
    rca.returned_reason = comment.strip() or ("Comments on " + ", ".join(
        SECTION_HEADINGS[key].lower() for key in SECTION_KEYS if key in by_section))
    db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="returned", comment=comment.strip(),
                            section_comments=by_section or None))
    audit_rca("rca.returned", rca, actor, sections=sorted(by_section))
    db.session.commit()
