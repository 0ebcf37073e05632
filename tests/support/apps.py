"""The app under test, with a test client that isolates each request like production does."""
from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.test import ClientRedirectError

from debrief import create_app
from debrief.extensions import db

REDIRECTS = {301, 302, 303, 305, 307, 308}


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context, as in production: its own `g` and database session.

    Without this, Flask reuses the test's app context, so the signed-in user cached in `g`
    and the session's identity map would leak from one request into the next."""

    def open(self, *args, follow_redirects: bool = False, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
            db.session.remove()
        db.session.expire_all()  # the test's own session then sees what the request wrote
        if not follow_redirects:
            return response
        # Each redirect is a request of its own, after the one before has ended (as in a browser): following it
        # inside the first request's context would keep that request's transaction, and its write lock, open.
        history: list = []
        seen: set = set()
        while response.status_code in REDIRECTS:
            entry = (response.location, response.status_code)
            if entry in seen:
                raise ClientRedirectError(f"Loop detected: a {entry[1]} redirect to {entry[0]} was already made.")
            seen.add(entry)
            response.history = tuple(history)
            history.append(response)
            response = self.resolve_redirect(response, buffered=kwargs.get("buffered", False))
        response.history = tuple(history)
        return response


def make_app(url: str, **extra):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, **extra})
    app.test_client_class = IsolatedClient
    return app
