"""Admin pages: the force's users and its audit log. Every query is scoped to the admin's own force."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from debrief.errors import ServiceError
from debrief.admin.forms import AddUserForm, ConfirmForm, RolesForm
from debrief.audit import EVENTS, record_read
from debrief.audit.people import names_for
from debrief.auth.principal import acting_user
from debrief.auth.roles import Permission, Role, grantable_by
from debrief.auth.service import (
    change_roles, create_user, deactivate_user, user_in_force, users_of_force,
)
from debrief.extensions import db
from debrief.models import AuditEvent
from debrief.form_errors import attempt
from debrief.paging import correct_page, requested_page
from debrief.security import requires

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users")
@requires(Permission.MANAGE_USERS)
def users():
    people = users_of_force(current_user.force_id)
    record_read("user.list_viewed", actor=current_user, force_id=current_user.force_id, count=len(people))
    return render_template("admin/users.html", users=people)


def add_user_page(*, done: str, added: str, caption: str, heading: str, back_text: str = "Back"):
    """The one "add a user" page (a force admin's, the national admin's learning team): the form offers the roles
    the signed-in admin may grant, the account goes in their force's records, and `added` is said on `done`."""
    form = AddUserForm()
    form.offer_roles(grantable_by(current_user.roles))
    if form.validate_on_submit():
        found: list = []
        admin = acting_user()  # the new account goes in their force (a model object, as the User links to it)
        if attempt(lambda: found.append(create_user(
                email=form.email.data, name=form.name.data, force=admin.force,
                roles=[Role(r) for r in form.roles.data if r in set(Role)], password=form.password.data,
                actor=admin, collar_number=form.collar_number.data)),
                form, fallback="email"):
            flash(added.format(name=found[0].name), "success")
            return redirect(url_for(done))
    form.password.data = ""
    return render_template("admin/add_user.html", form=form, caption=caption, heading=heading,
                           back=url_for(done), back_text=back_text)


@bp.route("/users/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def add_user():
    return add_user_page(done="admin.users", added="{name} has been added", caption=current_user.force.name,
                         heading="Add a user")


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def user(user_id: int):
    person = user_in_force(user_id, current_user.force_id)
    if person is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        if attempt(lambda: deactivate_user(person, actor=current_user._get_current_object())):
            flash(f"{person.name} has been deactivated", "success")
        return redirect(url_for("admin.user", user_id=person.id))
    record_read("user.viewed", actor=current_user, force_id=person.force_id, record_type="user",
                record_id=person.id, email=person.email)
    return render_template("admin/user.html", person=person, form=form)


@bp.route("/audit")
@requires(Permission.VIEW_AUDIT)
def audit():
    page = requested_page()
    size = current_app.config["AUDIT_PAGE_SIZE"]
    force_id = current_user.force_id
    total = db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.force_id == force_id)) or 0
    pages = max(1, -(-total // size))
    if (elsewhere := correct_page(page, pages)) is not None:
        return elsewhere
    events = list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.force_id == force_id)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(size)
            .offset((page - 1) * size)
        )
    )
    names = names_for(events, viewer_force_id=force_id)
    record_read("audit.viewed", actor=current_user, force_id=force_id, page=page)
    return render_template("admin/audit.html", events=events, page=page, pages=pages, total=total, specs=EVENTS,
                           names=names)


@bp.route("/users/<int:user_id>/roles", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def user_roles(user_id: int):
    """Change a user's roles; their sessions end, so the new roles apply from their next sign-in."""
    person = user_in_force(user_id, current_user.force_id)
    if person is None or not person.active or person.id == current_user.id:
        abort(404)
    form = RolesForm()
    # Only the roles this administrator may give are offered, plus the ones the person already holds.
    form.offer_roles(grantable_by(current_user.roles) | person.roles)
    if request.method == "GET":
        form.roles.data = sorted(r.value for r in person.roles)
    if form.validate_on_submit():
        try:
            changed = change_roles(person, [Role(r) for r in form.roles.data],
                                   actor=current_user._get_current_object())
        except ServiceError as exc:
            db.session.rollback()
            form.roles.errors = [str(exc)]
        else:
            flash(f"{person.name}'s roles have been changed and they have been signed out" if changed
                  else "The roles were not changed", "success")
            return redirect(url_for("admin.user", user_id=person.id))
    record_read("user.viewed", actor=current_user, force_id=person.force_id, record_type="user",
                record_id=person.id, email=person.email)
    return render_template("admin/user_roles.html", person=person, form=form)
