"""The one family of refusals a service raises: the message is for the person, `field` names the input (pure).

A view turns any of them into a GOV.UK error summary with what was typed kept (`form_errors.attempt`). Subclasses
exist only where a caller treats them differently (the gate's IdentifyingText, the workflow's TransitionRefused...).
"""
from __future__ import annotations


class ServiceError(ValueError):
    """An operation that cannot be carried out; nothing of it is saved."""

    def __init__(self, message: str = "", field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

    def messages(self) -> dict[str | None, str]:
        """{field: message} for every input the refusal is about (one, unless a subclass knows more)."""
        return {self.field: str(self)}
