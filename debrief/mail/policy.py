"""When the sender tries a failed message again, and when it gives up (pure)."""
from __future__ import annotations

from datetime import datetime, timedelta

MAX_ATTEMPTS = 8
FIRST_RETRY_SECONDS = 60
LONGEST_WAIT_SECONDS = 6 * 60 * 60


def retry_delay(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failure: 1, 2, 4, 8 ... minutes, never more than 6 hours."""
    seconds = FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, LONGEST_WAIT_SECONDS))


def next_attempt(attempts: int, now: datetime, *, permanent: bool = False) -> datetime | None:
    """When to try again after `attempts` failures in all; None means give up (refused for good, or tried enough)."""
    if permanent or attempts >= MAX_ATTEMPTS:
        return None
    return now + retry_delay(attempts)
