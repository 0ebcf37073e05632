"""People who sign in, and the roles they hold."""
from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.auth.roles import Permission, Role, permissions_for
from debrief.extensions import db
from debrief.models.base import utcnow
from debrief.models.force import Force


class UserRole(db.Model):
    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class User(UserMixin, db.Model):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"), index=True)
    collar_number: Mapped[str | None] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deactivated_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Raised on sign-out, deactivation and role changes: a session carrying an older value is ended.
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Set when an administrator made the account (they chose its first password): until the person sets their own,
    # every page but "change your password" and sign-out leads there.
    password_change_due: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    force: Mapped[Force] = relationship(lazy="joined")
    # Loaded on demand: the signed-in user's come with them (the user loader joins them); lists that show roles
    # load them with selectinload. Not with every user a page names (authors, reporters, officers).
    role_rows: Mapped[list[UserRole]] = relationship(
        cascade="all, delete-orphan", order_by=UserRole.role
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(Role(r.role) for r in self.role_rows)

    def set_roles(self, roles: set[Role] | frozenset[Role] | list[Role]) -> None:
        wanted = {Role(r) for r in roles}
        self.role_rows = [r for r in self.role_rows if Role(r.role) in wanted]
        have = {Role(r.role) for r in self.role_rows}
        self.role_rows.extend(UserRole(role=r.value) for r in sorted(wanted - have))

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def can(self, permission: Permission) -> bool:
        return permission in permissions_for(self.roles)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"
