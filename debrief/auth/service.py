"""Account operations: sign-in with throttling, adding and deactivating users. Each records its audit event."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Iterable

from sqlalchemy import func, select

from debrief.audit import record
from debrief.auth.passwords import hash_password, verify_password
from debrief.auth.roles import Role, combination_problem, grant_problem
from debrief.extensions import db
from debrief.models import Force, SignInAttempt, User, utcnow


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message is for the person, `field` the input."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class SignInLimits:
    window_seconds: int
    per_account: int
    per_address: int


@dataclass(frozen=True)
class SignInOutcome:
    user: User | None
    throttled: bool = False


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _recent_failures(column, value: str, since) -> int:
    return db.session.scalar(
        select(func.count(SignInAttempt.id)).where(
            column == value, SignInAttempt.at >= since, SignInAttempt.succeeded.is_(False)
        )
    ) or 0


def authenticate(email: str, password: str, *, address: str, limits: SignInLimits) -> SignInOutcome:
    """Check a sign-in, throttled per account and per address; records the attempt and commits."""
    email = normalise_email(email)
    since = utcnow() - timedelta(seconds=limits.window_seconds)
    throttled = (
        _recent_failures(SignInAttempt.email, email, since) >= limits.per_account
        or _recent_failures(SignInAttempt.address, address, since) >= limits.per_address
    )
    user = db.session.scalar(select(User).where(User.email == email))
    ok = False
    if not throttled:
        ok = verify_password(user.password_hash if user else None, password) and bool(user and user.active)
    db.session.add(SignInAttempt(email=email[:254], address=address[:64], succeeded=ok))
    if ok:
        record("auth.signed_in", actor=user, force_id=user.force_id, record_type="user", record_id=user.id)
    else:
        reason = "throttled" if throttled else ("inactive" if user and not user.active else "bad credentials")
        record(
            "auth.sign_in_failed",
            actor=None,
            force_id=user.force_id if user else None,
            email=email[:254],
            reason=reason,
            address=address[:64],
        )
    db.session.commit()
    return SignInOutcome(user=user if ok else None, throttled=throttled)


def record_sign_out(user: User) -> None:
    record("auth.signed_out", actor=user, force_id=user.force_id, record_type="user", record_id=user.id)
    db.session.commit()


def create_user(
    *,
    email: str,
    name: str,
    force: Force,
    roles: Iterable[Role],
    password: str,
    actor: User | None,
    collar_number: str | None = None,
) -> User:
    email = normalise_email(email)
    roles = {Role(r) for r in roles}
    if not roles:
        raise AccountError("Select at least one role", "roles")
    if problem := combination_problem(roles):
        raise AccountError(problem, "roles")
    # An account made by someone signed in (not the server's `create-user` command) is limited by what they manage.
    if actor is not None:
        if problem := grant_problem(roles, actor.roles):
            raise AccountError(problem, "roles")
        if Role.NATIONAL_ADMIN not in actor.roles and force.id != actor.force_id:
            raise AccountError("You can only add users to your own force")
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise AccountError("A user with this email address already exists")
    user = User(
        email=email,
        name=name.strip(),
        force=force,
        collar_number=(collar_number or "").strip() or None,
        password_hash=hash_password(password),
        active=True,
    )
    user.set_roles(roles)
    db.session.add(user)
    db.session.flush()
    record(
        "user.created",
        actor=actor,
        force_id=force.id,
        record_type="user",
        record_id=user.id,
        email=email,
        roles=sorted(r.value for r in roles),
    )
    db.session.commit()
    return user


def deactivate_user(user: User, *, actor: User) -> None:
    if user.id == actor.id:
        raise AccountError("You cannot deactivate your own account")
    if not user.active:
        raise AccountError("This user is already deactivated")
    if grant_problem(user.roles, actor.roles):
        # A learning-team or national account kept under this force is not the force administrator's to manage.
        raise AccountError("This account holds a role that reaches beyond your force, so only a national "
                           "administrator can change it")
    user.active = False
    user.deactivated_at = utcnow()
    record("user.deactivated", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email)
    db.session.commit()


def users_of_force(force_id: int) -> list[User]:
    return list(db.session.scalars(select(User).where(User.force_id == force_id).order_by(User.name)))


def user_in_force(user_id: int, force_id: int) -> User | None:
    """A user only if they belong to the given force: other forces' users look like they do not exist."""
    return db.session.scalar(select(User).where(User.id == user_id, User.force_id == force_id))
