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
