"""GOV.UK-style error pages; no stack trace ever reaches the person."""
from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from debrief.extensions import db
from debrief.audit import record
from debrief.auth.ended import access_changed, lost_answers
from debrief.auth.roles import who_can_help

PAGES = {
    400: ("There is a problem with your request", "Go back and try again."),
    403: ("You do not have permission to see this page", "If you think you should, ask your force administrator."),
    404: ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address."),
    405: ("There is a problem with your request", "Go back and try again."),
    413: ("The file or form is too large", "Go back and send something smaller."),
    429: ("Too many requests", "Wait a few minutes, then try again."),
    500: ("Sorry, there is a problem with the service", "Try again later. Nothing you had already saved has been lost."),
}


def _render(status: int, detail: str | None = None):
    title, body = PAGES.get(status, PAGES[500])
    changed, sent, lost = None, False, []
    if status == 403 and current_user.is_authenticated:
        body = who_can_help(current_user.roles)
        # A role taken away meanwhile (another tab open on its page): say so, and keep what was typed in sight.
        if (changed := access_changed(current_user.id, current_user.roles)) and request.method == "POST":
            sent, lost = True, lost_answers()
    return render_template("errors/error.html", status=status, title=title, body=detail or body, changed=changed,
                           sent=sent, lost=lost), status


def _audit_refusal(status: int) -> None:
    """Every refusal of a signed-in user is audited: a pattern of them is worth a look."""
    db.session.rollback()
    record("access.denied", actor=current_user, force_id=current_user.force_id, path=request.path, status=status)
    db.session.commit()


def init_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_exc):
        return _render(400, "The form could not be sent because your session had expired or the page was out of date. "
                            "Go back, reload the page and try again. Nothing you had already saved has been lost.")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code in (403, 404) and current_user.is_authenticated and request.endpoint:
            _audit_refusal(exc.code)
        if exc.code in PAGES:
            return _render(exc.code)
        return exc

    app.register_error_handler(Exception, unexpected_error)


def unexpected_error(exc: Exception):
    # Roll back so a crash mid-request leaves no half-written record.
    db.session.rollback()
    current_app.logger.exception("Unhandled error")
    return _render(500)
