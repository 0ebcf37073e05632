"""The signed-in person as every request sees them (Flask-Login's current_user): one statement's rows made into a
small immutable object, not an ORM User with its Force and UserRole objects (the loader was about a third of the
fixed cost of a signed-in page). A view whose service changes the user or links them to a new record takes
`acting_user()`, the model object."""
from __future__ import annotations

from dataclasses import dataclass

from flask_login import UserMixin, current_user
from sqlalchemy import bindparam, select

from debrief.auth.roles import Permission, Role, permissions_for
from debrief.extensions import db
from debrief.models import Force, User, UserRole


@dataclass(frozen=True, slots=True)
class ForceRef:
    """The signed-in person's force: what pages and services read of it."""

    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True, eq=False)
class SignedIn(UserMixin):
    """Who is signed in, as read at the start of this request. Equal to their User (UserMixin compares ids)."""

    id: int
    email: str
    name: str
    force_id: int
    force: ForceRef
    collar_number: str | None
    roles: frozenset[Role]
    session_epoch: int
    password_change_due: bool = False

    @property
    def is_active(self) -> bool:  # the loader returns no one for a deactivated user
        return True

    @property
    def active(self) -> bool:  # as User.active
        return True

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def can(self, permission: Permission) -> bool:
        return permission in permissions_for(self.roles)

    def __hash__(self) -> int:
        return hash(self.id)


_USER, _FORCE, _ROLE = User.__table__.c, Force.__table__.c, UserRole.__table__.c
# One row per role (one with no role for a role-less user), built once: a statement reused keeps its cache key.
_SIGNED_IN = (
    select(_USER.id, _USER.email, _USER.name, _USER.force_id, _USER.collar_number, _USER.session_epoch, _USER.active,
           _USER.password_change_due, _FORCE.code, _FORCE.name.label("force_name"), _ROLE.role)
    .join_from(User.__table__, Force.__table__, _FORCE.id == _USER.force_id)
    .outerjoin(UserRole.__table__, _ROLE.user_id == _USER.id)
    .where(_USER.id == bindparam("user_id"))
)


def load_signed_in(user_id: int, epoch: int) -> SignedIn | None:
    """The user `user_id` if they are active and `epoch` is their current session epoch, else None (signed out)."""
    rows = db.session.connection().execute(_SIGNED_IN, {"user_id": user_id}).all()
    if not rows:
        return None
    first = rows[0]
    # Signing out, deactivation and role changes raise the epoch: older session cookies stop working.
    if not first.active or first.session_epoch != epoch:
        return None
    return SignedIn(id=first.id, email=first.email, name=first.name, force_id=first.force_id,
                    force=ForceRef(first.force_id, first.code, first.force_name), collar_number=first.collar_number,
                    roles=frozenset(Role(row.role) for row in rows if row.role is not None),
                    session_epoch=first.session_epoch, password_change_due=bool(first.password_change_due))


def acting_user() -> User:
    """The signed-in user as a model object, for a service that changes them or links them to a new record."""
    return db.session.get(User, current_user.id)
