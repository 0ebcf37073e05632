"""Debrief operations: every write records its audit event in the same transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select

from debrief.analytics.debrief_summary import commit_counted, counted_in
from debrief.errors import Place, ServiceError
from debrief.audit import record
from debrief.database import next_number
from debrief.debriefs import answers
from debrief.debriefs.steps import (
    COMPLETED, IN_PROGRESS, NOT_STARTED, Facts, applicable_steps, ready_to_submit, section_status,
)
from debrief.extensions import db
from debrief.models import (
    Amendment, Debrief, ForceSubject, Incident, PublicPerson, TimelineEntry, User, utcnow,
)
from debrief.models.debrief import DebriefStatus
from debrief.models.rca import RcaStatus, RootCauseAnalysis
from debrief.debriefs import subjects
from debrief.debriefs.fields import parse_time
from debrief.models import IncidentTheme


def facts_for(debrief: Debrief, user: User | None = None) -> Facts:
    return Facts(used_force=debrief.used_force,
                 is_reporter=(user or debrief.author).id == debrief.incident.reporter_id)


def step_status(debrief: Debrief) -> dict[str, str]:
    """Per-step progress; the shared steps' progress lives on the incident."""
    status = dict(debrief.section_status or {})
    status["about"] = debrief.incident.about_status
    status["people"] = debrief.incident.people_status
    return status


def _set_status(debrief: Debrief, slug: str, value: str) -> None:
    if slug == "about":
        debrief.incident.about_status = value
    elif slug == "people":
        debrief.incident.people_status = value
    else:
        # Reassign so SQLAlchemy sees the JSON change.
        debrief.section_status = {**(debrief.section_status or {}), slug: value}


def _audit(action: str, debrief: Debrief, actor: User, **details: Any) -> None:
    record(action, actor=actor, force_id=debrief.incident.force_id, record_type="debrief", record_id=debrief.id,
           incident=debrief.incident.reference, **details)


def _next_reference(force) -> str:
    year = utcnow().year
    prefix = f"{force.code}-{year}-"
    # The highest reference already held: the counter starts above it for data from before the counter.
    highest = db.session.scalar(select(Incident.reference).where(Incident.reference.like(prefix + "%"))
                                .order_by(Incident.reference.desc()).limit(1))
    held = int(highest[len(prefix):]) if highest and highest[len(prefix):].isdigit() else 0
    return f"{prefix}{next_number(force.id, year, above=held):04d}"


def start_incident(*, reporter: User, kind: str, facilitator: str | None, attendees: str | None) -> Debrief:
    incident = Incident(force_id=reporter.force_id, reference=_next_reference(reporter.force), reporter=reporter)
    db.session.add(incident)
    debrief = Debrief(incident=incident, author=reporter, kind=kind, status=DebriefStatus.DRAFT,
                      facilitator=facilitator or None, attendees=attendees or None, section_status={})
    db.session.add(debrief)
    db.session.flush()
    record("incident.created", actor=reporter, force_id=incident.force_id, record_type="incident",
           record_id=incident.id, reference=incident.reference)
    _audit("debrief.created", debrief, reporter, kind=kind)
    db.session.commit()
    return debrief


def accept_request(debrief: Debrief, *, actor: User, kind: str, facilitator: str | None,
                   attendees: str | None, role_on_day: str | None = None) -> None:
    if debrief.status != DebriefStatus.REQUESTED:
        raise ServiceError("This debrief has already been started")
    before = counted_in([debrief.incident])  # the months its figures were counted in
    debrief.status = DebriefStatus.DRAFT
    debrief.kind = kind
    debrief.facilitator = facilitator or None
    debrief.attendees = attendees or None
    for officer in debrief.incident.officers:
        if officer.user_id == actor.id and role_on_day:
            officer.role_on_day = role_on_day
    _audit("debrief.created", debrief, actor, kind=kind)
    commit_counted(db.session, [debrief.incident], before)


def save_step(debrief: Debrief, slug: str, form, *, actor: User, complete: bool) -> None:
    """Save a step of a draft. `complete` means the form validated fully ("Save and continue")."""
    if debrief.submitted:
        raise ServiceError("This debrief has been submitted: change it with an amendment")
    before = counted_in([debrief.incident])  # the months its figures were counted in
    changes = answers.apply(slug, debrief, form, valid_only=not complete)
    current = step_status(debrief).get(slug)
    _set_status(debrief, slug, COMPLETED if complete or current == COMPLETED and not changes else IN_PROGRESS)
    if slug == "use-of-force" and debrief.used_force is False:
        debrief.injuries = [i for i in debrief.injuries if i.subject is None]
        debrief.tactics, debrief.subjects = [], []
        debrief.reasons, debrief.impact_factors = [], []
    _audit("debrief.updated", debrief, actor, step=slug, fields=sorted(changes))
    commit_counted(db.session, [debrief.incident], before)


def amend_step(debrief: Debrief, slug: str, form, *, actor: User, reason: str) -> Amendment | None:
    """Change a submitted debrief: kept as an amendment with what changed and why."""
    if not debrief.submitted:
        raise ServiceError("Only a submitted debrief is amended")
    before = counted_in([debrief.incident])  # the months its figures were counted in
    changes = answers.apply(slug, debrief, form)
    if not changes:
        return None
    amendment = Amendment(author_id=actor.id, section=slug, reason=reason.strip(),
                          changes=[{"field": k, "old": _jsonable(o), "new": _jsonable(n)}
                                   for k, (o, n) in changes.items()])
    debrief.amendments.append(amendment)
    _audit("debrief.amended", debrief, actor, step=slug, fields=sorted(changes))
    commit_counted(db.session, [debrief.incident], before)
    return amendment


def save_subject(debrief: Debrief, subject: ForceSubject | None, form, *, actor: User,
                 reason: str | None = None) -> ForceSubject | None:
    """Add a subject (subject None) or change one: the tactics used on them, Taser detail, injury, video and
    references. On a submitted debrief the change is kept as an amendment with its reason."""
    if debrief.submitted and not (reason or "").strip():
        raise ServiceError("Enter why you are changing your submitted debrief")
    if debrief.used_force is not True:
        raise ServiceError("Answer ‘yes’ to ‘Did you use force?’ before recording who you used it on",
                           place=Place.of("Did you use force?", "debriefs.step", debrief_id=debrief.id,
                                          step="use-of-force"))
    before = counted_in([debrief.incident])  # the months its figures were counted in
    new = subject is None
    if new:
        subject = ForceSubject(number=max((s.number for s in debrief.subjects), default=0) + 1)
    changes = subjects.apply(debrief, subject, form)
    if new:
        debrief.subjects.append(subject)
    label = f"subject {subject.number}"
    if debrief.submitted:
        if not changes:
            db.session.rollback()
            return None
        debrief.amendments.append(Amendment(
            author_id=actor.id, section="tactics", reason=reason.strip(),
            changes=[{"field": f"{label}: {k}", "old": _jsonable(o), "new": _jsonable(n)}
                     for k, (o, n) in changes.items()]))
        _audit("debrief.amended", debrief, actor, step="tactics", fields=sorted(changes))
    else:
        if step_status(debrief).get("tactics") != COMPLETED:
            _set_status(debrief, "tactics", IN_PROGRESS)
        _audit("debrief.updated", debrief, actor, step="tactics", fields=[f"{label}: {k}" for k in sorted(changes)])
    commit_counted(db.session, [debrief.incident], before)
    return subject


def remove_subject(debrief: Debrief, subject_id: int, *, actor: User) -> None:
    if debrief.submitted:
        raise ServiceError("This debrief has been submitted: change it with an amendment")
    subject = debrief.subject(subject_id)
    if subject is None:
        raise ServiceError("That subject is not in this debrief")
    before = counted_in([debrief.incident])  # the months its figures were counted in
    debrief.tactics = [t for t in debrief.tactics if t.subject is not subject]
    debrief.injuries = [i for i in debrief.injuries if i.subject is not subject]
    debrief.subjects = [s for s in debrief.subjects if s is not subject]
    _audit("debrief.updated", debrief, actor, step="tactics", fields=[f"subject {subject.number}"])
    commit_counted(db.session, [debrief.incident], before)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _public_amendment(debrief: Debrief, actor: User, reason: str | None, before: int) -> None:
    """On a submitted debrief, a change to the members of the public is kept as an amendment with its reason."""
    if not debrief.submitted:
        return
    if not (reason or "").strip():
        raise ServiceError("Enter why you are changing your submitted debrief")
    debrief.amendments.append(Amendment(author_id=actor.id, section="people", reason=reason.strip(), changes=[
        {"field": "members_of_the_public", "old": before, "new": len(debrief.incident.public)}]))


def add_public_person(debrief: Debrief, form, *, actor: User, reason: str | None = None) -> PublicPerson:
    incident = debrief.incident
    if actor.id != incident.reporter_id:
        raise ServiceError("Only the person who started the incident can change who was involved")
    before = len(incident.public)
    person = PublicPerson(
        role=form.role.data, age_band=form.age_band.data, sex=form.sex.data, ethnicity=form.ethnicity.data,
        ethnicity_basis=form.ethnicity_basis.data, disability_known=form.disability_known.data,
        vulnerabilities=",".join(form.vulnerabilities.data or []),
        number=len(incident.public) + 1,
    )
    incident.public.append(person)
    _public_amendment(debrief, actor, reason, before)
    if incident.people_status == NOT_STARTED:
        incident.people_status = IN_PROGRESS
    _audit("debrief.amended" if debrief.submitted else "debrief.updated", debrief, actor, step="people",
           fields=["public"])
    db.session.commit()
    return person


def remove_public_person(debrief: Debrief, person_id: int, *, actor: User, reason: str | None = None) -> None:
    incident = debrief.incident
    if actor.id != incident.reporter_id:
        raise ServiceError("Only the person who started the incident can change who was involved")
    before = len(incident.public)
    incident.public = [p for p in incident.public if p.id != person_id]
    _public_amendment(debrief, actor, reason, before)
    _audit("debrief.amended" if debrief.submitted else "debrief.updated", debrief, actor, step="people",
           fields=["public"])
    db.session.commit()


def timeline_order(at: time, start: time | None) -> tuple[bool, time]:
    """Sort key of an officer's timeline entry (times only): an entry earlier in the day than the incident's start
    happened after midnight, so 00:15 follows 23:30 for an incident that began at 23:10."""
    return (start is not None and at < start, at)


def add_timeline_entry(debrief: Debrief, form, *, actor: User) -> None:
    if debrief.submitted:
        raise ServiceError("This debrief has been submitted: change it with an amendment")

    debrief.timeline.append(TimelineEntry(
        at=parse_time(form.at.data), what=form.what.data.strip(), source=form.source.data.strip(),
        position=max((e.position for e in debrief.timeline), default=0) + 1,
    ))
    start = debrief.incident.occurred_at.time() if debrief.incident.occurred_at else None
    debrief.timeline.sort(key=lambda e: timeline_order(e.at, start))
    for n, entry in enumerate(debrief.timeline):
        entry.position = n
    if step_status(debrief).get("timeline") != COMPLETED:
        _set_status(debrief, "timeline", IN_PROGRESS)
    _audit("debrief.updated", debrief, actor, step="timeline", fields=["timeline"])
    db.session.commit()


def remove_timeline_entry(debrief: Debrief, entry_id: int, *, actor: User) -> None:
    if debrief.submitted:
        raise ServiceError("This debrief has been submitted: change it with an amendment")
    debrief.timeline = [e for e in debrief.timeline if e.id != entry_id]
    _audit("debrief.updated", debrief, actor, step="timeline", fields=["timeline"])
    db.session.commit()


def complete_timeline(debrief: Debrief, *, actor: User, complete: bool) -> None:
    if complete and not debrief.timeline:
        raise ServiceError("Add at least one entry to the timeline")
    _set_status(debrief, "timeline", COMPLETED if complete else IN_PROGRESS)
    _audit("debrief.updated", debrief, actor, step="timeline", fields=[])
    db.session.commit()


def submit_debrief(debrief: Debrief, *, actor: User) -> None:
    if debrief.submitted:
        raise ServiceError("This debrief has already been submitted")
    statuses, facts = step_status(debrief), facts_for(debrief, actor)
    if not ready_to_submit(statuses, facts):
        step = first_unfinished_step(statuses, facts)
        raise ServiceError(f"Complete every section before you submit: ‘{step.title}’ is not finished", "declaration",
                           place=Place.of(step.title, "debriefs.step", debrief_id=debrief.id, step=step.slug))
    before = counted_in([debrief.incident])  # the months its figures were counted in
    debrief.status = DebriefStatus.SUBMITTED
    debrief.declaration = True
    debrief.submitted_at = utcnow()
    _audit("debrief.submitted", debrief, actor)
    commit_counted(db.session, [debrief.incident], before)


def first_unfinished_step(statuses: dict[str, str], facts: Facts):
    """The first step, in order, of a section not yet completed (where "complete every section" sends the person)."""
    steps = applicable_steps(facts)
    unfinished = [s for s in steps if section_status(s.section, statuses, facts) != COMPLETED]
    return next((s for s in unfinished if statuses.get(s.slug) != COMPLETED), unfinished[0] if unfinished else steps[0])


def record_view(debrief: Debrief, *, actor: User, page: str) -> None:
    _audit("debrief.viewed", debrief, actor, page=page)
    db.session.commit()


def possible_duplicates(incident: Incident) -> list[Incident]:
    """Same force, same day, and the same place words or overlapping people: worth a warning, not a block."""
    if incident.occurred_at is None:
        return []
    day = incident.occurred_at.date()
    start, end = datetime.combine(day, time.min), datetime.combine(day, time.max)
    others = db.session.scalars(select(Incident).where(
        Incident.force_id == incident.force_id, Incident.id != incident.id,
        Incident.occurred_at.between(start, end))).all()
    words = _place_words(incident.place)
    people = {o.user_id for o in incident.officers if o.user_id} | {incident.reporter_id}
    return [o for o in others
            if (words and words & _place_words(o.place))
            or people & ({x.user_id for x in o.officers if x.user_id} | {o.reporter_id})]


_STOP = {"the", "a", "an", "of", "on", "in", "at", "outside", "near", "by", "to", "and", "road", "street"}


def _place_words(place: str | None) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in place or "").split()
            if w not in _STOP and len(w) > 2}


def review_queue(force_id: int, *, date_from=None, date_to=None, **filters) -> list[Incident]:
    """Incidents of a force with at least one submitted debrief, filtered (see _queue_query)."""
    return list(db.session.scalars(_queue_query(force_id, select(Incident), **_bounds(date_from, date_to), **filters)))


def _bounds(date_from, date_to) -> dict:
    """The date filters as the first and last moments they let in."""
    return {"starts": datetime.combine(date_from, time.min) if date_from else None,
            "ends": datetime.combine(date_to, time.max) if date_to else None}


@dataclass(frozen=True)
class QueueRca:
    """The incident's RCA as a queue row shows it: its link and status tag (read in the queue's own query)."""
    id: int
    status: str
    returned_at: datetime | None

    @property
    def is_returned(self) -> bool:
        return self.status == RcaStatus.DRAFT and self.returned_at is not None


@dataclass(frozen=True)
class QueueRow:
    """One incident of the review queue as the page lists it, with its RCA if one was started."""
    id: int
    reference: str
    occurred_at: datetime | None
    near_miss: bool
    themes: tuple[str, ...]
    submitted: int
    total: int
    rca: QueueRca | None = None


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    count: int  # incidents matching the filters, on every page
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.per_page))


_THEME_SEPARATOR = "\x1f"  # between an incident's theme codes, read as one string (a code never holds it)


@cache
def _queue_page_query(has_start: bool, has_end: bool, has_theme: bool, near_miss: bool | None,
                      use_of_force: bool | None, injury: bool | None) -> Select:
    """The statement of a page of the queue for one shape of filters, their values bound as parameters (building a
    statement costs more than running it)."""
    submitted = (select(func.count(Debrief.id)).where(Debrief.incident_id == Incident.id,
                                                      Debrief.status == DebriefStatus.SUBMITTED)
                 .correlate(Incident).scalar_subquery())
    total = select(func.count(Debrief.id)).where(Debrief.incident_id == Incident.id).correlate(Incident).scalar_subquery()
    themes = (select(func.aggregate_strings(IncidentTheme.theme, _THEME_SEPARATOR))
              .where(IncidentTheme.incident_id == Incident.id).correlate(Incident).scalar_subquery())
    columns = (select(Incident.id, Incident.reference, Incident.occurred_at, Incident.near_miss, submitted, total,
                      themes, RootCauseAnalysis.id, RootCauseAnalysis.status, RootCauseAnalysis.returned_at,
                      func.count().over())
               .outerjoin(RootCauseAnalysis, RootCauseAnalysis.incident_id == Incident.id))
    return _queue_query(bindparam("force_id"), columns, starts=bindparam("starts") if has_start else None,
                        ends=bindparam("ends") if has_end else None, theme=bindparam("theme") if has_theme else None,
                        near_miss=near_miss, use_of_force=use_of_force, injury=injury
                        ).limit(bindparam("limit")).offset(bindparam("offset"))




def review_queue_rows(force_id: int, *, page: int = 1, per_page: int = 25, date_from=None, date_to=None,
                      theme: str | None = None, near_miss: bool | None = None, use_of_force: bool | None = None,
                      injury: bool | None = None) -> QueuePage:
    """One page of the review queue as the reviewer's page lists it: each incident's columns, its themes and how many
    of its debriefs are submitted, of how many, with the number matching; in one query whatever the number of
    incidents, each incident's theme codes read in it as one string (a page past the last has no rows and the count,
    for one more)."""
    bounds = _bounds(date_from, date_to)
    query = _queue_page_query(bounds["starts"] is not None, bounds["ends"] is not None, bool(theme), near_miss,
                              use_of_force, injury)
    params = {"force_id": force_id, "theme": theme, "limit": per_page, **{k: v for k, v in bounds.items() if v}}
    page = max(1, page)
    found = db.session.connection().execute(query, params | {"offset": (page - 1) * per_page}).all()
    if not found and page > 1:  # past the last page: how many there are, so the page can send the reader to the last
        first = db.session.connection().execute(query, params | {"offset": 0, "limit": 1}).first()
        return QueuePage(rows=[], count=first[-1] if first else 0, page=page, per_page=per_page)
    rows = [QueueRow(id=i, reference=reference, occurred_at=at, near_miss=bool(near),
                     themes=tuple(sorted(codes.split(_THEME_SEPARATOR))) if codes else (),
                     submitted=n_submitted, total=n_total,
                     rca=QueueRca(rca_id, status, returned) if rca_id is not None else None)
            for i, reference, at, near, n_submitted, n_total, codes, rca_id, status, returned, _count in found]
    return QueuePage(rows=rows, count=found[0][-1] if found else 0, page=page, per_page=per_page)


def _queue_query(force_id, columns, *, starts=None, ends=None, theme=None,
                 near_miss: bool | None = None, use_of_force: bool | None = None, injury: bool | None = None):
    submitted = select(Debrief.incident_id).where(Debrief.status == DebriefStatus.SUBMITTED)
    q = columns.where(Incident.force_id == force_id, Incident.id.in_(submitted))
    if starts is not None:
        q = q.where(Incident.occurred_at >= starts)
    if ends is not None:
        q = q.where(Incident.occurred_at <= ends)
    if theme is not None:
        q = q.where(Incident.id.in_(select(IncidentTheme.incident_id).where(IncidentTheme.theme == theme)))
    if near_miss is not None:
        q = q.where(Incident.near_miss.is_(near_miss))
    if use_of_force is not None:
        used = select(Debrief.incident_id).where(Debrief.used_force.is_(True))
        q = q.where(Incident.id.in_(used) if use_of_force else Incident.id.not_in(used))
    if injury is not None:
        hurt = select(Debrief.incident_id).where(Debrief.any_injuries.is_(True))
        q = q.where(Incident.id.in_(hurt) if injury else Incident.id.not_in(hurt))
    return q.order_by(Incident.occurred_at.desc().nulls_last(), Incident.id.desc())

