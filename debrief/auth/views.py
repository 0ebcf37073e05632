"""Sign in and sign out."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from debrief.auth.ended import ended_session_user, why_signed_out
from debrief.auth.forms import ChangePasswordForm, SignInForm
from debrief.auth.principal import acting_user
from debrief.auth.roles import Permission, home_endpoint_for
from debrief.auth.service import SignInLimits, authenticate, change_password, record_sign_out
from debrief.form_errors import attempt
from debrief.security import public, requires

bp = Blueprint("auth", __name__)

GENERIC_FAILURE = "Enter a correct email address and password"
# Said to anyone, so it names no account: the way back for a person who has forgotten their password is their
# administrator's "Reset password" (which lifts the block on their account at once).
ASK_ADMIN = ". If you have forgotten your password, ask your administrator to reset it"
THROTTLED = "There have been too many attempts to sign in. Wait 15 minutes, then try again" + ASK_ADMIN
# Said only after the right password (auth.service.SignInOutcome.deactivated): it reveals nothing to someone who
# does not know it.
DEACTIVATED = "Your account has been deactivated. Ask your force administrator if you need to sign in again"
LOCKED = ("There have been too many attempts to sign in to this account. Wait {seconds} seconds, then try again"
          + ASK_ADMIN)


def _safe_next(target: str | None) -> str | None:
    """Only same-site relative paths: never send someone off-site after signing in."""
    if not target:
        return None
    # CR/LF would split the Location header; a backslash is read by browsers as "/" (so "/\\evil" is off-site).
    if any(ord(c) < 32 or c in "\\\x7f" for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _limits() -> SignInLimits:
    cfg = current_app.config
    return SignInLimits(
        window_seconds=cfg["SIGNIN_WINDOW_SECONDS"],
        per_account=cfg["SIGNIN_MAX_FAILURES_PER_ACCOUNT"],
        per_address=cfg["SIGNIN_MAX_FAILURES_PER_ADDRESS"],
        account_lock_seconds=cfg["SIGNIN_ACCOUNT_LOCK_SECONDS"],
        max_account_lock_seconds=cfg["SIGNIN_MAX_ACCOUNT_LOCK_SECONDS"],
    )


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint_for(current_user.roles)))
    form = SignInForm()
    status = 200
    if form.validate_on_submit():
        outcome = authenticate(
            form.email.data, form.password.data, address=request.remote_addr or "unknown", limits=_limits()
        )
        if outcome.user is not None:
            session.clear()  # no session fixation across the sign-in boundary
            session.permanent = True
            login_user(outcome.user)
            session["epoch"] = outcome.user.session_epoch
            return redirect(_safe_next(request.args.get("next")) or url_for(home_endpoint_for(outcome.user.roles)))
        message = DEACTIVATED if outcome.deactivated else GENERIC_FAILURE
        if outcome.throttled:
            message = LOCKED.format(seconds=outcome.retry_after) if outcome.retry_after else THROTTLED
        form.email.errors = [message]
        form.password.data = ""
        status = 429 if outcome.throttled else 200
    elif request.method == "POST":
        status = 200
    user_id = ended_session_user() if request.method == "GET" else None
    return render_template("auth/sign_in.html", form=form,
                           ended=why_signed_out(user_id) if user_id is not None else None), status


@bp.route("/sign-out", methods=["POST"])
@requires(Permission.SIGNED_IN)
def sign_out():
    record_sign_out(acting_user())  # their session epoch is raised
    logout_user()
    session.clear()
    flash("You have signed out", "success")
    return redirect(url_for("auth.sign_in"))


@bp.route("/account/password", methods=["GET", "POST"])
@requires(Permission.SIGNED_IN)
def change_own_password():
    """Everyone's own password. An account an administrator made comes here first, and stays here until the person
    has set their own (security.deny_by_default)."""
    form = ChangePasswordForm()
    user = acting_user()
    if request.method == "GET":
        form.drawn_at.data = str(current_user.session_epoch)
    if form.validate_on_submit() and attempt(lambda: change_password(
            user, current=form.current_password.data, new=form.new_password.data,
            confirm=form.confirm_password.data, drawn_at=_epoch(form.drawn_at.data)), form):
        session["epoch"] = user.session_epoch  # their other sessions end; this one goes on
        flash("Your password has been changed. You are signed out everywhere else.", "success")
        return redirect(url_for(home_endpoint_for(user.roles)))
    if request.method == "POST":
        # Refused: drawn again from the account as it is now (a change made meanwhile has been said).
        form.drawn_at.data = str(user.session_epoch)
    for field in (form.current_password, form.new_password, form.confirm_password):
        field.data = ""  # a password is never sent back
    return render_template("auth/change_password.html", form=form, due=user.password_change_due)


def _epoch(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
