"""The national administrator: learning-team accounts across forces, and nothing of any force's records."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from debrief.errors import ServiceError
from debrief.admin.forms import AddUserForm
from debrief.audit import record_read
from debrief.auth.roles import Permission, Role, grantable_by
from debrief.auth.service import create_user
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
    form = AddUserForm()
    form.offer_roles(grantable_by(current_user.roles))
    if form.validate_on_submit():
        try:
            # The account's force is only where its record is kept: the learning team works across forces.
            user = create_user(email=form.email.data, name=form.name.data, force=current_user.force,
                               roles=[Role(r) for r in form.roles.data if r in set(Role)],
                               password=form.password.data, actor=current_user._get_current_object(),
                               collar_number=form.collar_number.data)
        except ServiceError as exc:
            db.session.rollback()
            getattr(form, exc.field or "email").errors = [str(exc)]
        else:
            flash(f"{user.name} has been added to the learning team", "success")
            return redirect(url_for("national.learning_team"))
    form.password.data = ""
    return render_template("national/add_learner.html", form=form)
