"""Recall by class for structured identifiers and area bodies (development sets 12 to 14): one test per class, each
with a near miss that must stay."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


def _out(text: str, people: tuple[str, ...] = ()) -> str:
    return anonymise(text, people=people).text


# --- times --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "secret"), [
    ("He deals from the rear of the bar most nights between 2000 and 2300. He drives an Audi.", "2000"),
    ("Dealing seen from 1930 to 2130 on the estate.", "1930"),
    ("Arr by: PC Smith   Date in: 22.02.25   Time in: 1955\n", "1955"),
    ("Time booked in: 0210 at the front desk.", "0210"),
    ("Needs BWV uploading before 9 as the DS is asking.", "before 9 as"),
])
def test_a_clock_range_a_time_box_and_an_hour_before_a_reason_go(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He worked there between 2019 and 2023 as a driver.", "between 2019 and 2023"),
    ("The fine was reduced by 2 as a goodwill gesture.", "by 2 as"),
])
def test_a_range_of_years_and_a_count_before_a_reason_stay(text, kept):
    assert kept in _out(text)


# --- plates, phones, dates, ages ----------------------------------------------------------------------------------

def test_a_partial_plate_after_what_it_ends_with_goes():
    out = _out("A white van seen at about 0300. partial reg ending 4 XV\n09:10 scene exam requested.")
    assert "4 XV" not in out and "ending" not in out, out


def test_a_plate_word_without_a_plate_stays():
    assert "REG ENDING " in _out("1420 TAX ON THE REG ENDING SOON - WORDS OF ADVICE")  # the cue stays with no plate


def test_a_phone_number_with_its_code_in_brackets_goes():
    out = _out("Address: 21 Carnegie Drive\nTelephone: (01383) 724 519\nOccupation: retired")
    assert "724 519" not in out and "01383" not in out, out


def test_a_bracketed_number_that_is_no_phone_stays():
    assert "(2019) 724" in _out("See the report (2019) 724 pages long.")


@pytest.mark.parametrize(("text", "secret"), [
    ("The control room was very busy on Christmas night; 38 calls were waiting.", "Christmas night"),
    ("search resources limited on new years - duty inspector to flag", "new years"),
])
def test_a_holiday_night_and_new_years_go(text, secret):
    assert secret not in _out(text)


def test_a_new_years_resolution_stays():
    assert "new years resolution" in _out("He said his new years resolution was to stop drinking.")


def test_an_age_guessed_between_two_goes():
    out = _out("A female worker (believed to be 17 or 18) was seen crying outside the shop.")
    assert "17 or 18" not in out and "teenage" in out, out


def test_a_count_between_two_stays():
    assert "about 10 or 11 people" in _out("There were about 10 or 11 people outside.")


# --- bodies named by their area -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "secret"), [
    ("1517 SWASFT AND DORSET & WILTS FIRE BEACH UNIT TASKED", "DORSET"),
    ("HAMPSHIRE & IOW CONSTABULARY - USE OF FORCE FORM\nName: PC Becky Liddiard", "IOW"),
    ("London's Air Ambulance landed in the park.", "London"),
    ("Mountain rescue (Swaledale Mountain Rescue Team) said they'd try on a quad.", "Swaledale"),
    ("14:20 skye mountain rescue team tasked, stornoway coastguard informed", "stornoway"),
    ("I have raised this with Pennine Care. Please record waiting times.", "Pennine"),
    ("The call was closed as a referral to Surrey and Borders Partnership when it should not.", "Borders"),
    ("The case was referred to the Kent Safeguarding Children Multi-Agency Partnership for a review.", "Kent"),
    ("Occupation: bus driver (Cardiff Bus)\nHome: 8 Heol Hir", "Cardiff"),
    ("He was referred to Nottinghamshire Healthcare crisis team.", "Nottinghamshire"),
    ("Hampshire Trading Standards were told about the shop.", "Hampshire"),
    ("Referral to the BCUHB mental health team.", "BCUHB"),
    ("17:44 units avail. also req west yorks assistance, their log 1140", "west yorks"),
    ("18:10 met assisting outside (met cad 5519)", "met"),
    ("18:22 female collapsed - heat/crush. first aid given. las requested\n18:30 female named", "las"),
])
def test_a_body_named_by_its_area_goes(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("An age assessment by the children's services confirmed it.", "children's services"),
    ("2120 HM COASTGUARD INFORMED, THEIR REF 1141", "HM COASTGUARD"),
    ("I met officers at the scene and we met colleagues later.", "met officers"),
])
def test_an_ordinary_thing_with_a_body_word_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize("text", [
    "She works at the Kent Care Home on the corner.",
    "We went to Las Vegas on holiday.",
    "The Cardiff Bus Station was busy.",
])
def test_a_place_with_a_body_word_is_no_body(text):
    assert all(e.label != "FORCE" for e in anonymise(text).entities)


# --- after resolution ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "secret"), [
    ("0815 OCCUPANT CHECK - LEE MARSDEN 37 AND PARTNER KAYLEIGH BOOTH 29. FIREARMS CERT HOLDER? - NO", "37"),
    ("2231 caller kelsey bagnall 26 rings from 44 hartshill rd", "26"),
    ("2312 CALL FROM MHAIRI. REPORTS HER FRIEND LAUREN GIBB 23 POSTED A MESSAGE ON INSTAGRAM", "23"),
    ("Witness: Ceri LLOYD  (51)  Occupation: bus driver", "51"),
])
def test_an_age_straight_after_a_chosen_name_goes(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Kim Lee 3 times rang the front counter.", "3 times"),
    ("PC Rob Hunt 45 minutes later arrived.", "45 minutes"),
])
def test_a_count_after_a_name_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "sign"), [
    ("0014 ALLOCATED N21, N24 FROM THE STATION - ETA 6 MINS\n0020 N21 ON SCENE. NO REPLY AT DOOR.", "N21"),
    ("1723 PATROLS TASKED - BL11, BL14, RP2 (ROADS POLICING)", "BL14"),
    ("2007 UNITS CV3, CV7 TASKED. NPAS NOT AVAILABLE", "CV7"),
    ("15:20 cb12 on scene, all safe and well. no offence", "cb12"),
    ("2217 RESOURCE REQ. G1-23 ALLOCATED.\n2219 G1-23 ADV ETA 6 MINS", "G1-23"),
])
def test_a_call_sign_is_read_as_a_call_sign_not_a_postcode_or_a_reference(text, sign):
    entities = anonymise(text).entities
    signs = [e for e in entities if e.text == sign]
    assert signs and all(e.label == "COLLAR" for e in signs), entities
    assert all(e.label not in ("POSTCODE", "REFERENCE", "VRM") for e in entities), entities


@pytest.mark.parametrize(("text", "secret"), [
    ("Address: 4 Mill Lane, Bolton BL1 4AA. Units attended.", "BL1 4AA"),
    ("He lives in the BL11 area and was on scene.", "BL11 area"),
])
def test_a_postcode_that_is_no_call_sign_goes(text, secret):
    assert secret not in _out(text)


# --- learnt from development set 14 -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "secret"), [
    ("She was referred to Gloucestershire Domestic Abuse Support Service (GDASS) and GDASS rang her.", "GDASS"),
    ("Referral made to Staffordshire Adult Autism Service today.", "Staffordshire"),
    ("1930 HUMBER TEACHING NHS FT INFORMED", "HUMBER"),
    ("He was seen by Sheffield Health and Social Care staff.", "Sheffield"),
    ("The Nottinghamshire Coroner was told of the death.", "Nottinghamshire"),
    ("2210 kirkwall lifeboat launched", "kirkwall"),
    ("The project is funded by Glasgow ADP this year.", "Glasgow"),
    ("1400 TEESDALE AND WEARDALE SEARCH AND MOUNTAIN RESCUE TASKED", "WEARDALE"),
    ("13:02 passed to tvp, tvp cad 2231", "tvp"),
])
def test_more_bodies_named_by_their_area_go(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", [
    "The Crown Prosecution Service said no.",
    "The Rescue was cancelled.",
    "Use tvp.example.org for the form.",
])
def test_a_national_service_or_a_word_is_no_area_body(text):
    assert all(e.label != "FORCE" for e in anonymise(text).entities)


@pytest.mark.parametrize(("text", "secret"), [
    ("Found in a flat with two adult males (31 and 28), both drunk.", "28"),
    ("units: gablecross unit pc lacey 2094 allocated", "2094"),
    ("0043 NEAREST UNIT - PC PARRY 1644 + PC HUGHES 2077 - ETA 15.", "2077"),
    ("possibly linked to S6 group. Moped seized", "S6"),
    ('STATES BEEF WITH "THE B21 LOT" - INTEL TO FOLLOW', "B21"),
    ("RED VW POLO SEEN, PARTIAL FD21 M.", "FD21 M"),
    ("Dyddiad: 3ydd Ionawr 2025.", "Ionawr"),
    ("Q. BWV? A. Yes - 2755-190625-03.", "190625"),
])
def test_ages_collars_districts_plates_welsh_dates_and_dashed_numbers_go(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He waited 2 hours (31 and 28 minutes on the phone).", "31 and 28 minutes"),
    ("PC Hughes 2 hours later arrived.", "2 hours"),
    ("red polo, partial fd21 on the main road", " on the main road"),
])
def test_counts_and_words_beside_them_stay(text, kept):
    assert kept in _out(text)


def test_a_welsh_date_of_birth_is_a_date_of_birth():
    labels = {e.text: e.label for e in anonymise("Enw: Ffion. DOB: 5ed Mai 1996. Cyfeiriad: Y Drenewydd").entities}
    assert labels.get("5ed Mai 1996") == "DOB", labels


def test_a_health_board_after_nhs_goes_but_a_national_body_stays():
    out = _out("Treated by NHS A&E (NHS Ayrshire & Arran) and seen by NHS Grampian staff.")
    assert "Arran" not in out and "Grampian" not in out, out
    assert "NHS Scotland and NHS England" in _out("Guidance from NHS Scotland and NHS England applies.")


@pytest.mark.parametrize("text", [
    "0112 SUSPECT DESC: IC1 MALE, 6FT, GREY HOODIE",
    "02:19 male ic1 6ft, dark clothing, heading north",
])
def test_a_police_identity_code_is_no_plate_or_postcode(text):
    assert all(e.label not in ("VRM", "POSTCODE", "REFERENCE") for e in anonymise(text).entities)
