"""Signed tokens for the links in subscribers' email (pure: no app, no database).

A confirmation token carries the subscriber's id and a random nonce, and expires: the nonce is cleared when used, so
the link works once. An unsubscribe token carries the id and the row's unsubscribe key and never expires, so the link
in any email works for as long as the address is subscribed."""
from __future__ import annotations

import time

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

CONFIRM_SALT = "debrief.subscription.confirm"
UNSUBSCRIBE_SALT = "debrief.subscription.unsubscribe"


class TokenProblem(ValueError):
    """A link that cannot be used: `reason` is "expired" or "invalid" (tampered, truncated, another purpose)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _serializer(secret: str | bytes, salt: str, now: float | None) -> URLSafeTimedSerializer:
    class Signer(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time() if now is None else now)

    return URLSafeTimedSerializer(secret, salt=salt, signer=Signer)


def _load(secret: str | bytes, salt: str, token: str, max_age: int | None, now: float | None) -> tuple[int, str]:
    try:
        value = _serializer(secret, salt, now).loads(token, max_age=max_age)
    except SignatureExpired:
        raise TokenProblem("expired") from None
    except (BadSignature, ValueError, TypeError):
        raise TokenProblem("invalid") from None
    if (not isinstance(value, list) or len(value) != 2 or not isinstance(value[0], int)
            or not isinstance(value[1], str)):
        raise TokenProblem("invalid")
    return value[0], value[1]


def confirm_token(secret: str | bytes, subscriber_id: int, nonce: str, *, now: float | None = None) -> str:
    return _serializer(secret, CONFIRM_SALT, now).dumps([subscriber_id, nonce])


def read_confirm_token(secret: str | bytes, token: str, *, max_age: int | None,
                       now: float | None = None) -> tuple[int, str]:
    """(subscriber id, nonce) of a confirmation link no older than max_age seconds (any age if None); else
    TokenProblem."""
    return _load(secret, CONFIRM_SALT, token, max_age, now)


def unsubscribe_token(secret: str | bytes, subscriber_id: int, key: str) -> str:
    return _serializer(secret, UNSUBSCRIBE_SALT, None).dumps([subscriber_id, key])


def read_unsubscribe_token(secret: str | bytes, token: str) -> tuple[int, str]:
    """(subscriber id, unsubscribe key) of an unsubscribe link; TokenProblem if it was not made here."""
    return _load(secret, UNSUBSCRIBE_SALT, token, None, None)
