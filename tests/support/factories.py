"""Keyword-only factories for test records, going through the same services as the app."""
from __future__ import annotations

import itertools

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.auth.service import create_user as create_user_service
from debrief.extensions import db
from debrief.models import Force, User

PASSWORD = "correct-horse-battery"
_seq = itertools.count(1)


def create_force(*, code: str = "TST", name: str | None = None) -> Force:
    force = db.session.scalar(select(Force).where(Force.code == code))
    if force is None:
        force = Force(code=code, name=name or f"{code} Police")
        db.session.add(force)
        db.session.commit()
    return force


def create_user(*, force: Force, roles=(Role.OFFICER,), email: str | None = None, name: str | None = None,
                password: str = PASSWORD, collar_number: str | None = None) -> User:
    n = next(_seq)
    return create_user_service(
        email=email or f"user{n}@{force.code.lower()}.example",
        name=name or f"Test User {n}",
        force=force,
        roles=[Role(r) for r in roles],
        password=password,
        actor=None,
        collar_number=collar_number,
    )
