"""Who holds a collar number, and the one rule every road that gives an active account one keeps (adding it,
reactivating it, changing it): no two active accounts of a force share one, nor two active national accounts."""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from debrief.auth.collars import normalise_collar
from debrief.auth.roles import NATIONAL_ROLES, Role, manage_problem
from debrief.extensions import db
from debrief.models import Force, User, UserRole


def _holds_national_role():
    return select(UserRole.user_id).where(UserRole.user_id == User.id,
                                          UserRole.role.in_([r.value for r in NATIONAL_ROLES])).exists()


def _stored_collar():
    """An account's collar number in the normal form, in SQL: kept so since normalise_collar; one kept before as
    typed ("ab 12") compares the same."""
    return func.upper(func.replace(func.replace(User.collar_number, " ", ""), "-", ""))


def collar_holder(collar_number: str, *, force: Force, national: bool, excluding: int | None = None) -> User | None:
    """The active account, other than `excluding`, that holds this collar number (spaces and case aside) among the
    accounts it is unique in, if any: a force's own accounts within the force; national accounts (a learning-team or
    national administrator role: they belong to no force, wherever their record is kept) among national accounts."""
    wanted = normalise_collar(collar_number)
    national_role = _holds_national_role()
    query = select(User).where(User.active.is_(True), _stored_collar() == wanted,
                               national_role if national else ~national_role)
    if not national:
        query = query.where(User.force_id == force.id)
    if excluding is not None:
        query = query.where(User.id != excluding)
    return db.session.scalar(query.options(selectinload(User.role_rows)).limit(1))


def _is_national(roles: Iterable[Role]) -> bool:
    return bool({Role(r) for r in roles} & NATIONAL_ROLES)


def _holder(holder: User, actor) -> str:
    """Who holds a collar number, as `actor` may be told: by name only to someone who manages that account (or the
    server); a national administrator sees no force's people, a force administrator does not manage national ones."""
    if actor is None or manage_problem(holder.roles, actor.roles) is None:
        return f"{holder.name}'s, on a national account" if _is_national(holder.roles) else \
            f"{holder.name}'s in {holder.force.name}"
    return ("another active national account, which you do not manage" if _is_national(holder.roles)
            else "another active account, which you do not manage")


def collar_problem(collar_number: str | None, *, force: Force, roles: Iterable[Role], actor,
                   excluding: int | None = None) -> str | None:
    """The one rule for every road that gives an active account a collar number (adding it, reactivating it): no
    two active accounts hold the same one where it must be unique (see collar_holder). Why this one cannot be held
    by an account with `roles`, or None. `actor`: who is told (None: the server)."""
    if not collar_number:
        return None
    holder = collar_holder(collar_number, force=force, national=_is_national(roles), excluding=excluding)
    if holder is None:
        return None
    named = actor is None or manage_problem(holder.roles, actor.roles) is None
    return (f"Collar number {collar_number} is already {_holder(holder, actor)}: check the number"
            + (", or deactivate the old account first" if named else ""))


def reactivation_problem(user: User, *, actor=None) -> str | None:
    """Why this deactivated account cannot be reactivated now (its collar number was given to someone since), or
    None: the "Are you sure" page says it before the click, and `reactivate_user` refuses it."""
    if not user.collar_number:
        return None
    holder = collar_holder(user.collar_number, force=user.force, national=_is_national(user.roles), excluding=user.id)
    if holder is None:
        return None
    problem = (f"{user.name} cannot be reactivated: their collar number {user.collar_number} is now "
               f"{_holder(holder, actor)}, and two active accounts cannot hold one collar number")
    if actor is None or manage_problem(holder.roles, actor.roles) is None:
        return problem + (f". Give {user.name} their new collar number first, or, if the number is no longer "
                          f"{holder.name}'s, deactivate {holder.name}'s account")
    return problem + ". Ask whoever manages that account to check whose number it is"
