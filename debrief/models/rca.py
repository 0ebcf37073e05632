"""A root-cause analysis of an incident: chronology, contributory-factor graph, recommendations, actions."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.extensions import db
from debrief.models.base import Versioned, utcnow
from debrief.models.incident import Incident
from debrief.models.user import User

LEVELS = ("concise", "comprehensive", "independent")
EVIDENCE_KINDS = ("debrief", "timeline", "document", "none")


class RcaStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    SIGNED_OFF = "signed_off"

    @property
    def label(self) -> str:
        return RCA_STATUS_LABELS[self]


RCA_STATUS_LABELS = {RcaStatus.DRAFT: "Draft", RcaStatus.IN_REVIEW: "In review", RcaStatus.SIGNED_OFF: "Signed off"}
STATUSES = tuple(RcaStatus)


class ActionStatus(StrEnum):
    """Where an action of the plan stands; it is carried out after sign-off."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_TAKEN_FORWARD = "not_taken_forward"

    @property
    def label(self) -> str:
        return ACTION_STATUS_LABELS[self]


ACTION_STATUS_LABELS = {ActionStatus.OPEN: "Open", ActionStatus.IN_PROGRESS: "In progress", ActionStatus.DONE: "Done",
                        ActionStatus.NOT_TAKEN_FORWARD: "Not taken forward"}
ACTION_STATUSES = tuple(ActionStatus)
OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ReleaseStatus(StrEnum):
    """A signed-off RCA's release to the learning team: being prepared, or released as a candidate case study."""

    DRAFT = "draft"
    RELEASED = "released"


class ChronologySource(StrEnum):
    """Where a chronology entry came from."""

    DEBRIEF = "debrief"
    DOCUMENT = "document"
    CALL_RECORDING = "call_recording"
    CCTV = "cctv"
    BODY_WORN_VIDEO = "body_worn_video"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CHRONOLOGY_SOURCE_LABELS[self]


CHRONOLOGY_SOURCE_LABELS = {
    ChronologySource.DEBRIEF: "A debrief", ChronologySource.DOCUMENT: "A document or log",
    ChronologySource.CALL_RECORDING: "A call recording", ChronologySource.CCTV: "CCTV",
    ChronologySource.BODY_WORN_VIDEO: "Body-worn video", ChronologySource.OTHER: "Another source",
}


class TeamRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"

    @property
    def label(self) -> str:
        return {TeamRole.LEAD: "Lead reviewer", TeamRole.MEMBER: "Panel member"}[self]


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class RecommendationFor(StrEnum):
    """The organisation a recommendation is addressed to."""

    FORCE = "force"
    OTHER_FORCE = "other_force"
    AMBULANCE = "ambulance"
    HEALTH = "health"
    LOCAL_AUTHORITY = "local_authority"
    NATIONAL = "national"

    @property
    def label(self) -> str:
        return RECOMMENDATION_FOR_LABELS[self]


RECOMMENDATION_FOR_LABELS = {
    RecommendationFor.FORCE: "This force", RecommendationFor.OTHER_FORCE: "Another force",
    RecommendationFor.AMBULANCE: "The ambulance service", RecommendationFor.HEALTH: "A health provider",
    RecommendationFor.LOCAL_AUTHORITY: "The local authority",
    RecommendationFor.NATIONAL: "A national body (for example the College of Policing or the NPCC)",
}


class Strength(StrEnum):
    """The action hierarchy: how likely a change is to stop it happening again."""

    STRONG = "strong"
    INTERMEDIATE = "intermediate"
    WEAK = "weak"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def hint(self) -> str:
        return STRENGTH_HINTS[self]


STRENGTH_HINTS = {
    Strength.STRONG: "Changes the design or the system so it cannot easily happen again: forcing functions, "
                     "physical changes, removing a step, standardised equipment",
    Strength.INTERMEDIATE: "Makes it easier to do the right thing: checklists, staffing, software changes, "
                           "reducing distractions, redundancy",
    Strength.WEAK: "Relies on people remembering: training, a new policy or procedure, warnings, double checks",
}


class RecommendationStatus(StrEnum):
    ACTIVE = "active"
    NOT_TAKEN_FORWARD = "not_taken_forward"

    @property
    def label(self) -> str:
        return {RecommendationStatus.ACTIVE: "Being taken forward",
                RecommendationStatus.NOT_TAKEN_FORWARD: "Not taken forward"}[self]


class RootCauseAnalysis(Versioned, db.Model):
    __tablename__ = "rca"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), unique=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"), index=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    level: Mapped[str] = mapped_column(String(20), default="concise")
    terms_of_reference: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default=RcaStatus.DRAFT, index=True)
    # Bumped on every change to the graph: the key of the drawing cache.
    graph_version: Mapped[int] = mapped_column(Integer, default=1)
    sent_for_review_at: Mapped[datetime | None] = mapped_column(DateTime)
    signed_off_at: Mapped[datetime | None] = mapped_column(DateTime)
    signed_off_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # Set while a second reviewer's return is with the lead (cleared when it is sent again): every page showing
    # the status says "Returned for changes", by whom and when, without reading the RCA's history.
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    returned_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    incident: Mapped[Incident] = relationship(lazy="joined")
    lead: Mapped[User] = relationship(foreign_keys=[lead_id], lazy="joined")
    signed_off_by: Mapped[User | None] = relationship(foreign_keys=[signed_off_by_id])
    returned_by: Mapped[User | None] = relationship(foreign_keys=[returned_by_id], lazy="joined")
    chronology: Mapped[list[ChronologyEntry]] = relationship(
        back_populates="rca", cascade="all, delete-orphan",
        order_by="(ChronologyEntry.position, ChronologyEntry.id)")
    nodes: Mapped[list[RcaNode]] = relationship(
        back_populates="rca", cascade="all, delete-orphan", order_by="RcaNode.id")
    links: Mapped[list[RcaLink]] = relationship(cascade="all, delete-orphan", order_by="RcaLink.id")
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="rca", cascade="all, delete-orphan",
        order_by="(Recommendation.position, Recommendation.id)")
    events: Mapped[list[RcaEvent]] = relationship(cascade="all, delete-orphan", order_by="RcaEvent.id")
    team: Mapped[list[RcaTeamMember]] = relationship(
        back_populates="rca", cascade="all, delete-orphan", order_by="RcaTeamMember.id")
    sections: Mapped[list[RcaReportSection]] = relationship(
        back_populates="rca", cascade="all, delete-orphan", order_by="RcaReportSection.id")

    def section_text(self, key: str) -> str:
        return next((s.text for s in self.sections if s.section == key), "")

    @property
    def editable(self) -> bool:
        return self.status == RcaStatus.DRAFT

    @property
    def is_returned(self) -> bool:
        """A draft again because a second reviewer returned it for changes."""
        return self.status == RcaStatus.DRAFT and self.returned_at is not None


class ChronologyEntry(Versioned, db.Model):
    """One line of the chronology: copied from a debrief's timeline, or added by the reviewer."""

    __tablename__ = "rca_chronology_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime | None] = mapped_column(DateTime)
    what: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200))
    debrief_id: Mapped[int | None] = mapped_column(ForeignKey("debrief.id", ondelete="SET NULL"))
    timeline_entry_id: Mapped[int | None] = mapped_column(ForeignKey("timeline_entry.id", ondelete="SET NULL"))
    is_problem: Mapped[bool] = mapped_column(Boolean, default=False)
    source_kind: Mapped[str] = mapped_column(String(20), default=ChronologySource.DEBRIEF,
                                             server_default=ChronologySource.DEBRIEF.value)
    is_notable_practice: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    rca: Mapped[RootCauseAnalysis] = relationship(back_populates="chronology")

    @property
    def source_kind_label(self) -> str:
        return CHRONOLOGY_SOURCE_LABELS.get(ChronologySource(self.source_kind), self.source_kind)


class RcaNode(Versioned, db.Model):
    """An item of the contributory-factor graph: the outcome, a problem, a factor or a root cause."""

    __tablename__ = "rca_node"

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # outcome / problem / factor / root_cause
    label: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(40), index=True)
    evidence_kind: Mapped[str] = mapped_column(String(16), default="none")
    evidence_debrief_id: Mapped[int | None] = mapped_column(ForeignKey("debrief.id", ondelete="SET NULL"))
    evidence_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("rca_chronology_entry.id", ondelete="SET NULL"))
    evidence_document: Mapped[str | None] = mapped_column(String(300))
    # For a service delivery problem: the chronology entry it was raised from.
    chronology_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("rca_chronology_entry.id", ondelete="SET NULL"))
    # Why it was confirmed as a root cause although not evidenced.
    root_cause_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    rca: Mapped[RootCauseAnalysis] = relationship(back_populates="nodes")
    # The links from this item to what it contributed to: read only, so an RCA's items and links load together.
    links_out: Mapped[list[RcaLink]] = relationship(
        primaryjoin="RcaNode.id == foreign(RcaLink.cause_id)", viewonly=True, order_by="RcaLink.id")
    # Joined with the item (a problem's entry, else nothing), so a problem's page compares its wording with the
    # entry's at no extra query.
    chronology_entry: Mapped[ChronologyEntry | None] = relationship(
        foreign_keys=[chronology_entry_id], lazy="joined", viewonly=True)

    @property
    def evidenced(self) -> bool:
        return self.kind not in ("factor", "root_cause") or self.evidence_kind != "none"


class RcaLink(db.Model):
    """`cause` contributed to `effect`: links point towards the outcome."""

    __tablename__ = "rca_link"
    __table_args__ = (UniqueConstraint("cause_id", "effect_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), index=True)
    cause_id: Mapped[int] = mapped_column(ForeignKey("rca_node.id", ondelete="CASCADE"), index=True)
    effect_id: Mapped[int] = mapped_column(ForeignKey("rca_node.id", ondelete="CASCADE"), index=True)


recommendation_node = Table(
    "rca_recommendation_node",
    db.metadata,
    Column("recommendation_id", ForeignKey("rca_recommendation.id", ondelete="CASCADE"), primary_key=True),
    Column("node_id", ForeignKey("rca_node.id", ondelete="CASCADE"), primary_key=True),
)


class Recommendation(Versioned, db.Model):
    __tablename__ = "rca_recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(10), default=Priority.MEDIUM, server_default=Priority.MEDIUM.value)
    addressed_to: Mapped[str] = mapped_column(String(20), default=RecommendationFor.FORCE,
                                              server_default=RecommendationFor.FORCE.value)
    strength: Mapped[str | None] = mapped_column(String(14))  # None on recommendations made before strengths
    status: Mapped[str] = mapped_column(String(20), default=RecommendationStatus.ACTIVE,
                                        server_default=RecommendationStatus.ACTIVE.value)
    reason: Mapped[str | None] = mapped_column(Text)  # why it was not taken forward

    rca: Mapped[RootCauseAnalysis] = relationship(back_populates="recommendations")
    nodes: Mapped[list[RcaNode]] = relationship(secondary=recommendation_node, order_by="RcaNode.id")
    actions: Mapped[list[RcaAction]] = relationship(
        back_populates="recommendation", cascade="all, delete-orphan", order_by="RcaAction.id")


class RcaAction(Versioned, db.Model):
    """An action of the action plan, owned by a team or role, with a due date and a measure of success."""

    __tablename__ = "rca_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("rca_recommendation.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    measure: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.OPEN, index=True)
    reason: Mapped[str | None] = mapped_column(Text)  # why it was not taken forward
    completion_evidence: Mapped[str | None] = mapped_column(Text)  # what shows it was done
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    recommendation: Mapped[Recommendation] = relationship(back_populates="actions")

    def overdue(self, today: date) -> bool:
        return self.status in OPEN_ACTION_STATUSES and self.due_on < today


class RcaEvent(db.Model):
    """The review history: sent for review, returned (with the comment), signed off, due date changed."""

    __tablename__ = "rca_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Returned: the second reviewer's comment per report section. Sent for review: the report as sent,
    # so a re-submission can show what changed.
    section_comments: Mapped[dict[str, str] | None] = mapped_column(JSON)
    snapshot: Mapped[dict[str, str] | None] = mapped_column(JSON)

    actor: Mapped[User] = relationship(lazy="joined")


class RcaRelease(Versioned, db.Model):
    """A reviewer's preparation of an RCA's anonymised release: their undos, redactions and flag notes."""

    __tablename__ = "rca_release"

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    undone: Mapped[list[list[Any]]] = mapped_column(JSON, default=list)  # [section, start, end]
    redactions: Mapped[list[list[str]]] = mapped_column(JSON, default=list)  # [section, phrase]
    justifications: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # flag code -> why it can stay
    status: Mapped[str] = mapped_column(String(16), default=ReleaseStatus.DRAFT)
    case_study_id: Mapped[int | None] = mapped_column(Integer)
    released_at: Mapped[datetime | None] = mapped_column(DateTime)
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    rca: Mapped[RootCauseAnalysis] = relationship()


class RcaTeamMember(db.Model):
    """The lead or a panel member of an RCA, with their declaration of interests."""

    __tablename__ = "rca_team_member"
    __table_args__ = (UniqueConstraint("rca_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    role: Mapped[str] = mapped_column(String(10), default=TeamRole.MEMBER)
    # None until declared; then whether they have an interest to declare, and what it is.
    has_conflict: Mapped[bool | None] = mapped_column(Boolean)
    conflict_detail: Mapped[str] = mapped_column(Text, default="")
    declared_at: Mapped[datetime | None] = mapped_column(DateTime)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    rca: Mapped[RootCauseAnalysis] = relationship(back_populates="team")
    user: Mapped[User] = relationship(lazy="joined")


class RcaReportSection(db.Model):
    """One section of the structured report (see rca/report_sections.py), written by the lead."""

    __tablename__ = "rca_report_section"
    __table_args__ = (UniqueConstraint("rca_id", "section"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rca_id: Mapped[int] = mapped_column(ForeignKey("rca.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    rca: Mapped[RootCauseAnalysis] = relationship(back_populates="sections")
