"""Recall by class for structured identifiers and organisations (development sets 9 to 11's leftovers): one test per
class, each with a near miss that must stay."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


def _out(text: str, people: tuple[str, ...] = ()) -> str:
    return anonymise(text, people=people).text


@pytest.mark.parametrize(("text", "secret"), [
    ("He became upset and said he had a job interview at 3. I explained what would happen.", "at 3."),
    ('He had told her he\'d be "back at the car park by 7". His car was found later.', "by 7"),
    ("2240 mental health street triage - not available after 10. male to stay at a&e", "after 10."),
    ("Morning folks,\n\nQuiet till 2 then it all kicked off.", "till 2 then"),
    ("Security have a shoplifter they want us to collect from 9 when they open.", "from 9"),
    ("We went there at 3, no answer.", "at 3,"),
])
def test_an_hour_alone_after_a_word_that_times_it_goes(text, secret):
    out = _out(text)
    assert secret not in out and "that time" in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("The fine was increased by 2.", "increased by 2."),
    ("The score went up by 2.", "up by 2."),
    ("He was doing about 40 in a 30 limit.", "about 40 in a 30"),
    ("There were 4 of us at 3 different addresses.", "at 3 different"),
    ("She was given 2 paracetamol at 1.5 hourly intervals.", "1.5"),
])
def test_a_count_or_a_speed_is_no_hour(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Observations normal. Level 2 obs.\n22.30 Next of kin: husband - requested DP not contacted.", "22.30"),
    ("MISSING: ORAN MACKAY AGED 22 FROM STORNOWAY. LEFT 1930 WEARING RED JACKET.", "1930"),
])
def test_a_dotted_time_opening_a_log_line_or_a_clock_after_left_goes(text, secret):
    assert secret not in _out(text)


def test_a_measure_opening_a_line_stays():
    assert "1.5 litres" in _out("Fluids given:\n1.5 litres of water over the shift.")


@pytest.mark.parametrize(("text", "secret", "said"), [
    ("He says it's the 3rd time since Easter. Hate crime flag.", "Easter", "since April"),
    ("We were together for four years and split up at New Year. Since then he messages.", "New Year",
     "one day in January"),
    ("Self harm history (overdose Xmas 2022). Mental health - depression.", "Xmas", "2022"),
    ("Subject: Handover (Bonfire weekend - fireworks calls galore)", "Bonfire", "November"),
    ("STS WATKINS HIT HIM WITH A SPANNER OVER A TRACTOR DEAL FROM MAY BANK HOL", "BANK HOL", "May"),
    ("She said that over the Christmas period he called her forty times.", "Christmas", "December"),
])
def test_a_holiday_that_dates_something_goes(text, secret, said):
    out = _out(text)
    assert secret not in out and said in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("He said it's Christmas, give it a rest.", "Christmas"),
    ("He left their Christmas do at the hotel early.", "Christmas do"),
    ("The Easter egg hunt was cancelled.", "Easter egg"),
    ("He hasn't come home since the bonfire.", "since the bonfire"),
    ("It was on Christmas Eve.", "one evening in December"),             # the festival layer's own reading
])
def test_a_holiday_named_with_no_date_stays(text, kept):
    assert kept in _out(text)


def test_every_day_of_a_list_before_its_month_goes():
    out = _out("The thefts were on 3, 5 and 9 May 2024 at the shop.")
    assert not any(d in out for d in ("3,", "5 and", "9 May")) and "2024" in out, out


def test_numbers_listed_before_a_month_word_that_is_no_month_stay():
    assert "3, 5 and 9 mayors" in _out("We met 3, 5 and 9 mayors.")


@pytest.mark.parametrize(("text", "secret"), [
    ('A boy she knows as "Ali" who looks about 16.', "16"),
    ("The second worker was a young female who appeared no older than 17. She looked frightened.", "17"),
    ("At all hours there's young lads knocking, some of them no older than 14 or 15, in and out.", "14 or 15"),
    ("I saw her daughter who I would say was about 10 hiding behind her.", "about 10"),
    ("ginger buzz cut, wearing a navy jumper and blue jeans, about 25. I pointed him out.", "about 25"),
    ("0231 2ND MALE NOT LOCATED. DESC: TEENS, SKINNY, BLACK TRACKSUIT.", "TEENS"),
    ("19:03 FEMALE DESC: BLACK, TEENS, PINK HOODIE, SCREAMING.", "TEENS"),
    ("Flat 61 Ashton House. Older gent, seventy-eight, been dead about 4 days.", "seventy-eight"),
    ("Name: JONES, Carys   DOB: 27-08-1983   Age: forty\nAddr: Bryn Awel", "forty"),
    ("1605 second child, baby approx 10 months, found in cot upstairs.", "10 months"),
    ('a girl "Kacey" (16) who posts on Snapchat', "16"),
    ("Around 30 youths 15-16 were gathered by the shops.", "15-16"),
])
def test_an_age_a_witness_guesses_or_a_description_gives_goes(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He was white, approx 5'9, thin build.", "5'9"),
    ("He looks about 6 ft tall.", "6 ft"),
    ("The queue was about 40 people long.", "about 40 people"),
    ("It was going fast, about 40.", "about 40"),
    ("Youths 5-10 minutes away.", "5-10 minutes"),
    ("We spoke to the teens on the bench.", "teens"),
])
def test_a_height_a_count_or_a_speed_is_no_age(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("is the shoplifter (name's White, Chantelle White - 22), she's been seen by the nurse", "22"),
    ("refusing full details, believe to be daniel moss 14 from kinmel bay", "14"),
    ("16:58 INJURED PARTY MICHAEL BAKER 67 OF LUDLOW, 01584 872 115.", "67"),
])
def test_an_age_after_a_name_before_a_dash_or_where_they_live_goes(text, secret):
    assert secret not in _out(text)


def test_a_call_sign_number_is_no_age():
    assert "31" in _out("19:20 OSCAR 31 AT HOME ADDRESS BILSTON. CAR ON DRIVE.")


@pytest.mark.parametrize(("text", "secret"), [
    ('He thinks a Transit, reg partially seen as "..KYA", heading towards town.', "KYA"),
    ('Partial VRM seen "65 ..YJ"? - Mr Dixon not sure.', "YJ"),
    ('They only got part of the number, it started "CU1" and I think it ended in a "W" but I\'m not sure', '"W"'),
    ("VAUXHALL ZAFIRA, CALLER UNSURE, \"R-SOMETHING, ENDING HJT\"", "HJT"),
    ("She was with an older male in a white Corsa ending ...XKF, not identified yet.", "XKF"),
    ("a black Golf on foreign plates - Turkish, \"34 ABC 712\" - seen on the A127", "712"),
    ("Mr Hassan was driving his taxi (NJ69 TXI, a licensed private hire vehicle).", "TXI"),
    ('reg she thought "KXZ 1234" or 1234 KXZ, a Monaghan reg.', "KXZ"),
    ("- 7 KEZ - RK K. Grant, Coldean Lane, Brighton.", "KEZ"),
])
def test_a_partial_foreign_or_dateless_plate_goes(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("16:31 LANDLADY STATES. BODY WORN VIDEO ON ALL UNITS. SCENE PRESERVED FOR CSI\n16:31 LANDLADY", "CSI"),
    ('The reg "REG" field was blank on the form.', "REG"),
    ("His car was a BMW 3 series, reg not known.", "BMW 3"),
    ("Speed recorded 30 MPH in the zone, reg not seen.", "30 MPH"),
    ("20:30 HCP Siobhan - number 07429 006 318 given.\n20:30 HCP review", "20:30 HCP"),
])
def test_a_word_or_a_make_near_a_plate_word_stays(text, kept):
    assert kept.split()[-1] in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("0225 KNIFE FOUND IN BIN ON STRAWBERRY PLACE, BAGGED DR/3\n0240 ROBSON TO CUSTODY.", "DR/3"),
    ("PERSON SITTING ON THE RAILS NEAR BRIDGE BHL/14\n0719 BTP EN ROUTE", "BHL/14"),
    ("Property: phone (Samsung, cracked), £12.40, ARC card (UKA 0447 2281 3).", "0447"),
    ("Door supervisor (badge 1192 2044 8811 0375) also has footage.", "8811"),
    ("Badge no. noted PH 003318.", "PH"),
    ("club over tyler talking to deano's ex on snap. handle given chantelle.xo_\n2025 cid aware", "chantelle.xo_"),
    ("0041 CLOSED - ACR M3310", "M3310"),
    ("LOG CLOSED. SUPERVISOR SGT LAURA KERR V1190", "V1190"),
])
def test_exhibit_marks_card_numbers_handles_and_one_letter_collars_go(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Not applicable: N/A.", "N/A"),
    ("I asked about his handle on the door.", "handle on the door"),
    ("We were 24/7 on the job.", "24/7"),
])
def test_a_road_a_handle_of_a_door_and_a_slash_word_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret", "noun"), [
    ("He was taken to Northern General by YAS with head injuries.", "YAS", "ambulance service"),
    ("Older gent, been dead about 4 days. LAS pronounced at 14:10.", "LAS", "ambulance service"),
    ("08:10 SAS O/S. MALE TO COMMUNITY HOSPITAL", "SAS", "ambulance service"),
    ("Subject identified by staff from the Southern train (ticket inspector).", "Southern", "transport company"),
    ("CCTV requested from Southeastern and BTP.", "Southeastern", "transport company"),
    ("conductor contacted via northern rail control", "northern", "transport company"),
    ("A bus driver (Go North East) pressed the panic button.", "North East", "transport company"),
    ("known to Glasgow HSCP as a vulnerable adult", "Glasgow", "partnership"),
    ("IVPD RAISED FOR D&G HSCP", "D&G", "partnership"),
    ("Referral to Blaenau Gwent CBC children's services.", "Blaenau", "council"),
    ("REFER TO CYNGOR SIR YNYS MON ADULT SOCIAL CARE", "YNYS", "council"),
    ("Intel to East Midlands Special Operations Unit for development.", "East Midlands", "crime unit"),
    ("working with the Regional Organised Crime Unit (TARIAN).", "TARIAN", "crime unit"),
    ("NRM first responder referral; ERSOU informed.", "ERSOU", "crime unit"),
    ("joiner from durham county council out of hours (dcc) ref oh/55412", "dcc", "council"),
    ("skye mountain rescue team requested via police scotland inverness area control", "scotland", "force"),
])
def test_an_organisation_that_tells_its_area_goes(text, secret, noun):
    out = _out(text)
    assert secret not in out and noun in out.lower(), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He said the SAS had trained him in the army.", "SAS"),
    ("Northern lights were visible over the hills.", "Northern lights"),
    ("They went to a southern beach for the day.", "southern beach"),
    ("NPAS REQUESTED. COASTGUARD INFORMED.", "NPAS"),
    ("A titan of a man, he said.", "titan"),
    ("Network Rail signaller called.", "Network Rail"),                    # a national body names no area
])
def test_a_word_or_a_national_body_stays(text, kept):
    assert kept in _out(text)


def test_a_ranked_officer_with_a_collar_before_the_name_reads_as_one_officer():
    out = _out("I was on patrol with PC 4471 May when we saw the car.")
    assert "4471" not in out and "May" not in out
    assert out.startswith("I was on patrol with PC ") and len(out.split("PC ")[1].split(" when")[0].split()) == 1, out


@pytest.mark.parametrize(("text", "secret"), [
    ('HE HAD BEEN DRINKING WITH HIS MATE "TAFF" SINCE 6PM AND CAME HOME ACCUSING HER', "6PM"),
    ("says he's been drinking since the rugby at principality stadium at 1pm\n2330 van not available.", "1pm"),
    ("CALLER STATES HE LEFT AT 10.30PM. NOT SURE WHERE TO.", "10.30PM"),
    ("1822 kelly to take full statement tomorrow 1000 at birkenhead nick.", "1000"),
    ("the landlady states the couple had a drink at about 4 and said they were staying", "about 4"),
])
def test_a_clock_time_in_a_re_cased_line_or_after_its_day_goes(text, secret):
    assert secret not in _out(text)


def test_a_capital_am_after_no_figure_stays():
    assert "I AM NOT SURE" in _out("CALLER STATES I AM NOT SURE.")


@pytest.mark.parametrize(("text", "secret"), [
    ('- a lad known as "Spud", approx twenty, ginger, lives there with his girlfriend', "twenty"),
    ('ALL FROM A JUVENILE "LITTLE JOHNNY" 15. ALL FROM RUNCORN', "15"),
    ("Two missing teens from the pier area – Millie and Eva, both 15. Found later.", "15"),
    ("DP: SCOTT, Daniel James   DOB 04.04.2007  (18 yesterday)", "18"),
    ("OCCUPANT MRS EILEEN CRAWFORD (OVER 80) EVACUATED TO DAUGHTER'S", "80"),
    ("Missing – Ruby-Mae Hale (no relation to the DC!) 14, from Braunstone, still missing", "14"),
])
def test_an_age_after_a_quoted_name_for_a_pair_or_in_brackets_goes(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("There were about twenty, then more came.", "about twenty"),
    ("Both 15 minutes late.", "15 minutes"),
    ("Children (under 13) must be accompanied.", "under 13"),                # the anonymiser's own band
])
def test_a_count_or_the_anonymisers_band_is_no_new_age(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ('01:15 CALLER STATES MALES IN A SILVER VAN, PART REG "GN SOMETHING UYR", HEADING ALONG', "UYR"),
    ("no phones, distress. B 123 CRV checked via international liaison", "CRV"),
    ("02:10 CRIME 2500283317. LOG CLOSED. OPERATOR CC 7731", "7731"),
    ("Arresting Officer: PC Harry Stone CoL 612\nOffence: Fraud", "612"),
    ("Officers: PC Kate Rowe 2045 and PC Jack Fenwick 1873\nComplainant: Mr Cole", "2045"),
    ("LINKED TO KEYLESS CAR THEFTS CANVEY, SEE OP MEADOW\n02:21 BWV ON ALL.", "MEADOW"),
    ("CHESHIRE POLICE INC CH-0214-0057 14 FEB 2025\n19:48 CALLER", "0214"),
    ('PHOTOS OF ARV ON FACEBOOK GROUP "TENTERDEN NOTICEBOARD" ALREADY', "NOTICEBOARD"),
    ("B16 DRE – PNC keeper Andre Campbell, Forest Gate, E7, linked to county lines intel.", "E7"),
])
def test_plate_parts_collars_call_signs_operations_and_group_names_go(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("She had her op on the ward. He was post op for two days.", "post op"),
    ("The PC 123 AND the other unit left.", "AND"),
    ("0233 LIFEBOAT REQUESTED VIA COASTGUARD FALMOUTH.", "COASTGUARD"),     # the service's word stays
    ("He started a fire near the shed. The big fire was out.", "big fire"),
])
def test_a_medical_op_a_rank_and_a_services_word_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret", "noun"), [
    ("0212 COASTGUARD AND RNLI REQUESTED VIA HM COASTGUARD HUMBER. YAS INFORMED", "HUMBER", "coastguard"),
    ("16:03 AMBULANCE AND FIRE REQUESTED - WMAS / H&W FIRE\n16:04 UNITS", "H&W", "fire service"),
    ("0900 car found burnt out at the car park. cdds fire aware\n0915 units to address", "cdds", "fire service"),
    ("Consider National Referral Mechanism. Info shared with Met via NCLCC.", "Met", "force"),
    ("SEE OP GALLANT (NWROCU). LINK TO WARD FAMILY", "NWROCU", "crime unit"),
])
def test_a_coastguard_centre_a_fire_service_by_initials_and_the_met_go(text, secret, noun):
    out = _out(text)
    assert secret not in out and noun in out.lower(), out


@pytest.mark.parametrize(("text", "secret"), [
    ("chantelle has a cut hand. kids mia 4 and riley 7 ok. neighbour saw it all", "7"),
    ("injury to her arm, no head injury. 2 children 6 and 9 unhurt", "6 and 9"),
    ("family very frightened. daughter beatriz 12 translating - not ideal", "12"),
    ("One of the lads is Kane who's 19 - CSE concern. Intel submitted.", "19"),
    ("Josh turned out to be seventeen, from outside the area.", "seventeen"),
    ("one matches descr. dean hamilton 14 4 dalgarven wynd. others jack", "14"),
])
def test_an_age_after_a_child_named_or_counted_or_said_of_someone_goes(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He lives 2 doors down from his brother.", "2 doors"),
    ("Her son was 1 of 3 boys in the class.", "1 of 3"),
    ("Children x 2 present at the address.", "x 2"),
    ("The lad who's 2 metres tall ran off.", "2 metres"),
])
def test_a_count_after_a_child_word_stays(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("I saw the reg started CU something and ended in HX. Two lads got out.", "HX"),
    ("Partial VRM of a white van, FN?? ... - not much.", "FN"),
    ("towed by a grey Hilux, partial BK... Livestock markets next week", "BK"),
    ("CSI booked for 9. Please can someone from SNT call him today.", "for 9"),
    ("Locus: County Pl, Perth\nTime of arrest: 1915\n1940 Booked in.", "1915"),
    ("This statement refers to an incident on the 5th of this month.", "5th"),
    ("Ref: NWP-INT-24-20911   Date: 2024.02.09   Eval: 3", "2024.02.09"),
    ("I am making this statement about what I saw on Sunday night 14/4.", "Sunday"),
    ("2300 CRIME 0101234567/24 (MAKING OFF WITHOUT PAYMENT) + 0101234590/24 (OFFENSIVE WEAPON)", "0101234590"),
    ("Property returned: phone, lighter, Romanian ID card no. RX 771203.", "771203"),
    ("CRIME DP/24/02119. OPERATION FALCON MARKER ADDED", "FALCON"),
    ("referral to youth justice and op ysgubor?? - check with sgt", "ysgubor"),
])
def test_plate_parts_times_days_and_references_of_the_thirteenth_set_go(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He was on the 2nd floor when it happened.", "2nd floor"),
    ("The operation was a success. He had an op on his knee.", "operation was a success"),
    ("Operation Encompass referral made.", "Encompass"),                      # a national programme stays
    ("Debrief by Person G? ('Person G'?) - plate number not known", "Person G?"),
])
def test_a_floor_a_medical_op_a_national_programme_and_a_label_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret", "noun"), [
    ("driver airlifted. Cumbria Fire and NWAS did great work.", "Cumbria", "fire service"),
    ("moved into a Housing Executive house in an estate", "Housing Executive", "housing"),
    ("hate crime advocate referral. nihe informed re possible rehousing", "nihe", "housing"),
    ("work has since been done with Western Isles Council and the local group.", "Western Isles", "council"),
    ("Ingrid moved to the mainland with support from Shetland Women's Aid.", "Shetland", "support service"),
])
def test_a_county_fire_service_the_housing_executive_and_local_bodies_go(text, secret, noun):
    out = _out(text)
    assert secret not in out and noun in out.lower(), out


def test_a_fire_and_a_council_with_no_area_stay():
    out = _out("A Fire broke out. The council and the local Women's Aid helped.")
    assert "A Fire broke out" in out and "The council and the local Women's Aid" in out
