"""Patterns rewritten for speed match exactly as the patterns they replace: at every position of every development
passage and of texts written to probe their edges (the old source is kept here, the only place it is needed)."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from debrief.anonymise import dates, names_after

DATA = Path(__file__).parents[2] / "data"
# The development sets only: the frozen held-out set is never read by a test.
DEV_SETS = ("anonymise_eval.jsonl", "anonymise_dev_extra.jsonl", "anonymise_dev2.jsonl", "anonymise_dev3.jsonl",
            "anonymise_dev4.jsonl", "anonymise_dev5.jsonl", "anonymise_dev6.jsonl", "anonymise_dev7.jsonl",
            "anonymise_dev8.jsonl", "anonymise_dev9.jsonl", "anonymise_dev10.jsonl")
PROBES = [
    "On Monday 3rd March 2024 at 21:30, the 4th of May, mon 5/6/24, Tues. 7-8 June, 2024-02-14, 1999/12/31 and 12-13th",
    "the first, the 1st, the twenty-first, the twenty first, Thursdays, Thurs, thu., THE 3RD, tHe 12, the end",
    "Christmas Eve, New Year's Day, Boxing Day, Bonfire Night, Guy Fawkes, St Valentine's, Hallowe'en, Halloween",
    "from 2019 to 2023, between 2200 and 2230 hrs, 123-456, 1234/5, A1 12a 3b, Mar. Dec, sept, septic, MAYBE May",
    "Llun 3, Maw 4, Mer, Iau, Gwe, Sad 5, Sul, spring 2024, summer of 2023, autumn, winter's, xmonday, 9monday",
    "ıstanbul İnn ſunday K 1Kelvin ſt, ᛗonday, ١٢ March, née Smith, café 3rd, Zoë 12 june",
]


def _texts() -> list[str]:
    texts = list(PROBES)
    for name in DEV_SETS:
        path = DATA / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [t.lower() for t in texts[:len(PROBES)]] + [t.upper() for t in texts[:len(PROBES)]]
    return texts


def _raw(pattern: object) -> re.Pattern[str]:
    return getattr(pattern, "raw", pattern)  # type: ignore[return-value]


def _same(old: re.Pattern[str], new: object, texts: list[str], *, at_every_position: bool = True) -> None:
    """The same matches (spans and groups) scanning each text; with `at_every_position`, also tried at each place."""
    new_raw = _raw(new)
    for text in texts:
        assert [(m.span(), m.groups()) for m in old.finditer(text)] == \
            [(m.span(), m.groups()) for m in new.finditer(text)]  # type: ignore[attr-defined]
        for pos in range(len(text) if at_every_position else 0):
            a, b = old.match(text, pos), new_raw.match(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text[pos:pos + 30], pos)


# Before: one look-behind per first letter, tried in turn at every word's start.
_OLD_DATE_TRIGGER_HEAD = r"[0-9A-Za-z](?<![A-Za-z][0-9A-Za-z])(?:(?<=[0-9])(?=\d?(?:[/.\-–A-Za-z]|\s*[-–/&A-Za-z])|\d{3}[-/])|"


def _old_date_trigger() -> re.Pattern[str]:
    groups: dict[str, list[str]] = {}
    for w in dates._TRIGGER_WORDS:
        groups.setdefault(w[0], []).append(w[1:])
    tails = "|".join(f"(?<=[{c}{c.upper()}])(?i:" + "|".join(sorted(t, key=len, reverse=True)) + ")"
                     for c, t in sorted(groups.items()))
    return re.compile(_OLD_DATE_TRIGGER_HEAD + r"(?:" + tails + r")(?![A-Za-z])|(?<=[tT])(?i:he)(?=\s+(?:\d|(?i:"
                      + "|".join(sorted({o[:3] for o in dates._ORDINALS})) + r"))))")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_the_date_trigger_fires_where_it_did(texts):
    _same(_old_date_trigger(), dates._DATE_TRIGGER, texts)


def test_an_age_after_a_name_is_found_where_it_was(texts):
    old = re.compile(r"(?P<w>[A-Za-z][\w'’-]+)\s(?P<n>\d{1,2})(?=\s*[,)]|\s+\(|\s+(?i:has|had|was|is|who|lives|from|of|"
                     r"dob|missing|reports?|reported|gave|says|said|states|stated|breath|arrested|"
                     r"detained|found|seen|last|believed|born|male|female|m|f)\b)")
    probes = ["Smith 34, Jo-Ann O'Neil 7 (x) ab_c 12 has 9abc 3, a 5) Zoë 19 is xy’z 44 was élan 2, _q 3)"]
    _same(old, dates._AGE_AFTER_NAME, texts + probes, at_every_position=False)


def _words_by_pattern(text: str, words: list[str]) -> list[tuple[int, int, str]]:
    pattern = r"(?<![\w'’-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-]|['’](?!s\b))"
    return [(m.start(), m.end(), m.group().lower()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def test_a_names_words_are_found_again_as_the_alternation_finds_them(texts):
    rng = random.Random(7)
    probes = ["Jones's car, JONES'S van, jones' dog, Jones'sister, o'neil's, O'Neil, o'neil-smith, smith_2 smith2 "
              "9smith 'smith Smith-Jones smith's_ x jones's", "Jones's"]
    # ASCII texts are read run by run; others by the pattern itself.
    ascii_texts = [t.replace("’", "'").encode("ascii", "ignore").decode() for t in texts[:300]]
    for text in probes + ascii_texts + texts[:20]:
        found = sorted({w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) >= 3})
        for _ in range(3):
            words = rng.sample(found, min(len(found), rng.randint(1, 12)))
            words += [w.split("'")[0] for w in words if "'" in w]  # a word and its possessive both listed
            words = list(dict.fromkeys(words))
            rng.shuffle(words)
            assert list(names_after.words_again(text, words)) == _words_by_pattern(text, words), (text[:60], words)
    assert list(names_after.words_again("Jones's car", ["jones", "jones's"])) == [(0, 5, "jones")]
    assert list(names_after.words_again("Jones's car", ["jones's", "jones"])) == [(0, 7, "jones's")]
