"""The people and forces an audit log page names, as its viewer may see them: a user of the viewer's force by name and
roles ("Sam Patel (PSD reviewer)"), anyone else by name and force, and a force by its name. Read in one query for the
people and one for the forces, however many events the page shows."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from debrief.audit.describe import Names, named_records
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, Force, User, UserRole

_ROLE_ORDER = {role.value: i for i, role in enumerate(Role)}


def names_for(events: Iterable[AuditEvent], *, viewer_force_id: int | None) -> Names:
    """("user", id) and ("force", id) -> words, for every actor of `events`, every person an event is about and every
    person or force their details name by number."""
    events = list(events)
    wanted: set[tuple[str, str]] = {("user", str(e.actor_id)) for e in events if e.actor_id is not None}
    wanted |= {("user", str(int(e.record_id))) for e in events if e.record_type == "user" and str(e.record_id).isdigit()}
    for event in events:
        wanted |= named_records(event.action, event.details)
    names: dict[tuple[str, str], str] = {}
    user_ids = sorted({int(n) for kind, n in wanted if kind == "user"})
    if user_ids:
        people: dict[int, dict] = {}
        rows = db.session.execute(
            select(User.id, User.name, User.active, User.force_id, Force.name, UserRole.role)
            .join(Force, Force.id == User.force_id)
            .outerjoin(UserRole, UserRole.user_id == User.id)
            .where(User.id.in_(user_ids)))
        for user_id, name, active, force_id, force_name, role in rows:
            person = people.setdefault(user_id, {"name": name, "active": active, "own": force_id == viewer_force_id,
                                                 "force": force_name, "roles": []})
            if role:
                person["roles"].append(role)
        for user_id, person in people.items():
            names[("user", str(user_id))] = describe_person(**person)
    force_ids = sorted({int(n) for kind, n in wanted if kind == "force"})
    if force_ids:
        names.update({("force", str(fid)): name for fid, name in
                      db.session.execute(select(Force.id, Force.name).where(Force.id.in_(force_ids)))})
    return names


def describe_person(*, name: str, active: bool, own: bool, force: str, roles: list[str]) -> str:
    """"Sam Patel (PSD reviewer)" for the viewer's own force; "Lee Ray (Westmere Constabulary)" for another's, whose
    roles are not the viewer's to see."""
    if own:
        shown = [Role(r).label for r in sorted(roles, key=lambda r: _ROLE_ORDER.get(r, 99)) if r in _ROLE_ORDER]
    else:
        shown = [force]
    if not active:
        shown.append("deactivated")
    return f"{name} ({', '.join(shown)})" if shown else name
