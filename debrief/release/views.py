"""Puts the release screens on the app: the reviewer's (under /rca/, endpoint rca.release) and the force's."""
from __future__ import annotations

from flask import Flask

from debrief.release import force_views, reviewer_views


def register(app: Flask) -> None:
    app.register_blueprint(force_views.bp)
    reviewer_views.register(app)
