"""The one deny-list builder: a release's list is its records' terms, what was found, and the redactions."""
from __future__ import annotations

from debrief.anonymise.deny_terms import deny_terms_beside, deny_terms_for, release_deny_list

RECORDS = {"people": ["PC 4417 Ellie Morgan"], "force": "Northshire Police", "places": ["Mill Lane, Ashford"],
           "collar_numbers": ["NS1150"]}


def test_release_list_holds_the_records_terms_what_was_found_and_the_redactions():
    terms = release_deny_list(**RECORDS, found=[("PERSON", "Karen Walsh"), ("POSTCODE", "AB1 2CD")],
                              redactions=["Dean", "the Red Lion"])
    assert set(deny_terms_for(**RECORDS)) <= set(terms)
    assert {"Karen Walsh", "Karen", "Walsh", "AB1 2CD", "Dean", "Red Lion"} <= set(terms)
    assert terms == sorted(terms, key=lambda t: (-len(t), t.lower()))


def test_words_the_reviewer_kept_stay_out_of_what_was_found_but_not_out_of_the_records():
    terms = release_deny_list(**RECORDS, found=[("PERSON", "Karen Walsh"), ("PLACE", "Ashford")],
                              kept=["Karen Walsh", "Ashford"])
    assert "Karen" not in terms and "Karen Walsh" not in terms
    assert "Ashford" in terms  # the incident's own place is on the records' list whatever was undone


def test_lists_beside_each_other_merge_into_one():
    assert deny_terms_beside([["Morgan", "Dawson"], None, ["Dawson", "Ashford"]]) == ["Ashford", "Dawson", "Morgan"]
