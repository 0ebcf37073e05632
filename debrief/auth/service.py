"""Account operations: sign-in with throttling, adding and deactivating users. Each records its audit event.

Throttling never lets one client lock everyone out of an account. An address that has failed on an
account `per_account` times in the window is refused on it for the rest of the window; any other
address only meets a short lock after the account's latest real failure (one whose password was
checked), which doubles with each further failure up to `max_account_lock_seconds`. Refused attempts
are recorded but checked no password, so they neither extend a lock nor count towards one (waiting
out a short lock by trying again does not lock a person out for the window). Separately, one address may
fail `per_address` times in the window (keyed on the real client address: see TRUSTED_PROXIES).

Sessions: `end_sessions` raises the user's session epoch; the user loader refuses a session cookie
carrying an older one, so signing out and deactivation end every session at once. Role changes do not need to: the
loader reads a person's roles on every request.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from debrief.database import lock_row
from debrief.errors import ServiceError
from debrief.audit import record
from debrief.auth.collar_rules import collar_problem, reactivation_problem
from debrief.auth.collars import collar_format_problem, normalise_collar
from debrief.auth.passwords import hash_password, password_problem, verify_password
from debrief.auth.roles import Role, combination_problem, grant_problem, manage_problem
from debrief.extensions import db
from debrief.models import AuditEvent, Force, SignInAttempt, User, utcnow

# Where a learning-team account made by someone signed in may have its address: it works across forces on what they
# send in, so an address anyone can register (a webmail one) is refused. The server's `create-user` may use any.
LEARNING_TEAM_DOMAINS = ("police.uk", "gov.uk")


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
    # The right password for an account that has been deactivated: only then is the person told so (someone
    # without the password learns nothing of whether the account exists).
    deactivated: bool = False


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _recent_failures(column, value: str, since) -> int:
    return db.session.scalar(
        select(func.count(SignInAttempt.id)).where(
            column == value, SignInAttempt.at >= since, SignInAttempt.succeeded.is_(False)
        )
    ) or 0


def recent_failed_sign_ins(email: str, window_seconds: int) -> int:
    """Failed sign-ins to an account within the throttle's window: what an administrator is shown on its page."""
    return _recent_failures(SignInAttempt.email, normalise_email(email), utcnow() - timedelta(seconds=window_seconds))


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
    ok = deactivated = False
    if not throttled:
        right = verify_password(user.password_hash if user else None, password)
        ok = right and bool(user and user.active)
        deactivated = right and bool(user and not user.active)
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
    return SignInOutcome(user=user if ok else None, throttled=throttled, retry_after=short_lock,
                         deactivated=deactivated)


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
    name = (name or "").strip()
    if not name:
        raise ServiceError("Enter the person's full name", "name")
    if problem := password_problem(password or ""):
        raise ServiceError(problem, "password")
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
        if Role.LEARNING in roles and not on_domains(email, LEARNING_TEAM_DOMAINS):
            raise ServiceError("Enter an email address on a police or government domain (ending "
                               + " or ".join(f".{d}" for d in LEARNING_TEAM_DOMAINS)
                               + "): learning-team accounts work across forces", "email")
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise ServiceError("A user with this email address already exists")
    if problem := collar_format_problem(collar_number):
        raise ServiceError(problem, "collar_number")
    collar_number = normalise_collar(collar_number)
    if problem := collar_problem(collar_number, force=force, roles=roles, actor=actor):
        raise ServiceError(problem, "collar_number")
    user = User(
        email=email,
        name=name,
        force=force,
        collar_number=collar_number,
        password_hash=hash_password(password),
        active=True,
        password_change_due=actor is not None,  # an administrator chose it: the person sets their own first
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


PASSWORD_EVENTS = ("user.password_changed", "user.password_reset")


class PasswordChangedMeanwhile(ServiceError):
    """The password was changed (in another tab, on another device, by an administrator) after the change form was
    drawn: nothing is saved, and the page says so rather than that the current password is wrong."""


def change_password(user: User, *, current: str, new: str, confirm: str, drawn_at: int | None = None) -> None:
    """The person's own new password, after their current one. Every other session of theirs ends (the caller keeps
    the one they changed it in); a password an administrator chose is no longer due to change.
    `drawn_at`: the session epoch the form was drawn at; two changes at once are serialised on the user's row, and
    the later one, finding the epoch moved, is refused (both said they had succeeded, the later one silently ending
    the earlier one's session)."""
    lock_row(user)
    if drawn_at is not None and user.session_epoch != drawn_at:
        raise PasswordChangedMeanwhile(
            f"Your password was changed{said(latest_change(user, PASSWORD_EVENTS))} while this page was open. "
            "Nothing has been changed here", "current_password")
    if not verify_password(user.password_hash, current or ""):
        raise ServiceError("Your current password is not right", "current_password")
    if problem := password_problem(new or ""):
        raise ServiceError(problem.replace("Enter a password", "Enter a new password"), "new_password")
    if new != confirm:
        raise ServiceError("The new passwords do not match", "confirm_password")
    if verify_password(user.password_hash, new):
        raise ServiceError("Enter a new password different from your current one", "new_password")
    user.password_hash = hash_password(new)
    user.password_change_due = False
    end_sessions(user)
    record("user.password_changed", actor=user, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email)
    db.session.commit()


def on_domains(email: str, domains) -> bool:
    """Whether the address is on one of `domains` or a subdomain of one."""
    domain = normalise_email(email).rpartition("@")[2]
    return any(domain == d or domain.endswith("." + d) for d in domains)


@dataclass(frozen=True)
class Change:
    """Who last did something to an account (from the audit log), and when."""
    by: User | None
    at: datetime


def latest_change(user: User, actions: Iterable[str]) -> Change | None:
    event = db.session.scalar(select(AuditEvent).where(
        AuditEvent.record_type == "user", AuditEvent.record_id == str(user.id), AuditEvent.action.in_(list(actions)))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(1))
    return Change(by=event.actor, at=event.at) if event is not None else None


def said(change: Change | None) -> str:
    if change is None:
        return ""
    who = change.by.name if change.by is not None else "the server"
    return f" by {who} at {change.at:%H:%M} on {change.at:%-d %B %Y}"


def _check_manages(user: User, actor: User | None, doing: str) -> None:
    if actor is None:  # the server's commands manage any account
        return
    if user.id == actor.id:
        raise ServiceError(f"You cannot {doing} your own account")
    if problem := manage_problem(user.roles, actor.roles):
        raise ServiceError(problem)


def deactivate_user(user: User, *, actor: User | None) -> None:
    """The person is signed out at once and cannot sign in; their records and the audit trail are kept."""
    _check_manages(user, actor, "deactivate")
    if not user.active:
        raise ServiceError(f"{user.name} was already deactivated"
                           + said(latest_change(user, ["user.deactivated"])))
    user.active = False
    user.deactivated_at = utcnow()
    end_sessions(user)
    record("user.deactivated", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email)
    db.session.commit()


def reset_password(user: User, *, password: str, actor: User | None) -> int:
    """A temporary password an administrator chose, for a person locked out or who has forgotten theirs: they must
    set their own at their next sign-in, every session of theirs ends, and the account's sign-in failures are
    forgotten so the throttle no longer holds it (each failure stays in the audit log). Returns how many were
    forgotten."""
    _check_manages(user, actor, "reset the password of")
    if not user.active:
        raise ServiceError(f"{user.name} is deactivated: reactivate the account first")
    if problem := password_problem(password or ""):
        raise ServiceError(problem, "password")
    lock_row(user)
    user.password_hash = hash_password(password)
    user.password_change_due = True
    end_sessions(user)
    forgotten = db.session.execute(delete(SignInAttempt).where(
        SignInAttempt.email == user.email, SignInAttempt.succeeded.is_(False))).rowcount or 0
    record("user.password_reset", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email, failures_cleared=forgotten)
    db.session.commit()
    return forgotten


def reactivate_user(user: User, *, actor: User | None) -> None:
    """A deactivated person may sign in again, with the roles they held."""
    _check_manages(user, actor, "reactivate")
    if user.active:
        raise ServiceError(f"{user.name} is active" + said(latest_change(user, ["user.reactivated"])))
    if problem := reactivation_problem(user, actor=actor):
        raise ServiceError(problem)
    user.active = True
    user.deactivated_at = None
    record("user.reactivated", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email, roles=sorted(r.value for r in user.roles))
    db.session.commit()


def change_collar_number(user: User, collar_number: str | None, *, actor: User) -> bool:
    """Give the account this collar number (or none), under the rule of adding one; False when nothing changed. The
    way back for a returning officer whose old number was given to someone else meanwhile."""
    _check_manages(user, actor, "change the collar number of")
    if problem := collar_format_problem(collar_number):
        raise ServiceError(problem, "collar_number")
    wanted = normalise_collar(collar_number)
    before = user.collar_number
    if wanted == (normalise_collar(before) if before else None):
        return False
    # Checked on a deactivated account too: a number an active colleague holds would only stop its reactivation.
    if problem := collar_problem(wanted, force=user.force, roles=user.roles, actor=actor, excluding=user.id):
        raise ServiceError(problem, "collar_number")
    user.collar_number = wanted
    record("user.collar_number_changed", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email, before=before or "not given", collar_number=wanted or "not given")
    db.session.commit()
    return True


class RolesChangedMeanwhile(ServiceError):
    """The roles form was drawn from roles that have changed since: nothing is saved, and the page says what they
    are now, so the next save is made knowingly."""


def _labels(roles) -> str:
    return ", ".join(sorted(Role(r).label for r in roles)) or "none"


def change_roles(user: User, roles: Iterable[Role], *, actor: User, drawn_from: Iterable[Role] | None = None) -> bool:
    """Give the user exactly these roles (from their next request); False when nothing changed.
    `drawn_from`: the roles the form showed; if the user's roles are no longer those, RolesChangedMeanwhile (two
    admins in two tabs)."""
    wanted = {Role(r) for r in roles}
    if not wanted:
        raise ServiceError("Select at least one role", "roles")
    _check_manages(user, actor, "change the roles of")
    if drawn_from is not None and frozenset(Role(r) for r in drawn_from) != user.roles:
        raise RolesChangedMeanwhile(
            f"{user.name}'s roles were changed{said(latest_change(user, ['user.roles_changed', 'user.created']))} "
            f"while you were editing: they are now {_labels(user.roles)}. Your choices below have not been saved. "
            "Check them, then save again", "roles")
    if problem := combination_problem(wanted):
        raise ServiceError(problem, "roles")
    # Roles the person already holds may stay; any role added must be one this administrator may give.
    if problem := grant_problem(wanted - user.roles, actor.roles):
        raise ServiceError(problem, "roles")
    before = user.roles
    if wanted == before:
        return False
    # Their sessions go on: roles are read on every request, so a role taken away is refused at their next click
    # and one added works at once. Ending their sessions here lost the form they were half way through (a debrief
    # they were typing, whatever the role changed) to the sign-in page.
    user.set_roles(wanted)
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


def removed_learning_roles(user: User) -> list[Role] | None:
    """The roles a learning-team account held before its learning-team role was taken away (the latest such change
    in the audit log), when it no longer holds it; else None."""
    if Role.LEARNING in user.roles:
        return None
    events = db.session.scalars(select(AuditEvent).where(
        AuditEvent.record_type == "user", AuditEvent.record_id == str(user.id),
        AuditEvent.action == "user.roles_changed").order_by(AuditEvent.at.desc(), AuditEvent.id.desc()))
    for event in events:
        before, after = set((event.details or {}).get("before") or ()), set((event.details or {}).get("roles") or ())
        if Role.LEARNING.value in before and Role.LEARNING.value not in after:
            return sorted((Role(r) for r in before if r in set(Role)), key=lambda r: list(Role).index(r))
    return None


def former_learning_accounts() -> list[User]:
    """Accounts whose learning-team role was taken away (before force administrators were stopped from doing so),
    for the national administrator to restore."""
    ids = {int(i) for i in db.session.scalars(select(AuditEvent.record_id).where(
        AuditEvent.record_type == "user", AuditEvent.action == "user.roles_changed")) if i and i.isdigit()}
    if not ids:
        return []
    people = db.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.name)
                                .options(selectinload(User.role_rows)))
    return [u for u in people if removed_learning_roles(u) is not None]


def restore_learning_role(user: User, *, actor: User) -> list[Role]:
    """Give back the roles a learning-team account held before its learning-team role was taken away."""
    if Role.NATIONAL_ADMIN not in actor.roles:
        raise ServiceError("Only a national administrator can restore a learning-team role")
    roles = removed_learning_roles(user)
    if roles is None:
        raise ServiceError(f"{user.name} already holds the learning-team role"
                           if Role.LEARNING in user.roles else f"{user.name} never held the learning-team role")
    if problem := combination_problem(roles):
        raise ServiceError(problem)
    # A national account again: its collar number must be free among national accounts.
    if user.active and (problem := collar_problem(user.collar_number, force=user.force, roles=roles, actor=actor,
                                                  excluding=user.id)):
        raise ServiceError(problem)
    before = user.roles
    user.set_roles(set(roles))  # read on their next request: no need to end their sessions (see change_roles)
    record("user.roles_changed", actor=actor, force_id=user.force_id, record_type="user", record_id=user.id,
           email=user.email, before=sorted(r.value for r in before), roles=sorted(r.value for r in roles))
    db.session.commit()
    return roles


def account_actions(user: User, actor: User) -> frozenset[str]:
    """What `actor` may do to this account now ("roles", "collar", "deactivate", "reactivate", "reset", "restore"): the pages offer
    these and no more, and each operation above checks the same rules again."""
    if user.id == actor.id:
        return frozenset()
    done: set[str] = set()
    if manage_problem(user.roles, actor.roles) is None:
        done.add("deactivate" if user.active else "reactivate")
        if user.active:
            done.add("reset")
        if Role.ADMIN in actor.roles:
            done |= {"roles", "collar"}
    if Role.NATIONAL_ADMIN in actor.roles and removed_learning_roles(user) is not None:
        done.add("restore")
    return frozenset(done)
