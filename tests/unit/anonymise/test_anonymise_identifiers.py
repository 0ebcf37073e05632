"""Each identifier type is found and replaced: one parametrised case per form the issue names."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise

CASES = [
    # (text, identifying substring, label, people, force)
    ("PC 1234 attended the address.", "1234", "COLLAR", (), None),
    ("DC 4567AB took the statement.", "4567AB", "COLLAR", (), None),
    ("PS1234 booked him in.", "1234", "COLLAR", (), None),
    ("Her collar number 2231 was on the log.", "2231", "COLLAR", (), None),
    ("He gave his warrant number 184422 to the caller.", "184422", "COLLAR", (), None),
    ("PC Jones (4412) was single-crewed.", "4412", "COLLAR", (), None),
    ("Officers from West Yorkshire Police attended.", "West Yorkshire Police", "FORCE", (), None),
    ("The Met referred it to the IOPC.", "Met", "FORCE", (), None),
    ("A BTP officer was on the platform.", "BTP", "FORCE", (), None),
    ("Police Scotland shared the learning.", "Police Scotland", "FORCE", (), None),
    ("PSNI officers attended.", "PSNI", "FORCE", (), None),
    ("Lancashire Police's policy was unclear.", "Lancashire Police", "FORCE", (), None),
    ("Dyfed-Powys Police made a referral.", "Dyfed-Powys Police", "FORCE", (), None),
    ("The house was at HX1 2AB.", "HX1 2AB", "POSTCODE", (), None),
    ("The flat was in SW1A 1AA.", "SW1A 1AA", "POSTCODE", (), None),
    ("The car, AB12 CDE, failed to stop.", "AB12 CDE", "VRM", (), None),
    ("An old Escort, K123 ABC, was found.", "K123 ABC", "VRM", (), None),
    ("A Mini with plate ABC 123D was seen.", "ABC 123D", "VRM", (), None),
    ("Her mobile is 07700 900123.", "07700 900123", "PHONE", (), None),
    ("The bed manager is on 0113 496 0000.", "0113 496 0000", "PHONE", (), None),
    ("Call +44 7700 900461 after six.", "+44 7700 900461", "PHONE", (), None),
    ("He emailed jo.bloggs@example.co.uk twice.", "jo.bloggs@example.co.uk", "EMAIL", (), None),
    ("His NI number AB 12 34 56 C was noted.", "AB 12 34 56 C", "NINO", (), None),
    ("Crime reference 13/123456/23 was created.", "13/123456/23", "REFERENCE", (), None),
    ("Custody record 01AB/1234/23 shows it.", "01AB/1234/23", "REFERENCE", (), None),
    ("Incident log 0245 of that day.", "0245", "REFERENCE", (), None),
    ("BWV clip BWV-2201-0094 was retained.", "BWV-2201-0094", "REFERENCE", (), None),
    ("Taser serial X2930018842 was downloaded.", "X2930018842", "REFERENCE", (), None),
    ("CAD 1187 was closed early.", "1187", "REFERENCE", (), None),
    ("It happened on New Year's Day 2022.", "New Year's Day 2022", "DATE", (), None),
    ("It happened on 3rd March 2023.", "3rd March 2023", "DATE", (), None),
    ("The entry was dated 03/03/2023.", "03/03/2023", "DATE", (), None),
    ("It was reported on Friday 8th September.", "Friday 8th September", "DATE", (), None),
    ("She phoned on the 14th of October.", "14th of October", "DATE", (), None),
    ("He arrived at quarter past eleven.", "quarter past eleven", "TIME", (), None),
    ("He arrived at 23:15.", "23:15", "TIME", (), None),
    ("Units arrived at 2315 hrs.", "2315", "TIME", (), None),
    ("She was released at 4pm.", "4pm", "TIME", (), None),
    ("DOB 17/09/1996 was on the record.", "17/09/1996", "DOB", (), None),
    ("Her date of birth, 2 February 1994, was wrong.", "2 February 1994", "DOB", (), None),
    ("He was born on 12 April 1989.", "12 April 1989", "DOB", (), None),
    ("Iqbal, 34, was arrested.", "34", "AGE", (), None),
    ("A man aged 34 was arrested.", "34", "AGE", (), None),
    ("A 34-year-old man was arrested.", "34", "AGE", (), None),
    ("The boy, Alfie, was 13.", "13", "AGE", (), None),
    ("Officers went to 14 Cedar Road after the call.", "14 Cedar Road", "ADDRESS", (), None),
    ("They forced entry to Flat 6, Lyndhurst Court.", "Flat 6, Lyndhurst Court", "ADDRESS", (), None),
    ("The fight was on Bridge Street.", "Bridge Street", "PLACE", (), None),
    ("He had been drinking at the Red Lion.", "Red Lion", "PLACE", (), None),
    ("He was taken to Derriford Hospital.", "Derriford Hospital", "PLACE", (), None),
    ("The call came from Halifax.", "Halifax", "PLACE", (), None),
    ("He lives in Sale.", "Sale", "PLACE", (), None),
    ("The car left the M62 at junction 25.", "M62", "PLACE", (), None),
    ("PC Sarah Jones attended.", "Sarah Jones", "PERSON", ("Sarah Jones",), None),
    ("Jones's Taser was drawn.", "Jones", "PERSON", ("Sarah Jones",), None),
    ("Sarah said she was alone.", "Sarah", "PERSON", ("Sarah Jones",), None),
    ("Her brother Dean was there.", "Dean", "PERSON", (), None),
    ("The neighbour Mrs Patel called 999.", "Patel", "PERSON", (), None),
    ("Call handler Gemma graded the call.", "Gemma", "PERSON", (), None),
    ("Sergeant Okafor authorised it.", "Okafor", "PERSON", (), None),
    ("The man, identified as Ricky Noble, was calm.", "Ricky Noble", "PERSON", (), None),
]


@pytest.mark.parametrize(("text", "secret", "label", "people", "force"), CASES,
                         ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_identifier_is_replaced(text: str, secret: str, label: str, people: tuple[str, ...],
                                force: str | None) -> None:
    result = anonymise(text, people=people, force=force)
    start = text.index(secret)
    covering = [e for e in result.entities if e.start <= start and start + len(secret) <= e.end]
    assert covering, f"{secret!r} not replaced in {result.text!r}"
    assert covering[0].label == label
    assert secret not in result.text


def test_force_of_the_case_in_other_forms() -> None:
    result = anonymise("WYP and West Yorkshire Constabulary both appear.", force="West Yorkshire Police")
    assert result.text == "The force and the force both appear."


def test_case_places_and_collars_from_records() -> None:
    result = anonymise("Officer 5678 went to Thornbury Fold.", places=["Thornbury Fold"],
                       collar_numbers=["5678"])
    assert "5678" not in result.text and "Thornbury" not in result.text


def test_dates_become_the_year_or_one_evening() -> None:
    # A month with its year is finer than a published date may be (the gate refuses it): the year alone.
    assert anonymise("It was on 3rd March 2023.").text == "It was in 2023."
    assert anonymise("It was on Christmas Eve.").text == "It was one evening in December."
    assert anonymise("It began on 12 April.").text == "It began one day in April."


def test_ages_become_bands() -> None:
    assert anonymise("A 34-year-old man was arrested.").text == "A man in his thirties was arrested."
    assert anonymise("A 15-year-old girl ran off.").text == "A teenage girl ran off."
    assert "in their thirties" in anonymise("Iqbal, 34, was arrested.").text


def test_times_become_parts_of_the_day() -> None:
    assert anonymise("He was found at 23:15.").text == "He was found late in the evening."
    assert anonymise("At 04:20 she was found.").text == "In the early hours she was found."


def test_collar_number_after_rank_and_name_goes_but_a_year_stays() -> None:
    result = anonymise("PC Dean Whitlock 4471 spoke to her. PS Amy Lomax 212AB arrived.")
    assert "4471" not in result.text and "212AB" not in result.text
    assert "2022" in anonymise("Sergeant Lomax 2022 review said so.").text


def test_times_at_the_head_of_a_log_line_and_with_seconds() -> None:
    assert "02:15" not in anonymise("- 02:15: Rousing check done").text
    assert "02:15" not in anonymise("02:15:30 custody log opened").text


def test_a_case_place_of_street_and_town_reads_as_a_street() -> None:
    text = anonymise("He was stopped on Mill Lane, Ashford.", places=["Mill Lane, Ashford"]).text
    assert text == "He was stopped on a street."


def test_the_handle_hint_of_an_ascii_text_answers_as_its_pattern() -> None:
    # An ASCII text is asked by a look in its lower case and a lone-"x" scan: the same answer as the pattern.
    import random

    from debrief.anonymise.identifiers import _HANDLE_HINT, _HANDLE_WORDS, handle_hint

    texts = ["PC Jones spoke to the man at the door.", "x", "X.", "ax", "x1", "_x", "(x)", "a x b", "xx", "tax",
             "USER NAME", "Account  name", "TikTok", "kik", "Kik's", "handles", "the X-ray", "box x", "x_", "9x"]
    rng = random.Random(7)
    words = [w for phrase in _HANDLE_WORDS for w in (phrase, phrase.upper(), phrase.title(), phrase[:-1])] + \
        ["the", "x", "X", "ax", "snap", "user", "name", "-", "_", ".", "9", "xylophone", "wax"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(400)]
    texts += [t.replace("a", "\u00e0") for t in texts[:50]] + ["\u017fnapchat", "\u212aik", "ınsta"]
    assert sum(handle_hint(t) for t in texts) > 100 and sum(not handle_hint(t) for t in texts) > 20
    for text in texts:
        assert handle_hint(text) == bool(_HANDLE_HINT.search(text)), text
