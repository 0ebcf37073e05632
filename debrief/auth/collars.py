"""Collar and staff numbers of accounts: the one form each is kept and compared in (pure)."""
from __future__ import annotations

import re

# What people type between the parts of a number ("NS 5096", "NS-5096"): dropped, so every way of typing one number
# is one number.
SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_.]+")
MAX_LENGTH = 20  # the column's
INVALID = "Collar number must only include letters and numbers, with spaces or hyphens between them if you like"


def normalise_collar(value: str | None) -> str | None:
    """Upper case, without separators; None for nothing (or only separators)."""
    return SEPARATORS.sub("", value or "").upper() or None


def collar_format_problem(value: str | None) -> str | None:
    """Why a typed collar number cannot be kept, or None (blank is fine: it is optional)."""
    normal = normalise_collar(value)
    if normal is None:
        return INVALID if (value or "").strip() else None
    if not re.fullmatch(r"[A-Z0-9]+", normal):
        return INVALID
    if len(normal) > MAX_LENGTH:
        return f"Collar number must be {MAX_LENGTH} letters and numbers or fewer"
    return None
