"""Account operations: sign-in with throttling, adding and deactivating users. Each records its audit event.

Throttling never lets one client lock everyone out of an account. An address that has failed on an
account `per_account` times in the window is refused on it for the rest of the window; any other
address only meets a short lock after the account's latest real failure (one whose password was
checked), which doubles with each further failure up to `max_account_lock_seconds`. Refused attempts
are recorded but checked no password, so they neither extend a lock nor count towards one (waiting
out a short lock by trying again does not lock a person out for the window). Separately, one address may
fail `per_address` times in the window (keyed on the real client address: see TRUSTED_PROXIES).

Sessions: `end_sessions` raises the user's session epoch; the user loader refuses a session cookie
carrying an older one, so signing out, deactivation and taking a role away end every session at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from debrief.errors import ServiceError
from debrief.audit import record
from debrief.auth.passwords import hash_password, verify_password
from debrief.auth.roles import Role, combination_problem, grant_problem
from debrief.extensions import db
from debrief.models import Force, SignInAttempt, User, utcnow


@dataclass(frozen=True)
class SignInLimits:
    window_seconds: int
    per_account: int
    per_address: int
    account_lock_seconds: int = 30  # other addresses wait this long after the account's latest failure ...
    max_account_lock_seconds: int = 300  # ... doubled for each failure past per_account, never beyond this


@dataclass(frozen=True)
class SignInOutcome:
    user: User | None
    throttled: bool = False
    retry_after: int | None = None  # seconds, when the account is under a short lock


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _recent_failures(column, value: str, since) -> int:
    return db.session.scalar(
        select(func.count(SignInAttempt.id)).where(
            column == value, SignInAttempt.at >= since, SignInAttempt.succeeded.is_(False)
        )
    ) or 0


def _account_lock_until(email: str, since: datetime, limits: SignInLimits) -> datetime | None:
    """When the short lock on an account ends, after a streak of real failures from any addresses."""
    times = db.session.scalars(
        select(SignInAttempt.at).where(
            SignInAttempt.email == email, SignInAttempt.at >= since, SignInAttempt.succeeded.is_(False),
            SignInAttempt.throttled.is_(False),
        ).order_by(SignInAttempt.at.desc()).limit(limits.per_account + 16)
    ).all()
    if len(times) < limits.per_account:
        return None
    doublings = min(len(times) - limits.per_account, 16)
    lock = min(limits.account_lock_seconds * 2 ** doublings, limits.max_account_lock_seconds)
    return times[0] + timedelta(seconds=lock)


def authenticate(email: str, password: str, *, address: str, limits: SignInLimits) -> SignInOutcome:
    """Check a sign-in, throttled per account and per address; records the attempt and commits."""
    email = normalise_email(email)
    address = (address or "unknown")[:64]
    now = utcnow()
    since = now - timedelta(seconds=limits.window_seconds)
    own_streak = db.session.scalar(
        select(func.count(SignInAttempt.id)).where(
            SignInAttempt.email == email, SignInAttempt.address == address, SignInAttempt.at >= since,
            SignInAttempt.succeeded.is_(False), SignInAttempt.throttled.is_(False),
        )
    ) or 0
    lock_until = _account_lock_until(email, since, limits)
    retry_after = int((lock_until - now).total_seconds()) + 1 if lock_until and lock_until > now else None
    throttled = (
        own_streak >= limits.per_account
        or retry_after is not None
        or _recent_failures(SignInAttempt.address, address, since) >= limits.per_address
    )
    user = db.session.scalar(select(User).where(User.email == email))
    ok = False
    if not throttled:
        ok = verify_password(user.password_hash if user else None, password) and bool(user and user.active)
    db.session.add(SignInAttempt(email=email[:254], address=address, succeeded=ok, throttled=throttled))
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
    short_lock = retry_after if throttled and own_streak < limits.per_account else None
    return SignInOutcome(user=user if ok else None, throttled=throttled, retry_after=short_lock)


def end_sessions(user: User) -> None:
    """Every session of this user ends at its next request (the caller commits)."""
    user.session_epoch = (user.session_epoch or 0) + 1


def record_sign_out(user: User) -> None:
    end_sessions(user)
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
        raise ServiceError("Select at least one role", "roles")
    if problem := combination_problem(roles):
        raise ServiceError(problem, "roles")
    # An account made by someone signed in (not the server's `create-user` command) is limited by what they manage.
    if actor is not None:
        if problem := grant_problem(roles, actor.roles):
            raise ServiceError(problem, "roles")
        if Role.NATIONAL_ADMIN not in actor.roles and force.id != actor.force_id:
            raise ServiceError("You can only add users to your own force")
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise ServiceError("A user with this email address already exists")
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
        raise ServiceError("You cannot deactivate your own account")
    if not user.active:
        raise ServiceError("This user is already deactivated")
    if grant_problem(user.roles, actor.roles):
        # A learning-team or national account kept under this force is not the force administrator's to manage.
        raise ServiceError("This account holds a role that reaches beyond your force, so only a national "
                           "administrator can change it")
    user.active = False
    user.deactivated_at = utcnow()
    end_sessions(user)
    record("user.deactivated", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email)
    db.session.commit()


def change_roles(user: User, roles: Iterable[Role], *, actor: User) -> bool:
    """Give the user exactly these roles, ending their sessions if any was taken away; False when nothing changed."""
    wanted = {Role(r) for r in roles}
    if not wanted:
        raise ServiceError("Select at least one role")
    if user.id == actor.id:
        raise ServiceError("You cannot change your own roles")
    if problem := combination_problem(wanted):
        raise ServiceError(problem, "roles")
    # Roles the person already holds may stay; any role added must be one this administrator may give.
    if problem := grant_problem(wanted - user.roles, actor.roles):
        raise ServiceError(problem, "roles")
    before = user.roles
    if wanted == before:
        return False
    user.set_roles(wanted)
    if before - wanted:
        # A role taken away ends their sessions. Only added: their roles are read on every request, so the new
        # one works at their next click, and a form they are half way through is not lost to a sign-in page.
        end_sessions(user)
    record("user.roles_changed", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email, before=sorted(r.value for r in before), roles=sorted(r.value for r in wanted))
    db.session.commit()
    return True


def users_of_force(force_id: int) -> list[User]:
    return list(db.session.scalars(select(User).where(User.force_id == force_id).order_by(User.name)
                                   .options(selectinload(User.role_rows))))


def user_in_force(user_id: int, force_id: int) -> User | None:
    """A user only if they belong to the given force: other forces' users look like they do not exist."""
    return db.session.scalar(select(User).where(User.id == user_id, User.force_id == force_id)
                             .options(selectinload(User.role_rows)))
