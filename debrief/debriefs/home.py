"""What an officer's home page lists of their debriefs: rows of the columns it shows (not ORM trees of every answer),
read in one statement built once."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy import Select, bindparam, select

from debrief.extensions import db
from debrief.models import Debrief, Incident, User


class Named(NamedTuple):
    name: str


@dataclass(frozen=True)
class HomeIncident:
    """An incident as an officer's home page lists it, with who reported it (`reporter.name`)."""
    id: int
    reference: str
    occurred_at: datetime | None
    place: str | None
    near_miss: bool | None
    reporter_id: int
    reporter: Named | None


@dataclass(frozen=True)
class HomeDebrief:
    """One of an officer's debriefs as their home page lists it (columns, not an ORM tree of every answer)."""
    id: int
    incident_id: int
    kind: str
    status: str
    due_at: datetime | None
    submitted_at: datetime | None
    support_wanted: bool | None
    incident: HomeIncident


@cache
def _debriefs_of_author() -> Select:
    """debriefs_for's statement, built once: a reused statement keeps its cache key, so a request skips building it.
    Only the columns the home page lists."""
    return (select(Debrief.id, Debrief.incident_id, Debrief.kind, Debrief.status, Debrief.due_at, Debrief.submitted_at,
                   Debrief.support_wanted, Incident.reference, Incident.occurred_at, Incident.place, Incident.near_miss,
                   Incident.reporter_id, User.name)
            .join(Incident, Incident.id == Debrief.incident_id)
            .outerjoin(User, User.id == Incident.reporter_id)
            .where(Debrief.author_id == bindparam("author_id")).order_by(Debrief.updated_at.desc()))


def debriefs_for(user: User) -> list[HomeDebrief]:
    """The user's debriefs, newest first, with what their home page lists: the incident and who reported it, as rows
    read through the session's connection (no ORM entities to load)."""
    incidents: dict[int, HomeIncident] = {}
    out = []
    for (debrief_id, incident_id, kind, status, due_at, submitted_at, support_wanted, reference, occurred_at, place,
         near_miss, reporter_id, reporter) in db.session.connection().execute(_debriefs_of_author(),
                                                                             {"author_id": user.id}):
        incident = incidents.get(incident_id)
        if incident is None:
            incident = incidents[incident_id] = HomeIncident(
                id=incident_id, reference=reference, occurred_at=occurred_at, place=place, near_miss=near_miss,
                reporter_id=reporter_id, reporter=Named(reporter) if reporter is not None else None)
        out.append(HomeDebrief(id=debrief_id, incident_id=incident_id, kind=kind, status=status, due_at=due_at,
                               submitted_at=submitted_at, support_wanted=support_wanted, incident=incident))
    return out
