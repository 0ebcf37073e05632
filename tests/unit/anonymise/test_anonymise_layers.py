"""Each detection layer on its own: deny list, patterns, context rules, the optional NER hook."""
from __future__ import annotations

from debrief.anonymise import Case, Kind, Labeller, anonymise
from debrief.anonymise.context import find_names
from debrief.anonymise.denylist import PersonRecord
from debrief.anonymise.patterns import find_structured


def _texts(text: str, cands: list) -> set[str]:
    return {text[c.start:c.end] for c in cands}


def test_deny_list_finds_every_form_of_a_known_person() -> None:
    case = Case(people=["PC 1234 Robert Smith-Hughes"], force="Kent Police", places=["Thornbury"])
    text = "Rob said Smith-Hughes and Hughes's dog were in Thornbury; Kent Constabulary knew. 1234 too."
    found = {(text[c.start:c.end], c.kind) for c in case.find(text)}
    assert {("Rob", Kind.PERSON), ("Smith-Hughes", Kind.PERSON), ("Hughes", Kind.PERSON),
            ("Thornbury", Kind.PLACE), ("Kent Constabulary", Kind.FORCE), ("1234", Kind.COLLAR)} <= found


def test_deny_list_ignores_lower_case_words() -> None:
    case = Case(people=["Will Brown"])
    assert case.find("He will wear brown boots.") == []


def test_person_record_parsing() -> None:
    record = PersonRecord.parse("Sgt 4471 Tom Okafor", "p0")
    assert (record.rank, record.collar, record.tokens, record.gender) == ("Sergeant", "4471", ("Tom", "Okafor"), "m")
    assert PersonRecord.parse("Jones, Sarah", "p1").tokens == ("Sarah", "Jones")
    assert PersonRecord.parse({"name": "Alex Kerr", "gender": "f"}, "p2").gender == "f"


def test_context_rules_find_names_nobody_listed() -> None:
    text = "Her brother Dean, neighbour Mrs Patel, call handler Gemma and Sergeant Okafor."
    assert {"Dean", "Patel", "Gemma", "Okafor"} <= _texts(text, find_names(text))


def test_context_rules_leave_labels_and_roles_alone() -> None:
    text = "Officer A and Mr B spoke to the Custody Sergeant about the Taser."
    assert find_names(text) == []


def test_patterns_leave_ordinary_numbers_alone() -> None:
    text = "He was held for 11 hours, 3 officers attended and the call was 999, then 101."
    assert find_structured(text) == []


def test_ner_hook_is_off_by_default_and_pluggable() -> None:
    text = "They met at Highcross with Zebedee."
    # The rule layers know neither word, so both go as unknown capitalised words (issue 12)...
    assert anonymise(text).text == "They met at a place with Person A."

    def hook(t: str):
        yield t.index("Highcross"), t.index("Highcross") + len("Highcross"), "LOC"
        yield t.index("Zebedee"), t.index("Zebedee") + len("Zebedee"), "PERSON"
        yield 0, 4, "DATE"  # other tags are ignored

    result = anonymise(text, labeller=Labeller(Case(), ner=hook))
    assert result.text == "They met at a venue with Person A."  # ...and the hook's kind wins


def test_false_positive_guards_on_policy_prose() -> None:
    text = ("PSIRF (2022) replaced the framework. Reasons: Protect Subject, Protect Other Officers. "
            "The London Protocol lists factors. Officers use the National Decision Model.")
    found = {(e.label, e.text) for e in anonymise(text).entities}
    assert found == {("PLACE", "London")}


def test_year_in_brackets_after_a_named_officer_is_a_collar() -> None:
    assert anonymise("PC Jones (2021) attended.").text == "PC A attended."
