"""One person's debrief of an incident, with the answers analytics and the RCA will query."""
from __future__ import annotations

from datetime import datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.extensions import db
from debrief.models.base import Versioned, utcnow
from debrief.models.incident import Incident
from debrief.models.user import User

ANSWERS_SCHEMA_VERSION = 1


class DebriefStatus(StrEnum):
    """Where one person's debrief stands: asked for by the reporter, being written, handed in, or refused because
    the person says they were not there."""

    REQUESTED = "requested"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    NOT_THERE = "not_there"


# Asked for and not yet handed in: what reminders chase.
OPEN_DEBRIEF_STATUSES = (DebriefStatus.REQUESTED, DebriefStatus.DRAFT)


class Debrief(Versioned, db.Model):
    __tablename__ = "debrief"
    __table_args__ = (
        UniqueConstraint("incident_id", "author_id", "kind"),
        # For the passes that count the debriefs into the dashboards' rollup (analytics/debrief_summary): a
        # month's submitted debriefs are found by incident and status, and the tactic, injury and timeliness
        # passes read only these columns, never the wide rows with their narratives. (The main pass also reads
        # the answers kept outside it: impact factors, reasons, time on duty.)
        Index("ix_debrief_patterns", "incident_id", "status", "kind", "submitted_at", "assaulted", "single_crewed",
              "taser_trained", "taser_carried", "author_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="hot")  # hot / cold
    # active_history: a debrief leaving "submitted" is seen as such by the dashboards' rollup.
    status: Mapped[str] = mapped_column(String(16), default=DebriefStatus.REQUESTED, active_history=True)  # DebriefStatus
    requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Per-section progress: {"section": "not_started" | "in_progress" | "completed"}.
    section_status: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    schema_version: Mapped[int] = mapped_column(Integer, default=ANSWERS_SCHEMA_VERSION)

    facilitator: Mapped[str | None] = mapped_column(String(120))  # cold debriefs
    attendees: Mapped[str | None] = mapped_column(Text)

    used_force: Mapped[bool | None] = mapped_column(Boolean)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    impact_factors: Mapped[list[str]] = mapped_column(JSON, default=list)
    single_crewed: Mapped[bool | None] = mapped_column(Boolean)
    hours_on_duty: Mapped[str | None] = mapped_column(String(10))  # a SHIFT_HOURS code
    taser_trained: Mapped[bool | None] = mapped_column(Boolean)
    taser_carried: Mapped[bool | None] = mapped_column(Boolean)
    assaulted: Mapped[bool | None] = mapped_column(Boolean)

    any_injuries: Mapped[bool | None] = mapped_column(Boolean)

    narrative: Mapped[str | None] = mapped_column(Text)
    went_well: Mapped[str | None] = mapped_column(Text)
    could_differ: Mapped[str | None] = mapped_column(Text)
    why_differ: Mapped[str | None] = mapped_column(Text)
    wellbeing_concerns: Mapped[str | None] = mapped_column(Text)
    support_wanted: Mapped[bool | None] = mapped_column(Boolean)
    support_details: Mapped[str | None] = mapped_column(Text)
    intelligence: Mapped[str | None] = mapped_column(Text)
    concerns: Mapped[str | None] = mapped_column(Text)
    declaration: Mapped[bool] = mapped_column(Boolean, default=False)

    incident: Mapped[Incident] = relationship(back_populates="debriefs", lazy="joined")
    author: Mapped[User] = relationship(lazy="joined")
    # Use of force is recorded per subject, as the national form is (one set of tactics, effectiveness and
    # injuries per officer per subject); the tactic and injury rows keep their debrief too, for the rollups.
    subjects: Mapped[list[ForceSubject]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="(ForceSubject.number, ForceSubject.id)")
    tactics: Mapped[list[DebriefTactic]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="DebriefTactic.id")
    injuries: Mapped[list[Injury]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="Injury.id")
    timeline: Mapped[list[TimelineEntry]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="TimelineEntry.position")
    amendments: Mapped[list[Amendment]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="Amendment.id")
    # Read only: whether the wellbeing contact answered a request for support (at most one; wellbeing.py).
    support_acknowledgement: Mapped[SupportAcknowledgement | None] = relationship(
        "SupportAcknowledgement", viewonly=True, uselist=False)

    @property
    def submitted(self) -> bool:
        return self.status == DebriefStatus.SUBMITTED

    def tactic(self, code: str) -> DebriefTactic | None:
        return next((t for t in self.tactics if t.tactic == code), None)

    def tactics_for(self, subject: ForceSubject | None) -> list[DebriefTactic]:
        return [t for t in self.tactics if t.subject is subject]

    def subject_injury(self, subject: ForceSubject | None) -> Injury | None:
        return next((i for i in self.injuries if i.person == "subject" and i.subject is subject), None)

    def subject(self, subject_id: int) -> ForceSubject | None:
        return next((s for s in self.subjects if s.id == subject_id), None)


class ForceSubject(db.Model):
    """A person force was used on, in one officer's debrief: the national form's unit, with its references."""

    __tablename__ = "use_of_force_subject"

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debrief.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    # Which of the incident's members of the public this is, when the reporter described them.
    public_person_id: Mapped[int | None] = mapped_column(ForeignKey("public_person.id", ondelete="SET NULL"))
    bwv_worn: Mapped[bool | None] = mapped_column(Boolean)
    bwv_recorded: Mapped[bool | None] = mapped_column(Boolean)
    bwv_reference: Mapped[str | None] = mapped_column(String(60))
    log_reference: Mapped[str | None] = mapped_column(String(60))  # command and control (CAD) log
    custody_reference: Mapped[str | None] = mapped_column(String(60))  # custody record or crime number


class DebriefTactic(db.Model):
    """A use-of-force tactic, as in the national dataset; Taser levels and restraint detail beside it."""

    __tablename__ = "debrief_tactic"
    __table_args__ = (UniqueConstraint("debrief_id", "subject_id", "tactic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debrief.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("use_of_force_subject.id", ondelete="CASCADE"), index=True)
    tactic: Mapped[str] = mapped_column(String(40), index=True)
    effective: Mapped[bool | None] = mapped_column(Boolean)
    taser_levels: Mapped[list[str]] = mapped_column(JSON, default=list)
    taser_cartridges: Mapped[int | None] = mapped_column(Integer)
    taser_cycles: Mapped[int | None] = mapped_column(Integer)
    probe_removal: Mapped[str | None] = mapped_column(String(20))  # a PROBE_REMOVAL code
    aftercare: Mapped[str | None] = mapped_column(String(500))
    position: Mapped[str | None] = mapped_column(String(20))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)

    subject: Mapped[ForceSubject | None] = relationship(lazy="joined")


class Injury(db.Model):
    __tablename__ = "injury"

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debrief.id", ondelete="CASCADE"), index=True)
    # Set for a subject's injury recorded with the force used on them; None for the injuries step's own rows.
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("use_of_force_subject.id", ondelete="CASCADE"), index=True)
    person: Mapped[str] = mapped_column(String(20))  # subject / officer
    severity: Mapped[str] = mapped_column(String(10), index=True)
    description: Mapped[str | None] = mapped_column(String(500))
    medical_help: Mapped[str] = mapped_column(String(20))  # none / offered / provided
    hospital: Mapped[bool] = mapped_column(Boolean, default=False)

    subject: Mapped[ForceSubject | None] = relationship(lazy="joined")


class TimelineEntry(db.Model):
    __tablename__ = "timeline_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debrief.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[time] = mapped_column(Time)
    what: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(120))


class Amendment(db.Model):
    """A correction after submission: what changed, from what, to what, and why."""

    __tablename__ = "amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debrief.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    section: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{field, old, new}]

    author: Mapped[User] = relationship(lazy="joined")
