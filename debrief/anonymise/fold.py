"""Accent folding that keeps every offset: one character in, one character out ("Łukasz" -> "Lukasz")."""
from __future__ import annotations

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


def fold(text: str) -> str:
    """The text with accents removed letter by letter; the result has the same length and offsets."""
    return text.translate(_TABLE) if not text.isascii() or "`" in text else text
