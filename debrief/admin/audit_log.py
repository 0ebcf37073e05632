"""The audit log page's filters and query: who did it or who it was about, what kind of event, which incident, and
between which days. A GET form (it changes nothing, so it carries no CSRF token); every query stays in the viewer's
force."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovTextInput
from sqlalchemy import and_, func, or_, select
from wtforms import SelectChoice, SelectField, StringField

from debrief.audit.categories import CATEGORIES, actions_in
from debrief.audit.people import describe_person
from debrief.debriefs.fields import GovDateField
from debrief.extensions import db
from debrief.form_base import BaseForm
from debrief.models import AuditEvent, User, UserRole

# The arguments the filters read; any of them in the address means the person filtered.
FILTER_ARGS = ("person", "category", "incident", "since", "until")


class AuditFilterForm(BaseForm):
    class Meta:
        csrf = False

    person = SelectField("Person", widget=GovSelect(), choices=[], validate_choice=True, default="",
                         description="Events they did, and events about their account")
    category = SelectField("Kind of event", widget=GovSelect(), validate_choice=True, default="",
                           choices=[SelectChoice("", "Every kind of event"),
                                    *[SelectChoice(code, label) for code, label, _ in CATEGORIES]])
    incident = StringField("Incident reference", widget=GovTextInput(),
                           description="As shown on the incident's page; upper or lower case")
    since = GovDateField("From", error_name="The 'from' date", description="For example, 27 3 2026")
    until = GovDateField("To", error_name="The 'to' date", description="For example, 27 3 2026")

    def offer_people(self, force_id: int) -> None:
        """The force's people to choose from, by name with their roles, read in one statement."""
        people: dict[int, dict] = {}
        for user_id, name, active, email, role in db.session.execute(
                select(User.id, User.name, User.active, User.email, UserRole.role)
                .outerjoin(UserRole, UserRole.user_id == User.id)
                .where(User.force_id == force_id).order_by(User.name, User.id)):
            person = people.setdefault(user_id, {"name": name, "active": active, "email": email, "roles": []})
            if role:
                person["roles"].append(role)
        self.emails = {user_id: p["email"] for user_id, p in people.items()}
        self.person.choices = [SelectChoice("", "Anyone")] + [
            SelectChoice(str(user_id), describe_person(name=p["name"], active=p["active"], own=True, force="",
                                                       roles=p["roles"]))
            for user_id, p in people.items()]

    def to_filters(self, today: date) -> AuditFilters | None:
        """The filters asked for, or None with each problem on its field (shown in the error summary)."""
        ok = self.validate()
        if self.person.errors:
            self.person.errors = ["Select a person from the list"]
        if self.category.errors:
            self.category.errors = ["Select a kind of event from the list"]
        incident = (self.incident.data or "").strip()
        if len(incident) > 40:
            self.incident.errors = ["The incident reference must be 40 characters or fewer"]
            ok = False
        since, until = self.since.data, self.until.data
        for field, day in ((self.since, since), (self.until, until)):
            if day and day > today and not field.errors:
                field.errors = [f"{field.error_name} must be today or in the past"]
                ok = False
        if since and until and until < since and not self.until.errors:
            self.until.errors = ["The 'to' date must be the same as or after the 'from' date"]
            ok = False
        if not ok or any(f.errors for f in self):
            return None
        person = int(self.person.data) if self.person.data else None
        return AuditFilters(person=person, person_email=self.emails.get(person),
                            category=self.category.data or None, incident=incident.upper() or None,
                            since=since, until=until)


@dataclass(frozen=True)
class AuditFilters:
    person: int | None = None
    person_email: str | None = None  # failed sign-ins name the account only by its address
    category: str | None = None
    incident: str | None = None
    since: date | None = None
    until: date | None = None

    def details(self) -> dict:
        """What the audit of this page view records of the filters (only those set)."""
        out = {"person": self.person, "category": self.category, "incident_filter": self.incident,
               "since": self.since.isoformat() if self.since else None,
               "until": self.until.isoformat() if self.until else None}
        return {k: v for k, v in out.items() if v is not None}

    def conditions(self) -> list:
        where = []
        if self.person is not None:
            about = [AuditEvent.actor_id == self.person,
                     and_(AuditEvent.record_type == "user", AuditEvent.record_id == str(self.person))]
            if self.person_email:
                about.append(and_(AuditEvent.action == "auth.sign_in_failed",
                                  func.lower(AuditEvent.details["email"].as_string()) == self.person_email.lower()))
            where.append(or_(*about))
        if self.category:
            where.append(AuditEvent.action.in_(actions_in(self.category)))
        if self.incident:
            where.append(or_(func.upper(AuditEvent.details["incident"].as_string()) == self.incident,
                             func.upper(AuditEvent.details["reference"].as_string()) == self.incident))
        if self.since:
            where.append(AuditEvent.at >= datetime.combine(self.since, time.min))
        if self.until:
            where.append(AuditEvent.at < datetime.combine(self.until + timedelta(days=1), time.min))
        return where


def count_events(force_id: int, filters: AuditFilters) -> int:
    return db.session.scalar(select(func.count(AuditEvent.id))
                             .where(AuditEvent.force_id == force_id, *filters.conditions())) or 0


def page_of_events(force_id: int, filters: AuditFilters, *, page: int, size: int) -> tuple[list[AuditEvent], int]:
    """One page of the force's events that match, newest first, and how many match in all (read with the page; counted
    apart only when the page is empty)."""
    rows = db.session.execute(
        select(AuditEvent, func.count(AuditEvent.id).over())
        .where(AuditEvent.force_id == force_id, *filters.conditions())
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(size).offset((max(page, 1) - 1) * size)).all()
    if rows:
        return [event for event, _ in rows], rows[0][1]
    return [], count_events(force_id, filters)
