"""Every audit event the service can record, with the detail keys it must carry."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditSpec:
    description: str
    required: frozenset[str] = frozenset()


def _spec(description: str, *required: str) -> AuditSpec:
    return AuditSpec(description, frozenset(required))


EVENTS: dict[str, AuditSpec] = {
    "auth.signed_in": _spec("Signed in"),
    "auth.signed_out": _spec("Signed out"),
    "auth.sign_in_failed": _spec("Failed sign-in", "email", "reason"),
    "user.created": _spec("Added a user", "email", "roles"),
    "user.deactivated": _spec("Deactivated a user", "email"),
    "user.list_viewed": _spec("Viewed the list of users", "count"),
    "user.viewed": _spec("Viewed a user", "email"),
    "audit.viewed": _spec("Viewed the audit log", "page"),
    "access.denied": _spec("Was refused a record", "path"),
    "incident.created": _spec("Started an incident", "reference"),
    "incident.viewed": _spec("Viewed an incident and its debriefs", "reference"),
    "debrief.created": _spec("Started a debrief", "incident", "kind"),
    "debrief.requested": _spec("Asked a colleague for their debrief", "incident", "requested_of"),
    "debrief.updated": _spec("Saved part of a debrief", "incident", "step", "fields"),
    "debrief.amended": _spec("Amended a submitted debrief", "incident", "step", "fields"),
    "debrief.submitted": _spec("Submitted a debrief", "incident"),
    "debrief.viewed": _spec("Viewed a debrief", "incident", "page"),
}
