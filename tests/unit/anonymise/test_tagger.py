"""The learned names-and-places tagger (tagger.py): how it decodes weights into spans, that training is deterministic
and learns from context, that the held-out set is never trained on, and that the shipped weights catch lower-case
names the rules leave (a text written for this test, in no set)."""
from __future__ import annotations

import gzip
import json

import pytest

import debrief.anonymise.tagger as tagger_module
from debrief.anonymise import anonymise
from debrief.anonymise.tagger import WEIGHTS, Tagger, train
from debrief.anonymise.train_tagger import main as train_main


def _spans(weights, text):
    return [(text[s:e], kind) for s, e, kind in Tagger(weights).spans(text)]


def test_words_of_one_kind_side_by_side_are_one_span_and_marks_between_split_them():
    weights = {"w=quindle": (3.0, 0.0), "w=brannet": (2.0, 0.0), "w=zanthe": (0.0, 4.0), "b": (-1.0, -1.0)}
    assert _spans(weights, "saw quindle brannet near zanthe") == [("quindle brannet", "PERSON"), ("zanthe", "PLACE")]
    assert _spans(weights, "saw quindle, brannet") == [("quindle", "PERSON"), ("brannet", "PERSON")]
    assert _spans(weights, "nothing here at all") == []


def test_joining_words_are_never_tagged_and_a_possessive_stays_outside():
    weights = {"b": (1.0, -1.0)}  # every word a name, but for joining words
    assert _spans(weights, "the and of") == []
    assert _spans(weights, "Quindle's zorp") == [("Quindle", "PERSON"), ("zorp", "PERSON")]


def test_a_span_of_safe_words_only_stays():
    """Countries, languages and policing words are kept by decision, whatever a model scores them."""
    weights = {"w=spain": (0.0, 5.0), "w=custody": (0.0, 5.0), "w=narnia": (0.0, 5.0)}
    assert _spans(weights, "flew to Spain from custody") == []
    assert _spans(weights, "flew to Narnia") == [("Narnia", "PLACE")]


def _record(text, spans):
    gold = []
    for word, label in spans:
        start = text.index(word)
        gold.append({"start": start, "end": start + len(word), "label": label, "text": word})
    return {"text": text, "gold": gold}


_TRAINING = [
    _record("1200 spoke to brannoc about the damage", [("brannoc", "PERSON")]),
    _record("1300 spoke to tellis re the bail", [("tellis", "PERSON")]),
    _record("1400 spoke to wennick, no further", [("wennick", "PERSON")]),
    _record("1500 went to the house at dorrow and left", [("dorrow", "PLACE")]),
    _record("1600 went to the shop at pellam then back", [("pellam", "PLACE")]),
    _record("1700 went to the car at harrowby then left", [("harrowby", "PLACE")]),
    _record("1800 went to the flat at stennet then out", [("stennet", "PLACE")]),
] * 3


def test_training_learns_from_context_and_gives_the_same_weights_every_time():
    first, second = train(_TRAINING), train(_TRAINING)
    assert first == second
    assert _spans(first, "1700 spoke to quorrin about it") == [("quorrin", "PERSON")]
    assert _spans(first, "1800 went to the van at quellam then home") == [("quellam", "PLACE")]
    assert _spans(first, "1900 spoke to about the damage") == []


def test_the_held_out_set_is_never_trained_on(tmp_path):
    with pytest.raises(SystemExit):
        train_main(["tests/data/anonymise_heldout.jsonl", "--out", str(tmp_path / "w.json.gz")])
    assert not (tmp_path / "w.json.gz").exists()


def test_the_command_writes_the_same_bytes_for_the_same_sets(tmp_path):
    data = tmp_path / "set.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in _TRAINING) + "\n", encoding="utf-8")
    for name in ("a.json.gz", "b.json.gz"):
        assert train_main([str(data), "--out", str(tmp_path / name)]) == 0
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()


def test_the_shipped_weights_were_trained_on_development_sets_only():
    with gzip.open(WEIGHTS, "rt", encoding="utf-8") as fh:
        shipped = json.load(fh)
    assert shipped["trained_on"] and not any("heldout" in name for name in shipped["trained_on"])
    assert shipped["passages"] >= 1000


def test_the_shipped_tagger_catches_lower_case_first_names_the_rules_leave(monkeypatch):
    text = "we met ffion and her mate cerys at the bus station in bangor before heading to the RVI"
    with_tagger = anonymise(text, people=[]).text
    assert "ffion" not in with_tagger and "cerys" not in with_tagger
    assert "bus station" in with_tagger and "hospital" in with_tagger
    monkeypatch.setattr(tagger_module, "default_tagger", lambda: None)
    assert "ffion" in anonymise(text, people=[]).text  # the rules alone leave them: the tagger is what catches them


def test_ordinary_words_stay_unless_a_case_blind_line_makes_them_a_name():
    """"the main road" and "Network Rail" are words the rules keep on purpose; in a log all in lower case, "lily" (a
    word and a name) can only be told by where it stands, so there the tagger's reading stands."""
    weights = {"w=main": (0.0, 3.0), "w=road": (0.0, 3.0), "w=lily": (3.0, 0.0), "w=network": (0.0, 3.0),
               "w=rail": (0.0, 3.0)}
    assert _spans(weights, "They met on the main road. Network Rail were told.") == []
    assert _spans(weights, "They met Lily on the bridge, with her mother and the others.") == []
    assert _spans(weights, "1205 units with lily on the bridge, mother informed") == [("lily", "PERSON")]


def test_a_tagged_place_runs_on_over_the_noun_that_ends_its_name():
    """"AT HALLBROOK CAR PARK": the place is the whole name, or the output reads "AT a venue PARK"; whether it stays is
    read from its own words ("the co-op car park" stays: "co-op" is an ordinary word)."""
    assert _spans({"w=hallbrook": (0.0, 3.0)}, "1540 PCSO 6605 AT HALLBROOK CAR PARK MEETING MRT") == [
        ("HALLBROOK CAR PARK", "PLACE")]
    assert _spans({"w=co-op": (0.0, 3.0)}, "come to the co-op car park, im in the car") == []
    assert _spans({"w=brenmoor": (0.0, 3.0)}, "come to the brenmoor car park, im in the car") == [
        ("brenmoor car park", "PLACE")]
