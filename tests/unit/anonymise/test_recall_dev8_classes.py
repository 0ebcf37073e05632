"""Recall by class on development set 8 and the leftovers of set 7 (written by someone who never saw the rules): one
test per class of miss, each with a near miss that must stay."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise
from tests.support.anonymised import anonymised


def _out(text: str, people=()) -> str:
    return anonymise(text, people=list(people)).text


@pytest.mark.parametrize(("text", "secrets"), [
    ("At 1400 I met Mercedes Garcia outside the shop.", ("Mercedes", "Garcia")),
    ("I spoke to Kia Nguyen at the door.", ("Kia", "Nguyen")),
])
def test_a_car_make_that_is_a_first_name_opens_a_name_before_a_surname(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He drove off in a silver Mercedes Sprinter towards town.", "Mercedes Sprinter"),
    ("The stolen Kia Sportage was found later.", "Kia Sportage"),
])
def test_a_make_after_a_vehicle_word_keeps_its_model(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("NI no: QH 41 77 20 C   Tel: 07911 203 886", ("QH 41", "77 20")),      # a NINO after its cue, any prefix letters
    ("A second number ending 331 is used for the graft line.", ("331",)),
    ("reg she thinks CN08 ?JW, arriving at night", ("CN08", "?JW")),
    ("a silver skoda octavia 221 d 14412 (roi plate)", ("221 d", "14412")),
    ("PREV INCIDENTS PS-20240712-0044 AND PS-20240530-1187.", ("20240712", "0044", "1187")),
    ("Concern form to social care (ref VPD 24 88103).", ("VPD", "88103")),
    ("three females aged approximately 18, 19 and early 20s", ("18", "19", "20s")),
    ("(call taken by PCSO Lauren Price GP 6602)", ("GP", "6602")),
    ("Ty Newydd, Ffairfach, SA19 6. Witness Mr Huw Jenkins", ("SA19 6",)),
])
def test_structured_identifiers_written_as_set_8_writes_them(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He was seen at 2230 and the number was 999 from the caller.", "999"),      # no "ending": no partial phone
    ("Section 136 applied at 12 D ward.", "Section 136"),
    ("The form asks: is this a question? Yes.", "is this a question?"),
    ("children aged 4 and 9 were present", "were present"),
    ("PC Jones AM 0900 briefing", "briefing"),
    ("the grade B 6 was given", "grade"),
])
def test_near_misses_of_the_structured_classes_stay(text, kept):
    assert kept in _out(text)


def test_a_phone_numbers_last_group_is_no_house_number():
    out = _out("Jade Evans, age 34, 07488 301 225, lives Penmaen Rd, Pontllanfraith, NP12 2AB.")
    assert "07488" not in out and "301" not in out and "225" not in out and "Penmaen" not in out, out
    assert "[phone number]" in out, out


def test_a_reference_before_a_venue_word_is_no_venue():
    out = _out("PREV INCIDENTS PS-20240712-0044 AND PS-20240530-1187.")
    assert "[reference]" in out and "venue" not in out, out


def test_the_town_between_a_street_and_its_postcode_goes():
    for text, town in (("ADDRESS 22 FRONT ST, ESH WINNING, DH7 9BE.", "WINNING"),
                       ("shop at 112 soho rd, handsworth b21 9rt", "handsworth")):
        assert town.lower() not in _out(text).lower(), text
    assert "near the park" in _out("He lives off Front St, near the park. PC Jones, DH7 9BE")


@pytest.mark.parametrize(("text", "secrets"), [
    ("driver (cope, aged 24) reported for aiding", ("cope",)),
    ("the other lad, Kowalczyk, aged 19, ran", ("Kowalczyk",)),
    ("says the bouncer Big Steve swung first", ("Big", "Steve")),
    ("lorraine says he was with 'wee man' and shug", ("wee man",)),
    ("bank card in name E W HUGHES.", ("E W", "HUGHES")),
    ("Signed R Bevan DP 1184, 15/06/2024", ("R Bevan", "Bevan")),
    ("Appropriate authority: Supt R. Mark.", ("R. Mark", "Mark")),
])
def test_names_set_8_writes(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("spelt Radu Ionut Stan on his ID card, aged 26, was on the floor", "ID card"),
    ("The male, aged 30, was detained.", "The male"),
    ("He was a big man with a beard.", "big man"),
    ("there was a Big Issue seller outside", "Big Issue"),
    ("I am PC Ruairidh MacCoinnich, 0419 N Div. On the 5th", " N "),   # a division's letter after a number
    ("A Smith and Sons van was parked", "A "),
])
def test_near_misses_of_the_name_classes_stay(text, kept):
    assert kept in _out(text)


def test_a_named_outlet_village_goes_whole():
    out = _out("His Audi was found at Clarks Village car park.")
    assert "Clarks" not in out and "Village" not in out, out
    assert "village" in _out("He went through Burley village at speed.")


def test_a_profile_address_in_capitals_is_a_handle():
    out = _out("NB - HANDLE GIVEN AS FACEBOOK.COM/SAJ.M.786. SCREENSHOT TO BE OBTAINED.")
    assert "SAJ" not in out and "FACEBOOK.COM" not in out, out


@pytest.mark.parametrize(("text", "secrets"), [
    ("Custody Sgt: Neil Long BD 0855\n\n19:42 Grounds given.", ("BD", "0855")),
    ("J Cook LP 1640  26/07 0245", ("LP", "1640")),
    ("0554 PC STEVE LONG KT 11092 AND PC FIONA BELL KT 12330 ON SCENE.", ("KT", "11092", "12330")),
    ("the vehicle was seen by PC Martin Young LP 0877 on Spilsby Rd", ("LP", "0877")),
    ("Snapchat logged in as sc: moe_luton4. OIC DC Frankie Okoro", ("sc:", "moe_luton4")),
    ("Home address given for Rusu: House 3, Eaudyke Bank, Friskney, pe22 8.\n\nSigned", ("pe22", " 8.")),
    ("Address: 64 Page Hall Rd, Page Hall, Sheffield s4 8gz\nNINO", ("s4 8gz",)),
])
def test_collars_handles_and_postcodes_as_set_8_writes_them(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("see room AB 1234 for the kit", "room AB "),        # a number cue before the code: no collar code
    ("he took the m6 and paid a fine of b2.", "fine of b2."),
    ("there were m1 2 and so on", "m1 2 and"),
    ("The sc: field of the form was blank", "sc: field"),
])
def test_near_misses_of_collars_handles_and_postcodes_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize("text", [
    "2355 intel: kashif rehman aged 27, cheetham hill, known for drugs",
    "Witness: Nikki YOUNG, aged 38, Barrow-in-Furness. Tel 07851 223 110",
])
def test_an_age_before_where_someone_lives_is_an_age_not_a_house_number(text):
    out = _out(text)
    assert "in their" in out and "an address" not in out, out


def test_a_house_number_before_its_street_is_still_an_address():
    assert "an address" in _out("He lives at 27, Cheetham Hill Road.")


@pytest.mark.parametrize(("text", "secrets"), [
    ("using a flat at the 40s of Quarry Green as a safe house.", ("40s", "Quarry")),
    ("lives at the 60s end of Hawthorn Ave on the estate", ("60s", "Hawthorn")),
    ("linked address the 200s of cheetham hill rd\n0012 located", ("200s", "cheetham")),
])
def test_a_run_of_house_numbers_on_a_street_is_an_address(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets) and "forties" not in out and "sixties" not in out, out


def test_a_decade_that_is_no_house_number_run_stays():
    assert "1990s" in _out("in the 1990s of course")


@pytest.mark.parametrize(("text", "secrets"), [
    ("A man known as Lee MOSS (\"Mossy\"), mid-20s. Her son said Mossy showed it to him.", ("Mossy",)),
    ("Kaczmarek was angry; PC White spoke to him outside.", ("White",)),
    ("1710 INSP WHITE - NO SAFEGUARDING CONCERNS.", ("WHITE",)),
    ("2336 parka male detained on the parade by pc march. knife recovered", ("march",)),
])
def test_nicknames_in_brackets_and_surnames_that_are_words_after_a_rank(text, secrets):
    out = _out(text)
    assert not any(s in out for s in secrets), out


@pytest.mark.parametrize(("text", "kept"), [
    ("PC white male seen running", "white male"),
    ("the van (\"Transit\") was found", "Transit"),       # a quoted vehicle in brackets after a noun that is no name
])
def test_near_misses_of_the_rank_and_nickname_classes_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Ciarán is about 25 and lives nearby.", "25"),
    ("She thought the male was about 35.", "35"),
    ("Liam REES, she thinks 22 or 23, from the town.", "22 or 23"),
    ("Hannah thinks the boy is 14 or 15.", "14 or 15"),
    ("SMALL BOY WITH OLDER GIRL APPROX 12 WALKING", "12"),
    ("INCLUDING 2 CHILDREN (APPROX 6 AND 8). ALL CONSCIOUS", "6 AND 8"),
    ("three children – Aisha aged 6, Bilal 10 and Hamza 15. Currently", "Hamza 15"),
])
def test_guessed_and_listed_ages_go(text, secret):
    out = _out(text)
    assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("the time was about 10.", "about 10"),
    ("the ETA was about 15.", "about 15"),
    ("it was about 20 minutes later", "about 20 minutes"),
    ("he is 5 or 6 foot tall", "6 foot"),
    ("see paras (3 and 4) above", "(3 and 4)"),
])
def test_numbers_that_are_no_ages_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Taken by: PC Aaron Hale NC 1822, Diss SNT, on Tues 4th Feb", "Diss"),
    ("0110 safeguarding referral to bury mash submitted.", "bury"),
    ("GMP CUSTODY RECORD – Bury custody suite", "Bury"),
    ("0930 transport to fort william custody. custody ref", "william"),
    ("PCSO Glenn Irving CC 5310, Walney Neighbourhood.", "Walney"),
    ("2224 E-BIKE FOUND DISCARDED DUCKETTS COMMON. BALACLAVA NEARBY\n2230 X", "DUCKETTS"),
    ("1050 CONVEYED TO CUSTODY LODDON VALLEY.\n1100 CRIME REF", "VALLEY"),
    ("since he was a little boy at Wool Primary. She believes", "Wool"),
    ("taken by her GP at Wells Park Practice.", "Wells"),
    ("The boy wore a Clapton CFC hoodie.", "Clapton"),
    ("male ran towards handsworth park via grove ln. staff", "grove ln"),
    ("0228 CRIME SCENE - CORDON CENTRAL DR / BEECHWOOD ST. SCENE LOG", "CENTRAL DR"),
    ("1030 OWNER INFORMED, 2 THE AVENUE, CAVERSHAM RG4 7 INFORMED.", "AVENUE"),
    ("He gave his name as Hamish Munro, 55 yrs, Bridge of Earn. He", "Earn"),
])
def test_places_named_by_their_unit_or_kind_and_streets_by_their_suffix(text, secret):
    out = _out(text)
    assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("referred to the local council today", "local council"),
    ("2235 CRIME REF 5223298711. FAO CID", "FAO CID"),
    ("Good Practice in Taser use", "Good Practice"),
    ("he went on the A road and then the common path", "common path"),
    ("she went to the st john ambulance tent", "the st"),
    ("the male at the surgery Dr Patel saw", "surgery Dr"),
])
def test_near_misses_of_the_place_classes_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("intel link to thefts at llanybydder (june 21st) and elsewhere", "21st"),
    ("SEEN ON MAY 3RD AT THE PARK", "3RD"),
    ("Custody Sgt: Catrin Bowen\n\nSul 18 Awst / Sun 18 Aug\n0217 Arrived.", "18 Awst"),
    ("Mr Morrison complains that on Hogmanay 2023 he reported it", "Hogmanay"),
    ("SERIAL 0992 12/07/24 (THE TWELFTH)\n0214 CALLER", "TWELFTH"),
    ("Linked IOPC referral 2024/021187 (returned for local investigation)", "021187"),
    ("NICHE OCC 8821/24.\n2330 RPU SGT", "/24"),
    ("mountain rescue call-out ref lmrt 24/019\n1840 note", "lmrt"),
    ("0217 CAR DESC - DARK VW PASSAT, PARTIAL REG ENDING Z 61 - NI PLATE.\n0220 X", "Z 61"),
    ("Detained person: POPA, Ioana   DOB 14/02/2003   21\nAddress given", "   21"),
    ("DP: WARE, Jack   DOB 07/01/1992  (thirty-two)\nAddress: 64", "thirty-two"),
    ("Zosia (aged 6) and Kuba (eighteen months), who were", "eighteen months"),
    ("DP: BROOK, Jake Anthony   DOB 11/01/2010   14 years old", "BROOK"),
    ("2350 OFFENDER MANAGER DC JO PEARSON TO BE EMAILED", " JO "),
    ("1300 duty inspector insp jo pringle informed.", "jo pringle"),
    ("1635 HEAD TEACHER MR S. YOUNG TO SEND LETTER TO PARENTS.", "YOUNG"),
])
def test_dates_references_ages_and_record_names_set_8_writes(text, secret):
    out = _out(text)
    assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("he served eighteen months (18 months) inside", "(18 months)"),
    ("he was 3/24 of the way along", "3/24"),
    ("see page 12/20 of the report", "12/20"),
    ("the reg ending in the car park was seen", "reg ending in the car park"),
    ("PC on duty at the time", "PC on duty"),
    ("Sgt to attend at once", "Sgt to attend"),
])
def test_near_misses_of_the_date_reference_age_and_name_classes_stay(text, kept):
    assert kept in _out(text)


def test_a_phone_number_does_not_run_across_into_road_rage():
    out = _out("1721 RP MRS FARZANA KAUSAR 07861 223 910 REPORTS ROAD RAGE ON OXFORD ROAD, READING W")
    assert "07861" not in out and "910" not in out and "ROAD RAGE" in out, out


@pytest.mark.parametrize(("text", "secret"), [
    ("AUCHTERMUCHTY REPORTS HUSBAND HAMISH MACFARLANE 78 WITH DEMENTIA LEFT HOME", "78"),
    ("Kids (Llyr 6 and Mali 4) present - witness", "Llyr 6"),
    ("MALE SAYS HE IS HER BROTHER - AWET TESFAY 16?\n0602 SECAMB ON SCENE", "16?"),
    ("a Polish-registered VW Passat WPR 82KT1.\nPossible modern slavery", "WPR"),
    ("LORRY REG LT23 HJV (UK) TRAILER BG 4471 KM (BULGARIAN). HEARD KNOCKING", "BG 4471"),
    ("A search of her Snapchat (priyaa.m_x) found messages", "priyaa"),
    ("Her friend Mali Haf (mali.haf_) says Seren went with a man", "mali.haf_"),
])
def test_bare_ages_foreign_plates_and_bracketed_handles(text, secret):
    out = _out(text)
    assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("PATIENT GCS 15 and talking", "GCS 15"),
    ("Section 18, of the act", "Section 18"),
    ("I met him 3 times at Junction 19 and left", "3 times"),
    ("see (s.136) and (e.g.) the text", "(s.136)"),
    ("the file (report.docx) was sent", "(report.docx)"),       # no platform and no name: a file, not a handle
    ("there were 12 officers and 4 vans", "12 officers"),
])
def test_near_misses_of_bare_ages_plates_and_handles_stay(text, kept):
    assert kept in _out(text)


def test_eighth_development_set_holds_its_figures():
    """Written by someone who never saw the rules, scored batch by batch before any rule here learnt from it (first
    seen: structured 0.953/0.932/0.931/0.943/0.961, names and places 0.899/0.888/0.914/0.918/0.928 for batches 1-5; all
    100 passages with the rules at the start of this work: structured 0.908, names and places 0.907, kept 0.947, false
    positives 0.037): the figures of this work must not fall back."""
    from pathlib import Path

    from debrief.anonymise.evaluate import evaluate, format_report, load

    rows = load(Path(__file__).parents[2] / "data" / "anonymise_dev8.jsonl")
    assert len(rows) == 100
    report = evaluate(rows, anonymised)
    table = format_report(report)
    assert report.structured_recall >= 0.973, table
    assert report.names_places_recall >= 0.929, table
    assert report.keep_rate >= 0.947, table
    assert len(report.false_positives) <= 0.038 * sum(s.predicted for s in report.scores.values()), table
