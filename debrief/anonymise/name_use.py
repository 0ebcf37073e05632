"""Whether a case name that is also an ordinary English word ("Add", "Will", "Rose") is used as a name where it stands.

A name learned from the case (the people on the form, a name found in the source, a released deny list) may also be an
ordinary word. Such a word stands for the person only where it is used as a name: capitalised mid-sentence, straight
after a title or rank, as part of a full name, or opening a sentence with a verb of reporting after it ("Will said").
Alone at the start of a sentence ("Add the weapon field ...") or in lower case it is the ordinary word. The anonymiser's
deny-list layer and the publication gate both ask this one question, so what one replaces the other refuses.
"""
from __future__ import annotations

import re

from .fold import fold
from .lexicon import ENGLISH

# Characters that may sit between a sentence's end (or a line's start) and its first word: spaces, quotes, brackets,
# list bullets.
_OPENERS = frozenset(" \t\r\"'“‘([*#>-–—")
_ENDS = frozenset(".!?:;\n•")
# "Sgt. Will", "Mr. Rose": a title's full stop does not end a sentence.
_TITLE_DOT = re.compile(r"(?:^|\W)(?i:mr|mrs|ms|mx|dr|sgt|insp|supt|det|con|cst|ch|st|pc|dc|ps|ds|di|dci|prof)\.$")
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*\d{1,2}[.)]$")
# After a name that opens a sentence: a verb of reporting or doing, a possessive, "and" another name, or an apposition
# ("Grant, a 24-year-old chef, said").
_VERBS = ("said says told tells asked stated explained replied shouted was is had has did does went goes came comes "
          "rang got gets gave took ran runs left made put kept saw sees sat stood held fell hit threw knew became began "
          "brought caught drove found felt heard let lost met paid spoke wrote sent set bit broke chose drew "
          "fought hid led lay meant rode rose sang shot shut slept stole struck swore swam taught thought tore woke "
          "won wore would could will should might must can cannot couldn't wouldn't didn't doesn't wasn't isn't "
          "hasn't hadn't won't can't also then who")
_NAME_AFTER = re.compile(r"(?:['’]s\b|,?\s+(?:" + "|".join(_VERBS.split()) + r"|and\s+[A-Z])(?![\w'])|\s+[a-z]+ed\b|,\s+(?:a|an|aged|who|\d))")


def is_ordinary_word(word: str) -> bool:
    """A single word found in the English dictionary list (accents folded, possessive dropped)."""
    low = fold(word).lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("'"):
        low = low[:-1]
    return " " not in low and low in ENGLISH


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` opens the text, a line, a list item or a sentence."""
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if i == 0:
        return True
    if text[i - 1] in _ENDS:
        if text[i - 1] == "." and _TITLE_DOT.search(text, max(0, i - 6), i):
            return False
        return True
    return bool(text[i - 1] == ")" and _LIST_NUMBER.search(text, max(0, i - 6), i))


def used_as_name(text: str, start: int, end: int) -> bool:
    """For a case name that is an ordinary word: whether this occurrence reads as the name, not the word.

    Lower case is the word ("will", "rose"); alone at the start of a sentence it is the word unless a verb of
    reporting or a possessive follows ("Will said", "Rose's bag"); capitalised anywhere else it is the name.
    """
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if not sentence_initial(text, start):
        return True
    return bool(_NAME_AFTER.match(text, end))


# "Will you", "Add the", "Mark it": what follows shows the ordinary word even where the person's full name is near.
_WORD_AFTER = re.compile(r"\s+(?:you|the|a|an|this|that|these|those|it|we|they|i|be|to|up|down|out|off|all|some|"
                         r"any|your|his|her|their|our|my|its|not|in|on|for|with)\b")


def reads_as_word(text: str, end: int) -> bool:
    """Whether the words after an ordinary word opening a sentence show it is the word ("Will you ...")."""
    return bool(_WORD_AFTER.match(text, end))


def lower_case_name(text: str, start: int, end: int) -> bool:
    """Whether a name on the case's form, typed in lower case here, reads as that person: the whole name ("grace
    hope"), a part of three letters or more that is no ordinary word ("siobhan"), or a part that is, before a verb
    of saying or a possessive ("precious said")."""
    word = text[start:end]
    if " " in word.strip():
        return True
    if len(word) < 3:
        return False
    return not is_ordinary_word(word) or bool(_SAYING_AFTER.match(text, end))


# After a lower-case ordinary word, only a verb of saying shows a name ("precious said"); "the field was wet" is a field.
_SAYING_AFTER = re.compile(r"\s+(?:said|says|told|tells|stated|states|replied|shouted|screamed|asked|claimed|"
                           r"admitted|denied|disclosed|alleged)\b")
