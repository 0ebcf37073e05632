"""The development sets written by helpers who never saw the rules, each scored first before anything was learnt
from it (the figures of first sight are in the commit that added each set, and in the issue's notes):

- dev9 batches 1-3 first seen with the rules of that work's start; batches 4-5 and dev10 kept unseen until the
  rules were final (structured 0.952 -> 0.975 and 0.961 -> 0.969, names and places 0.914 -> 0.945 and 0.896 -> 0.926);
- dev11 and dev13 first seen with the next session's starting rules (structured 0.965 and 0.974, names and places
  0.924 and 0.940), then learnt from;
- dev12 kept unseen by everyone until that session's rules were final, then scored once (structured 0.985 -> 0.988,
  names and places 0.936 -> 0.944, its start -> end);
- dev14 first seen with the next session's starting rules (structured 0.982, names and places 0.920), then learnt from.

Now they are development sets (and the learned tagger's training data): the figures must not fall back."""
from pathlib import Path

import pytest

from debrief.anonymise.evaluate import evaluate, format_report, load
from tests.support.anonymised import anonymised

DATA = Path(__file__).parents[2] / "data"


@pytest.mark.parametrize("name, structured, names_places, kept, false_positives", [
    ("anonymise_dev9.jsonl", 0.994, 0.962, 0.964, 0.035),
    ("anonymise_dev10.jsonl", 0.990, 0.958, 0.966, 0.036),
    ("anonymise_dev11.jsonl", 0.992, 0.958, 0.984, 0.039),
    ("anonymise_dev12.jsonl", 0.987, 0.960, 0.968, 0.058),  # the tagger: names 0.944 -> 0.964, FP 5.6% -> 5.7%
    # The learned tagger took dev13's names and places from 0.958 to 0.969 for one kept word ("IRD" read as a place).
    ("anonymise_dev13.jsonl", 0.988, 0.968, 0.968, 0.056),
    # dev14, first seen with the session's starting rules: structured 0.982, names and places 0.920 (0.931 with the
    # tagger before it was trained on dev14); then learnt from, and the tagger trained on it.
    ("anonymise_dev14.jsonl", 0.987, 0.954, 0.964, 0.057),
    # dev15, kept unseen by everyone until the rules and the tagger were final, then scored once: structured 0.971 ->
    # 0.971, names and places 0.924 -> 0.935, its session's start -> end. Not yet learnt from, nor trained on.
    ("anonymise_dev15.jsonl", 0.970, 0.934, 0.956, 0.069),
])
def test_the_sets_written_without_the_rules_hold_their_figures(name, structured, names_places, kept,
                                                               false_positives):
    rows = load(DATA / name)
    assert len(rows) == 100
    report = evaluate(rows, anonymised)
    table = format_report(report)
    assert report.structured_recall >= structured, table
    assert report.names_places_recall >= names_places, table
    assert report.keep_rate >= kept, table
    assert len(report.false_positives) <= false_positives * sum(s.predicted for s in report.scores.values()), table
