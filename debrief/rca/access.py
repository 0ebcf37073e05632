"""Who is acting, and which RCA a request names: only the signed-in person's own force's, else 404."""
from __future__ import annotations

from flask import abort
from flask_login import current_user

from debrief.extensions import db
from debrief.models import RootCauseAnalysis, User


def current_actor() -> User:
    """The signed-in user as a model object (services take the actor as an argument)."""
    return current_user._get_current_object()


def rca_of_force(rca_id: int) -> RootCauseAnalysis:
    """The RCA of the signed-in user's force; another force's RCA looks as if it does not exist."""
    rca = db.session.get(RootCauseAnalysis, rca_id)
    if rca is None or rca.force_id != current_user.force_id:
        abort(404)
    return rca
