"""Accent folding that keeps every offset: one character in, one character out ("Łukasz" -> "Lukasz")."""
from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into a base letter and marks.
_SPECIAL = {"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "s", "æ": "a",
            "Æ": "A", "œ": "o", "Œ": "O", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
            "ŀ": "l", "Ŀ": "L", "ſ": "s", "ŧ": "t", "Ŧ": "T", "ƒ": "f",
            "‘": "'", "’": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"}


def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() else ch


_TABLE = {cp: _fold_char(chr(cp)) for cp in [*range(0x80, 0x250), *range(0x1E00, 0x1F00), 0x2018,
                                             0x2019, 0x02BC, 0x201C, 0x201D, 0x2013, 0x2014, 0x60]}
_TABLE = {cp: out for cp, out in _TABLE.items() if out != chr(cp) and len(out) == 1}
# Characters that are no part of a word read as a space, so they cannot hide a name ("John\x00 Smith", "Fatima
# \u202eHassan", "John 🙂 Smith"): control characters, zero-width and direction marks, emoji and their joiners.
_SPACES = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
           *range(0x2060, 0x2070), 0xFEFF, *range(0xFE00, 0xFE10), *range(0x2600, 0x27C0), *range(0x1F000, 0x1FB00),
           *range(0x1F1E6, 0x1F200), *range(0xE0020, 0xE0080)]
_TABLE.update({cp: " " for cp in _SPACES})
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f`]")


def fold(text: str) -> str:
    """The text with accents removed letter by letter, and characters that are no part of a word (controls,
    direction marks, emoji) as spaces; the result has the same length and offsets."""
    return text.translate(_TABLE) if not text.isascii() or _ASCII_CONTROL.search(text) else text
