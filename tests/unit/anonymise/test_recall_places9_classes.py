"""Recall of names and places by class on development sets 8 and 9 (written by someone who never saw the rules): one
test per class of miss, each with a near miss that must stay."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


def _out(text: str, people=()) -> str:
    return anonymise(text, people=list(people)).text


@pytest.mark.parametrize(("text", "secrets"), [
    ("Dr Hamish Tulloch, duty GP from Leith Links Medical Practice, attended.", ("Leith", "Links", "Practice")),
    ("0830 UNDERTAKER (AL-RAHMA FUNERALS) ARRIVED.", ("AL-RAHMA", "FUNERALS")),
    ("0748 TAXI DRIVER (CEREDIGION CABS, MR ALI REZA HOSSEINI) PICKED HIM UP", ("CEREDIGION", "CABS")),
    ("vet: dr rhiannon parry-lloyd at hafren vets, newtown", ("hafren", "vets")),
    ("bonfire on waste ground beside creggan heights, youths throwing bottles", ("creggan", "heights")),
    ("dan located by btp at ebbsfleet international with older male", ("ebbsfleet", "international")),
    ("He was driving home from nights at GLANBRYDAN CREAMERY on the A40", ("GLANBRYDAN", "CREAMERY")),
    ("She was given the details of Boston Women's Aid.", ("Boston",)),  # "Women's Aid" is kept (a national charity)
])
def test_a_named_premises_goes_with_its_trade_noun_in_any_case(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("She was taken to the custody suite at Bradford.", "custody suite"),
    ("He walked out of Ardhowen Lodge care home at noon.", "care home"),
    ("A grey Toyota Prius private hire was seen.", "private hire"),
    ("The local surgery was closed and the nearest pharmacy too.", "local surgery"),
    ("Officers attended the express delivery depot.", "express delivery"),
])
def test_an_operational_or_generic_premises_word_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("She was arrested in Great Barr earlier.", ("Great", "Barr")),
    ("Imran was arrested separately in Alum Rock.", ("Alum", "Rock")),
    ("i know the lad its Shane Robson from Windy Nook, his mam is Tracy", ("Windy", "Nook")),
    ("He was arrested at his brother's in Port Tennant.", ("Port", "Tennant")),
    ("The vehicle left the A31 at Picket Post and went on.", ("Picket", "Post")),
    ("stopped on the A352 at East Burton. Failed roadside", ("East Burton",)),
    ("I recognised him from a previous job at Castle Fields in 2023.", ("Castle Fields",)),
])
def test_a_place_named_by_a_place_forming_word_after_a_locative(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He went to Great Britain on holiday.", "Great Britain"),
    ("He was dressed in North Face clothing.", "North Face"),
    ("The storm moved to North East overnight.", "North East"),
    ("The call came in at Bay Six of the block.", "Bay Six"),
    ("He was moved to High Dependency Unit.", "High Dependency Unit"),
])
def test_no_place_from_a_place_forming_word_alone_or_a_safe_name(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("2220 pcs sarah long wy 4410 and tom mcgrath wy 5518 on scene.", ("tom", "mcgrath")),
    ("1410 SECOND ARREST, JACK O'DONNELL-KEIR (AGE 19) TAKEN TO GOVAN", ("JACK", "O'DONNELL")),
    ("states his brother pj o'hare will be at house tonight.", ("pj", "o'hare")),
    ("youths give names incl tj bell, aged 14, and others", ("tj", "bell")),
])
def test_a_first_name_or_initials_in_a_re_cased_line_goes_with_the_surname(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("The officer said Smith had left.", "The officer said"),
    ("He said he will Smith the door.", "he will"),
    ("the dj played music all night", "the dj played"),
])
def test_a_word_of_the_narrative_before_a_surname_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("1711 pnc check: poss jordan baker dob 08/05/1997\n1731 car stopped. baker detained, knife recovered", "baker"),
    ("gives name aaron tucker, dob 04/06/2002\n2345 tucker arrested – robbery", "tucker"),
    ("REPORTS FORMER PUPIL KYLE HOPE AGED 17.\n1552 HOPE WALKED OFF ALONG PARK LN.", "HOPE"),
])
def test_an_ordinary_word_of_a_full_name_is_the_person_again_where_they_act(text, secret):
    out = _out(text)
    assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("Mr Tom Baker came in. The baker said the bread was fresh.", "The baker said"),
    ("Kyle Hope was seen. We hope to speak to him.", "We hope to"),
    ("The cook arrested the mood; no name here was a cook.", "The cook arrested"),
])
def test_the_ordinary_word_stays_where_it_is_a_word(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("From: Young, Will (Sgt 1406)\nTo: Nolan, Gemma (Sgt 2281);", ("Young", "Will", "Nolan")),
    ("From: Young, Matt Sent: Friday 06:40 To: Okafor, Ngozi; Fernandes, Rui; Bishopsgate response", ("Young", "Rui")),
    ("2207 PNC CHECK WHITE, DWAYNE 03/04/1994 - WARNING MARKERS", ("WHITE", "DWAYNE")),
    ("PIC: MACKINTOSH, Ryan James   DOB: 30 Sept 2003", ("MACKINTOSH", "Ryan")),
])
def test_a_surname_comma_first_name_in_a_header_list_or_record(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He went to Leeds, Harry (aged 3) came too.", "came too"),
    ("2300 CALLER REPORTS MALE OUTSIDE THE SHIP INN, HIGH ST, WELLS\n2302 CALLER STATES", "a street"),
    ("The man, Abdirahman Warsame (about 30) was drunk. Later a man was seen.", "a man was seen"),
    ("The car was white, Grace said.", "The car was white"),
])
def test_a_word_and_a_comma_before_a_name_is_no_surname(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Gave name Bailey Storr 17, lives Eskdale Rd. Denied it. I arrested STORR for damage.", "STORR"),
    ("gives name jason white, 46. denies.\n16:20 white's friend hugo filming", "white's"),
])
def test_a_name_again_in_another_case_or_before_a_possessive(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("0412 ANPR HIT CRAVEN ARMS A49 - ISUZU D-MAX", ("CRAVEN", "ARMS")),
    ("2 X SHOTGUNS AT THE FARM, OFF THE B4471, SIX BELLS NP13. MH MARKER", ("SIX BELLS",)),
    ("no police on the ground. fort william unit dispatched, eta 75 min", ("fort", "william")),
    ("at 05.10.24 rp mariana lopes, fairstead estate, king's lynn, 07451 902 336", ("king's", "lynn")),
])
def test_a_place_of_several_words_on_the_list_in_any_case(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("there were four lanes of traffic and new buildings going up", "four lanes"),
    ("there were four lanes of traffic and new buildings going up", "new buildings"),
])
def test_ordinary_words_that_a_place_shares_stay_in_lower_case_prose(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("He gave his details as Gordon McLEISH, aged 52, of Flat E, 21 Hutcheon St, Aberdeen AB25 3TD.", ("Flat E",)),
    ("Home address given for Rusu: House 3, Eaudyke Bank, Friskney, pe22 8.", ("House 3",)),
    ("Address: Caravan 14, Kelling Heath Holiday Park, near Holt NR25 7HW", ("Caravan 14",)),
    ("Adewale OGUNLEYE, dob 15/04/1990, linked to Flat C via council tax.", ("Flat C",)),
    ("Ms Ward lives with her mother at plot 7 of the Sidegate Lane site, NN8.", ("plot 7",)),
    ("She is staying at Lakeland Leisure Park, Flookburgh, caravan C47.", ("C47",)),
])
def test_a_flat_caravan_plot_or_house_goes_with_its_address(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He went into the house 3 times that night.", "house 3 times"),
    ("The flat was empty and a plot of land next to it.", "a plot of land"),
])
def test_a_house_or_plot_that_is_no_address_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("I was walking the dog along the Esplanade at Kirkcaldy.", ("Esplanade",)),
    ("I was on foot patrol on the Promenade with PC Ward.", ("Promenade",)),
    ("He went to the Royal to get his eyes rinsed.", ("Royal",)),
    ("He was taken to the Royal Stoke (RSUH) at 03:40.", ("RSUH",)),
    ("CONVEYED TO GLASGOW ROYAL (GRI) - HAND NEEDS STITCHES", ("GRI",)),
    ("He is at Sunderland Royal (not UHND, the ambulance took him).", ("UHND",)),
    ("Amy, a nurse at the RVI in Newcastle, ended it.", ("RVI",)),
])
def test_a_place_known_by_a_kind_word_or_a_hospital_by_its_initials(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He works for the Royal Mail.", "Royal Mail"),
    ("He had an MRI scan at the hospital.", "MRI"),
    ("He spoke to the Crown Prosecution Service (CPS) today.", "(CPS)"),
    ("She walked along the promenade.", "the promenade"),
])
def test_a_kind_word_or_initials_that_name_no_place_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("2204 REPORTS 2 MALES FIGHTING OUTSIDE SPAR ON BURY NEW RD, PRESTWICH.", ("SPAR",)),
    ("2310 STAFF FROM SPAR CONFIRMS CCTV FROM 2155", ("SPAR",)),
    ("He said her bank account at HSBC, Weybridge had been compromised.", ("HSBC",)),
    ("The bank (Nationwide, Ware branch) had also flagged it.", ("Nationwide",)),
    ("STS DAUGHTER HAD BEEN AT A PARTY AT THE BLACK LION IN NEW QUAY 04:20", ("BLACK LION",)),
    ("her boyfriend left the royal oak in hathersage in his van", ("royal oak",)),
    ("cctv from pitcher & piano to be requested", ("pitcher & piano",)),
])
def test_a_chain_shop_bank_or_pub_in_any_case_where_a_place_goes(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He wore boots on his feet and was next in line.", "boots on his feet"),
    ("HCP saw DP. Fit to detain & interview. Insulin to be self-administered.", "detain & interview"),
    ("male refusing to pay & threatening owner", "pay & threatening"),
    ("come to the co-op car park, im in the car", "co-op car park"),
    ("He had fish & chips from the shop.", "fish & chips"),
])
def test_an_ordinary_word_a_chain_or_pub_shares_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Subject: handover\nMorning Gem,\nQuiet for a Sunday.", "Gem"),
    ("Morning Ngozi / Rui\nSummary for the early turn:", "Rui"),
    ("Cheers, shout if anything is unclear.\nC Sgt 1427 | Durham Constabulary", "C Sgt"),
    ('At school she had a "boyfriend called D" who was 19.', "called D"),
    ("DP says his mate Gruff was with him.", "Gruff"),
])
def test_a_name_where_a_greeting_a_signature_a_naming_word_or_a_relation_puts_it(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Morning all,\nNothing new overnight.", "Morning all"),
    ("Morning team,\nNothing new overnight.", "Morning team"),
    ("Custody Sgt 1234 on duty tonight.", "Custody Sgt"),
    ("He was taken to what is called A and E.", "called A and E"),
])
def test_a_greeting_or_rank_with_no_name_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("0941 CALLER, SECURITY AT THE ORACLE SHOPPING CENTRE, READING. 2 MALES SEEN", "READING"),
    ("1022 AUDI LOST. LAST SEEN A308 BRAY. 1030 RANGE ROVER", "BRAY"),
    ("0322 LOG CLOSED, PASSED TO MARCH NPT FOR THE 15TH", "MARCH"),
    ("0935 ip to northern general 0940 unit resuming", "northern general"),
    ("0225 ambulance arrived. sophie to royal surrey a&e.", "royal surrey"),
])
def test_a_town_or_hospital_that_is_also_a_word_where_a_road_venue_team_or_locative_puts_it(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He was taken to the general hospital.", "the general hospital"),
    ("Passed to the Response Team for action.", "Response Team"),
    ("It was reading. He was reading a book on the A1.", "reading a book"),
])
def test_an_ordinary_word_out_of_a_town_slot_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Police Scotland (Ms Eilidh Nic a' Phearsain) called.", "a'"),
    ("MOTHER MEINIR HAF ELIS-GRUFFUDD ATTENDED", "HAF"),
    ("He farms in Co. Limerick and County Antrim.", "Limerick"),
    ("He farms in Co. Limerick and County Antrim.", "County Antrim"),
])
def test_a_name_s_particle_or_middle_name_and_a_county_by_its_word(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("PC Smith and PC Jones went in.", " and "),
    ("The council met. County records and Co. Op accounts show nothing.", "County records"),
])
def test_a_conjunction_between_names_and_a_county_word_before_no_county_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("ADDRESS THE OLD FORGE, CHURCH LANE, CLUNGUNFORD SY7 0PN\n0419 WM 3091 O/S AT OLD FORGE. HOUSE ENTERED", "FORGE"),
    ("Informant: Hope STANLEY, aged 61, lives The Old Forge, Bere Rd, Wool, BH20 6.", "Forge"),
    ("Home address given: Bay 4, Cardiff Road Traveller site, Cardiff.", "Bay 4"),
    ("He was found at Didcot Parkway at 9pm.", "Didcot Parkway"),
])
def test_a_house_s_name_before_its_street_and_again_and_a_bay_before_its_site(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("The address given, 12 High Street, was false.", "The address given"),
    ("He lives alone, Church Street is nearby.", "He lives alone"),
])
def test_a_word_where_an_address_is_given_is_no_house_name(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("rp says her nephew manpreet 'manny' gill has a spare key", "gill"),
    ("3 MALES: JIMMY PRICE, 22; MIKEY 'TYSON' PRICE, 19; AND A THIRD WHO WILL ONLY SAY HE'S 'SONNY' 0331", "SONNY"),
    ("3 MALES: JIMMY PRICE, 22; MIKEY 'TYSON' PRICE, 19; AND A THIRD", "TYSON"),
    ("DESC WM 20S, BLUE TRACKSUIT, POSS 'SONNY' 0215 NPAS DECLINED", "SONNY"),
])
def test_a_quoted_nickname_inside_a_name_or_where_a_person_is_guessed_at(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ('He said "yes" and then Smith "no" again.', '"no" again'),
    ("He was possibly 'drunk' at the time.", "'drunk'"),
])
def test_a_quoted_word_that_names_no_one_stays(text, kept):
    assert kept in _out(text)
