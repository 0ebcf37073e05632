"""The shared vocabularies: well-formed, complete for the forms and the importer, and free of Flask."""

from __future__ import annotations

import ast
import dataclasses
import re
import sys
from pathlib import Path

import pytest

from debrief import reference as ref

ROOT = Path(__file__).resolve().parents[3]
VOCABULARIES = {
    name: value
    for name, value in vars(ref).items()
    if name.isupper() and isinstance(value, tuple) and value and isinstance(value[0], ref.Choice)
}


def test_the_expected_vocabularies_are_there() -> None:
    expected = {
        "INCIDENT_TYPES", "LOCATION_TYPES", "TACTICS", "TASER_LEVELS", "RESTRAINT_POSITIONS", "IMPACT_FACTORS",
        "FORCE_REASONS", "OUTCOMES", "INJURY_SEVERITIES", "AGE_BANDS", "SEXES", "ETHNICITIES", "ETHNICITY_BASES",
        "VULNERABILITY_FLAGS", "MAIN_DUTIES", "SUBJECT_CONDUCT", "PERSON_ROLES", "DEBRIEF_KINDS",
    }
    assert expected <= set(VOCABULARIES)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_codes_are_unique_identifiers_and_labels_are_unique(name: str) -> None:
    vocab = VOCABULARIES[name]
    codes = ref.codes(vocab)
    assert len(set(codes)) == len(codes), f"{name} repeats a code"
    assert all(re.fullmatch(r"[a-z0-9_]+", code) for code in codes), f"{name} has a code that is not snake_case"
    labels = [choice.label for choice in vocab]
    assert len(set(labels)) == len(labels), f"{name} repeats a label"
    assert all(label.strip() == label and label for label in labels)


def test_choice_is_frozen_and_hint_is_optional() -> None:
    choice = ref.Choice("hot", "Hot debrief")
    assert choice.hint is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        choice.label = "Changed"  # type: ignore[misc]


def test_label_for_and_codes() -> None:
    assert ref.label_for(ref.DEBRIEF_KINDS, "cold") == "Cold debrief"
    assert ref.codes(ref.DEBRIEF_KINDS) == ("hot", "cold")
    with pytest.raises(KeyError, match="'lukewarm'"):
        ref.label_for(ref.DEBRIEF_KINDS, "lukewarm")


def test_fixed_scales_keep_their_order() -> None:
    assert ref.codes(ref.TASER_LEVELS) == ("drawn", "aimed", "red_dotted", "arced", "fired", "drive_stun")
    assert ref.codes(ref.RESTRAINT_POSITIONS) == ("prone", "supine", "kneeling", "standing")
    assert ref.codes(ref.INJURY_SEVERITIES) == ("none", "minor", "severe", "fatal")
    assert ref.codes(ref.AGE_BANDS)[:6] == ("under_11", "11_17", "18_34", "35_49", "50_64", "65_over")
    assert ref.codes(ref.PERSON_ROLES) == ("subject", "victim", "witness", "other")
    assert ref.codes(ref.ETHNICITY_BASES) == ("self_defined", "perceived")
    assert ref.codes(ref.ETHNICITIES) == ("asian", "black", "mixed", "white", "other", "not_stated")


def test_tactics_cover_the_national_list() -> None:
    assert {
        "tactical_communications", "compliant_handcuffing", "non_compliant_handcuffing", "limb_body_restraint",
        "ground_restraint", "unarmed_skills", "baton_drawn", "baton_used", "irritant_spray_drawn",
        "irritant_spray_used", "spit_and_bite_guard", "taser", "aep_aimed", "aep_fired", "firearm_aimed",
        "firearm_fired", "dog_deployed", "dog_bite", "shield", "improvised", "other",
    } == set(ref.codes(ref.TACTICS))


def test_themes_include_the_magazine_themes_and_near_miss_types() -> None:
    codes = set(ref.codes(ref.INCIDENT_TYPES))
    assert {
        "use_of_force", "custody", "mental_health", "domestic_abuse", "road_traffic", "stop_and_search",
        "call_handling", "missing_person", "vulnerable_people", "vawg", "death_following_contact", "discrimination",
    } <= codes


def test_location_types_follow_the_dataset_list() -> None:
    assert len(ref.LOCATION_TYPES) == 15
    assert ref.label_for(ref.LOCATION_TYPES, "police_vehicle_cage") == "Police vehicle with prisoner handling cage"


PURE_MODULES = [
    "debrief/reference.py",
    "debrief/analytics/charts.py",
    "debrief/nationaldata/csv_reader.py",
    "debrief/nationaldata/columns.py",
    "debrief/nationaldata/values.py",
    "debrief/nationaldata/fingerprint.py",
    "debrief/nationaldata/synthetic.py",
]


@pytest.mark.parametrize("path", PURE_MODULES)
def test_building_blocks_import_only_the_standard_library(path: str) -> None:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    for name in imported:
        top = name.split(".")[0]
        if top == "debrief":
            assert name == "debrief" or name.startswith(("debrief.reference", "debrief.nationaldata")), name
        else:
            assert top in sys.stdlib_module_names, f"{path} imports {name}"
