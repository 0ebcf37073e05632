"""One account's page and its "Are you sure" pages (deactivate, reactivate, restore a learning-team role), shared by
the force administrator's users and the national administrator's learning team."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app, flash, redirect, render_template, request
from flask_login import current_user

from debrief.admin.forms import DeactivateForm, ReactivateForm, ResetPasswordForm, RestoreLearningForm
from debrief.audit import record_read
from debrief.auth.roles import manage_problem
from debrief.auth.service import (
    account_actions, deactivate_user, latest_change, reactivate_user, recent_failed_sign_ins, removed_learning_roles,
    reset_password, restore_learning_role, said,
)
from debrief.auth.collar_rules import reactivation_problem
from debrief.form_errors import attempt, flash_error
from debrief.auth.principal import SignedIn, acting_user
from debrief.models import User


@dataclass(frozen=True)
class Action:
    form: type
    run: Callable
    title: str
    points: Callable[[User], list[str]]
    done: str
    warning: bool = False
    # Why it cannot be done now, though offered (the account's state allows it, something else does not): the
    # "Are you sure" page says so instead of offering the button.
    problem: Callable[[User], str | None] = lambda p: None


def _roles(roles) -> str:
    return ", ".join(sorted(r.label for r in roles)) or "none"


ACTIONS = {
    "deactivate": Action(
        DeactivateForm, deactivate_user, "Are you sure you want to deactivate {name}?",
        lambda p: ["They are signed out at once, on every device.",
                   "They cannot sign in until the account is reactivated.",
                   "Their records, what they wrote and the audit trail are kept.",
                   "The account can be reactivated later, with the same roles."],
        "{name} has been deactivated: they have been signed out and cannot sign in", warning=True),
    "reactivate": Action(
        ReactivateForm, reactivate_user, "Are you sure you want to reactivate {name}?",
        lambda p: [f"They can sign in again with their existing password, with the roles they held: {_roles(p.roles)}.",
                   "Nothing of their records has changed while the account was deactivated."],
        "{name} has been reactivated: they can sign in again", problem=lambda p: reactivation_problem(p, actor=_me())),
    "restore": Action(
        RestoreLearningForm, restore_learning_role, "Restore {name}'s learning-team role?",
        lambda p: [f"Their roles now: {_roles(p.roles)}.",
                   f"Their roles after: {_roles(removed_learning_roles(p) or ())}, as before the learning-team "
                   "role was taken away.",
                   when_roles_apply(p)],
        "{name}'s learning-team role has been restored"),
}


def when_roles_apply(person: User) -> str:
    """When a change of roles takes effect, said wherever one is made: a deactivated account's only if it is
    reactivated (a save from a tab opened before it was deactivated said "from their next click")."""
    if person.active:
        return "The roles apply from their next click; they are not signed out."
    return "Their account is deactivated: the roles apply only if it is reactivated."


def _me() -> SignedIn:
    return current_user._get_current_object()


def account_page(person: User, *, links: dict[str, str], back: str, back_text: str):
    """The account's details, its status, and only the actions the signed-in administrator may take."""
    me = _me()
    offered = account_actions(person, me)
    record_read("user.viewed", actor=me, force_id=person.force_id, record_type="user", record_id=person.id,
                email=person.email)
    cfg = current_app.config
    window = cfg["SIGNIN_WINDOW_SECONDS"]
    failures = recent_failed_sign_ins(person.email, window)
    sign_in = {"failures": failures, "minutes": max(1, window // 60),
               "blocked": failures >= cfg["SIGNIN_MAX_FAILURES_PER_ACCOUNT"]}
    return render_template("admin/user.html", person=person, offered=offered, links=links, back=back, sign_in=sign_in,
                           back_text=back_text, managed_elsewhere=manage_problem(person.roles, me.roles),
                           deactivated_by=None if person.active else latest_change(person, ["user.deactivated"]),
                           is_me=person.id == me.id)


def confirm_page(person: User, name: str, *, account_url: str, caption: str, collar_url: str | None = None):
    """"Are you sure" before an action on an account; offered only when the action is allowed now (another
    administrator may have acted meanwhile: then this says so on the account's page)."""
    action = ACTIONS[name]
    form = action.form()
    if form.validate_on_submit():
        if attempt(lambda: action.run(person, actor=_me())):
            flash(action.done.format(name=person.name), "success")
        return redirect(account_url)
    if name not in account_actions(person, _me()):
        flash_error(_why_not(person, name))
        return redirect(account_url)
    return render_template("admin/confirm.html", person=person, form=form, caption=caption, back=account_url,
                           title=action.title.format(name=person.name), points=action.points(person),
                           warning=action.warning, problem=action.problem(person),
                           # where a collar number that stands in the way is changed, for an admin who may
                           collar_url=collar_url if "collar" in account_actions(person, _me()) else None)


def reset_password_page(person: User, *, account_url: str, caption: str):
    """A temporary password for someone locked out or who has forgotten theirs: a force administrator's for their
    force's accounts, the national administrator's for learning-team accounts (account_actions decides)."""
    if "reset" not in account_actions(person, _me()):
        flash_error(_why_not(person, "reset"))
        return redirect(account_url)
    form = ResetPasswordForm()
    if form.validate_on_submit() and attempt(lambda: reset_password(person, password=form.password.data,
                                                                    actor=acting_user()), form):
        flash(f"{person.name}'s password has been reset: they have been signed out, and must set their own password "
              "when they sign in with the temporary one", "success")
        return redirect(account_url)
    form.password.data = ""  # a password is never sent back
    if request.method == "GET":
        record_read("user.viewed", actor=_me(), force_id=person.force_id, record_type="user", record_id=person.id,
                    email=person.email)
    return render_template("admin/reset_password.html", person=person, form=form, caption=caption, back=account_url)


def _why_not(person: User, name: str) -> str:
    """Why an action is not offered now, in the words the service refuses it with."""
    me = _me()
    if person.id == me.id:
        return "You cannot change your own account"
    if name != "restore" and (problem := manage_problem(person.roles, me.roles)):
        return problem
    if name == "deactivate":
        return f"{person.name} was already deactivated{said(latest_change(person, ['user.deactivated']))}"
    if name == "reset":
        return f"{person.name} is deactivated: reactivate the account first"
    if name == "reactivate":
        return f"{person.name} is active{said(latest_change(person, ['user.reactivated']))}"
    return f"{person.name} holds the learning-team role" if "learning" in person.roles else \
        f"{person.name} has no learning-team role to restore"
