"""Deny by default: every view declares a permission or is on the public list; headers on every response."""
from __future__ import annotations

import secrets
import time
from functools import wraps
from typing import Callable

from flask import Flask, abort, g, redirect, request, url_for
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import BadSignature
from flask_login import current_user

from debrief.auth.roles import Permission

PUBLIC_ATTR = "_debrief_public"
PERMISSION_ATTR = "_debrief_permission"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# A permanent session's cookie is signed again (sliding its expiry) at most this often, not on every response.
SESSION_REFRESH_SECONDS = 60


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
        try:
            data, signed_at = serializer.loads(value, max_age=max_age, return_timestamp=True)
        except BadSignature:  # includes an expired signature
            return self.session_class()
        session = self.session_class(data)
        session.signed_at = signed_at.timestamp()
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
            return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
        return None

    @app.context_processor
    def inject_nonce():
        return {"cspNonce": g.get("csp_nonce", "")}

    @app.after_request
    def security_headers(response):
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
