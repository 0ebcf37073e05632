"""Names and streets typed in lower case inside ordinary mixed-case text, as readers and officers type in haste:
"my mate dave smith lives on mill lane". A line written wholly in lower case is re-cased (recase.py) and read like
any other; these are the lower-case words a mixed line leaves, which no capital marks out.

- A first name off the dictionary with a surname after it is a person ("dave smith", "jim o'neill",
  "jason william price"); so is such a first name alone after a relation or naming word ("my mate dave").
- One to three words and a street word after a word of place are a street ("on mill lane", "off acacia avenue"),
  unless the words are generic ("on the main road", "in the bus lane").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import CAR_MAKES
from .lexicon import FIRST_NAME_LIST, SURNAME_LIST, is_ordinary
from .vocab import MONTHS, RELATIONS, WEEKDAYS

# A word as typed; a handle, address or reference around it ("dave@x", "x/dave") is no word.
_TOKEN = re.compile(r"(?<![\w@./#-])[A-Za-z][a-z'’]*(?:-[a-z]+)*(?![\w@/#])")
_NAMING = frozenset({*(r for r in RELATIONS if " " not in r and "-" not in r), "mate", "pal", "bro", "ex", "called",
                     "named", "name", "aka", "fella", "bloke", "lad", "mrs", "mr", "ms", "miss"})
_NEVER = frozenset({*(m.lower() for m in MONTHS), *(d.lower() for d in WEEKDAYS)}) | frozenset(
    "the and but for not was she her his him are you our can had has have who how why yes may will til fella".split()) \
    | frozenset(m.lower() for m in CAR_MAKES)  # "a kia sportage"
_STREET_WORDS = "road|rd|street|st|lane|ln|avenue|ave|crescent|cres|terrace|grove|gardens|drive|close"
_LOCATIVES = "on|in|at|from|off|along|down|up|near|to|into|onto|via|round|around|past|by"
_STREET = re.compile(rf"\b(?:{_LOCATIVES})[ \t]+"
                     rf"(?P<name>(?:[a-z][a-z'’-]+[ \t]+){{1,3}}(?:{_STREET_WORDS}))\b(?![-'’])")
# Words that make a street word generic, not a name: "on the main road", "in the bus lane", "up very close".
_GENERIC = frozenset("""the a an this that these those his her their its our my your same other next each every any some
    main back side slip service access private public local busy quiet country dual nearby bus cycle fast slow ring
    relief link dirt farm wrong right left first second third long short narrow wide steep very too so quite really
    one two outside inside and or of""".split()) | frozenset(_LOCATIVES.split("|"))


def _first_name(word: str) -> bool:
    return len(word) >= 3 and word in FIRST_NAME_LIST and word not in _NEVER and not is_ordinary(word)


def _name_word(word: str) -> bool:
    return len(word) >= 3 and word not in _NEVER and (word in SURNAME_LIST or word in FIRST_NAME_LIST
                                                       or (len(word) >= 4 and not is_ordinary(word)))


_GROUP = re.Match.group


def find_lower_case(text: str) -> Iterator[Candidate]:
    """Lower-case people and streets in a text whose capitals do not mark them."""
    words = list(_TOKEN.finditer(text))
    # A run opens only at a lower-case first name off the list: those are found with the words' texts read and
    # looked up in C, and only the words that are one are stepped to in Python (not every word of the text).
    typed = list(map(_GROUP, words))
    opening = {w for w in FIRST_NAME_LIST.intersection(typed) if w[:1].islower() and _first_name(w)}
    heads = [i for i, w in enumerate(typed) if w in opening] if opening else []
    after = 0  # the first word a new run may open at (a run's words are no run's opening)
    for i in heads:
        if i < after:
            continue
        m = words[i]
        j = i
        while j + 1 < len(words) and j - i < 2 and text[words[j].end():words[j + 1].start()] in (" ", "\t") \
                and words[j + 1].group()[:1].islower() and _name_word(words[j + 1].group()):
            j += 1
        cue = i > 0 and words[i - 1].group().lower() in _NAMING and not text[words[i - 1].end():m.start()].strip(" ,:")
        if j > i or cue:
            yield Candidate(m.start(), words[j].end(), Kind.PERSON, "context", PRIORITY["context"], subtype="lower-case")
        after = j + 1
    for m in _STREET.finditer(text):
        parts = m.group("name").split()
        if any(w in _GENERIC for w in parts[:-1]):
            continue
        yield Candidate(m.start("name"), m.end("name"), Kind.PLACE, "context", PRIORITY["context"], subtype="street")
