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


def test_every_rate_chart_writes_its_unit_beside_each_value():
    # A rate drawn bare ("4") reads as a count: each bar's value says its unit, taken from the column's own heading
    # (the figure's definition), for every chart of every page.
    import re

    from debrief.analytics.pages import Chart, draw, value_unit
    from debrief.analytics.tables import Table

    assert value_unit("Assault rate (%)") == "%"
    assert value_unit("Uses of force per 1,000 officers") == " per 1,000 officers"
    assert value_unit("Officers assaulted") == ""
    risk = Table(["Single-crewed", "Submitted debriefs", "Officers assaulted", "Assault rate (%)"],
                 [["Yes", 50, 2, 4.0], ["No", 80, 12, 15.0], ["All records", 130, 14, 10.8]])
    svg = draw(risk, Chart("Rates", "hbar", (3,), "Rate (%)", "Single-crewed", skip_last_row=True), "c")[0]
    labels = re.findall(r">([^<>]+)</text>", svg)
    assert "4%" in labels and "15%" in labels and "4" not in labels
    assert "Yes, Assault rate (%): 4%" in svg  # the bar's own title too
    compare = Table(["Force", "Uses of force per 1,000 officers"], [["Northshire", 12.5], ["Westmere", 3.0]])
    svg = draw(compare, Chart("Per 1,000 officers", "hbar", (1,), "Per 1,000 officers", "Force"), "d")[0]
    assert "12.5 per 1,000 officers" in re.findall(r">([^<>]+)</text>", svg)
    counts = Table(["Tactic", "Uses"], [["Handcuffing", 40], ["Taser", 7]])
    assert "40" in re.findall(r">([^<>]+)</text>", draw(counts, Chart("Uses", "hbar", (1,), "Uses"), "e")[0])
    # Every chart the pages define over a rate column gets a unit from that column's heading.
    for specs in FIGURES.values():
        for spec in specs:
            for chart in spec.charts:
                if "rate" in chart.value_label.lower() or "per 1,000" in chart.value_label.lower():
                    assert chart.value_label.endswith("(%)") or "per 1,000" in chart.value_label.lower(), spec.key
