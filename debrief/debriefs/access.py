"""Who may open a debrief or an incident: its author, and reviewers of its force (read-only)."""
from __future__ import annotations

from collections.abc import Sequence

from flask import abort, request
from sqlalchemy import select
from sqlalchemy.orm import joinedload, lazyload, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.models import Debrief, Incident, User
from debrief.models.debrief import DebriefStatus

# The debrief and its incident; a page loads any of their parts it reads, each in one query.
JUST_THE_DEBRIEF: tuple[LoaderOption, ...] = (lazyload("*"), joinedload(Debrief.incident).lazyload("*"))
# Every answer, for the pages that show them all, in four queries whatever the number of parts: the small parts
# joined to the debrief, the incident with its themes and people, and the two longer lists (tactics, timeline).
WITH_ALL_ANSWERS: tuple[LoaderOption, ...] = (
    lazyload("*"),
    joinedload(Debrief.subjects), joinedload(Debrief.injuries), joinedload(Debrief.amendments),
    selectinload(Debrief.tactics), selectinload(Debrief.timeline),
    selectinload(Debrief.incident).options(lazyload("*"), joinedload(Incident.theme_rows),
                                           joinedload(Incident.officers), joinedload(Incident.public),
                                           joinedload(Incident.reporter).lazyload("*")),
)


def debrief_for(user: User, debrief_id: int, *, edit: bool, load: Sequence[LoaderOption] | None = None) -> Debrief:
    """The debrief, if `user` may open it; 404 otherwise, the same as for an id that does not exist, so that no
    one can learn which debriefs exist by trying ids. A page read loads `load` (by default just the
    debrief and its incident); a change loads every part at once, as the services expect: a part loaded in the
    middle of a change would flush a half-made row."""
    if load is None:
        load = JUST_THE_DEBRIEF if request.method in ("GET", "HEAD") else ()
    debrief = db.session.scalars(select(Debrief).where(Debrief.id == debrief_id).options(*load)).unique().first()
    # Another force's records look as if they do not exist.
    if debrief is None or debrief.incident.force_id != user.force_id:
        abort(404)
    if debrief.author_id == user.id and user.can(Permission.FILE_DEBRIEF):
        return debrief
    if not edit and user.can(Permission.REVIEW_INCIDENTS) and debrief.status == DebriefStatus.SUBMITTED:
        return debrief
    abort(404)  # a colleague's debrief, or a reviewer's edit: not "forbidden", which would confirm it exists


def incident_for_review(user: User, incident_id: int) -> Incident:
    incident = db.session.get(Incident, incident_id)
    if incident is None or incident.force_id != user.force_id:
        abort(404)
    return incident
