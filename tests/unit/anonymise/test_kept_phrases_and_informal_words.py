"""A kept phrase named after a person keeps the phrase, not everyone of that name; informal words, countries and
brands that a walker saw replaced as people are ordinary words."""
import pytest

from debrief.anonymise import anonymise


def test_a_person_named_like_a_kept_phrase_is_replaced_everywhere_but_in_the_phrase():
    out = anonymise("Osman Ali was arrested. Later Osman said sorry. Consider an Osman warning.").text
    assert out.count("Osman") == 1 and "an Osman warning" in out
    out = anonymise("Herbert Smith went missing. Herbert was found. The Herbert Protocol was used.").text
    assert out.count("Herbert") == 1 and "Herbert Protocol" in out


@pytest.mark.parametrize("text", [
    "He stopped his meds 2 wks ago. his mum rang.",
    "log to corporate comms for soc media",
    "FLAT ABOVE THE CHIPPY",
    "She came under the Homes for Ukraine scheme; her sister is in Poland.",
    "Blond hair, Peppa Pig t-shirt.",
    "The TacAd's decision was to wait.",
    "Flown by Helimed to hospital.",
])
def test_informal_words_countries_and_brands_are_not_people(text):
    assert anonymise(text).text == text
