"""Issue 12, classes learnt from the third development set (written by a helper who had not read the rules):
one test per class of identifier that text written by others let through."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise
from tests.support.anonymised import anonymised


def _labels(text: str, secret: str) -> list[str]:
    """Labels of the entities covering every letter of `secret` (empty when something leaks)."""
    result = anonymise(text)
    start = text.index(secret)
    return [e.label for e in result.entities if e.start <= start and start + len(secret) <= e.end]


@pytest.mark.parametrize(("text", "secret", "label"), [
    # a range of days is exact dates
    ("The gross misconduct hearing sat 11-13 Sept 2023 in the town.", "11-13 Sept 2023", "DATE"),
    ("On the night of 14/15 October 2023 a marked car stopped.", "14/15 October 2023", "DATE"),
    ("He sent offers to colleagues on 3 and 4 October 2023.", "3 and 4 October 2023", "DATE"),
    # Welsh weekday short forms in a bilingual log
    ("CAD 0091 SUL 05/01/25 ABERYSTWYTH", "SUL 05/01/25", "DATE"),
    # four digits after a date are a time of day
    ("Thu 07/03/24 1950 - DA call, caller in distress", "1950", "TIME"),
    # ages: after a date of birth, in a bracket with a note, "then", lists, "age stated", "he's about"
    ("Detained person: KOWALCZYK  DOB 17/07/1985 (38)  NI no. pending", "38", "AGE"),
    ("Age: over 18 (42). Occupation: bus driver.", "42", "AGE"),
    ("REPORTS HER FATHER GWILYM TUDUR (79, DEMENTIA) MISSING", "79", "AGE"),
    ("a vulnerable witness, Ms Kayleigh Rutter (then 22), met during it", "22", "AGE"),
    ("Two children in the house, aged 6 and 9, both asleep upstairs.", "9", "AGE"),
    ("Name given: PHAM Quoc Bao. Age stated: 17 — age disputed.", "17", "AGE"),
    ("everybody calls him Lachie, he's about 16 and stays with his gran.", "16", "AGE"),
    ("and Patrick McGinley, 19 (gave a false name first)", "19", "AGE"),
    ("MALE NAMED AS HAMISH STRACHAN-BOYD 23 OF ACOMB, STUDENT", "23", "AGE"),
    ("left in a blue Ford Ranger with their baby, Kathleen, 11 months.", "11 months", "AGE"),
    # references: "no." after the cue, "entry", a second reference sharing its head, a log number like a year
    ("Incident no. 37-03092024-0412. Taser download retained.", "37-03092024-0412", "REFERENCE"),
    ("Intel log entry 24/0412 – social media review", "24/0412", "REFERENCE"),
    ("Original refs: NN-20230614-0733 and -0781. Date unknown.", "-0781", "REFERENCE"),
    ("log 1977 tue 4 june - chapeltown, leeds", "1977", "REFERENCE"),
    # the part of a plate a witness read, and a collar number after a comma
    ('Van reg started "WK" she thinks.', "WK", "VRM"),
    ('a black audi, number plate starts "sk" and then', "sk", "VRM"),
    ("PC E asked that her collar number, 1904, not be printed", "1904", "COLLAR"),
    # a unit, pitch or plot and the place named after it
    ("a cannabis grow (unit 7B, Bircholt Road) in the town", "unit 7B, Bircholt Road", "ADDRESS"),
    ("I attended a trailer at pitch 14, Meadowbank site, at night", "pitch 14, Meadowbank", "ADDRESS"),
])
def test_structured_classes(text: str, secret: str, label: str) -> None:
    assert label in _labels(text, secret), anonymise(text).text


@pytest.mark.parametrize(("text", "kept"), [
    ("Two officers attended; aged 6 and 9 minutes apart the calls came in.", "minutes"),
    ("She was on her 3rd cup of tea and the log was opened at 14:00.", "log"),
    ("The unit 7 team met at the station.", "team"),
    ("The reg started to rain on the plate", "rain"),
])
def test_ordinary_words_around_the_new_rules_stay(text: str, kept: str) -> None:
    assert kept in anonymise(text).text


def test_an_age_reads_right_after_the_pronoun() -> None:
    assert anonymise("he's about 16 and lives with his gran.").text == "he's in their teens and lives with his gran."


def test_a_time_after_a_date_reads_right() -> None:
    assert anonymise("Thu 07/03/24 1950 - DA call").text == "One day in the evening - DA call"


@pytest.mark.parametrize(("text", "secret", "label"), [
    # lower-case logs: two streets joined by a slash, "st" after a name, a premises noun after its name
    ("1901 pc amira el-sayed and pc tom brierley detained male at crockett's lane/brasshouse lane",
     "brasshouse lane", "PLACE"),
    ("0209 999 from security at mayhem nightclub, castle st, llanelli. male collapsed in toilets", "castle st",
     "PLACE"),
    ("0209 999 from security at mayhem nightclub, castle st, llanelli. male collapsed in toilets", "mayhem",
     "PLACE"),
    # capitals logs: a street made of ordinary words, handles with underscores or dotted digits
    ("0712 GWILYM WALKS DAILY TO CONSTITUTION HILL AND THE PROM. WEARING FLAT CAP", "CONSTITUTION HILL", "PLACE"),
    ('21:06 CAGRI AKA "CHEG" HAS SNAPCHAT CHEG_HD5, MUM HAS LOCATION OFF NOW', "CHEG_HD5", "HANDLE"),
    ('0301 kitkat says the man is "dai" 07700 900 417, snapchat dai.fish99 and more words here', "dai.fish99",
     "HANDLE"),
    # nicknames after more cues
    ("he is known locally as 'Bomber'. Bomber was swinging a bottle.", "Bomber", "PERSON"),
    ('DP name: Hodan Warsame   Also known as: "Honey"   DOB: 14/12/2000', "Honey", "PERSON"),
    ('Other one called the tall one "Stretch". Van seen.', "Stretch", "PERSON"),
    ('TikTok @page_boy_s4 (display name "PAGEBOY") — believed to be him', "PAGEBOY", "PERSON"),
    ('kitkat says dealer is "dai the fish" 07700 900 417', "dai the fish", "PERSON"),
    # a nickname inside a name takes both surnames after it, in a capitals log too
    ('0049 MALE GIVES NAME GUSTAVO "GUGA" MENDES CARVALHO 19 YRS, DOB 11/07/2004', "MENDES CARVALHO", "PERSON"),
])
def test_name_and_place_classes(text: str, secret: str, label: str) -> None:
    assert label in _labels(text, secret), anonymise(text).text


@pytest.mark.parametrize(("text", "kept"), [
    ("She was tagged on TikTok by the girl's friends.", "TikTok"),  # camel case is one word
    ("Snapchat Cheg is not a name.", "Snapchat"),
    ("TPAC AUTHORISED BY FIM INSP OKONKWO", "FIM INSP"),  # a rank after a role word is no name
    ("Statement taken from the driver (MG11) at 10:00.", "MG11"),
    ("The Mental Health (Care and Treatment) (Scotland) Act applied.", "Treatment"),
    ("Kwame applied Hiatt speedcuffs and I removed the probes.", "Hiatt speedcuffs"),
    ("lexi supported by the lgbt liaison officer ps o'connell-baptiste. crime raised, no further action.", "lgbt"),
    ("He called the police \"a joke\" twice.", "a joke"),
    ("The Taser-trained officer and a TPAC-trained driver were sent.", "Taser-trained"),
])
def test_operational_words_stay(text: str, kept: str) -> None:
    assert kept in anonymise(text).text


def test_a_log_lines_time_is_no_house_number() -> None:
    result = anonymise("0712 GWILYM WALKS DAILY TO THE SHOP")
    assert [e.label for e in result.entities] == ["TIME", "PERSON"], result.text


@pytest.mark.parametrize(("text", "secret", "label"), [
    # particles and initials before a name go with it
    ("arrested at 0145 on the 4th. Ó Cathasaigh's phone seized.", "Ó Cathasaigh", "PERSON"),
    ("Stop search account - PC 2761 S. Ó Floinn (South Wales Police)", "S. Ó Floinn", "PERSON"),
    # a word in another script is a name
    ("DP: LIANG Zihan (梁子涵)   M   DOB 2008-01-19", "梁子涵", "PERSON"),
    ("Brother named as Дмитрий on the form.", "Дмитрий", "PERSON"),
    # premises: names joined by "&", a possessive before a describing word and the noun, a noun before a name
    ("saw ur car outside the Lamb & Flag last nite", "Lamb & Flag", "PLACE"),
    ("after staff at Chantry Food & Wine called 999", "Chantry Food & Wine", "PLACE"),
    ("outside Morley's chicken shop. Grounds: smell of cannabis.", "Morley's", "PLACE"),
    ("MOP REPORTS MALE WITH KNIFE OUTSIDE CAFÉ LISBOA, 118 STOCKWELL ROAD SW9. CALLER", "CAFÉ LISBOA", "PLACE"),
])
def test_more_name_and_place_classes(text: str, secret: str, label: str) -> None:
    assert label in _labels(text, secret), anonymise(text).text


@pytest.mark.parametrize(("text", "expected"), [
    # two people never share one label, whether their names open with an initial or a particle
    ("Insp V. Marchetti-Lowe met Sgt T. Beckford.", "Insp A met Sgt B."),
    ("Ó Cathasaigh met Ó Briain and then Ó Cathasaigh left.", "Person A met Person B and then Person A left."),
    # a collar number before an initial belongs to that officer: one label, not "PC A B"
    ("PC 2761 S. Floinn and later PC 2761 went.", "PC A and later PC A went."),
    ("The crew took him to A & E at once.", "The crew took him to A & E at once."),
])
def test_labels_read_right(text: str, expected: str) -> None:
    assert anonymise(text).text == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a collar number with a force code, or with force letters in front, before a name: one label with the rank
    ("Statement of PC 2231 WY Hannah Osei-Bonsu", "Statement of PC A"),
    ("Use of force statement – PC NP4412 Rhys Ap-Gwilym", "Use of force statement – PC A"),
    ("Me (PC 2088 Andreea Popescu-Hall) and Sgt 1549 Conall Mac an tSaoir attended. Later Sgt Mac an tSaoir left.",
     "Me (PC A) and Sgt B attended. Later Sgt B left."),
    # a town's name after a titled first name is a surname; places side by side are one place
    ("His grandmother, Mrs Hyacinth Blackwood said", "His grandmother, Mrs A said"),
    ("ANPR HIT AT J30 CARDIFF, REG KEEPER KNOWN", "ANPR HIT AT a main road, REG KEEPER KNOWN"),
    # no doubled time phrases, no "the the", no "at late in the evening"
    ("One day about 8 in the evening (20.05) I was on foot patrol", "One day about evening I was on foot patrol"),
    ("In March 2024 at 22:15 I was on patrol", "In 2024 late in the evening I was on patrol"),
    ("Checks were made at 02:10 (0210hrs) by the officer.", "Checks were made in the early hours by the officer."),
])
def test_rewritten_text_reads_right(text: str, expected: str) -> None:
    assert anonymise(text).text == expected


def test_no_article_is_doubled_before_a_time() -> None:
    out = anonymise("He missed the 02:00 check.").text
    assert "the the" not in out and out == "He missed the early hours check."


@pytest.mark.parametrize(("text", "secret", "label"), [
    # a year of birth after "born approx" or before "born"
    ("believed to be Jordan Whiteley, born approx 1998) is supplying", "1998", "DOB"),
    ("PNC CHECKS: GILMORE-QUINN 1949 BORN, NO WARNINGS", "1949", "DOB"),
    # a court named by its town, a region, a place with a compass word, a hospital's acronym, a church
    ("one, Bradley Tonks (24), is due at Caernarfon Crown Court on the 14th.", "Caernarfon Crown Court", "PLACE"),
    ("Cuckooing – a case study from North Wales (v1)", "North Wales", "PLACE"),
    ("Intelligence log – Glasgow East (G Division)", "Glasgow East", "PLACE"),
    ("I was driving from Central Milton Keynes towards Wolverton.", "Central Milton Keynes", "PLACE"),
    ("0040 CONVEYED UHW. PC EVANS TRAVELLING", "UHW", "PLACE"),
    ("checked the chapel of Our Lady of Częstochowa on Park Road.", "Our Lady of Częstochowa", "PLACE"),
    ("stolen from outside the Kursaal on Eastern Esplanade, PC Whitmore said", "Eastern Esplanade", "PLACE"),
])
def test_year_of_birth_and_place_classes(text: str, secret: str, label: str) -> None:
    assert label in _labels(text, secret), anonymise(text).text


@pytest.mark.parametrize(("text", "expected"), [
    ("He was sent to the Crown Court.", "He was sent to the Crown Court."),
    ("South Wales Police attended", "The force attended"),
    ("He was conveyed to A&E, then ED.", "He was conveyed to A&E, then ED."),
    ("one is due at Caernarfon Crown Court soon.", "one is due at a court soon."),
])
def test_places_read_right(text: str, expected: str) -> None:
    assert anonymise(text).text == expected


def test_a_reference_before_a_date_is_no_range_of_days() -> None:
    result = anonymise("INC 1187 - 17 AUG 2023 - CONCERN FOR SAFETY")
    assert [(e.label, e.text) for e in result.entities] == [("REFERENCE", "1187"), ("DATE", "17 AUG 2023")]


def test_third_development_set_holds_its_figures() -> None:
    """Written by a helper who had not read the rules; the figures of this change must not fall back."""
    from pathlib import Path

    from debrief.anonymise.evaluate import evaluate, format_report, load

    rows = load(Path(__file__).parents[2] / "data" / "anonymise_dev3.jsonl")
    assert len(rows) == 80
    report = evaluate(rows, anonymised)
    table = format_report(report, details=True)
    assert report.structured_recall >= 0.975, table
    assert report.names_places_recall >= 0.96, table
    assert report.keep_rate >= 0.95, table
    assert len(report.false_positives) <= 0.035 * sum(s.predicted for s in report.scores.values()), table


@pytest.mark.parametrize(("text", "expected"), [
    ("believed to be Nicoleta Mihai-Stan, 17, of Great Lever, whose own account",
     "believed to be Person A, in their teens, of a town, whose own account"),
    ("male is gary robson, 41, of walker, known to police. female is his partner who was there",
     "male is Mr A, in their forties, of a town, known to police. female is his partner who was there"),
    ("He was 3 of Three Officers present.", "He was 3 of Three Officers present."),
    ("Paragraph 4 of Code C applies.", "Paragraph 4 of Code C applies."),
])
def test_where_someone_of_an_age_lives(text: str, expected: str) -> None:
    assert anonymise(text).text == expected
