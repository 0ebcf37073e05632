"""Server-side SVG charts: well-formed, accessible, escaped, and sensible with empty, zero and large data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from debrief.analytics import charts
from debrief.analytics.charts import Series, bar_chart, format_number, grouped_bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"
NASTY = '<script>alert("x")</script> & Sons \'Ltd\''


def parse(svg: str) -> ET.Element:
    assert isinstance(svg, str) and svg.startswith("<svg ")
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def assert_accessible(root: ET.Element, title: str) -> None:
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    children = list(root)
    assert children[0].tag == f"{SVG}title" and children[0].get("id") == title_id
    assert children[1].tag == f"{SVG}desc" and children[1].get("id") == desc_id
    assert children[0].text == title and children[1].text
    # Nothing a strict Content Security Policy would block.
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in {"script", "style", "foreignObject"}
        assert "style" not in element.attrib and not any(name.startswith("on") for name in element.attrib)


TACTICS = [("Tactical communications", 1200), ("Compliant handcuffing", 800), ("Taser", 45), ("Shield", 0)]
MONTHS = [date(2023, m, 1) for m in range(1, 13)] + [date(2024, m, 1) for m in range(1, 7)]

EFFECTIVENESS = [Series("Effective", [900, 40], "#00703c"), Series("Not effective", [250, 5], "#d4351c")]
ALL_CHARTS = {
    "vertical bar": lambda title: bar_chart(title, TACTICS, category_label="Tactic", value_label="Times used"),
    "horizontal bar": lambda title: bar_chart(
        title, TACTICS, category_label="Tactic", value_label="Times used", horizontal=True
    ),
    "grouped": lambda title: grouped_bar_chart(
        title, ["Response", "Custody"], [("Assaulted", [30, 4]), ("Injured", [9, 1])],
        category_label="Main duty", value_label="Officers",
    ),
    "stacked horizontal": lambda title: grouped_bar_chart(
        title, ["Tactical communications", "Taser"], EFFECTIVENESS, stacked=True, horizontal=True,
        value_label="Times used",
    ),
    "stacked vertical": lambda title: grouped_bar_chart(
        title, ["2023", "2024"], [("Effective", [90, 40]), ("Not", [25, 5])], stacked=True
    ),
    "line": lambda title: line_chart(
        title, MONTHS, [("Incidents", list(range(18))), ("Near-misses", [2] * 18)], value_label="Number"
    ),
}


@pytest.mark.parametrize("kind", sorted(ALL_CHARTS))
def test_each_chart_is_well_formed_and_accessible(kind: str) -> None:
    root = parse(ALL_CHARTS[kind]("Use of force by tactic"))
    assert_accessible(root, "Use of force by tactic")
    assert root.get("viewBox", "").startswith("0 0 ")
    assert len(texts(root)) > 5  # tick, value and axis labels


@pytest.mark.parametrize("kind", sorted(ALL_CHARTS))
def test_titles_are_escaped(kind: str) -> None:
    svg = ALL_CHARTS[kind](NASTY)
    assert "<script>" not in svg
    root = parse(svg)
    assert_accessible(root, NASTY)


@pytest.mark.parametrize("horizontal", [False, True])
def test_labels_and_descriptions_are_escaped(horizontal: bool) -> None:
    svg = bar_chart("Escaping", [(NASTY, 3), ("Bad\x00\x07 name", 2)], value_label=NASTY, horizontal=horizontal)
    assert "<script>" not in svg
    root = parse(svg)
    shown = texts(root)
    assert "Bad name" in shown and NASTY in shown  # long labels are shortened only past 24 or 40 characters
    assert NASTY in root.find(f"{SVG}desc").text


def test_the_description_lists_the_values() -> None:
    root = parse(bar_chart("Tactics", TACTICS, category_label="Tactic", value_label="Times used"))
    assert root.find(f"{SVG}desc").text == (
        "Bar chart of Times used by Tactic. Tactical communications: 1,200; Compliant handcuffing: 800; "
        "Taser: 45; Shield: 0."
    )


def test_value_labels_and_axis_labels_are_shown() -> None:
    shown = texts(parse(bar_chart("Tactics", TACTICS, category_label="Tactic", value_label="Times used")))
    assert {"1,200", "800", "45", "0", "Tactic", "Times used", "Taser"} <= set(shown)


@pytest.mark.parametrize(
    "svg",
    [
        bar_chart("Nothing", []),
        bar_chart("Nothing", [("Suppressed", None)]),
        grouped_bar_chart("Nothing", [], [("A", [])]),
        grouped_bar_chart("Nothing", ["x"], []),
        line_chart("Nothing", [], [("Incidents", [])]),
    ],
)
def test_empty_data_says_so(svg: str) -> None:
    root = parse(svg)
    assert_accessible(root, "Nothing")
    assert texts(root) == [charts.NO_DATA]
    assert root.find(f"{SVG}desc").text == charts.NO_DATA + "."


def test_all_zero_values_draw_an_axis_and_no_bars() -> None:
    root = parse(bar_chart("Zeros", [("A", 0), ("B", 0)], value_label="Count"))
    assert not [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert texts(root).count("0") >= 3 and "1" in texts(root)  # ticks 0 and 1, two value labels 0


def test_large_values_get_round_ticks_with_thousands_separators() -> None:
    shown = texts(parse(bar_chart("Big", [("A", 1_234_567), ("B", 10)], value_label="Rows")))
    assert "1,234,567" in shown and "1,250,000" in shown and "10" in shown


def test_suppressed_values_are_marked_not_drawn() -> None:
    root = parse(bar_chart("Risk", [("Single-crewed", 12), ("Dog handler", None)], missing_label="Fewer than 5"))
    assert "Fewer than 5" in texts(root)
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == 1


def test_counts_get_whole_ticks_and_rates_get_decimals() -> None:
    shown = texts(parse(bar_chart("Counts", [("A", 1), ("B", 3)])))
    assert not any("." in s for s in shown)
    assert {"0.1", "0.2", "0.25"} & set(texts(parse(bar_chart("Rates", [("A", 0.25), ("B", 0.125)]))))


def test_negative_or_not_finite_values_are_refused() -> None:
    with pytest.raises(ValueError, match="counts and rates"):
        bar_chart("Bad", [("A", -1)])
    with pytest.raises(ValueError):
        bar_chart("Bad", [("A", float("nan"))])


def test_stacked_bars_show_totals_and_a_legend() -> None:
    shown = texts(parse(ALL_CHARTS["stacked horizontal"]("Effectiveness")))
    assert {"1,150", "45", "900", "Effective", "Not effective"} <= set(shown)


def test_line_chart_labels_months_and_breaks_at_gaps() -> None:
    values = [5, 6, None, 8, 9, 10]
    root = parse(line_chart("Monthly", MONTHS[:6], [("Incidents", values)], value_label="Number"))
    shown = texts(root)
    assert "Jan 2023" in shown and "Number" in shown and "Month" in shown
    assert len(list(root.iter(f"{SVG}polyline"))) == 2
    assert {"5", "6", "8", "9", "10"} <= set(shown)  # one short series: every point labelled


def test_series_differ_by_more_than_colour() -> None:
    root = parse(ALL_CHARTS["line"]("Two series"))
    lines = list(root.iter(f"{SVG}polyline"))
    assert lines[0].get("stroke-dasharray") is None and lines[1].get("stroke-dasharray")
    assert root.find(f"{SVG}circle") is not None and root.find(f"{SVG}rect") is not None


def test_chart_ids_are_safe_and_distinct() -> None:
    first = parse(bar_chart("Same title", TACTICS, chart_id="tactics chart!"))
    assert first.get("aria-labelledby") == "tactics-chart-title tactics-chart-desc"
    second = parse(bar_chart("Same title", TACTICS, chart_id="2024"))
    assert second.get("aria-labelledby").startswith("chart-2024-")
    ids = {parse(bar_chart(title, TACTICS)).get("aria-labelledby") for title in ("A", "B")}
    assert len(ids) == 2


def test_palette_has_good_contrast_on_white() -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in (*charts.PALETTE, charts.TEXT, charts.SECONDARY_TEXT):
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour


def test_format_number() -> None:
    assert format_number(1234567) == "1,234,567"
    assert format_number(2.0) == "2"
    assert format_number(1 / 3) == "0.33"
    assert format_number(12.5) == "12.5"


@pytest.mark.parametrize("kind", ["line", "bar", "hbar"])
def test_a_page_chart_calls_a_gap_what_the_table_calls_it_never_a_withheld_cell_fewer_than_5(kind):
    # A withheld cell can hide a count of 5 or more, so its gap says "withheld", never "fewer than 5"; a cell the
    # table calls "fewer than 5" is called that on the chart too (the chart and its table say the same).
    from debrief.analytics.pages import Chart, draw
    from debrief.analytics.tables import FEWER_THAN_5, WITHHELD, Table

    table = Table(["Group", "Records", "Assaulted"],
                  [["Response", 20, WITHHELD], ["Custody", 12, FEWER_THAN_5], ["Roads", 30, 9]])
    [svg] = draw(table, Chart("Assaults", kind, (2,), "Records"), f"gap-{kind}")
    assert f"Response: {WITHHELD}" in svg
    assert f"Custody: {FEWER_THAN_5}" in svg
    assert f"Response: {FEWER_THAN_5}" not in svg
