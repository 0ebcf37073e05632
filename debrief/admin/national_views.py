"""The national administrator: learning-team accounts across forces, and nothing of any force's records."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select

from debrief.admin.views import add_user_page
from debrief.audit import record_read
from debrief.auth.roles import Permission, Role
from debrief.extensions import db
from debrief.models import User, UserRole
from debrief.security import requires

bp = Blueprint("national", __name__, url_prefix="/national")


def learning_team_accounts() -> list[User]:
    return list(db.session.scalars(select(User).join(UserRole, UserRole.user_id == User.id)
                                   .where(UserRole.role == Role.LEARNING.value).order_by(User.name)))


@bp.route("/learning-team")
@requires(Permission.MANAGE_LEARNING_TEAM)
def learning_team():
    people = learning_team_accounts()
    record_read("user.list_viewed", actor=current_user, force_id=None, count=len(people))
    return render_template("national/learning_team.html", users=people)


@bp.route("/learning-team/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEARNING_TEAM)
def add_learner():
    # The account's force is only where its record is kept: the learning team works across forces.
    return add_user_page(done="national.learning_team", added="{name} has been added to the learning team",
                         caption="National administration", heading="Add a learning-team member")
