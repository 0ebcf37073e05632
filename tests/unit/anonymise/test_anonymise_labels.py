"""Labels stay consistent within a case, keep ranks where they matter and read naturally."""
from __future__ import annotations

from debrief.anonymise import Case, Labeller, anonymise
from debrief.anonymise.labels import age_replacement, date_replacement, letter, time_replacement


def test_same_person_same_label_across_texts_of_a_case() -> None:
    labeller = Labeller(Case(people=["PC Sarah Jones", "Liam Carter"], force="Kent Police"))
    summary = anonymise("PC Jones arrested Liam Carter.", labeller=labeller)
    chronology = anonymise("23:20 Carter handcuffed by Sarah Jones.", labeller=labeller)
    findings = anonymise("Jones's decision to arrest Liam was reasonable.", labeller=labeller)
    assert summary.text == "PC A arrested Mr B."
    assert "Mr B handcuffed by PC A" in chronology.text
    assert findings.text == "PC A's decision to arrest Mr B was reasonable."


def test_rank_is_kept_and_restored_for_bare_surnames() -> None:
    result = anonymise("Sergeant Okafor authorised it. Later Okafor reviewed the footage.")
    assert result.text == "Sergeant A authorised it. Later Sergeant A reviewed the footage."


def test_rank_written_before_the_name_stays_in_the_text() -> None:
    result = anonymise("Custody Sergeant Mills booked him in and PCs Ward and Kaur waited.")
    assert result.text == "Custody Sergeant A booked him in and PCs B and C waited."


def test_titles_and_relations_give_mr_and_ms() -> None:
    result = anonymise("Neighbour Mrs Patel called. Her brother Dean arrived. Patel spoke to Dean.")
    assert result.text == "Neighbour Mrs A called. Her brother Mr B arrived. Mrs A spoke to Mr B."


def test_names_found_by_context_are_learned_for_later_texts() -> None:
    labeller = Labeller(Case())
    anonymise("Her brother Dean had been drinking.", labeller=labeller)
    later = anonymise("Dean was arrested at the scene.", labeller=labeller)
    assert later.text == "Mr A was arrested at the scene."


def test_collar_number_is_linked_to_the_named_officer() -> None:
    result = anonymise("PC 1234 Jones arrived. PC 1234 then drew a Taser.")
    assert result.text == "PC A arrived. PC A then drew a Taser."


def test_mother_with_the_same_surname_is_someone_else() -> None:
    result = anonymise("Callum Doyle was on the bridge. His mother Mrs Doyle arrived.",
                       people=["Callum Doyle"])
    assert result.text == "Mr A was on the bridge. His mother Mrs B arrived."


def test_shared_surname_goes_to_the_person_last_mentioned() -> None:
    result = anonymise("Dean Carter hit Liam Carter. Carter fell.", people=["Dean Carter", "Liam Carter"])
    assert result.text == "Mr A hit Mr B. Mr B fell."


def test_force_and_places_read_naturally() -> None:
    result = anonymise("An Essex Police officer was in Reading town centre near the Red Lion.")
    assert result.text == "A force officer was in a town centre near the pub."


def test_letters_do_not_run_out() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 52)] == ["A", "B", "Z", "AA", "AB", "BA"]


def test_replacement_helpers() -> None:
    assert date_replacement("2023-3-3", "on-day") == "in 2023"
    assert date_replacement("2023-3-3", "on-evening") == "one evening in 2023"
    assert date_replacement("-12-", "evening") == "one evening in December"
    assert date_replacement("2022-1-", "day") == "in 2022"
    assert time_replacement("2", "at-known") == "in the early hours"
    assert time_replacement("11", "at-unknown") == "around that time"
    assert age_replacement("34", "aged") == "in their thirties"
    assert age_replacement("8", "stated") == "under 13"
    assert age_replacement("52", "year-old:a:woman") == "a woman in her fifties"
