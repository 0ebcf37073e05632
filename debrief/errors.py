"""The one family of refusals a service raises: the message is for the person, `field` names the input (pure).

A view turns any of them into a GOV.UK error summary with what was typed kept (`form_errors.attempt`). Subclasses
exist only where a caller treats them differently (the gate's IdentifyingText, the workflow's TransitionRefused...).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """Another page a refusal is about ("Add a subject", "Did you use force?"): its name as the person sees it, and
    the endpoint and arguments the web layer turns into the address the error summary links to."""

    name: str
    endpoint: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, name: str, endpoint: str, **values: object) -> Place:
        return cls(name, endpoint, tuple(sorted(values.items())))


class ServiceError(ValueError):
    """An operation that cannot be carried out; nothing of it is saved. `place`: the other page where it is put
    right, when it is not on the page that was sent (the message names it; the error summary links to it)."""

    def __init__(self, message: str = "", field: str | None = None, *, place: Place | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.place = place

    def messages(self) -> dict[str | None, str]:
        """{field: message} for every input the refusal is about (one, unless a subclass knows more)."""
        return {self.field: str(self)}
