"""Unit tests of the policing contributory-factor framework data."""

from __future__ import annotations

import re

from debrief.rca.framework import (
    CATEGORIES,
    CATEGORY_BY_CODE,
    UNCATEGORISED,
    category_choices,
    category_name,
)


def test_the_framework_has_a_workable_number_of_categories_with_unique_stable_codes():
    assert 12 <= len(CATEGORIES) <= 15
    codes = [category.code for category in CATEGORIES]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[a-z]+(?:_[a-z]+)*", code) for code in codes)
    assert UNCATEGORISED not in codes
    assert len({category.name for category in CATEGORIES}) == len(CATEGORIES)


def test_the_policing_categories_from_the_domain_are_present():
    names = {category.code: category.name for category in CATEGORIES}
    assert names["person_in_contact"] == "Person in contact"
    assert names["individual"] == "Individual (officer or staff)"
    for code in (
        "task_procedures",
        "communication",
        "team_supervision",
        "education_training",
        "equipment_technology",
        "working_conditions",
        "organisational_strategic",
        "powers_guidance",
        "control_room",
        "custody_environment",
        "partner_agencies",
        "physical_environment",
    ):
        assert code in names


def test_every_category_has_a_one_sentence_description_and_two_to_four_examples():
    for category in CATEGORIES:
        description = category.description
        assert description[0].isupper() and description.endswith("."), category.code
        assert description.count(". ") == 0, f"{category.code}: one sentence"
        assert 2 <= len(category.examples) <= 4, category.code
        assert all(example and not example.endswith(".") for example in category.examples)


def test_working_conditions_names_single_crewing_and_staffing():
    text = " ".join(CATEGORY_BY_CODE["working_conditions"].examples).lower()
    assert "single-crewed" in text and "staffing" in text and "shift" in text


def test_lookup_and_choices_follow_framework_order():
    assert CATEGORY_BY_CODE["control_room"].name == "Control room and call handling"
    choices = category_choices()
    assert choices[0] == ("person_in_contact", "Person in contact")
    assert [code for code, _ in choices] == [category.code for category in CATEGORIES]
    assert category_choices(include_uncategorised=True)[-1] == ("uncategorised", "Uncategorised")


def test_category_names_for_missing_and_unknown_codes():
    assert category_name("partner_agencies") == "Partner agencies"
    assert category_name(None) == "Uncategorised"
    assert category_name(UNCATEGORISED) == "Uncategorised"
    assert category_name("retired_code") == "retired_code"
