"""Which figures a page shows for the chosen sources: one rule for every page (FigureSpec.source)."""
from __future__ import annotations

from datetime import date

import pytest

from debrief.analytics.filters import PatternFilters
from debrief.analytics.pages import FIGURES, figure_specs


def keys(page: str, source: str) -> set[str]:
    filters = PatternFilters(month_from=202601, month_to=202606, today=date(2026, 7, 1), source=source)
    return {spec.key for spec in figure_specs(page, filters)}


def test_risk_figures_follow_the_chosen_sources():
    national, debriefs, both = keys("risk", "national"), keys("risk", "debriefs"), keys("risk", "both")
    assert national and debriefs
    assert all(k.endswith("-national") for k in national)
    assert all(k.endswith("-debriefs") for k in debriefs)
    assert both == national | debriefs == {spec.key for spec in FIGURES["risk"]}


@pytest.mark.parametrize("source", ["both", "national", "debriefs"])
def test_a_figure_of_one_source_shows_only_when_that_source_is_chosen(source):
    for page, specs in FIGURES.items():
        shown = keys(page, source)
        for spec in specs:
            wanted = spec.source is None or source in ("both", spec.source)
            assert (spec.key in shown) == wanted, (page, spec.key, source)


def test_outcomes_are_national_data_only():
    assert "outcomes" in keys("use-of-force", "both") and "outcomes" in keys("use-of-force", "national")
    assert "outcomes" not in keys("use-of-force", "debriefs")
