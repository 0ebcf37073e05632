"""The checks on reference figures before they are saved (pure): unlikely figures, what changed, shares over 100%."""
from __future__ import annotations

from debrief.analytics.force_figures import changes, figures_to_check, share_room, shares_over_100
from debrief.models import ForceYearFigures


def test_figures_to_check_and_what_changed():
    before = ForceYearFigures(year=2025, officers=1000, arrests=5000)
    assert figures_to_check(before, 1200, 6000) == []  # 20%: within a quarter
    assert figures_to_check(before, 1300, 5000) == [
        "The number of officers changes from 1,000 (2025) to 1,300, by more than 25%"]
    assert figures_to_check(None, 10, 300) == ["That is 30 arrests for each officer: forces make about 5"]
    assert figures_to_check(None, 10, 250) == []
    assert changes(None, 10, 20) == "officers 10, arrests 20 (new)"
    assert changes(before, 1000, 6000) == "officers 1,000 (unchanged); arrests 6,000 (was 5,000)"


def test_shares_over_100_are_found_per_force_and_dimension():
    held = {("AAA", "ethnicity"): {"white": 80.0, "asian": 15.0}, ("AAA", "sex"): {"male": 49.0}}
    assert shares_over_100([("AAA", "ethnicity", "black", 5.0)], held) is None
    assert shares_over_100([("AAA", "ethnicity", "black", 5.06)], held) == \
        "The ethnicity shares of AAA would add up to 100.1%"
    assert shares_over_100([("AAA", "ethnicity", "white", 85.0)], held) is None  # replaces 80: 100.0
    assert shares_over_100([("BBB", "age_band", "18_24", 60.0), ("BBB", "age_band", "25_34", 50.0)], {}) == \
        "The age band shares of BBB would add up to 110.0%"
    assert share_room(held[("AAA", "ethnicity")], "white") == 85.0
    assert share_room(held[("AAA", "ethnicity")], "black") == 5.0
