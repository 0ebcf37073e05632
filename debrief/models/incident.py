"""An incident or near-miss, the people involved in it, and its themes."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.extensions import db
from debrief.models.base import utcnow
from debrief.models.force import Force
from debrief.models.user import User


class Incident(db.Model):
    __tablename__ = "incident"
    __table_args__ = (Index("ix_incident_force_occurred", "force_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # active_history: the value before a change is loaded too, so the dashboards' rollup can recount
    # the month (and force) an incident moves out of as well as the one it moves into.
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"), active_history=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime, active_history=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    location_type: Mapped[str | None] = mapped_column(String(40))
    place: Mapped[str | None] = mapped_column(String(200))
    near_miss: Mapped[bool | None] = mapped_column(Boolean)
    summary: Mapped[str | None] = mapped_column(Text)
    about_status: Mapped[str] = mapped_column(String(16), default="not_started")
    people_status: Mapped[str] = mapped_column(String(16), default="not_started")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    force: Mapped[Force] = relationship(lazy="joined")
    reporter: Mapped[User] = relationship(lazy="joined")
    theme_rows: Mapped[list[IncidentTheme]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    officers: Mapped[list[IncidentOfficer]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="IncidentOfficer.id")
    public: Mapped[list[PublicPerson]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="PublicPerson.id")
    debriefs: Mapped[list["Debrief"]] = relationship(  # noqa: F821
        back_populates="incident", order_by="Debrief.id", lazy="selectin")

    @property
    def themes(self) -> list[str]:
        return [t.theme for t in self.theme_rows]

    def set_themes(self, codes: list[str]) -> None:
        keep = [t for t in self.theme_rows if t.theme in codes]
        have = {t.theme for t in keep}
        self.theme_rows = keep + [IncidentTheme(theme=c) for c in codes if c not in have]


class IncidentTheme(db.Model):
    __tablename__ = "incident_theme"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), primary_key=True)
    theme: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class IncidentOfficer(db.Model):
    """An officer or member of staff the reporter named; each with an account is asked for their own debrief.

    A colleague without an account (another force's officer, say) is kept by name, collar number and force, for
    the record and for the anonymiser's deny list."""

    __tablename__ = "incident_officer"
    __table_args__ = (UniqueConstraint("incident_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    role_on_day: Mapped[str | None] = mapped_column(String(40))
    collar_number: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(String(120))  # only for a colleague without an account
    force_name: Mapped[str | None] = mapped_column(String(120))  # only for a colleague without an account
    # The colleague said they were not there: the incident's creator sees it beside their name.
    not_there_at: Mapped[datetime | None] = mapped_column(DateTime)
    not_there_note: Mapped[str | None] = mapped_column(String(500))

    user: Mapped[User | None] = relationship(lazy="joined")

    @property
    def display_name(self) -> str:
        return self.user.name if self.user is not None else (self.name or "")

    @property
    def has_account(self) -> bool:
        return self.user_id is not None


class PublicPerson(db.Model):
    """A member of the public: described by role and characteristics, never by name."""

    __tablename__ = "public_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    age_band: Mapped[str] = mapped_column(String(20))
    sex: Mapped[str] = mapped_column(String(20))
    ethnicity: Mapped[str] = mapped_column(String(20))
    ethnicity_basis: Mapped[str] = mapped_column(String(20))
    disability_known: Mapped[str] = mapped_column(String(10))  # yes / no / not_known
    vulnerabilities: Mapped[str] = mapped_column(String(400), default="")  # comma-separated codes
    number: Mapped[int] = mapped_column(Integer, default=1)

    @property
    def vulnerability_codes(self) -> list[str]:
        return [c for c in self.vulnerabilities.split(",") if c]
