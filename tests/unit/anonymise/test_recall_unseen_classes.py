"""Recall by class on passages written by others who never saw the rules (development sets 4 and 5): one test per
class of miss, each with a near miss that must stay."""
from __future__ import annotations

import re

import pytest

from debrief.anonymise import anonymise
from debrief.anonymise.denylist import Case
from debrief.anonymise.labels import Labeller
from tests.support.anonymised import anonymised


def _out(text: str, people=()) -> str:
    return anonymise(text, people=list(people)).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Control room log 0087 of 22/06/2023 refers.", "0087"),          # a log numbered within its day
    ("REF LOG 412 OF 08/03/2024 - UNITS ASSIGNED", "412"),
    ("see incident 4471 of 04/02 for the first call", "4471"),
    ("I have submitted an intelligence report (IR 24/77312).", "77312"),  # a number after the word that says so
    ("Case ref: CCN 2023/041187", "041187"),
    ("Sort code 20-45-77, acc 63915528", "20-45-77"),
    ("Same handset (IMEI 35-209900-176148-1) seen", "176148"),
])
def test_references(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", ["He was one of 3 of 12 officers there.", "Ref: section 136 of the Act",
                                  "The reference of 2019 guidance applies."])
def test_numbers_that_are_not_references_stay(text):
    assert _out(text) == text


@pytest.mark.parametrize(("text", "label"), [
    ("Officer A and Officer B detained Person 1, a woman in her 30s, under section 136.", "Person 1"),
    ("Her husband (Subject 1) answered the door and spoke for her.", "Subject 1"),
    ("Witness 2, who lives opposite, called it in.", "Witness 2"),
])
def test_a_drafts_own_label_is_not_an_age(text, label):
    assert label in _out(text)


def test_an_age_after_a_label_still_goes():
    assert "19" not in _out("Person 1, aged 19, was detained.")


@pytest.mark.parametrize("line", [
    "21:05 addr 27 coronation st, bury bl9 0hj\n21:09 susp left in red corsa\n21:30 pc dunne to take stmt, bwv on\n"
    "23:58 ip ok, minor injury to hand. wast declined\n21:10 heading twd the ring road\n21:20 arrested breach of nmo",
    "0918 NIAS INFORMED, REF 25-00412\n0921 SUSP DETAINED",
])
def test_control_room_shorthand_is_not_a_name(line):
    out = _out(line)
    for word in ("addr", "susp", "stmt", "twd", "nmo", "SUSP"):
        if word in line:
            assert word in out, out
    # the lead's decision: an ambulance service named by its initials tells its area, so it goes like a force
    for service in ("wast", "NIAS"):
        if service in line:
            assert service not in out and "ambulance service" in out.lower(), out


def test_a_lower_case_name_before_an_age_is_a_person_and_ordinary_words_stay():
    out = _out("21:03 ip says ex partner at door\n21:03 ex = lee marsh, 38\n21:04 banging on door")
    assert "marsh" not in out and "lee" not in out
    near = _out("21:03 ip says ex partner at door\n21:04 over the ivy wall, 3 windows broken\n21:05 banging on door")
    assert "over the ivy wall, 3 windows broken" in near


def test_a_partial_plate_does_not_run_into_the_next_log_lines_time():
    out = _out("21:09 susp left in red corsa, partial reg yx17\n21:10 heading north\n21:12 stopped")
    assert "yx17" not in out and "\n21:10" not in out and "evening heading north" in out


LOG = "14:01 inc 7731 reported by caller\n{}\n14:20 units on scene"


@pytest.mark.parametrize(("line", "secret"), [
    ("14:02 rtc on the a140 nr eye, car v tractor", "eye"),            # a town that is an ordinary word, in a log
    ("14:11 driver staying w host family in diss", "diss"),
    ("0143 ANPR ACTIVATION A10 SOUTHBOUND NR WARE - VRM RX05 TLK", "WARE"),
])
def test_ordinary_word_towns_after_a_locative_in_case_blind_logs(line, secret):
    assert secret not in _out(LOG.format(line))


@pytest.mark.parametrize("line", ["14:05 went to church, then home", "14:06 we need to send a unit",
                                  "14:07 they began to march slowly up the hill"])
def test_ordinary_words_after_a_locative_stay_in_case_blind_logs(line):
    out = _out(LOG.format(line))
    for word in ("church", "send", "march"):
        if word in line:
            assert word in out, out


@pytest.mark.parametrize(("text", "secret", "reads"), [
    ("Location: outside Chicken Cottage on the corner.", "Chicken", "outside a venue"),
    ("CUSTODY RECORD 01YE/4471/23 - Halifax Custody Suite", "Halifax", "custody suite"),
    ("during the arrest outside the Kebab Palace, PC Jones used force", "Palace", "the venue"),
    ("Hearing held at Empress State Building last week.", "Empress", "a building"),
    ("Arrested at Rugby railway station, s.4 POA.", "Rugby", "a railway station"),
    ("Bailed to Llandudno Magistrates next month.", "Llandudno", "a magistrates' court"),
    ("supported by the Roma Community Hub since May", "Roma", "the community centre"),
    ("taken to Antrim Serious Crime Suite for interview", "Antrim", "a custody suite"),
])
def test_named_premises_go_whole_and_read_as_their_kind(text, secret, reads):
    out = _out(text)
    assert secret not in out and reads in out, out


@pytest.mark.parametrize("text", ["I went to the custody suite. The Express was late.",
                                  "Building work began on the new suite.", "He was taken to the railway station."])
def test_ordinary_premises_words_stay(text):
    assert _out(text) == text


def test_a_town_before_an_operational_venue_goes_and_the_venue_words_stay():
    assert _out("Conveyed to Omagh custody suite.") == "Conveyed to a town custody suite."


@pytest.mark.parametrize(("text", "secret"), [
    ("Two days later a neighbour found Mrs P. on the kitchen floor.", "Mrs P."),   # a title and an initial
    ("Mr K said he was fine and Mr K left.", "Mr K"),
    ("A boy, referred to in the complaint as 'J', was restrained. J's father complained.", "J"),
])
def test_a_person_written_as_an_initial(text, secret):
    out = _out(text)
    assert secret not in out.replace("Mrs A.", "").replace("Mr A", "") and not re.search(r"\bJ\b", out), out


@pytest.mark.parametrize("text", ["A man (Mr X) was seen.", "Plan A was agreed and part B followed.",
                                  "He said I was right."])
def test_the_usual_no_one_and_single_letters_stay(text):
    assert _out(text) == text


@pytest.mark.parametrize("text", ["She'd walked out of the ward before we came.", "They'd say hello.",
                                  "I'm on duty tonight.", "He is Brazilian and speaks Romani and Kurdish Sorani.",
                                  "Tools stolen: Makita and DeWalt drills."])
def test_contractions_nationalities_languages_and_kit_brands_are_no_names(text):
    assert _out(text) == text


@pytest.mark.parametrize(("text", "secret"), [
    ("0640 cctv requested from next door (kestrel logistics ltd)", "kestrel"),   # a company, whatever its case
    ("a minibus hired from Carrick Coaches Ltd, reg SF14 XRB.", "Carrick"),
    ("he was conveyed to the Broadoak unit by ambulance", "Broadoak"),           # a unit named by no ordinary word
    ("Custody no. 36NR/2217/24 - Aylsham PIC", "Aylsham"),
    ("robbery at Bhavna's Jewellers last week", "Bhavna"),
])
def test_companies_units_and_shops(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", ["He speaks limited English and options were limited.",
                                  "Referred to the Gangs Unit and the Football Co-ordination Unit.",
                                  "A GPS UNIT was fitted.", "PC Jones's unit attended.",
                                  "Victim 1 was spoken to; the Philomena Protocol applied; Crimestoppers called."])
def test_ordinary_units_and_limited_stay(text):
    out = _out(text)
    for kept in ("limited", "Gangs Unit", "Co-ordination Unit", "GPS UNIT", "unit attended", "Victim 1",
                 "Philomena Protocol", "Crimestoppers"):
        if kept in text:
            assert kept in out, out


CAPS = "2301 CAD 4410 CALLER REPORTS MALE SHOUTING IN THE STREET\n{}\n2330 UNITS CLEARED, NO FURTHER ACTION"


@pytest.mark.parametrize(("line", "secret"), [
    ("2302 MALE OUTSIDE THE SHIP INN, HIGH ST, WELLS", "WELLS"),         # the town after a street and its comma
    ("0149 VEH EXITED AT AMWELL END, NOW ON WATTON RD", "AMWELL"),       # a place noun named by no ordinary word
    ("1925 UNITS TO NESS ISLANDS, MILLBURN RD", "NESS"),
    ("1101 HOUSING OFFICER AT BRUNSWICK COURT, CALEDONIAN RD N1", "BRUNSWICK"),
    ("0340 VEH FOUND ABANDONED BAILEY GROVE RD, EASTWOOD", "GROVE RD"),  # a street named with a street word
    ("0924 CST MCGRATH 7719 AND CST NI BHRIAIN 8820 ON SCENE", "NI "),  # an Irish particle goes with the name
])
def test_places_and_names_in_capital_logs(line, secret):
    assert secret not in _out(CAPS.format(line))


@pytest.mark.parametrize("line", ["0925 WAITED AT THE ROAD END BY THE TENNIS COURT", "0926 OFFICERS ON HIGH ST, NOW LEAVING"])
def test_ordinary_place_nouns_in_capital_logs_stay(line):
    out = _out(CAPS.format(line))
    for kept in ("ROAD END", "TENNIS COURT", "NOW LEAVING"):
        if kept in line:
            assert kept in out, out


@pytest.mark.parametrize(("text", "secret"), [
    ("He was arrested at his address, 41 Limavady Road, Waterside. A order followed.", "Waterside"),
    ("at his home, 46 Queslett Road, Great Barr, at 21.50.", "Barr"),     # the district after a street
    ("Kymani's mum lives on Wheeler Street, B19 - not known to be involved.", "B19"),  # a district code
])
def test_districts_after_a_street(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", ["He walked along Mill Road, Sunday was quiet.", "Turn into the B4100, then left."])
def test_words_after_a_street_that_are_no_district_stay(text):
    out = _out(text)
    assert "Sunday" in out or "then left" in out, out


@pytest.mark.parametrize(("text", "secret"), [
    ("2051 ONE MALE INJURED - RUHUL AMIN CHOWDHURY ('RUBEL') 26, HEAD WOUND\n2052 THE SUSPECTS RAN TOWARDS THE PARK",
     "26"),
    ("2010 youths at the park. identified kyle mackay 15 + another\n2015 quads belong to his uncle who lives nearby",
     "15"),
])
def test_a_logs_age_straight_after_a_name(text, secret):
    assert not re.search(rf"\b{secret}\b", _out(text))


def test_a_count_after_a_name_is_no_age():
    assert "12 times" in _out("Sgt Smith 12 times said no.") and "3 officers" in _out("Sgt Smith, 3 officers went.")


@pytest.mark.parametrize(("text", "secret"), [
    ("The man got into a blue Peugeot, reg ending KWO, at the shop.", "KWO"),   # the part of a plate read
    ("0110 anpr hit on the bypass, romanian reg b 217 vfr\n0111 marker: drink drive intel, driver ran off\n"
     "0112 units attending the scene", "217"),                                    # a foreign plate after its cue
])
def test_partial_and_foreign_plates(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", ["reg starting with the letters", "The registered keeper was 2 miles away.",
                                  "0111 marker: drink drive intel, driver ran off\n0112 units attending the scene now"])
def test_plate_words_without_a_plate_and_log_verbs_stay(text):
    out = _out(text)
    for kept in ("with the letters", "2 miles", "drink drive", "ran off"):
        if kept in text:
            assert kept in out, out


@pytest.mark.parametrize(("text", "expected"), [
    ("On 18/08/2024 (Sunday) I attended a nail bar.", "In 2024 I attended a nail bar."),
    ("at about noon on Sunday (08/09/24) when he saw", "in 2024 when he saw"),
    ("Arrested Fri (18/10/24) on the street.", "Arrested in 2024 on the street."),
])
def test_a_weekday_beside_a_date_goes_with_it(text, expected):
    assert expected in _out(text)


def test_a_weekday_alone_stays():
    assert _out("On Sunday we went out.") == "On Sunday we went out."


@pytest.mark.parametrize(("text", "secret"), [
    ("DP: Winston Delroy Clarke ('Pops'), 67, was booked in.", "Pops"),         # in brackets after the name
    ("Source states that Huseyin Kilic (aka 'Hoss', 'Big H') is storing cash.", "Big H"),   # every one of a list
    ("Ardit Hoxha (known as 'Ardi', also called 'Shqiponja' - 'the Eagle'), 30ish", "Eagle"),
    ("He was recruited on Telegram by 'Mr Big' last year.", "Big"),             # a quoted name where a person stands
    ("Snapchat message from 'dezzy' saying hi.", "dezzy"),
])
def test_nicknames(text, secret):
    assert secret not in _out(text)


def test_quoted_words_that_are_no_nickname_stay():
    text = "He said 'no' to 'stop' and told 'the truth'. The case was with 'PACE' and with 'the lads'."
    assert _out(text) == text


@pytest.mark.parametrize(("text", "reads"), [
    ("a student at the University of Sheffield.", "a student at the venue."),
    ("at his home in Savile Town and denies it", "at his home in a district and denies it"),
    ("Ahead of the Ayr United v Kilmarnock fixture", "Ahead of the football club v"),
    ("He walked down Mill Road, Great Barr.", "He walked down a road, a district."),
])
def test_kinds_of_places_and_districts_read_right(text, reads):
    assert reads in _out(text)


def test_generic_places_with_of_and_town_stay():
    text = "College of Policing guidance and United Kingdom law. Old Town was busy."
    out = _out(text)
    assert out == text


@pytest.mark.parametrize("text", [
    "We got an ANPR hit on a silver Audi A3 near the services.",      # a car model is no road
    "I stopped a silver Dacia Logan bearing foreign plates.",
    "DESC BM 6FT4 WHITE SHIRT, GREY TRACKSUIT\n2105 CCTV REQUEST EMAILED TO THE COUNCIL TEAM",  # a height and clothes
    "The Taser download confirmed a 5-second cycle; the detention officer (DO2) did not rouse him; w3w given.",
])
def test_car_models_heights_durations_and_clothes_are_no_identifiers(text):
    assert _out(text).split("\n")[0].replace("late evening ", "") == text.split("\n")[0].replace("2105 ", "")



@pytest.mark.parametrize("text", ["2301 CALLER REPORTS MALE SHOUTING OUTSIDE THE SHIP INN ON THE HIGH STREET NOW",
                                  "14:01 rtc on the a140 nr eye, car v tractor\n14:02 units to the slip road"])
def test_the_gate_accepts_the_anonymisers_own_words_in_case_blind_logs(text):
    from debrief.anonymise.engine import find_identifiers

    result = anonymise(text)
    assert find_identifiers(result.text, Labeller(Case([]))) == [], result.text


def test_a_ranked_names_collar_after_it_and_no_date_across_log_lines():
    assert "1904" not in _out("Custody sergeant A/Sgt P. Holroyd 1904.\nOffence: drunk and disorderly")
    out = _out("0229 UNITS: PC 1149 RICHARDS, PC 2273 MAY\n0232 LANGUAGE LINE ENGAGED\n0240 ENTRY FORCED BY UNITS")
    assert "\n0232" in out or "\nthe early hours" in out, out


@pytest.mark.parametrize(("text", "reads"), [
    ("Children: two at home (ages 2 & 4) with her mother.", "(aged under 13)"),   # children's ages listed
    ("Subject 2 (17) was a child from the area.", "Subject 2 (in their teens)"),   # a label and its age
])
def test_listed_ages_and_a_labels_age(text, reads):
    assert reads in _out(text)


def test_fifth_development_set_holds_its_figures():
    """Written by a helper who never saw the rules, in batches measured before any rule here learnt from them (all 100
    passages with the rules before this work: structured 0.960, names and places 0.914, kept 0.942, false positives
    0.039): the figures of this change must not fall back."""
    from pathlib import Path

    from debrief.anonymise.evaluate import evaluate, format_report, load

    rows = load(Path(__file__).parents[2] / "data" / "anonymise_dev5.jsonl")
    assert len(rows) == 100
    report = evaluate(rows, anonymised)
    table = format_report(report)
    assert report.structured_recall >= 0.975, table
    assert report.names_places_recall >= 0.965, table
    assert report.keep_rate >= 0.99, table
    assert len(report.false_positives) <= 0.01 * sum(s.predicted for s in report.scores.values()), table


@pytest.mark.parametrize(("text", "secret"), [
    ("log 0733 staffs 2024-12-01 stoke\n08:02 rp says male at door shouting\n08:05 units attending the address now",
     "stoke"),                                                    # a town at the end of a log's heading, after its date
    ("TVP READING - LOG 1544 - 25/09/2024\n1721 RP STATES SON MISSING FROM HOME SINCE MORNING", "READING"),
])
def test_a_town_heading_a_log(text, secret):
    assert secret not in _out(text)


def test_no_date_is_read_across_a_log_line():
    out = _out("log 0733 2024-12-01 march\n08:02 rp says male at door shouting\n08:05 units attending the address now")
    assert "March:02" not in out and "\nmorning rp says" in out, out
