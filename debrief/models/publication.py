"""Case studies released from signed-off RCAs, the magazine issues they are published in, and forces' responses.

Nothing here that a public page shows may identify a person, a place or a force: the texts are the anonymised
release, re-checked on every save against `deny_terms` (the case deny list, kept for that check only and never
rendered).
"""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.extensions import db
from debrief.reference import QUESTION_AUDIENCES, codes
from debrief.models.base import Versioned, utcnow
from debrief.models.force import Force
from debrief.models.user import User

# A case study's statuses, with their labels, are publications.workflow.CaseStudyStatus: the pure workflow table needs
# them and may not import the models (tests/unit/test_purity.py); this copy is checked equal to it by the tests.
CASE_STUDY_STATUSES = ("candidate", "in_edit", "approved", "scheduled", "published", "returned", "rejected",
                       "withdrawn")
# Reflective questions are grouped by who should ask them of themselves.
AUDIENCES = codes(QUESTION_AUDIENCES)
# The texts of a case study, in reading order: (field, label).
CASE_STUDY_TEXTS = (
    ("summary", "Summary"),
    ("what_happened", "What happened"),
    ("findings_key_learning", "Findings and key learning"),
    ("action_taken", "Action taken by the force"),
    ("outcome_for_individuals", "Outcome for the individuals"),
    ("recommendations", "Recommendations"),
)


class CaseStudy(Versioned, db.Model):
    __tablename__ = "case_study"
    # Covers "which case studies are public" for the search, without reading the rows' long texts.
    __table_args__ = (Index("ix_case_study_visible", "status", "issue_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The force that released it: used to send it back with a question and to let that force answer. Never shown
    # on a public page.
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"), index=True)
    source_rca_id: Mapped[int | None] = mapped_column(ForeignKey("rca.id", ondelete="SET NULL"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default=CASE_STUDY_STATUSES[0], index=True)  # CaseStudyStatus
    title: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    what_happened: Mapped[str] = mapped_column(Text, default="")
    findings_key_learning: Mapped[str] = mapped_column(Text, default="")
    action_taken: Mapped[str] = mapped_column(Text, default="")
    outcome_for_individuals: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)  # reference.INCIDENT_TYPES codes
    factor_categories: Mapped[list[str]] = mapped_column(JSON, default=list)  # contributory-factor categories
    operational_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The case deny list (names, collar numbers, force, places) the texts are checked against. Never rendered.
    deny_terms: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Why it was returned, rejected or withdrawn, or the question sent back to the force. Never on a public page.
    status_reason: Mapped[str] = mapped_column(Text, default="")
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("magazine_issue.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When it was withdrawn from public view (its public address and its issue say so, with this date); cleared when
    # it is republished, which sets corrected_at (its page then says "Corrected on ...").
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    force: Mapped[Force] = relationship()
    issue: Mapped[MagazineIssue | None] = relationship(back_populates="case_studies")
    questions: Mapped[list[ReflectiveQuestion]] = relationship(
        back_populates="case_study", cascade="all, delete-orphan",
        order_by="(ReflectiveQuestion.position, ReflectiveQuestion.id)")
    events: Mapped[list[CaseStudyEvent]] = relationship(
        back_populates="case_study", cascade="all, delete-orphan", order_by="CaseStudyEvent.id")

    def texts(self) -> dict[str, str]:
        return {"title": self.title, **{key: getattr(self, key) for key, _ in CASE_STUDY_TEXTS}}


class ReflectiveQuestion(db.Model):
    __tablename__ = "reflective_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_study_id: Mapped[int] = mapped_column(ForeignKey("case_study.id", ondelete="CASCADE"), index=True)
    audience: Mapped[str] = mapped_column(String(32))  # AUDIENCES
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    case_study: Mapped[CaseStudy] = relationship(back_populates="questions")
    responses: Mapped[list[ForceResponse]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="ForceResponse.id")


class CaseStudyEvent(db.Model):
    """The workflow history of a case study: who moved it, from what, to what, and why."""

    __tablename__ = "case_study_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_study_id: Mapped[int] = mapped_column(ForeignKey("case_study.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")

    case_study: Mapped[CaseStudy] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class IssueStatus(StrEnum):
    """A magazine issue: being put together by the learning team, or published (public and fixed)."""

    DRAFT = "draft"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return ISSUE_STATUS_LABELS[self]


ISSUE_STATUS_LABELS = {IssueStatus.DRAFT: "Draft", IssueStatus.PUBLISHED: "Published"}


class MagazineIssue(Versioned, db.Model):
    __tablename__ = "magazine_issue"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # the stable public URL: /magazine/issues/<number>
    theme: Mapped[str] = mapped_column(String(200), default="")
    introduction: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=IssueStatus.DRAFT, index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    case_studies: Mapped[list[CaseStudy]] = relationship(
        back_populates="issue", order_by="(CaseStudy.position, CaseStudy.id)")
    articles: Mapped[list[Article]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="(Article.position, Article.id)")
    feedback: Mapped[list[IssueFeedback]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="IssueFeedback.id")


class Article(db.Model):
    """Free text by a contributor, printed in an issue beside its case studies."""

    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("magazine_issue.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    contributor: Mapped[str] = mapped_column(String(200), default="")  # e.g. "College of Policing"
    body: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    issue: Mapped[MagazineIssue] = relationship(back_populates="articles")


class ResponseStatus(StrEnum):
    """A force response's moderation: only APPROVED ones are on a public page."""

    DRAFT = "draft"            # recorded by the force, passed the gate, waiting for the learning team
    APPROVED = "approved"      # on the public force response log
    WITHDRAWN = "withdrawn"    # taken off every public page, with a reason

    @property
    def label(self) -> str:
        return RESPONSE_STATUS_LABELS[self]


RESPONSE_STATUS_LABELS = {
    ResponseStatus.DRAFT: "Waiting for approval",
    ResponseStatus.APPROVED: "Published",
    ResponseStatus.WITHDRAWN: "Withdrawn",
}


class RecommendationStance(StrEnum):
    """Where a responding force says it is with a case study's recommendations (optional on its response). The
    recommendations' public status is made from these, on approved responses only
    (publications/recommendation_status.py)."""

    IMPLEMENTED = "implemented"
    IN_PROGRESS = "in_progress"
    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"

    @property
    def label(self) -> str:
        return RECOMMENDATION_STANCE_LABELS[self]


RECOMMENDATION_STANCE_LABELS = {
    RecommendationStance.IMPLEMENTED: "Implemented",
    RecommendationStance.IN_PROGRESS: "In progress",
    RecommendationStance.ACCEPTED: "Accepted, not started",
    RecommendationStance.NOT_ACCEPTED: "Not accepted",
}


class ForceResponse(Versioned, db.Model):
    """What a force did in answer to a reflective question; once the learning team approves it, shown in the public
    force response log by force name."""

    __tablename__ = "force_response"
    __table_args__ = (UniqueConstraint("question_id", "force_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("reflective_question.id", ondelete="CASCADE"), index=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"), index=True)
    response: Mapped[str] = mapped_column(Text)
    done_on: Mapped[date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    status: Mapped[str] = mapped_column(String(16), default=ResponseStatus.DRAFT.value, index=True)
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    moderated_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    # A RecommendationStance value, or None when the force did not say.
    recommendation_stance: Mapped[str | None] = mapped_column(String(16))

    question: Mapped[ReflectiveQuestion] = relationship(back_populates="responses")
    force: Mapped[Force] = relationship()

    @property
    def status_label(self) -> str:
        return ResponseStatus(self.status).label

    @property
    def recommendation_stance_label(self) -> str:
        return RecommendationStance(self.recommendation_stance).label if self.recommendation_stance else ""


class IssueFeedback(db.Model):
    """A reader's feedback on an issue, left without signing in; read by the learning team."""

    __tablename__ = "issue_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("magazine_issue.id", ondelete="CASCADE"), index=True)
    useful: Mapped[str] = mapped_column(String(16))  # yes / partly / no
    comment: Mapped[str] = mapped_column(Text, default="")
    # A keyed hash of the client address, for the rate limit only; never the address itself.
    client_key: Mapped[str] = mapped_column(String(64), index=True)
    # What the gate found in the comment (kinds, never the words), flagged to the learning team.
    identifier_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    issue: Mapped[MagazineIssue] = relationship(back_populates="feedback")

