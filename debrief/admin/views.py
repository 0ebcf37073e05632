"""Admin pages: the force's users and its audit log. Every query is scoped to the admin's own force."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from debrief import once
from debrief.admin.accounts import account_page, confirm_page, reset_password_page, when_roles_apply
from debrief.admin.audit_log import (
    FILTER_ARGS, AuditFilterForm, AuditFilters, page_of_events,
)
from debrief.admin.forms import AddUserForm, CollarForm, RolesForm, roles_from_token, roles_token
from debrief.audit import EVENTS, record_read
from debrief.audit.people import names_for
from debrief.auth.principal import acting_user
from debrief.auth.roles import Permission, Role, grantable_by, manage_problem
from debrief.auth.service import (
    RolesChangedMeanwhile, account_actions, change_collar_number, change_roles, create_user, user_in_force,
    users_of_force,
)
from debrief.extensions import db
from debrief.models import AuditEvent
from debrief.errors import ServiceError
from debrief.form_errors import attempt, flash_error
from debrief.paging import correct_page, requested_page
from debrief.security import requires

bp = Blueprint("admin", __name__, url_prefix="/admin")

RETYPE_PASSWORD = "Enter the temporary password again: it is not kept when there is a problem"


@bp.route("/users")
@requires(Permission.MANAGE_USERS)
def users():
    people = users_of_force(current_user.force_id)
    record_read("user.list_viewed", actor=current_user, force_id=current_user.force_id, count=len(people))
    # Learning-team accounts kept under this force are listed (the force administrator sees every account kept
    # here), read-only: the national administrator manages them.
    # Whose an account is, when not this admin's: "Managed by the national administrator" (or "on the server").
    elsewhere = {u.id: problem.partition(":")[0] for u in people
                 if (problem := manage_problem(u.roles, current_user.roles)) is not None}
    return render_template("admin/users.html", users=people, elsewhere=elsewhere)


def add_user_page(*, done: str, added: str, caption: str, heading: str, account: str, back_text: str = "Back",
                  email_hint: str | None = None, note: str | None = None):
    """The one "add a user" page (a force admin's, the national admin's learning team): the form offers the roles
    the signed-in admin may grant, the account goes in their force's records, and `added` is said on `done`.
    Sent twice (a double click), one account is made and the second lands on its page (`account`)."""
    form = AddUserForm()
    form.offer_roles(grantable_by(current_user.roles))
    if email_hint:
        form.email.description = email_hint
    if form.validate_on_submit():
        found: list = []
        admin = acting_user()  # the new account goes in their force (a model object, as the User links to it)
        with once.claimed(form, url_for(done)) as claim:
            if attempt(lambda: found.append(create_user(
                    email=form.email.data, name=form.name.data, force=admin.force,
                    roles=[Role(r) for r in form.roles.data if r in set(Role)], password=form.password.data,
                    actor=admin, collar_number=form.collar_number.data)),
                    form, fallback="email"):
                claim.lands(url_for(account, user_id=found[0].id))
        if found:
            flash(added.format(name=found[0].name), "success")
            return redirect(url_for(done))
    form.password.data = ""  # a password is never sent back to the browser ...
    if form.errors and not form.password.errors:
        form.password.errors = [RETYPE_PASSWORD]  # ... so the summary says it must be typed again
    return render_template("admin/add_user.html", form=form, caption=caption, heading=heading,
                           back=url_for(done), back_text=back_text, note=note)


@bp.route("/users/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def add_user():
    return add_user_page(done="admin.users", added="{name} has been added", caption=current_user.force.name,
                         heading="Add a user", account="admin.user")


def _person(user_id: int):
    person = user_in_force(user_id, current_user.force_id)
    if person is None:
        abort(404)
    return person


def _links(person) -> dict[str, str]:
    return {name: url_for(f"admin.{endpoint}", user_id=person.id) for name, endpoint in
            (("roles", "user_roles"), ("collar", "user_collar"), ("deactivate", "deactivate"),
             ("reactivate", "reactivate"), ("reset", "reset_password"))}


@bp.route("/users/<int:user_id>")
@requires(Permission.MANAGE_USERS)
def user(user_id: int):
    person = _person(user_id)
    links = _links(person)
    if current_user.can(Permission.VIEW_AUDIT):
        links["audit"] = url_for("admin.audit", person=person.id)
    return account_page(person, links=links, back=url_for("admin.users"), back_text="Back to users")


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def deactivate(user_id: int):
    return confirm_page(_person(user_id), "deactivate", account_url=url_for("admin.user", user_id=user_id),
                        caption=current_user.force.name)


@bp.route("/users/<int:user_id>/reactivate", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def reactivate(user_id: int):
    return confirm_page(_person(user_id), "reactivate", account_url=url_for("admin.user", user_id=user_id),
                        caption=current_user.force.name, collar_url=url_for("admin.user_collar", user_id=user_id))


@bp.route("/users/<int:user_id>/reset-password", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def reset_password(user_id: int):
    return reset_password_page(_person(user_id), account_url=url_for("admin.user", user_id=user_id),
                               caption=current_user.force.name)


@bp.route("/audit")
@requires(Permission.VIEW_AUDIT)
def audit():
    """The force's audit log, newest first, narrowed by the filters above it."""
    page = requested_page()
    size = current_app.config["AUDIT_PAGE_SIZE"]
    force_id = current_user.force_id
    form = AuditFilterForm(request.args)
    form.offer_people(force_id)
    # Every value counts: a date's year typed alone ("?since=&since=&since=2026") is a filter, to be refused.
    filtered = any(v.strip() for name in FILTER_ARGS for v in request.args.getlist(name))
    filters = form.to_filters(date.today()) if filtered else AuditFilters()
    if filters is None:  # the error summary says what to correct; no events are shown for filters that mean nothing
        record_read("audit.viewed", actor=current_user, force_id=force_id, page=1)
        return render_template("admin/audit.html", form=form, events=[], page=1, pages=1, total=0, specs=EVENTS,
                               names={}, filtered=True, args={}), 400
    events, total = page_of_events(force_id, filters, page=page, size=size)
    pages = max(1, -(-total // size))
    if (elsewhere := correct_page(page, pages)) is not None:
        return elsewhere
    names = names_for(events, viewer_force_id=force_id)
    record_read("audit.viewed", actor=current_user, force_id=force_id, page=page, **filters.details())
    args = {k: v for k, v in request.args.lists() if k != "page" and any(x.strip() for x in v)}
    return render_template("admin/audit.html", form=form, events=events, page=page, pages=pages, total=total,
                           specs=EVENTS, names=names, filtered=filtered, args=args)


@bp.route("/users/<int:user_id>/roles", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def user_roles(user_id: int):
    """Change a user's roles (a deactivated user's too: they apply if the account is reactivated), from their next
    request, without ending their sessions. A save from a page drawn from roles that have changed
    since (another administrator, another tab) is refused with what they are now, and the ticks kept."""
    person = _person(user_id)
    if "roles" not in account_actions(person, current_user._get_current_object()):
        flash_error(manage_problem(person.roles, current_user.roles) or "You cannot change your own roles")
        return redirect(url_for("admin.user", user_id=person.id))
    form = RolesForm()
    # Only the roles this administrator may give are offered, plus the ones the person already holds.
    form.offer_roles(grantable_by(current_user.roles) | person.roles)
    if request.method == "GET":
        form.roles.data = sorted(r.value for r in person.roles)
        form.drawn_from.data = roles_token(person.roles)
    if form.validate_on_submit():
        changed: list[bool] = []
        try:
            changed.append(change_roles(person, [Role(r) for r in form.roles.data if r in set(Role)],
                                        actor=current_user._get_current_object(),
                                        drawn_from=roles_from_token(form.drawn_from.data)))
        except RolesChangedMeanwhile as exc:
            db.session.rollback()
            form.roles.errors = [str(exc)]
            form.drawn_from.data = roles_token(person.roles)  # saving again now overwrites knowingly
        except ServiceError as exc:
            db.session.rollback()
            form.roles.errors = [str(exc)]
        else:
            if changed[0]:
                flash(f"{person.name}'s roles have been changed. {when_roles_apply(person)}", "success")
            else:
                flash(f"{person.name}'s roles were not changed: you saved the roles they already hold", "info")
            return redirect(url_for("admin.user", user_id=person.id))
    record_read("user.viewed", actor=current_user, force_id=person.force_id, record_type="user",
                record_id=person.id, email=person.email)
    return render_template("admin/user_roles.html", person=person, form=form)


@bp.route("/users/<int:user_id>/collar-number", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def user_collar(user_id: int):
    """Change an account's collar number, under the rule of adding one (no two active accounts of the force share
    one): how a returning officer whose old number was given to someone else is reactivated."""
    person = _person(user_id)
    if "collar" not in account_actions(person, current_user._get_current_object()):
        flash_error(manage_problem(person.roles, current_user.roles) or "You cannot change your own collar number")
        return redirect(url_for("admin.user", user_id=person.id))
    form = CollarForm()
    if request.method == "GET":
        form.collar_number.data = person.collar_number or ""
    if form.validate_on_submit():
        changed: list[bool] = []
        if attempt(lambda: changed.append(change_collar_number(person, form.collar_number.data,
                                                               actor=acting_user())), form):
            if changed[0]:
                flash(f"{person.name}'s collar number has been changed to {person.collar_number or 'none'}", "success")
            else:
                flash(f"{person.name}'s collar number was not changed: you saved the one they already hold", "info")
            return redirect(url_for("admin.user", user_id=person.id))
    record_read("user.viewed", actor=current_user, force_id=person.force_id, record_type="user",
                record_id=person.id, email=person.email)
    return render_template("admin/user_collar.html", person=person, form=form)
