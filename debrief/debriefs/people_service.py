"""Who was involved in an incident: finding colleagues, naming them (with or without an account), "I was not
there", and corrections after submission kept as amendments. Every write records its audit event."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select

from debrief.analytics.debrief_summary import commit_counted
from debrief.errors import ServiceError
from debrief.audit import record
from debrief.auth.collars import normalise_collar
from debrief.auth.roles import Role

from debrief.debriefs.steps import COMPLETED, IN_PROGRESS, NOT_STARTED
from debrief.extensions import db
from debrief.models import Amendment, Debrief, Incident, IncidentOfficer, User, UserRole, utcnow
from debrief.models.debrief import DebriefStatus
from debrief.mail.staff import notify_debrief_requested

SEARCH_LIMIT = 20
# Only officers and staff are named as involved: never someone who reviews, teaches from or administers the
# records, since a person named in an incident may not then investigate it.
NOT_NAMED = (Role.REVIEWER.value, Role.LEARNING.value, Role.ADMIN.value)


def _audit(action: str, debrief: Debrief, actor: User, **details: Any) -> None:
    record(action, actor=actor, force_id=debrief.incident.force_id, record_type="debrief", record_id=debrief.id,
           incident=debrief.incident.reference, **details)


def _nameable(incident: Incident):
    officers = select(UserRole.user_id).where(UserRole.role == Role.OFFICER.value)
    others = select(UserRole.user_id).where(UserRole.role.in_(NOT_NAMED))
    return (User.force_id == incident.force_id, User.active.is_(True), User.id.in_(officers),
            User.id.not_in(others), User.id != incident.reporter_id)


def search_colleagues(debrief: Debrief, query: str, *, actor: User) -> list[User]:
    """Officers and staff of the incident's force whose name or collar number matches, not yet named."""
    incident = debrief.incident
    words = query.strip().lower()
    # A collar number typed as people type it ("ns 5096", "NS-5096") matches its kept form (auth.collars).
    collar = normalise_collar(query) or words
    named = [o.user_id for o in incident.officers if o.user_id is not None]
    found = list(db.session.scalars(
        select(User).where(*_nameable(incident), User.id.not_in(named) if named else True,
                           or_(func.lower(User.name).contains(words, autoescape=True),
                               func.upper(User.collar_number).startswith(collar.upper(), autoescape=True)))
        .order_by(User.name, User.id).limit(SEARCH_LIMIT)))
    _audit("debrief.colleagues_searched", debrief, actor, count=len(found))
    db.session.commit()
    return found


def _check_reporter(debrief: Debrief, actor: User, reason: str | None) -> str | None:
    if actor.id != debrief.incident.reporter_id or debrief.author_id != actor.id:
        raise ServiceError("Only the person who started the incident can change who was involved")
    if debrief.submitted:
        if not (reason or "").strip():
            raise ServiceError("Enter why you are changing your submitted debrief")
        return reason.strip()
    return None


def _people(incident: Incident) -> list[str]:
    return [_describe(o) for o in incident.officers if o.user_id != incident.reporter_id]


def _describe(officer: IncidentOfficer) -> str:
    extra = ", ".join(x for x in (officer.collar_number, officer.force_name) if x)
    return officer.display_name + (f" ({extra})" if extra else "")


def _finish(debrief: Debrief, actor: User, before: list[str], reason: str | None, fields: list[str]) -> None:
    incident = debrief.incident
    if reason is not None:
        debrief.amendments.append(Amendment(
            author_id=actor.id, section="people", reason=reason,
            changes=[{"field": "officers_and_staff", "old": "; ".join(before) or None,
                      "new": "; ".join(_people(incident)) or None}]))
        _audit("debrief.amended", debrief, actor, step="people", fields=fields)
    else:
        if incident.people_status == NOT_STARTED:
            incident.people_status = IN_PROGRESS
        _audit("debrief.updated", debrief, actor, step="people", fields=fields)
    commit_counted(db.session, [incident])  # roles on the day are counted (who is at risk)


def add_colleague(debrief: Debrief, user_id: int, *, actor: User, due_days: int, reason: str | None = None) -> User:
    """Name a colleague with an account; they are asked for their own debrief."""
    reason = _check_reporter(debrief, actor, reason)
    incident = debrief.incident
    colleague = db.session.scalar(select(User).where(User.id == user_id, *_nameable(incident)))
    if colleague is None:
        raise ServiceError("Select an officer or member of staff of your force")
    before = _people(incident)
    if any(o.user_id == colleague.id for o in incident.officers):
        return colleague
    incident.officers.append(IncidentOfficer(user_id=colleague.id, collar_number=colleague.collar_number))
    if not any(d.author_id == colleague.id for d in incident.debriefs):
        now = utcnow()
        request = Debrief(incident=incident, author_id=colleague.id, kind="hot", status=DebriefStatus.REQUESTED,
                          requested_at=now, due_at=now + timedelta(days=due_days), section_status={})
        db.session.add(request)
        db.session.flush()
        _audit("debrief.requested", request, actor, requested_of=colleague.id)

        notify_debrief_requested(request, officer=colleague, reference=incident.reference, actor=actor)
    _finish(debrief, actor, before, reason, ["officers"])
    return colleague


def add_other_colleague(debrief: Debrief, *, name: str, collar_number: str, force_name: str,
                        role_on_day: str | None, actor: User, reason: str | None = None) -> IncidentOfficer:
    """Name a colleague who has no account here: kept for the record and the anonymiser's deny list."""
    reason = _check_reporter(debrief, actor, reason)
    incident = debrief.incident
    before = _people(incident)
    officer = IncidentOfficer(user_id=None, name=name.strip(), collar_number=collar_number.strip(),
                              force_name=force_name.strip(), role_on_day=role_on_day or None)
    incident.officers.append(officer)
    _finish(debrief, actor, before, reason, ["officers"])
    return officer


def remove_colleague(debrief: Debrief, officer_id: int, *, actor: User, reason: str | None = None) -> None:
    reason = _check_reporter(debrief, actor, reason)
    incident = debrief.incident
    officer = next((o for o in incident.officers if o.id == officer_id), None)
    if officer is None or officer.user_id == incident.reporter_id:
        raise ServiceError("That person is not named in this incident")
    before = _people(incident)
    incident.officers = [o for o in incident.officers if o.id != officer_id]
    _finish(debrief, actor, before, reason, ["officers"])


def set_own_role(debrief: Debrief, *, role_on_day: str | None, actor: User, complete: bool,
                 reason: str | None = None) -> dict[str, Any]:
    """The reporter's role on the day, and the people step's progress. Returns {field: (old, new)} if changed."""
    reason = _check_reporter(debrief, actor, reason)
    incident = debrief.incident
    own = next((o for o in incident.officers if o.user_id == actor.id), None)
    if own is None:
        own = IncidentOfficer(user_id=actor.id, collar_number=actor.collar_number)
        incident.officers.append(own)
    changes = {} if own.role_on_day == (role_on_day or own.role_on_day) else {
        "role_on_day": (own.role_on_day, role_on_day)}
    if role_on_day:
        own.role_on_day = role_on_day
    if reason is not None:
        if changes:
            debrief.amendments.append(Amendment(author_id=actor.id, section="people", reason=reason, changes=[
                {"field": "role_on_day", "old": changes["role_on_day"][0], "new": changes["role_on_day"][1]}]))
            _audit("debrief.amended", debrief, actor, step="people", fields=["role_on_day"])
    else:
        incident.people_status = COMPLETED if complete else IN_PROGRESS
        _audit("debrief.updated", debrief, actor, step="people", fields=["role_on_day"])
    commit_counted(db.session, [incident])
    return changes


def say_not_there(request: Debrief, *, actor: User, note: str | None) -> None:
    """A named colleague says they were not at the incident: their request closes and the creator sees why."""
    if request.author_id != actor.id or request.status != DebriefStatus.REQUESTED:
        raise ServiceError("You can only say this about a debrief you have been asked for and not yet started")
    officer = next((o for o in request.incident.officers if o.user_id == actor.id), None)
    if officer is None:
        raise ServiceError("You are not named in this incident")
    officer.not_there_at = utcnow()
    officer.not_there_note = (note or "").strip() or None
    request.status = DebriefStatus.NOT_THERE
    _audit("debrief.not_there", request, actor)
    db.session.commit()
