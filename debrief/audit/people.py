"""The people and forces an audit log page names, as its viewer may see them: a user of the viewer's force by name and
roles ("Sam Patel (PSD reviewer)"), anyone else by name and force, and a force by its name. Read in one query for the
people and one for the forces, however many events the page shows."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from debrief.audit.describe import Names, named_records
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, Force, User, UserRole

_ROLE_ORDER = {role.value: i for i, role in enumerate(Role)}


# The events that say what a person's roles became (and, for a change, what they were before).
_ROLE_EVENTS = ("user.created", "user.roles_changed")
_STANDING_EVENTS = ("user.deactivated", "user.reactivated")


def names_for(events: Iterable[AuditEvent], *, viewer_force_id: int | None) -> Names:
    """("user", id) and ("force", id) -> words, for every actor of `events`, every person an event is about and every
    person or force their details name by number; and ("actor", event id) -> who did that event, with the roles they
    held when they did it (an administrator who was an officer then is shown as an officer there); and ("subject", event
    id) -> the person a user event is about, with the roles and standing they had just after it."""
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
        subjects = {int(e.record_id): e for e in events if e.record_type == "user" and str(e.record_id).isdigit()}
        history, standing = _history({e.actor_id for e in events if e.actor_id in people}
                                     | {u for u in subjects if u in people})
        for event in events:
            if (person := people.get(event.actor_id)) is not None and person["own"]:
                then = _roles_then(history.get(event.actor_id, []), event, person["roles"])
                names[("actor", str(event.id))] = describe_person(**{**person, "roles": then})
            # The person an event is about, as they were just after it: "Changed a user's roles | User: Kieran Walsh
            # (Officer or staff, PSD reviewer) | Roles now: ...", not with today's roles or today's deactivation.
            if event.record_type == "user" and str(event.record_id).isdigit() \
                    and (person := people.get(int(event.record_id))) is not None:
                uid = int(event.record_id)
                then = _roles_then(history.get(uid, []), event, person["roles"]) if person["own"] else person["roles"]
                active = _active_then(standing.get(uid, []), event, person["active"])
                names[("subject", str(event.id))] = describe_person(**{**person, "roles": then, "active": active})
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


def _history(user_ids: set[int]) -> tuple[dict[int, list[tuple[Any, int, list[str], list[str] | None]]],
                                        dict[int, list[tuple[Any, int, bool]]]]:
    """In one query, from the users' own events, oldest first: user id -> [(at, event id, roles after, roles before or
    None)] from their role events, and user id -> [(at, event id, active after)] from their deactivations and
    reactivations."""
    roles: dict[int, list] = {}
    standing: dict[int, list] = {}
    if not user_ids:
        return roles, standing
    rows = db.session.execute(
        select(AuditEvent.record_id, AuditEvent.at, AuditEvent.id, AuditEvent.action, AuditEvent.details)
        .where(AuditEvent.action.in_(_ROLE_EVENTS + _STANDING_EVENTS), AuditEvent.record_type == "user",
               AuditEvent.record_id.in_([str(u) for u in user_ids]))
        .order_by(AuditEvent.at, AuditEvent.id))
    for record_id, at, event_id, action, details in rows:
        if action in _STANDING_EVENTS:
            standing.setdefault(int(record_id), []).append((at, event_id, action == "user.reactivated"))
            continue
        details = details if isinstance(details, dict) else {}
        if isinstance(details.get("roles"), list):
            before = details.get("before") if isinstance(details.get("before"), list) else None
            roles.setdefault(int(record_id), []).append((at, event_id, details["roles"], before))
    return roles, standing


def _roles_then(history: list, event: AuditEvent, now: list[str]) -> list[str]:
    """The roles held when `event` happened: those the last role event before it gave; before the first, what that
    change started from; with no role events at all (an account made before they were recorded), the roles now."""
    earlier = [h for h in history if (h[0], h[1]) <= (event.at, event.id)]
    if earlier:
        return list(earlier[-1][2])
    later = next((h for h in history if h[3] is not None), None)
    return list(later[3]) if later else list(now)



def _active_then(history: list, event: AuditEvent, now: bool) -> bool:
    """Active just after `event`: as the last deactivation or reactivation up to it left them; before the first, the
    opposite of what that first one did; with none, as now."""
    earlier = [h for h in history if (h[0], h[1]) <= (event.at, event.id)]
    if earlier:
        return earlier[-1][2]
    return not history[0][2] if history else now
