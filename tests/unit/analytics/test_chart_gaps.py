"""A chart says what its table says of a withheld cell: "fewer than 5" in its gaps, and when nothing can be drawn,
why, never "No data" beside a table of withheld counts."""
from __future__ import annotations

from debrief.analytics import charts
from debrief.analytics.pages import Chart, draw
from debrief.analytics.tables import FEWER_THAN_5, SMALL_BASE, WITHHELD, Table


def _table(*values) -> Table:
    return Table(["Tactic", "Uses"], [[f"Tactic {i}", v] for i, v in enumerate(values)])


def test_a_chart_of_only_withheld_counts_says_so():
    [svg] = draw(_table(FEWER_THAN_5, FEWER_THAN_5), Chart("Uses", "hbar", (), "Uses"), "c")
    assert charts.NO_DATA not in svg
    assert "Every figure is fewer than 5, so none is drawn: the table says so for each." in svg  # its description
    [svg] = draw(_table(FEWER_THAN_5, WITHHELD), Chart("Uses", "line", (), "Uses"), "c")
    assert "Every figure is withheld (fewer than 5, withheld or on a small base)" in svg
    [svg] = draw(_table(None, None), Chart("Uses", "hbar", (), "Uses"), "c")
    assert charts.NO_DATA in svg  # nothing withheld: there is simply nothing


def test_a_gap_names_its_cell_as_the_table_does():
    [svg] = draw(_table(12, FEWER_THAN_5, SMALL_BASE, None), Chart("Uses", "hbar", (), "Uses"), "c")
    assert "Tactic 1: fewer than 5" in svg and "Tactic 2: small base" in svg and "Tactic 3: not shown" in svg
    assert ">fewer than 5</text>" in svg  # the bar's own label, not only its description


def test_a_quarter_is_named_briefly_on_the_axis_and_a_series_left_off_is_noted():
    from debrief.analytics.pages import FigureSpec, _category, left_off

    assert _category("Q4 2025 (Oct to Dec, 1 month of it)") == "Q4 2025, 1 month"
    assert _category("Q4 2026 (Oct to Dec, 2 months of it)") == "Q4 2026, 2 months"
    assert _category("Q1 2026 (Jan to Mar)") == "Q1 2026"
    table = Table(["Quarter", "Months chosen", "Same months a year earlier"],
                  [["Q1 2026 (Jan to Mar)", 8, FEWER_THAN_5], ["Q2 2026 (Apr to Jun)", 9, WITHHELD]])
    spec = FigureSpec("t", "T", lambda s, f: table, (Chart("T", "bar", (1, 2), "Number"),))
    assert left_off(table, spec) == [
        "Same months a year earlier is not drawn: every figure of it is withheld (see the table)."]
    table.rows[0][1] = table.rows[1][1] = FEWER_THAN_5  # nothing drawn at all: the empty chart says why
    assert left_off(table, spec) == []
