"""The national administrator: learning-team accounts across forces, and nothing of any force's records."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from debrief.admin.accounts import account_page, confirm_page, reset_password_page
from debrief.admin.views import add_user_page
from debrief.audit import record_read
from debrief.auth.roles import Permission, Role
from debrief.auth.service import LEARNING_TEAM_DOMAINS, former_learning_accounts, removed_learning_roles
from debrief.extensions import db
from debrief.models import User, UserRole
from debrief.security import requires

bp = Blueprint("national", __name__, url_prefix="/national")


def learning_team_accounts() -> list[User]:
    return list(db.session.scalars(select(User).join(UserRole, UserRole.user_id == User.id)
                                   .where(UserRole.role == Role.LEARNING.value).order_by(User.name)))


def _account(user_id: int) -> User:
    """A learning-team account, or one whose learning-team role was taken away: any other is not the national
    administrator's, and looks like it does not exist."""
    person = db.session.scalar(select(User).where(User.id == user_id).options(selectinload(User.role_rows)))
    if person is None or (Role.LEARNING not in person.roles and removed_learning_roles(person) is None):
        abort(404)
    return person


@bp.route("/learning-team")
@requires(Permission.MANAGE_LEARNING_TEAM)
def learning_team():
    people = learning_team_accounts()
    former = former_learning_accounts()
    record_read("user.list_viewed", actor=current_user, force_id=None, count=len(people) + len(former))
    return render_template("national/learning_team.html", users=people, former=former, kept_with_note=_kept_with())


def _kept_with() -> str:
    """Where a learning-team account's record is kept, said where one is listed and added (it was silent)."""
    return ("A learning-team account belongs to no force, but its record is kept with one, whose administrators see "
            f"it listed and cannot change it. One you add is kept with {current_user.force.name}, as yours is.")


@bp.route("/learning-team/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEARNING_TEAM)
def add_learner():
    # The account's force is only where its record is kept: the learning team works across forces.
    return add_user_page(done="national.learning_team", added="{name} has been added to the learning team",
                         caption="National administration", heading="Add a learning-team member",
                         account="national.account", note=_kept_with(),
                         email_hint="A police or government address, ending "
                                    + " or ".join(f".{d}" for d in LEARNING_TEAM_DOMAINS))


def _links(person: User) -> dict[str, str]:
    return {name: url_for(f"national.{endpoint}", user_id=person.id) for name, endpoint in
            (("deactivate", "deactivate"), ("reactivate", "reactivate"), ("restore", "restore"),
             ("reset", "reset_password"))}


@bp.route("/learning-team/<int:user_id>")
@requires(Permission.MANAGE_LEARNING_TEAM)
def account(user_id: int):
    person = _account(user_id)
    return account_page(person, links=_links(person), back=url_for("national.learning_team"),
                        back_text="Back to the learning team")


def _confirm(user_id: int, action: str):
    return confirm_page(_account(user_id), action, account_url=url_for("national.account", user_id=user_id),
                        caption="National administration")


@bp.route("/learning-team/<int:user_id>/deactivate", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEARNING_TEAM)
def deactivate(user_id: int):
    return _confirm(user_id, "deactivate")


@bp.route("/learning-team/<int:user_id>/reactivate", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEARNING_TEAM)
def reactivate(user_id: int):
    return _confirm(user_id, "reactivate")


@bp.route("/learning-team/<int:user_id>/restore", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEARNING_TEAM)
def restore(user_id: int):
    return _confirm(user_id, "restore")


@bp.route("/learning-team/<int:user_id>/reset-password", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEARNING_TEAM)
def reset_password(user_id: int):
    return reset_password_page(_account(user_id), account_url=url_for("national.account", user_id=user_id),
                               caption="National administration")
