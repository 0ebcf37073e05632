"""Names that are ordinary words, where only a person can stand: after a dotted initial, and as the one told,
asked or rung (a walker found "J. Smith" and "tell Chanty" left in passages)."""
import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize("text, gone", [
    ("Her ex, J. Smith, was there.", "Smith"),
    ("Seen with T. Baker and R. Cook.", "Cook"),
    ('On the way he said "tell Chanty I\'m sorry".', "Chanty"),
    ("She asked Hope for a lift.", "Hope"),
    ("We told Rose Baker to wait.", "Baker"),
])
def test_a_name_that_is_a_word_is_replaced_where_only_a_person_fits(text, gone):
    out = anonymise(text).text
    assert gone not in out, out


@pytest.mark.parametrize("text", [
    "I told Control. He asked Police for help. She rang Mum.",
    "Ref B/2/P. Prepared by the team.",
    "Source grading B2.\nP.\nSource: handler.",
    "Arrived 10 p.m. Then left.",
])
def test_words_that_are_no_one_stay(text):
    assert not [e for e in anonymise(text).entities if e.label == "PERSON"]


@pytest.mark.parametrize("text, gone, kind", [
    ("Referred to Leeds City Council housing team.", "Leeds", "council housing team"),
    ("The protocol with Aneurin Bevan UHB says so.", "Bevan", "health board"),
    ("Riverside Housing Association were told.", "Riverside", "housing association"),
    ("Seen by NHS Greater Glasgow and Clyde staff.", "Glasgow", "health board"),
    ("Sheffield Teaching Hospitals NHS Foundation Trust replied.", "Sheffield", "health trust"),
    ("Trading Standards Herefordshire Council visited.", "Herefordshire", "Trading Standards"),
])
def test_a_public_body_named_by_its_area_is_told_as_its_kind(text, gone, kind):
    out = anonymise(text).text
    assert gone not in out and kind in out, out


@pytest.mark.parametrize("text", ["the National Police Chiefs' Council", "the City Council said",
                                  "NHS England guidance and NHS 111"])
def test_a_body_named_by_no_area_stays(text):
    assert anonymise(text).text == text


@pytest.mark.parametrize("text, people, gone", [
    ("because June had said so. June said: no.", ["June Smith"], "June"),
    ("LOG CLOSED BY PC MAY.", [], "MAY"),
    ("PC May met April. April said no.", [], "April said"),
    ("PC 4471 May attended.", [], "May"),
])
def test_a_month_that_is_someone_s_name_is_replaced_where_it_names_them(text, people, gone):
    assert gone not in anonymise(text, people=people).text


@pytest.mark.parametrize("text", ["Since March the team has grown.", "Ref 4471 May be late.", "In June we met."])
def test_a_month_that_is_a_month_stays(text):
    assert "Person" not in anonymise(text).text


@pytest.mark.parametrize("text, handle", [("messages from the account jay.inv.99, and a plan", "jay.inv.99"),
                                          ("a profile called lil_t posted", "lil_t")])
def test_an_account_name_after_its_noun_is_replaced(text, handle):
    assert handle not in anonymise(text).text and "[online account]" in anonymise(text).text


def test_an_account_or_page_without_a_name_stays():
    text = "The account was closed. Page 2 of the report."
    assert anonymise(text).text == text


@pytest.mark.parametrize("text, expected", [
    ("PC Little has been commended. Sgt Young left.", "PC A has been commended. Sgt B left."),
    ("Mr A. Khan, a pharmacist, said no.", "Mr A, a pharmacist, said no."),
    ("In the van per PC Thompson's EAS.", "In the van per PC A's EAS."),
    ("08:10 PC 77 MAY DEPLOYED. 09:14 APRIL STATES NO.", "morning PC 77 A DEPLOYED. morning Person B STATES NO."),
])
def test_a_name_after_a_rank_or_initial_is_the_officer_even_when_a_word(text, expected):
    """A second walker found "PC Little", "Mr A. Khan", "PC 77 MAY" (read as a date on the 77th) and "09:14 APRIL"."""
    assert anonymise(text).text == expected


def test_the_anonymiser_s_own_label_after_a_rank_is_no_name():
    assert anonymise("Learning for Insp D's team.").text == "Learning for Insp D's team."
