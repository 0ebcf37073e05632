"""Deny by default: every view declares a permission or is on the public list; headers on every response."""
from __future__ import annotations

import secrets
import time
from functools import wraps
from typing import Callable

from flask import Flask, abort, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import BadSignature
from flask_login import current_user

from debrief.auth.ended import ended_session_page, ended_session_user
from debrief.auth.roles import Permission

PUBLIC_ATTR = "_debrief_public"
PERMISSION_ATTR = "_debrief_permission"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# A permanent session's cookie is signed again (sliding its expiry) at most this often, not on every response.
SESSION_REFRESH_SECONDS = 60
# A session's signed CSRF token is reused by its pages for this long, then signed afresh (the token is good for
# WTF_CSRF_TIME_LIMIT from its signing: a form opened on a reused token expires at most this much sooner).
CSRF_REUSE_SECONDS = 60
# Bounds on what one worker remembers: verified cookies and signed CSRF tokens (past it, it starts again).
MAX_REMEMBERED = 10_000
_WHILE_PASSWORD_DUE = frozenset(("auth.change_own_password", "auth.sign_out"))
_SCALARS = (str, int, float, bool, type(None))


def public(view: Callable) -> Callable:
    """Mark a view as reachable without signing in. Keep this list short."""
    setattr(view, PUBLIC_ATTR, True)
    return view


def requires(permission: Permission) -> Callable[[Callable], Callable]:
    """Declare the permission a view needs; checked on every request."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
            if not current_user.can(permission):
                abort(403)
            return view(*args, **kwargs)

        setattr(wrapped, PERMISSION_ATTR, permission)
        return wrapped

    return decorator


def declared_access(view: Callable) -> Permission | str | None:
    if getattr(view, PUBLIC_ATTR, False):
        return "public"
    return getattr(view, PERMISSION_ATTR, None)


class TimedSession(SecureCookieSession):
    """A cookie session that knows when its cookie was signed (None for a new session)."""

    signed_at: float | None = None


class LocalAwareSessionInterface(SecureCookieSessionInterface):
    """Secure cookies everywhere except plain-HTTP development on this machine; a permanent session's expiry slides
    with use, but its cookie is signed and sent again at most once every SESSION_REFRESH_SECONDS (signing it on every
    response cost about a tenth of a small page). A session unused for its whole lifetime still ends: the signature's
    age is checked against PERMANENT_SESSION_LIFETIME, so it ends at most SESSION_REFRESH_SECONDS after the last
    request that was not refreshed rather than exactly a lifetime after the last request."""

    session_class = TimedSession
    _serializer: tuple[tuple, object] | None = None
    # Cookies this worker has verified, with their data and signing time: a cookie sent again (every request of a
    # session until it is re-signed) is not verified again; its age is still checked. Per serializer, so per key.
    _verified: tuple[object, dict[str, tuple[dict, float]]] | None = None

    def get_signing_serializer(self, app: Flask):
        """Flask's serializer, built once for the current keys (Flask builds one for every cookie read and write)."""
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        cached = self._serializer
        if cached is None or cached[0] != keys:
            cached = self._serializer = (keys, super().get_signing_serializer(app))
        return cached[1]

    def open_session(self, app: Flask, request) -> TimedSession | None:
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        verified = self._verified
        if verified is None or verified[0] is not serializer:
            verified = self._verified = (serializer, {})
        known = verified[1].get(value)
        if known is not None:
            data, signed_at = known
            if 0 <= time.time() - signed_at <= max_age:  # as itsdangerous checks the age of the signature
                session = self.session_class(data)
                session.signed_at = signed_at
                return session
        try:
            data, signed_at = serializer.loads(value, max_age=max_age, return_timestamp=True)
        except BadSignature:  # includes an expired signature
            return self.session_class()
        session = self.session_class(data)
        session.signed_at = signed_at.timestamp()
        if all(isinstance(v, _SCALARS) for v in data.values()):  # kept only when no value could be changed in place
            if len(verified[1]) >= MAX_REMEMBERED:
                verified[1].clear()
            verified[1][value] = (dict(data), session.signed_at)
        return session

    def should_set_cookie(self, app: Flask, session) -> bool:
        if session.modified:
            return True
        if not (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return False
        signed_at = getattr(session, "signed_at", None)
        return signed_at is None or time.time() - signed_at >= SESSION_REFRESH_SECONDS

    def get_cookie_secure(self, app: Flask) -> bool:
        if app.config.get("SESSION_COOKIE_SECURE"):
            return True
        host = (request.host or "").rsplit(":", 1)[0] if request else ""
        return host not in LOCAL_HOSTS


def init_security(app: Flask) -> None:
    app.session_interface = LocalAwareSessionInterface()

    @app.before_request
    def deny_by_default():
        g.csp_nonce = secrets.token_urlsafe(16)
        _reuse_signed_csrf(app)
        if request.endpoint is None:
            return None  # 404/405 handled by Flask
        view = app.view_functions.get(request.endpoint)
        access = declared_access(view) if view else None
        if access == "public" or request.endpoint == "static":
            return None
        if access is None:
            # A view with no declared permission is a bug: refuse rather than serve it.
            app.logger.error("Endpoint %s declares no permission", request.endpoint)
            abort(403)
        if not current_user.is_authenticated:
            if request.method == "POST":
                if (user_id := ended_session_user()) is not None:
                    return ended_session_page(user_id)  # what they sent is not saved: it is shown, not dropped
            return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
        if getattr(current_user, "password_change_due", False) and request.endpoint not in _WHILE_PASSWORD_DUE:
            # An administrator chose this account's password: nothing else until the person sets their own.
            return redirect(url_for("auth.change_own_password"))
        return None

    @app.context_processor
    def inject_nonce():
        return {"cspNonce": g.get("csp_nonce", "")}

    @app.after_request
    def security_headers(response):
        _keep_signed_csrf(app)
        nonce = g.get("csp_nonce", "")
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; "
            f"script-src 'self' 'nonce-{nonce}'; "
            "style-src 'self'; img-src 'self' data:; font-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if (request.host or "").rsplit(":", 1)[0] not in LOCAL_HOSTS:
            # Served under a real name (behind TLS): browsers must only ever come back over HTTPS.
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if request.endpoint != "static":
            # Pages can hold personal data: keep them out of shared caches and the back-forward cache.
            response.headers["Cache-Control"] = "no-store"
        return response


def _csrf_keys(app: Flask) -> tuple[str, object]:
    return app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key


def _reuse_signed_csrf(app: Flask) -> None:
    """Give the request the session's CSRF token as signed by an earlier request within CSRF_REUSE_SECONDS, so
    Flask-WTF (which signs once per request, and takes g's token when set) need not sign it again for every page."""
    if not session:  # no session yet: nothing to reuse (and an untouched session adds no Vary: Cookie)
        return
    field, secret = _csrf_keys(app)
    raw = session.get(field)
    kept = app.extensions.get("debrief_signed_csrf", {}).get((secret, raw)) if raw else None
    if kept is not None and time.time() - kept[1] < CSRF_REUSE_SECONDS:
        setattr(g, field, kept[0])
        g.csrf_reused = True


def _keep_signed_csrf(app: Flask) -> None:
    """After a request that signed its session's CSRF token, keep it for the session's next pages."""
    field, secret = _csrf_keys(app)
    token = g.get(field)
    if token is None or g.get("csrf_reused"):
        return
    raw = session.get(field)
    if raw:
        kept = app.extensions.setdefault("debrief_signed_csrf", {})
        if len(kept) >= MAX_REMEMBERED:
            kept.clear()
        kept[(secret, raw)] = (token, time.time())
