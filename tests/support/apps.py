"""The app under test, with a test client that isolates each request like production does."""
from __future__ import annotations

from flask.testing import FlaskClient

from debrief import create_app
from debrief.extensions import db


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context, as in production: its own `g` and database session.

    Without this, Flask reuses the test's app context, so the signed-in user cached in `g`
    and the session's identity map would leak from one request into the next."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
            db.session.remove()
        db.session.expire_all()  # the test's own session then sees what the request wrote
        return response


def make_app(url: str, **extra):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, **extra})
    app.test_client_class = IsolatedClient
    return app
