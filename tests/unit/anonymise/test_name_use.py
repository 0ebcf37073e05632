"""A case name that is also an ordinary word replaces only where it is used as a name (name_use.py), in the anonymiser's
deny-list and first-name layers and in the publication gate alike."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise
from debrief.anonymise.deny_terms import release_deny_list
from debrief.anonymise.name_use import sentence_initial, used_as_name
from debrief.publications.checks import check_texts

DEMO_ACTIONS = ("- Add the weapon field to the deployment script (Control room systems; open)\n"
                "- Model late-turn demand and propose minimum detention officer numbers (Resourcing team; open)")


def _at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Add the weapon field.", "Add", False),            # opens the text, alone: the verb
    ("- Add the weapon field", "Add", False),           # a list item
    ("At 01:39: Add a marker", "Add", False),           # after a log time
    ("Done. Will you wait?", "Will", False),            # opens a sentence
    ("1) Mark the time", "Mark", False),                 # a numbered item
    ("we will wait", "will", False),                    # lower case
    ("Will said he saw it.", "Will", True),              # a verb of reporting after it
    ("Leach got into a van.", "Leach", True),
    ("Grant, a 24-year-old chef, said", "Grant", True),  # an apposition
    ("Rose's bag was found.", "Rose", True),             # a possessive
    ("The lad Will ran off.", "Will", True),             # capitalised mid-sentence
    ("Sgt. Will arrived.", "Will", True),                # a title's full stop ends no sentence
])
def test_an_ordinary_word_is_a_name_only_where_it_is_used_as_one(text, word, expected):
    assert used_as_name(text, *_at(text, word)) is expected


def test_sentence_starts_include_bullets_brackets_and_quotes():
    text = '(Resourcing team) "Open it" • Check. then'
    assert sentence_initial(text, text.index("Resourcing"))
    assert sentence_initial(text, text.index("Check"))
    assert not sentence_initial(text, text.index("team"))


def test_the_demo_actions_keep_their_ordinary_words():
    # "Add" is a surname in the name lists and "Resourcing" no dictionary headword: neither is a person here.
    result = anonymise(DEMO_ACTIONS, people=["Sarah Add", "PC Will Field"])
    assert result.text == DEMO_ACTIONS


def test_a_person_whose_names_are_ordinary_words_is_still_replaced_where_named():
    text = ("PC Will Field attended. Will said the door was open. Later Field spoke to Mrs Rose. "
            "Will you add the notes? Mark the time. The field was wet.")
    out = anonymise(text, people=["PC Will Field", "Jean Rose"]).text
    assert "Will Field" not in out and "Will said" not in out and "Later Field" not in out
    assert "Mrs Rose" not in out
    assert "Will you add the notes? Mark the time. The field was wet." in out


def test_a_surname_opening_a_sentence_is_the_person_when_the_full_name_is_in_the_text():
    out = anonymise("Officers stopped Tyler Grant. Grant ran off.", people=["Tyler Grant"]).text
    assert "Grant" not in out


def test_the_gate_refuses_a_deny_listed_ordinary_word_only_where_it_is_a_name():
    # What the anonymiser found in the demo source before the fix: "Add" learned as a person.
    deny = release_deny_list(people=["Will Field"], force=None, places=[], collar_numbers=[],
                             found=[("PERSON", "Add")])
    assert "Add" in deny and "Will" in deny
    assert check_texts({"action_taken": DEMO_ACTIONS.replace("Model", "Add a")}, deny) == {}
    assert check_texts({"summary": "Will you add the field? Add notes. The field will open."}, deny) == {}
    for named in ("The officer spoke to Add at the scene.", "Will said the door was open.",
                  "Officer A and Will Field left.", "Later Field spoke to the sergeant."):
        assert check_texts({"summary": named}, deny), named
