"""Recall by class on development set 7 (written by someone who never saw the rules): one test per class of miss,
each with a near miss that must stay."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise
from tests.support.anonymised import anonymised


def _out(text: str, people=()) -> str:
    return anonymise(text, people=list(people)).text


@pytest.mark.parametrize(("text", "secrets"), [
    ("2150 pc 4021 dp lewis and pc 3306 dp jenkins deployed", ("4021", "dp", "lewis", "jenkins")),
    ("0035 PC 2987 AS FENWICK-ODUYA / PC 3054 AS ROWE ATTENDING", ("2987", " AS ", "ROWE")),
    ("0830 pc 4406 mp ngozi ekwueme-hart reviewed\n0831 pc jones said", ("4406", " mp ", "ngozi")),
    ("Me (PC Ruaridh MacIllFhinnein, 8834 PS) and PC Kerr.", ("8834", "PS)")),
    ("I am PC Iestyn Brace, GP 1436.", ("GP", "1436")),
])
def test_a_force_code_beside_a_collar_number_goes_with_it(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("PC 1234 at the scene said", "at the scene"),         # a word after the number is no force code
    ("PC Jones, am I right?", "am I right"),
])
def test_a_word_after_a_collar_number_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("may be with older male known as 'tank', poss cce\n0820 one of them called 'tank' by the others. tank described as",
     ("tank",)),
    ('refers to self as "the bear". driver says "the bear" started it', ("bear",)),
    ('KNOWN TO STAFF AS "SKINNY LEE". LEE IS WEARING ORANGE\n1406 CALLER ADVISES LEE HAS LEFT', ("LEE",)),
    ('links to a male known only as "snowy" from kirkby', ("snowy",)),
    ("suspect id'd by pcso as \"monkey\" - jake aldous", ("monkey",)),
])
def test_a_quoted_nickname_after_as_and_its_later_uses(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ('The tactic is known as "stop and search" in the manual.', "stop and search"),   # an operational term
    ('He described the room as "filthy".', "filthy"),                               # "as" without a naming cue
    ('A boy, referred to here as "the young person", was stopped.', "the young person"),
])
def test_an_ordinary_use_of_a_nickname_word_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("I attended Elm Road, March, following a call.", "March"),
    ("Her address is 41 Elm Road, March PE15 8NW.", "March"),
    ("lives station road march", "march"),
    ("missing from a children's home in Street, Somerset, eleven times", "Street"),
    ("TAKEN HOME TO 9 PRIORY RD WELLS BA5 1SR\n2331 CLOSE", "WELLS"),
    ("cctv from march town hall requested", "march"),
])
def test_a_town_that_is_an_ordinary_word_where_an_address_puts_it(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He walked along the road, reading his phone.", "reading his phone"),
    ("He went down the street. March was cold.", "March was cold"),
    ("They met on the main road, march 2024 was wet.", "main road"),
    ("cctv from the town hall requested", "the town hall"),
])
def test_an_ordinary_word_after_a_street_word_stays(text, kept):
    assert kept in _out(text)


def test_a_town_before_its_civic_building_keeps_the_building():
    assert _out("We met in Reading town centre at noon.") == "We met in a town centre at noon."
    assert _out("cctv from march town hall requested") == "cctv from a town hall requested"


@pytest.mark.parametrize(("text", "expected"), [
    ("missing between w/c 3/6 and the end of August", "missing between one day and the end of August"),
    ("Between w/c 8th Jan and Easter 2024, a line ran.", "Between one day and 2024, a line ran."),
    ("about officers at the station on 3rd inst.\nYou complained", "about officers at the station one day\nYou complained"),
    ("Says on Thurs night (25th) she saw it.", "Says on one day she saw it."),
    ("We were called out on Boxing Day.", "We were called out one day in December."),
    ("seen Halloween night by the shop", "seen one day by the shop"),
])
def test_a_date_in_a_logs_shorthand_or_named_by_its_festival(text, expected):
    assert _out(text) == expected


@pytest.mark.parametrize("text", [
    "In the week ending the inquiry closed.",        # a week's cue with no date after it
    "Easter is a busy weekend.",                       # a festival without its year or day
    "Thursday night was quiet.",                       # a weekday without its day of the month
])
def test_a_festival_or_week_without_a_date_stays(text):
    assert _out(text) == text


@pytest.mark.parametrize(("text", "secret"), [
    ("dad is arthur lowe aged seventy-nine\n2253 caller is karen", "seventy"),
    ("young Levi (aged about twelve), filmed", "twelve"),
    ("No. 3 – Mrs Gwladys Ifans-Morgan, eighty-one. Heard shouting", "eighty"),
    ("Saoirse, aged nineteen too.", "nineteen"),
])
def test_an_age_in_words(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", ["Later, twenty officers came.", "Then, forty.", "He was aged ten years ago when"])
def test_a_number_in_words_that_is_no_age_stays(text):
    assert _out(text) == text


@pytest.mark.parametrize(("text", "secret"), [
    ("2316 MALE DETAINED OUTSIDE THE CHEQUERS PH. ARRESTED", "CHEQUERS"),
    ("fighting at the stop outside the grapes pub, later", "grapes"),
    ("Her dad fell outside the queens head, march, and a man took his wallet.", "queens"),
    ("outside the saracens head tonight", "saracens"),
])
def test_a_pub_in_any_case_named_before_its_noun(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", [
    "We went to the local pub.", "He hit him on the back of the head.", "She grabbed him by the arms.",
    "drinking in the village inn", "He was in the pub all night",
])
def test_an_unnamed_pub_or_an_ordinary_head_stays(text):
    assert _out(text) == text


@pytest.mark.parametrize(("text", "secrets"), [
    ("inc 1450 — 20 march 2025 — sandwich / ash\n1101 farmer at a farm, ash, reports horses", ("sandwich", "ash,")),
    ("Custody record 03HS/5521/24 — Hastings\nBooking-in 17:42", ("Hastings",)),
    ("a&s log 1029 - 22/12/2024 - bath\n1714 caller from the market", ("bath",)),
    ("Her dad fell outside the queens head, march, and a man took his wallet.", ("march",)),
])
def test_the_places_a_log_heading_ends_with_or_after_a_premises(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize("text", ["Page 2 of 5 - Summary", "Incident 4 - Use of force - Taser"])
def test_a_heading_tail_that_is_no_place_stays(text):
    assert text.split(" - ")[-1] in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ('ONE NAMED BY CALLER AS "LITTLE DAI" - AND ANOTHER AS "SHERBET"\n0020 CALLER IS MRS', ("SHERBET", "DAI")),
    ('caller names owner as "big jimmy" - james loveridge\n1110 pc', ("jimmy",)),
    ("1612 PCSO 7720 AS HOLLY TREVASKIS ALSO\n1630 VEHICLE", ("7720", " AS ", "HOLLY")),
])
def test_more_naming_cues_and_a_first_name_after_a_force_code(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "secret"), [
    ("She'd walked out of the RUH that morning.", "RUH"),
    ("0031 VICTIM TO UHW. NOK MOTHER", "UHW"),
    ("VICTIM WARSAME TO RGH FOR FACIAL INJ", "RGH"),
    ("male conveyed to the QEQM by ambulance", "QEQM"),
])
def test_a_hospital_by_its_initials_where_someone_is_taken(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("referred to the MASH today", "MASH"),          # a safeguarding hub, an ordinary word
    ("a DASH form was sent to the PNC bureau", "PNC"),
])
def test_an_acronym_that_is_no_hospital_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("The nearest place of safety at Hafan y Coed was full.", "Coed"),
    ("0947 CALL FROM WARD MANAGER, HAFAN Y COED, LLANDOUGH. PATIENT ABSENT\n1140 RETURNED TO HAFAN Y COED.", "COED"),
    ("She lives in Pen-y-bont ar Ogwr now.", "Ogwr"),
    ("screaming from flat 4 cwrt y dderwen, wind street", "dderwen"),
])
def test_welsh_names_joined_by_y_or_ar(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", ["asked him y he was there", "Person A y Person B", "Is it X y Z?"])
def test_a_lone_y_that_joins_no_welsh_name_stays(text):
    assert _out(text) == text


@pytest.mark.parametrize(("text", "secret"), [
    ('a small red van plate ending "63 LJF".', "LJF"),
    ("white Mercedes Sprinter, Polish plates PO 7KX22, and a UK plate", "7KX22"),
    ("drives a silver corsa hf58 ahh. share", "ahh"),
    ("phones: 07944 602 118 and 00 90 532 718 44 09 (Turkish number)", "718"),
])
def test_plates_written_oddly_and_a_number_dialled_abroad(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ('reg ending "the" said', '"the"'),                 # a quoted word after the cue is no plate
    ("open 00 hours a day, 24 7", "00 hours"),           # a short run of digits after 00 is no phone number
    ("the plates were cold", "plates were cold"),
])
def test_near_misses_of_plates_and_numbers_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("log 2291 sat 5th apr\n2144 rp is a neighbour", "one day in April\nlate evening rp is a neighbour"),
    ("LOG 0934  MON 2ND SEPT\n1402 CALLER: MR", "one day in September\nafternoon CALLER: MR"),
])
def test_a_log_lines_time_after_a_day_and_month_is_no_year(text, expected):
    assert _out(text).endswith(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("on 3rd Oct, 2024, we met", "in 2024, we met"),       # a year of now after a comma is still the year
    ("on 3rd Oct 2024 we met", "in 2024 we met"),
])
def test_a_year_after_a_day_and_month_stays_the_year(text, expected):
    assert _out(text) == expected


@pytest.mark.parametrize(("text", "secret"), [
    ("INCIDENT 2276 / 15TH AUG / GLASGOW EAST\n2244 RESIDENT", "EAST"),
    ("0050 custody: swansea central\n0051 done", "central"),
    ("REPORTS NEIGHBOUR (FLAT 2/1) SHOUTING", "2/1"),
    ("notes\nNo. 5 – no reply. Card left.\nNo. 7 – Mr Pavel Horák, 07949 330 276.", "No. 5"),
    ("0910 msg: come to the car park by the station, mytholmroyd, im in the astra", "mytholmroyd"),
])
def test_a_towns_area_a_tenement_flat_a_listed_house_and_a_lower_case_place(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("the north west city", "north west city"),     # compass words with no town
    ("they went east then home", "went east"),
    ("No. 5 was the best of them.", "No. 5"),         # a numbered thing without the list's dash
])
def test_near_misses_of_areas_flats_and_listed_houses_stay(text, kept):
    assert kept in _out(text)


def test_a_pub_named_x_of_y():
    assert _out("a male with a hammer outside the Bunch of Grapes on Eign Street") \
        == "a male with a hammer outside the pub on a street"
    assert "Bunch of keys" in _out("He dropped the Bunch of keys.")   # no pub word after "of"


@pytest.mark.parametrize("text", [
    "Outcome: Written warning. Learning for Insp D's team re APP.",   # a rank and the anonymiser's letter
    "driver: Person A 07722 604 310",
    "Cell visit log – A town custody suite – DP Mr A",                 # its place word, capitalised after a dash
])
def test_the_gate_lets_the_anonymisers_own_labels_stand(text):
    from debrief.anonymise.denylist import Case
    from debrief.anonymise.engine import find_identifiers

    assert [e for e in find_identifiers(text, Case([])) if e.label == "PERSON"] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Learning for Insp Dawson's team re APP.", "Dawson"),
    ("Cell visit log – Arun Patel custody suite", "Arun"),
])
def test_the_gate_still_reads_a_real_name_after_a_rank_or_a_dash(text, name):
    from debrief.anonymise.denylist import Case
    from debrief.anonymise.engine import find_identifiers

    assert any(name in e.text for e in find_identifiers(text, Case([])))


@pytest.mark.parametrize(("text", "expected"), [
    ('a prescription from "Dr Ramsbottom, Priory Health Park" - he knows Dr Ramsbottom',
     'a prescription from "Dr A, a park" - he knows Dr A'),                # was '"Dr Dr A'
    ("she said “PC Jones hit me”", "she said “PC A hit me”"),
])
def test_a_title_after_an_opening_quote_is_still_the_names_title(text, expected):
    assert _out(text) == expected


def test_seventh_development_set_holds_its_figures():
    """Written by someone who never saw the rules, measured batch by batch before any rule here learnt from it (all
    100 passages with the rules at the start of this work: structured 0.940, names and places 0.932, kept 0.978,
    false positives 0.029): the figures of this change must not fall back."""
    from pathlib import Path

    from debrief.anonymise.evaluate import evaluate, format_report, load

    rows = load(Path(__file__).parents[2] / "data" / "anonymise_dev7.jsonl")
    assert len(rows) == 100
    report = evaluate(rows, anonymised)
    table = format_report(report)
    assert report.structured_recall >= 0.975, table
    assert report.names_places_recall >= 0.96, table
    assert report.keep_rate >= 0.978, table
    assert len(report.false_positives) <= 0.029 * sum(s.predicted for s in report.scores.values()), table


@pytest.mark.parametrize(("text", "expected"), [
    ("The subject, a 19-year-old Black British man, was stopped.",
     "The subject, a Black British man in his teens, was stopped."),
    ("A 34-year-old Asian woman called.", "An Asian woman in her thirties called."),
    ("a 15 year old White British girl ran", "a teenage White British girl ran"),
])
def test_an_age_keeps_the_words_that_describe_the_person_in_order(text, expected):
    assert _out(text) == expected


def test_an_age_before_a_plain_noun_is_unchanged():
    assert _out("a 52-year-old man") == "a man in his fifties"


@pytest.mark.parametrize(("text", "secrets"), [
    ("Signed: Sgt T. Haworth, custody", ("T.", "Haworth")),          # Haworth is a village too
    ("Statement of PC 1987 T. Haworth (Roads Policing)", ("T.", "Haworth")),
    ("Custody Sgt (1207 P. Drummond) booking", ("P.", "Drummond")),
    ("0124 DUTY INSPR INSP W. HAMILTON UPDATED\n0131 KILO 21", ("W.", "HAMILTON")),
])
def test_an_officer_by_rank_initial_and_surname(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("PC A. Taser drawn", "Taser drawn"),            # an operational word after the initial
    ("the PC I saw was tall", "I saw"),
    ("Arresting officer DC C.\nVietnamese interpreter: Ms D", "Vietnamese interpreter"),   # the next line's word
])
def test_a_rank_and_a_letter_before_no_surname_stays(text, kept):
    assert kept in _out(text)


def test_a_phone_number_with_its_digits_spaced_out_goes_a_list_of_numbers_stays() -> None:
    # A reader's feedback carried "mobile 0 7 7 0 0 9 0 0 9 8 2" straight past the check.
    from debrief.anonymise import anonymise

    for text in ("Call me on 0 7 7 0 0 9 0 0 9 8 2 after six.", "Ring +44 7 7 0 0 9 0 0 9 8 2"):
        result = anonymise(text)
        assert "[phone number]" in result.text and "9 8 2" not in result.text and "900982" not in result.text, text
    for kept in ("Cells 2 3 4 5 6 7 8 9 10 11 were checked.", "Section 1 2 3 4 5 6 7 8 9 0 applies."):
        assert anonymise(kept).text == kept
    assert "[phone number]" not in anonymise("Seen 01 06 2024 1400 by the gate.").text
