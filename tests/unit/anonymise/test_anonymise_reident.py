"""Re-identification flags for combinations that could point at someone once names are gone."""
from __future__ import annotations

from debrief.anonymise import IncidentProfile, Involved, Severity, check, check_text


def _codes(flags) -> set[str]:
    return {f.code for f in flags}


def test_rare_event_small_place_exact_date_is_high() -> None:
    flags = check(IncidentProfile(incident_type="Death in custody", place="Llandovery",
                                  place_population=2_700, exact_date=True))
    assert _codes(flags) == {"rare-event-small-place-exact-date"}
    assert flags[0].severity is Severity.HIGH and "Llandovery" in flags[0].reason


def test_rare_event_in_a_city_by_month_is_not_flagged() -> None:
    assert check(IncidentProfile(incident_type="death in custody", place="Leeds",
                                 place_population=800_000, exact_date=False)) == []


def test_common_event_with_exact_date_is_not_flagged() -> None:
    assert check(IncidentProfile(incident_type="shoplifting arrest", place="Crook",
                                 place_population=8_000, exact_date=True)) == []


def test_rare_event_with_exact_date_alone_is_medium() -> None:
    flags = check(IncidentProfile(incident_type="fatal pursuit", exact_date=True))
    assert _codes(flags) == {"rare-event-exact-date"} and flags[0].severity is Severity.MEDIUM


def test_unique_rank_and_role_in_a_small_force() -> None:
    flags = check(IncidentProfile(force_officers=1_100, involved=[
        Involved(rank="Chief Superintendent"),
        Involved(rank="Sergeant", role="dog handler", unit_headcount=3),
        Involved(rank="PC", role="response"),
    ]))
    assert _codes(flags) == {"unique-rank-or-role", "small-unit-role", "rank-and-role-small-force"}
    assert next(f for f in flags if f.code == "small-unit-role").severity is Severity.HIGH


def test_text_check_flags_an_exact_day_left_in() -> None:
    assert _codes(check_text("It happened on 3 March.")) == {"exact-date-in-text"}
    assert check_text("It happened in March 2023.") == []
