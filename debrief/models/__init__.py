"""Typed SQLAlchemy models, a file per entity; importing this registers them all."""
from debrief.models.audit import AuditEvent
from debrief.models.base import utcnow
from debrief.models.force import Force
from debrief.models.signin import SignInAttempt
from debrief.models.user import User, UserRole

__all__ = ["AuditEvent", "Force", "SignInAttempt", "User", "UserRole", "utcnow"]
