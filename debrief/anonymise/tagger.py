"""A learned safety net for names and places the rules have never seen: an averaged perceptron over words and their
neighbours, trained on the development sets' annotations (never the held-out set), that adds PERSON and PLACE
candidates at the lowest priority. The rules still decide everything they find; the tagger only adds spans where
they found nothing, such as lower-case names and places in logs ("spoke to osian at nevill hall") and local names
after words of place.

Tokens are words, numbers and single marks. Each word is read with features of itself (its lower form, shape, first
and last letters, whether the word lists know it as an ordinary word, a name or a place) and of its neighbours (the
two words each side, their shapes, whether the line is in capitals or lower case). The weights are the difference
of each class's weight from "not an identifier", so a word is tagged when its summed difference is above zero.

`python -m debrief.anonymise.train_tagger SETS...` (`make train-tagger`) trains it again and writes data/tagger.json.gz.
"""
from __future__ import annotations

import gzip
import json
import random
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from . import lexicon, recase

WEIGHTS = Path(__file__).resolve().parent / "data" / "tagger.json.gz"
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?|\d+|[^\w\s]")
_LETTERS = re.compile(r"[^\W\d_]+")
_CLASSES = ("P", "L")  # a person's name; a place or address (scored against "O", neither)
_LABEL = {"PERSON": "P", "PLACE": "L", "ADDRESS": "L"}
_KIND = {"P": "PERSON", "L": "PLACE"}
# Words never tagged (they still give their neighbours context): joining words no name or place is made of alone.
_FUNCTION_WORDS = frozenset("""
    a an the and or but nor of in on at to by for from with without into onto over under up down off out as
    is was were be been being am are has have had having do does did done not no yes so if then than that this
    these those there here where when while who whom whose which what why how it its it's he she him her his hers
    they them their theirs we us our ours you your yours i me my mine myself himself herself themselves
    will would shall should can could may might must also very just only about after before again all any both
    each few more most other some such own same too s t
""".split())


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not word[0].isalpha():
        return "p"
    if word.isupper():
        return "X" if len(word) == 1 else "XX"
    return "Xx" if word[0].isupper() else "x"


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    """The features of a word by itself: the same in every passage, so read once."""
    low, shape = word.lower(), _shape(word)
    out = ["b", "w=" + low, "s=" + shape, "suf=" + low[-3:], "pre=" + low[:3]]
    if len(low) > 1 and low.isalpha():
        ordinary = lexicon.is_ordinary(word)
        out += [f"ord={ordinary:d}", f"fn={low in lexicon.FIRST_NAME_LIST:d}", f"sn={low in lexicon.SURNAME_LIST:d}",
                f"pl={low in lexicon.UK_PLACE_WORDS:d}", f"pol={lexicon.is_policing_word(word):d}",
                f"o_s={ordinary:d}{shape}"]
    return tuple(out)


@lru_cache(maxsize=65536)
def _ordinary_flag(word: str) -> str:
    return f"{lexicon.is_ordinary(word):d}" if len(word) > 1 and word.isalpha() else ""


def _line_modes(text: str) -> tuple[list[int], list[str]]:
    """Where each line starts, and whether it is in capitals (C), lower case (l), mixed (m) or too short to say (n)."""
    starts, modes, pos = [], [], 0
    for line in text.split("\n"):
        letters = "".join(_LETTERS.findall(line))
        count = len(letters)
        upper = sum(map(str.isupper, letters))  # counted in C, not by a generator step a letter
        starts.append(pos)
        modes.append("n" if count < 8 else "C" if upper > 0.8 * count else "l" if upper < 0.05 * count else "m")
        pos += len(line) + 1
    return starts, modes


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _scored(tokens: Sequence[tuple[int, int, str]], text: str,
            lines: tuple[list[int], list[str]]) -> Iterable[tuple[int, list[str]]]:
    """(index, features) of each token that may be tagged: words other than joining words. `lines`: _line_modes."""
    starts, modes = lines
    lows = [t[2].lower() for t in tokens]
    shapes = [_shape(t[2]) for t in tokens]
    n = len(tokens)
    for i, (start, _end, word) in enumerate(tokens):
        low = lows[i]
        if not word[0].isalpha() or low in _FUNCTION_WORDS or len(word) == 1 \
                or (len(word) == 2 and low not in lexicon.NAME_LIST):
            # Initials are the rules' to read (and the anonymiser's own labels are letters); two letters that are
            # no name are shorthand ("en route", "nr", "rd").
            continue
        mode = modes[bisect_right(starts, start) - 1]
        shape = shapes[i]
        p1 = lows[i - 1] if i > 0 else "<s>"
        p2 = lows[i - 2] if i > 1 else "<s>"
        n1 = lows[i + 1] if i + 1 < n else "</s>"
        n2 = lows[i + 2] if i + 2 < n else "</s>"
        ps1 = shapes[i - 1] if i > 0 else "<s>"
        ns1 = shapes[i + 1] if i + 1 < n else "</s>"
        newline = "\n" in text[tokens[i - 1][1]:start] if i > 0 else True
        features = ["m=" + mode, "sm=" + shape + mode, "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2,
                    "ps1=" + ps1, "ns1=" + ns1, "p1w=" + p1 + "|" + low, "wn1=" + low + "|" + n1,
                    "p2p1=" + p2 + "|" + p1, "n1n2=" + n1 + "|" + n2, f"nl={newline:d}", "p1s=" + p1 + "|" + shape,
                    "sn1=" + shape + "|" + n1]
        if i + 1 < n and (flag := _ordinary_flag(tokens[i + 1][2])):
            features.append("n1ord=" + flag)
        if i > 0 and (flag := _ordinary_flag(tokens[i - 1][2])):
            features.append("p1ord=" + flag)
        yield i, features


# Nouns that end a place's name: a tagged place runs on over them ("HOOKS CAR PARK", not "a venue PARK").
PLACE_NOUNS = frozenset("""road rd street st lane avenue ave close drive way crescent terrace gardens place court grove
    hill square walk row mews parade rise green park estate car services station centre center hall house farm
    hospital school church chapel club bridge wharf quay market arcade precinct retail pier""".split())
# What people call each other that is no name ("the fella wi the dog", "called him pal").
_NO_NAMES = frozenset("mate pal bro bruv fella fellah bloke lad lass chap geezer guy hun babe mum dad nan nana".split())
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _stays(words: list[str], case_blind: bool) -> bool:
    """Whether a tagged span stays as written, as the rules decided for words like these:
    - nothing but policing words, safe proper words (countries, languages, faiths, brands) and what people call each
      other ("pal", "fella");
    - in a line written with capitals as people write them, nothing but ordinary words or words the rules keep when
      capitalised ("the main road", "Network Rail", "Peppa Pig", "mark it up");
    - in a line all in capitals or lower case, nothing but ordinary words that are no name or place: there capitals
      cannot tell a name from a word, so "lily" in a lower-case log is the tagger's to read."""
    lows = [w.lower() for w in words]
    if all(w in lexicon.SAFE_PROPER or w in _NO_NAMES or lexicon.is_policing_word(w) for w in lows):
        return True
    if case_blind:
        return all(lexicon.is_ordinary(w) and low not in lexicon.NAME_LIST and low not in lexicon.UK_PLACE_WORDS
                   for w, low in zip(words, lows))
    return all(lexicon.is_ordinary(w) or lexicon.is_safe_capitalised(w) for w in words)


class Tagger:
    def __init__(self, weights: dict[str, tuple[float, float]]) -> None:
        self.weights = weights
        self._static: dict[str, tuple[float, float]] = {}

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Tagger:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls({feature: (p, l) for feature, (p, l) in data["weights"].items()})

    def _word_score(self, word: str) -> tuple[float, float]:
        score = self._static.get(word)
        if score is None:
            p = l = 0.0
            for feature in _word_features(word):
                if (w := self.weights.get(feature)) is not None:
                    p += w[0]
                    l += w[1]
            if len(self._static) < 65536:
                self._static[word] = score = (p, l)
            else:
                score = (p, l)
        return score

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, "PERSON" or "PLACE") of each run of tagged words; words of one kind joined by spaces,
        hyphens, apostrophes or full stops make one span, which a possessive ends."""
        tokens = _tokens(text)
        lines = _line_modes(text)
        weights = self.weights
        out: list[list] = []
        for i, features in _scored(tokens, text, lines):
            start, end, word = tokens[i]
            p, l = self._word_score(word)
            for feature in features:
                if (w := weights.get(feature)) is not None:
                    p += w[0]
                    l += w[1]
            if max(p, l) <= 0:
                continue
            kind = "P" if p >= l else "L"
            if out and out[-1][2] == kind and out[-1][3] == i - 1 and not text[out[-1][1]:start].strip(" '’-.") \
                    and not text.endswith(("'s", "’s"), out[-1][0], out[-1][1]):  # "Quindle's dog": no name
                out[-1][1], out[-1][3], out[-1][4] = end, i, end
            else:
                out.append([start, end, kind, i, end])
        for span in out:  # span[4]: where the tagged words end, before any place noun it ran on over
            j = span[3] + 1
            while span[2] == "L" and j < len(tokens) and tokens[j][2].lower() in PLACE_NOUNS \
                    and not text[span[1]:tokens[j][0]].strip():
                span[1], span[3], j = tokens[j][1], j, j + 1
        # A possessive's "'s" stays outside the name: "Adeyemi's lad" reads "Mrs A's lad".
        starts = lines[0]
        blind: dict[int, bool] = {}  # line number -> written all in capitals or lower case, as re-casing reads it
        kept = []
        for s, e, k, _, own in out:
            n = bisect_right(starts, s) - 1
            if n not in blind:
                blind[n] = recase.mode(text[starts[n]:text.find("\n", starts[n]) % (len(text) + 1)]) != ""
            if not _stays(_WORDS.findall(text[s:own]), blind[n]):
                kept.append((s, e - 2 if text.endswith(("'s", "’s"), s, e) and e - s > 2 else e, _KIND[k]))
        return kept


@lru_cache(maxsize=1)
def default_tagger() -> Tagger | None:
    """The shipped tagger, or None when its weights are not there (the rules then work alone)."""
    return Tagger.load() if WEIGHTS.exists() else None


def tagged(text: str) -> list[tuple[int, int, str]]:
    tagger = default_tagger()
    return tagger.spans(text) if tagger is not None else []


# Training -------------------------------------------------------------------------------------------------------

def _gold(tokens: Sequence[tuple[int, int, str]], record: dict) -> list[str]:
    tags = ["O"] * len(tokens)
    for g in record.get("gold", []):
        tag = _LABEL.get(g["label"])
        if tag is None:
            continue
        for i, (start, end, word) in enumerate(tokens):
            if start < g["end"] and g["start"] < end and word[0].isalnum():
                tags[i] = tag
    return tags


def train(records: Iterable[dict], *, epochs: int = 6, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Averaged-perceptron weights (each class's minus "not an identifier"), deterministic for the records' order."""
    data = []
    for record in records:
        tokens = _tokens(record["text"])
        gold = _gold(tokens, record)
        data.append([(list(_word_features(tokens[i][2])) + features, gold[i])
                     for i, features in _scored(tokens, record["text"], _line_modes(record["text"]))])
    classes = ("O", "P", "L")
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    stamps: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    step = 0
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for passage in data:
            for features, truth in passage:
                step += 1
                scores = dict.fromkeys(classes, 0.0)
                for feature in features:
                    for c, v in weights.get(feature, {}).items():
                        scores[c] += v
                guess = max(classes, key=lambda c: (scores[c], c == "O"))
                if guess == truth:
                    continue
                for feature in features:
                    for c, delta in ((truth, 1.0), (guess, -1.0)):
                        totals[feature][c] += (step - stamps[feature][c]) * weights[feature][c]
                        stamps[feature][c] = step
                        weights[feature][c] += delta
    averaged: dict[str, tuple[float, float]] = {}
    for feature, by_class in weights.items():
        mean = {c: (totals[feature][c] + (step - stamps[feature][c]) * by_class[c]) / step for c in classes}
        p, l = round(mean["P"] - mean["O"], 3), round(mean["L"] - mean["O"], 3)
        if abs(p) >= 0.001 or abs(l) >= 0.001:
            averaged[feature] = (p, l)
    return averaged
