"""The demo's forces and people: one user per role per force, the second reviewers and the extra officers."""
from __future__ import annotations

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.auth.service import create_user
from debrief.demo import data
from debrief.extensions import db
from debrief.models import Force, User


def demo_email(code: str, role: Role) -> str:
    return f"{role.value}@{code.lower()}.example.police.uk"


def officer_email(prefix: str, name: str, force_code: str) -> str:
    first, last = name.lower().split(" ", 1)
    return f"{prefix}.{first}.{last.replace(' ', '')}@{force_code.lower()}.example.police.uk"


def demo_user(code: str, role: Role) -> User | None:
    return db.session.scalar(select(User).where(User.email == demo_email(code, role)))


def force_by_code(code: str) -> Force | None:
    return db.session.scalar(select(Force).where(Force.code == code))


def ensure_force(code: str, name: str) -> Force:
    force = force_by_code(code)
    if force is None:
        force = Force(code=code, name=name)
        db.session.add(force)
        db.session.commit()
    return force


def ensure_role_users() -> list[tuple[str, str, str]]:
    """The demo forces and one user per role in each (as `data.NAMES` lists); returns (force name, role, email)."""
    accounts = []
    for code, force_name in data.FORCES:
        force = ensure_force(code, force_name)
        for role in Role:
            if (code, role.value) not in data.NAMES:
                continue
            email = demo_email(code, role)
            if db.session.scalar(select(User.id).where(User.email == email)) is None:
                name, collar = data.NAMES[(code, role.value)]
                create_user(email=email, name=name, force=force, roles=[role], password=data.PASSWORD,
                            actor=None, collar_number=collar)
            accounts.append((force_name, role.value, email))
    return accounts


def second_reviewer(force: Force, password: str = data.PASSWORD) -> User:
    name, email = data.SECOND_REVIEWERS[force.code]
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = create_user(email=email, name=name, force=force, roles=[Role.REVIEWER], password=password, actor=None)
    return user


def ensure_officers(force: Force, password: str = data.PASSWORD) -> tuple[list[User], User]:
    """The force's extra officers: the constables, and the sergeant."""
    pcs, sergeant = [], None
    for prefix, name, collar in data.EXTRA_OFFICERS.get(force.code, []):
        email = officer_email(prefix, name, force.code)
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = create_user(email=email, name=name, force=force, roles=[Role.OFFICER], password=password,
                               actor=None, collar_number=collar)
        if prefix == "ps":
            sergeant = user
        else:
            pcs.append(user)
    return pcs, sergeant
