"""Why a session ended, said on the sign-in page it lands on; that a person's access changed while they were signed in,
said on the page that refuses them; and what a form sent then held, shown there so it is not lost. Nothing is kept:
the words come from the request that carried them, back to its sender."""
from __future__ import annotations

from flask import render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import func, select

from debrief.auth.forms import SignInForm
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent

# What ended a person's sessions, in words that say no more than they may know: a colleague at a shared screen
# learns nothing of a deactivation or its reason.
_REASONS = {
    "user.password_changed": "You were signed out because your password was changed",
    "user.password_reset": "You were signed out because your administrator reset your password. Ask them for your "
                           "temporary password",
    "user.deactivated": "You were signed out because your access changed",
    "auth.signed_out": "You were signed out because you signed out in another tab or on another device",
}
_GENERIC = "You were signed out. Sign in again to go on"
# Fields never shown back: secrets, and the form's own machinery.
_MACHINERY = frozenset(("csrf_token", "once", "version", "drawn_from", "drawn_at", "confirmed", "submit", "action",
                        "continue", "save"))


def ended_session_user() -> int | None:
    """The person whose session this cookie carried, when that session has ended (their epoch moved on, or the
    account was deactivated): the cookie is signed, so it is theirs."""
    if current_user.is_authenticated:
        return None
    user_id = session.get("_user_id")
    return int(user_id) if isinstance(user_id, str) and user_id.isdigit() else None


def why_signed_out(user_id: int) -> str:
    """The latest thing that ends a person's sessions, said to them."""
    action = db.session.scalar(
        select(AuditEvent.action).where(AuditEvent.record_type == "user", AuditEvent.record_id == str(user_id),
                                        AuditEvent.action.in_(list(_REASONS)))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(1))
    return _REASONS.get(action, _GENERIC)


def _latest(user_id: int, action: str):
    return db.session.scalar(select(func.max(AuditEvent.at)).where(
        AuditEvent.record_type == "user", AuditEvent.record_id == str(user_id), AuditEvent.action == action))


def access_changed(user_id: int, roles) -> str | None:
    """Said on a refusal when the person's roles were changed since they signed in (roles apply from the next click,
    without signing them out): their own roles now, and no more."""
    changed = _latest(user_id, "user.roles_changed")
    if changed is None:
        return None
    signed_in = _latest(user_id, "auth.signed_in")
    if signed_in is not None and signed_in > changed:
        return None
    held = ", ".join(sorted(Role(r).label for r in roles)) or "none"
    return f"Your access changed while you were signed in: your roles are now {held}"


def lost_answers() -> list[tuple[str, str]]:
    """What the person typed into the form they sent, as (field, text): never a password or a hidden token."""
    # Only a form with this session's CSRF token gets here (CSRFProtect refuses any other first): no one else's
    # words are put on this site's page.
    shown = []
    for name, value in request.form.items(multi=True):
        base = name.rsplit("-", 1)[-1].lower()  # a subform's field is "prefix-name"
        if not value.strip() or "password" in name.lower() or base in _MACHINERY:
            continue
        shown.append((name.replace("_", " ").replace("-", " ").capitalize(), value))
    return shown


def ended_session_page(user_id: int):
    """A form sent from a session that has ended: the sign-in page, saying why, that nothing was saved, and what was
    typed (so it can be copied and entered again), instead of a redirect that dropped it."""
    form = SignInForm(formdata=None)
    return render_template("auth/sign_in.html", form=form, ended=why_signed_out(user_id), sent=True,
                           lost=lost_answers(), action=url_for("auth.sign_in", next=request.path)), 200
