"""Declared audit events and the one function that records them."""
from debrief.audit.events import EVENTS, AuditSpec
from debrief.audit.record import record, record_read

__all__ = ["EVENTS", "AuditSpec", "record", "record_read"]
