"""Cell values of the use-of-force CSV mapped to reference.py codes, loosely and with memoised lookups."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Generic, TypeVar

from debrief import reference as ref
from debrief.nationaldata.columns import loose_key

T = TypeVar("T")
MISSING = object()  # a cell that is not a recognised answer
# Exact cells first (the common case), then a loose match.
_YES_NO_EXACT: dict[str, bool | None] = {"Yes": True, "No": False, "": None, "YES": True, "NO": False}
_YES_NO_LOOSE = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False, "0": False}


def yes_no(raw: str) -> bool | None | object:
    """True, False, None for a blank cell, or MISSING when the cell is not a Yes/No answer."""
    answer = _YES_NO_EXACT.get(raw, MISSING)
    if answer is not MISSING:
        return answer
    stripped = raw.strip()
    if not stripped:
        return None
    return _YES_NO_LOOSE.get(stripped.casefold(), MISSING)


value_key = loose_key  # cell values are compared as loosely as column names


class ValueLookup(Generic[T]):
    """Maps a cell to a value through a table of loose keys, remembering answers for repeated cells."""

    def __init__(self, table: Mapping[str, T]) -> None:
        self._table = {value_key(key): value for key, value in table.items()}
        self._memo: dict[str, T | None | object] = {"": None}

    @classmethod
    def for_vocab(cls, vocab: ref.Vocabulary, aliases: Mapping[str, str] | None = None) -> ValueLookup[str]:
        """A lookup accepting each choice's code and label, and the aliases forces publish."""
        table = {choice.code: choice.code for choice in vocab} | {choice.label: choice.code for choice in vocab}
        return ValueLookup(table | dict(aliases or {}))

    def __call__(self, raw: str) -> T | None | object:
        """The value for `raw`, None for a blank cell, or MISSING when the cell is not recognised."""
        try:
            return self._memo[raw]
        except KeyError:
            pass
        stripped = raw.strip()
        result = None if not stripped else self._table.get(value_key(stripped), MISSING)
        if len(self._memo) < 10_000:  # a free-text column must not grow the memo without bound
            self._memo[raw] = result
        return result


# Tactic cells map to (tactic code, Taser level or None).
_TACTIC_ALIASES: dict[str, tuple[str, str | None]] = {
    "Handcuffing - Compliant": ("compliant_handcuffing", None),
    "Handcuffing - Non-Compliant": ("non_compliant_handcuffing", None),
    "Unarmed Skills (including pressure points, strikes, restraints and take-downs)": ("unarmed_skills", None),
    "Limb/Body Restraints": ("limb_body_restraint", None),
    "Other restraint - limb/body restraints": ("limb_body_restraint", None),
    "Spit Guard": ("spit_and_bite_guard", None),
    "Spit and Bite Guard": ("spit_and_bite_guard", None),
    # The national list has one "Other/improvised" tactic; it is kept as improvised.
    "Other/Improvised": ("improvised", None),
    "Irritant Spray - CS Drawn": ("irritant_spray_drawn", None),
    "Irritant Spray - PAVA Drawn": ("irritant_spray_drawn", None),
    "Irritant Spray - CS Used": ("irritant_spray_used", None),
    "Irritant Spray - PAVA Used": ("irritant_spray_used", None),
    "AEP Aimed": ("aep_aimed", None),
    "AEP Fired": ("aep_fired", None),
    "Firearm Aimed": ("firearm_aimed", None),
    "Firearms Aimed": ("firearm_aimed", None),
    "Firearm Fired": ("firearm_fired", None),
    "Firearms Fired": ("firearm_fired", None),
    "CED": ("taser", None),
    "Taser": ("taser", None),
}
for _prefix in ("CED (Taser)", "CED", "Taser"):
    for _level in ref.TASER_LEVELS:
        _TACTIC_ALIASES[f"{_prefix} {_level.label}"] = ("taser", _level.code)
    _TACTIC_ALIASES[f"{_prefix} Angle Drive Stun"] = ("taser", "drive_stun")


TACTIC_TABLE: dict[str, tuple[str, str | None]] = (
    {choice.code: (choice.code, None) for choice in ref.TACTICS}
    | {choice.label: (choice.code, None) for choice in ref.TACTICS}
    | _TACTIC_ALIASES
)


AGE_ALIASES = {
    "0-10": "under_11",
    "Under 11": "under_11",
    "11-17": "11_17",
    "18-34": "18_34",
    "35-49": "35_49",
    "50-64": "50_64",
    "65 and over": "65_over",
    "65+": "65_over",
    "Unknown": "not_known",
    "Not stated": "not_known",
}
SEX_ALIASES = {
    "M": "male",
    "F": "female",
    "Unknown": "not_known",
    "Don't know": "not_known",
    "Not stated": "not_known",
    "Not reported": "not_known",
}
# Published ethnicity is the officer's perception, in the Home Office's older groups; mapped to ONS 2021.
ETHNICITY_ALIASES = {
    "Black (or Black British)": "black",
    "Black or Black British": "black",
    "Asian (or Asian British)": "asian",
    "Asian or Asian British": "asian",
    "Chinese": "asian",  # ONS 2021 places Chinese within the Asian group
    "Chinese or other": "other",
    "Other": "other",
    "Mixed": "mixed",
    "Don't know": "not_stated",
    "Not reported": "not_stated",
    "Unknown": "not_stated",
}
INJURY_ALIASES = {
    "No": "none",
    "None": "none",
    "Serious": "severe",
    "Death": "fatal",
    "Fatality": "fatal",
}
CONDUCT_ALIASES = {
    "Verbal resistance/gestures": "verbal_resistance",
    "Serious or aggravated resistance": "serious_resistance",
}

# MainDuty is close to free text across forces: a word in it picks the group, else "other".
_DUTY_WORDS: tuple[tuple[str, str], ...] = (
    ("dog", "dog_handler"),
    ("arv", "firearms"),
    ("afo", "firearms"),
    ("ctsfo", "firearms"),
    ("firearm", "firearms"),
    ("firearms", "firearms"),
    ("armed", "firearms"),
    ("tsg", "public_order"),
    ("territorial", "public_order"),
    ("order", "public_order"),
    ("roads", "roads_policing"),
    ("traffic", "roads_policing"),
    ("custody", "custody"),
    ("cid", "investigation"),
    ("investigation", "investigation"),
    ("detective", "investigation"),
    ("control", "control_room"),
    ("call", "control_room"),
    ("neighbourhood", "neighbourhood"),
    ("neighbourhoods", "neighbourhood"),
    ("response", "response"),
    ("patrol", "response"),
)


@lru_cache(maxsize=1024)
def main_duty_code(raw: str) -> str | None:
    """The MAIN_DUTIES code for a MainDuty cell (None when blank)."""
    words = set(re.findall(r"[a-z0-9]+", raw.casefold()))
    if not words:
        return None
    for word, code in _DUTY_WORDS:
        if word in words:
            return code
    return "other"
