"""Who may open a debrief or an incident: its author, and reviewers of its force (read-only)."""
from __future__ import annotations

from flask import abort

from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.models import Debrief, Incident, User


def debrief_for(user: User, debrief_id: int, *, edit: bool) -> Debrief:
    debrief = db.session.get(Debrief, debrief_id)
    # Another force's records look as if they do not exist.
    if debrief is None or debrief.incident.force_id != user.force_id:
        abort(404)
    if debrief.author_id == user.id and user.can(Permission.FILE_DEBRIEF):
        return debrief
    if not edit and user.can(Permission.REVIEW_INCIDENTS) and debrief.status == "submitted":
        return debrief
    abort(403)


def incident_for_review(user: User, incident_id: int) -> Incident:
    incident = db.session.get(Incident, incident_id)
    if incident is None or incident.force_id != user.force_id:
        abort(404)
    return incident
