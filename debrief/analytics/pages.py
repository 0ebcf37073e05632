"""The Patterns pages and their figures: which query feeds which chart, table and CSV file."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy.orm import Session

from debrief.analytics import charts, compare, demographics, incidents, rca_learning, risk, suppression, trends, use_of_force
from debrief.analytics.filters import PatternFilters
from debrief.analytics.tables import FEWER_THAN_5, MARKERS, NOT_SHOWN, Table, numeric


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    kind: str  # line / bar / hbar
    columns: tuple[int, ...]  # which table columns are the series
    value_label: str
    category_label: str = ""
    skip_last_row: bool = False  # a total row is in the table, not in the chart


@dataclass(frozen=True, slots=True)
class FigureSpec:
    key: str
    title: str
    build: Callable[[Session, PatternFilters], Table]
    charts: tuple[Chart, ...]
    # The one source the figure shows ("national" or "debriefs"): it is left out unless that source is chosen.
    # None: it shows whatever sources are chosen.
    source: str | None = None


@dataclass(slots=True)
class Figure:
    key: str
    title: str
    table: Table
    charts: list[str]
    links: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> the records behind the count


@dataclass(frozen=True, slots=True)
class PageSpec:
    key: str
    title: str
    summary: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("incidents", "Incidents and timeliness",
             "Incidents and near misses each month, and how quickly debriefs and root-cause analyses follow."),
    PageSpec("use-of-force", "Use of force and injuries",
             "Tactics and how effective they were, injuries, assaults on officers and staff, impact factors, "
             "reasons and outcomes, from debriefs and the national use-of-force data."),
    PageSpec("learning", "RCA learning and actions",
             "Contributory-factor categories that recur across root-cause analyses, root causes, and the "
             "progress of recommendations and actions."),
    PageSpec("network", "What tends to go wrong together",
             "Which contributory-factor categories appear together in signed-off root-cause analyses."),
    PageSpec("risk", "Who is at risk",
             "Rates of assault and injury by duty, crewing, Taser, location and time of day, to target "
             "training and support."),
    PageSpec("who", "Who is subject to force",
             "Subjects' ethnicity, age, sex and recorded mental health or disability in the national data, beside "
             "each group's share of the area's population, with the rate ratio against the White group."),
    PageSpec("compare", "Compare forces",
             "Uses of force and assaults on officers and staff per 1,000 officers and per 1,000 arrests: forces "
             "side by side, or a force beside the national figure and the forces most like it."),
    PageSpec("trends", "Trends",
             "The months chosen against the same months a year earlier, month by month and quarter by quarter, "
             "with the change."),
    # Its own view (training_views), so it can rank topics and export a briefing.
    PageSpec("training", "Training needs",
             "Tactic effectiveness by Taser training and carrying, injuries by tactic, what debriefs and RCAs say "
             "about training and equipment, and training recommendations: ranked into the few topics where "
             "training time would do most."),
)
PAGE_BY_KEY = {page.key: page for page in PAGES}


FIGURES: dict[str, tuple[FigureSpec, ...]] = {
    "incidents": (
        FigureSpec("incidents-per-month", "Incidents and near misses each month", incidents.incidents_per_month,
                   (Chart("Incidents and near misses each month", "line", (), "Number"),)),
        FigureSpec("debrief-timeliness", "Time from incident to debrief submitted", incidents.debrief_timeliness,
                   (Chart("Debriefs by time from incident to submission", "bar", (), "Debriefs",
                          "Time from incident"),)),
        FigureSpec("rca-timeliness", "Root-cause analyses against the 60-working-day standard",
                   incidents.rca_timeliness,
                   (Chart("Root-cause analyses against the 60-working-day standard", "hbar", (), "RCAs"),)),
    ),
    "use-of-force": (
        FigureSpec("tactics", "Use of force by tactic and effectiveness", use_of_force.tactics,
                   (Chart("Uses of each tactic", "hbar", (), "Uses", "Tactic"),
                    Chart("Tactics recorded as effective", "hbar", (), "Effective (%)", "Tactic"))),
        FigureSpec("injuries", "Injuries by severity", use_of_force.injuries,
                   (Chart("Injuries to subjects and to officers and staff by severity", "bar", (), "Injuries",
                          "Severity"),)),
        FigureSpec("assaults", "Officers and staff assaulted each month", use_of_force.assaults_per_month,
                   (Chart("Officers and staff assaulted each month", "line", (), "Officers and staff assaulted"),)),
        FigureSpec("impact-factors", "Impact factors", use_of_force.impact_factors,
                   (Chart("Impact factors recorded", "hbar", (), "Records", "Impact factor"),)),
        FigureSpec("reasons", "Reasons for using force", use_of_force.reasons,
                   (Chart("Reasons given for using force", "hbar", (), "Records", "Reason"),)),
        FigureSpec("outcomes", "Outcomes", use_of_force.outcomes,
                   (Chart("Outcomes of uses of force", "hbar", (), "Records", "Outcome"),), source="national"),
    ),
    "learning": (
        FigureSpec("factor-categories", "Contributory-factor categories across RCAs", rca_learning.factor_categories,
                   (Chart("Signed-off RCAs where each category appears", "hbar", (1,), "RCAs", "Category"),)),
        FigureSpec("root-causes", "Root causes by category", rca_learning.root_causes,
                   (Chart("Root causes by category", "hbar", (1,), "Root causes", "Category"),)),
        FigureSpec("recommendations", "Recommendations by the progress of their actions",
                   rca_learning.recommendations_by_progress,
                   (Chart("Recommendations by the progress of their actions", "hbar", (), "Recommendations"),)),
        FigureSpec("actions", "Actions by status, and overdue actions", rca_learning.actions_by_status,
                   (Chart("Actions by status", "bar", (), "Actions", "Status"),)),
    ),
}


def _risk_build(dimension: risk.Dimension, source: str) -> Callable[[Session, PatternFilters], Table]:
    return lambda session, filters: risk.risk_table(session, filters, dimension, source)


RISK_SOURCES = (("national", "national data"), ("debriefs", "debriefs"))
FIGURES["risk"] = tuple(
    FigureSpec(f"risk-{d.key.replace('_', '-')}-{source}", f"{d.title}: assault and injury rates ({label})",
               _risk_build(d, source),
               (Chart(f"{d.title}: assault and injury rates ({label})", "hbar", (3, 5, 7), "Rate (%)", d.title,
                      skip_last_row=True),),
               source=source)
    for source, label in RISK_SOURCES for d in risk.DIMENSIONS if d.national or source == "debriefs")

FIGURES["who"] = (
    *(FigureSpec(f"who-{key.replace('_', '-')}", f"Subjects by {title[0].lower()}{title[1:]}",
                 (lambda k: lambda session, filters: demographics.dimension_table(session, filters, k))(key),
                 (Chart(f"Share of uses and of the population: {title.lower()}", "hbar", (2, 3), "Per cent",
                        title),), source="national") for key, title, _ in demographics.DIMENSIONS),
    FigureSpec("who-flags", "Subjects recorded with a mental health condition or a physical disability",
               demographics.flags_table, (), source="national"),
)
FIGURES["compare"] = (
    FigureSpec("compare-forces", "Rates per 1,000 officers and per 1,000 arrests", compare.compare_table,
               (Chart("Per 1,000 officers", "hbar", (4, 7), "Per 1,000 officers", "Force"),
                Chart("Per 1,000 arrests", "hbar", (5, 8), "Per 1,000 arrests", "Force")), source="national"),
)
FIGURES["trends"] = tuple(
    spec for m in trends.MEASURES for spec in (
        FigureSpec(f"trend-{m.key}-months", f"{m.title}: each month against a year earlier", trends.builders(m)[0],
                   (Chart(f"{m.title}: each month against a year earlier", "line", (1, 2), "Number"),),
                   source=m.source),
        FigureSpec(f"trend-{m.key}-quarters", f"{m.title}: each quarter against a year earlier",
                   trends.builders(m)[1],
                   (Chart(f"{m.title}: each quarter against a year earlier", "bar", (1, 2), "Number", "Quarter"),),
                   source=m.source)))

FIGURE_BY_KEY: dict[str, FigureSpec] = {spec.key: spec for specs in FIGURES.values() for spec in specs}


def figure_specs(page: str, filters: PatternFilters) -> list[FigureSpec]:
    """The page's figures the chosen sources can fill (one rule for every page: see FigureSpec.source)."""
    chosen = {None: True, "national": filters.shows_national, "debriefs": filters.debriefs}
    return [s for s in FIGURES.get(page, ()) if chosen[s.source]]


def _chart_columns(table: Table, chart: Chart) -> Sequence[int]:
    if chart.columns:
        return chart.columns
    if "%" in chart.value_label:
        return [i for i, c in enumerate(table.columns) if "%" in c]
    return [i for i, c in enumerate(table.columns[1:], start=1) if "%" not in c
            and not c.startswith(("Effective (", "Not effective ("))]


# Series whose peaks differ by more than this factor are drawn in panels of their own, so a series of
# a few debriefs does not lie flat on the axis of thousands of national records.
SCALE_RATIO = 5


def scale_groups(series: Sequence[charts.Series]) -> list[list[charts.Series]]:
    """The series in panels of like scale, largest first; a series with nothing to show joins the first."""
    peaks = sorted(((max((v for v in s.values if v is not None), default=0), s) for s in series),
                   key=lambda p: -p[0])
    groups: list[tuple[float, list[charts.Series]]] = []  # (the group's largest peak, its series)
    for peak, s in peaks:
        if groups and (peak == 0 or peak * SCALE_RATIO >= groups[-1][0]):
            groups[-1][1].append(s)
        else:
            groups.append((peak, [s]))
    order = {s.name: i for i, s in enumerate(series)}
    return [sorted(group, key=lambda s: order[s.name]) for _, group in groups]


_QUARTER = re.compile(r"^(Q\d \d{4}) \([A-Z][a-z]+ to [A-Z][a-z]+(?:, (\d) months? of it)?\)$")


def _category(label: str) -> str:
    """A table's row label on a chart axis: the incomplete current month marked briefly, a quarter by its name
    (and how many of its months are chosen, when not all)."""
    if label.endswith("incomplete)"):
        return label.split(" (to ")[0] + " so far"
    quarter = _QUARTER.match(label)
    if quarter:
        name, months = quarter.groups()
        return name if months is None else f"{name}, {months} month{'s' if months != '1' else ''}"
    return label


def left_off(table: Table, spec: FigureSpec) -> list[str]:
    """The series a figure's charts leave off because every cell of theirs is withheld, in words for the page."""
    notes = []
    for chart in spec.charts:
        rows = table.rows[:-1] if chart.skip_last_row else table.rows
        for i in _chart_columns(table, chart):
            cells = [row[i] for row in rows]
            if cells and all(numeric(c) is None for c in cells) and any(c in MARKERS for c in cells) and \
                    any(numeric(row[j]) is not None for row in rows for j in _chart_columns(table, chart)):
                notes.append(f"{table.columns[i]} is not drawn: every figure of it is withheld (see the table).")
    return list(dict.fromkeys(notes))


def empty_message(cells: Sequence) -> str:
    """What a chart with nothing to draw says: the table's words when it withholds its cells, not "No data"."""
    markers = {cell for cell in cells if cell in MARKERS}
    if not markers:
        return charts.NO_DATA
    if markers == {FEWER_THAN_5}:
        return "Every figure is fewer than 5, so none is drawn: the table says so for each"
    return "Every figure is withheld (fewer than 5, withheld or on a small base), so none is drawn"


_PER = re.compile(r"\bper 1,000 .+$", re.IGNORECASE)


def value_unit(column: str) -> str:
    """The unit a column's own heading gives its values, for the chart to write beside each one: "%" for a rate or
    share in per cent, " per 1,000 officers" for a rate per 1,000; "" for a count. A rate drawn bare ("4") reads as
    a count."""
    if "(%)" in column or column.strip().lower() in ("per cent", "%"):
        return "%"
    found = _PER.search(column)
    return f" {found.group(0)}" if found else ""


def _value_format(series: Sequence[charts.Series]) -> Callable[[float], str]:
    units = {value_unit(s.name) for s in series}
    unit = units.pop() if len(units) == 1 else ""
    return lambda value: charts.format_number(value) + unit


def draw(table: Table, chart: Chart, chart_id: str) -> list[str]:
    """The chart as one or more SVG panels (one per scale: see scale_groups)."""
    rows = table.rows[:-1] if chart.skip_last_row else table.rows
    categories = [_category(str(row[0])) for row in rows]
    # A gap says what the table says of its cell ("fewer than 5", "withheld", "small base").
    series = [charts.Series(table.columns[i], [numeric(row[i]) for row in rows], None,
                            [str(row[i]) if row[i] in MARKERS else NOT_SHOWN for row in rows])
              for i in _chart_columns(table, chart)]
    empty = empty_message([row[i] for row in rows for i in _chart_columns(table, chart)])
    several = len(series) > 1
    # A series with nothing it may show (every cell withheld) is left off the chart: the table says why.
    series = [s for s in series if any(v is not None for v in s.values)] or series
    groups = scale_groups(series) if series else [series]
    drawn = []
    for n, group in enumerate(groups):
        split = len(groups) > 1
        title = f"{chart.title}: {', '.join(s.name for s in group)}" if split else chart.title
        # A panel of one series has no legend, so its axis names the series when the figure has several.
        value_label = group[0].name if several and len(group) == 1 else chart.value_label
        panel_id = chart_id if n == 0 else f"{chart_id}-panel-{n}"
        fmt = _value_format(group)
        if chart.kind == "line":
            drawn.append(charts.line_chart(title, categories, group, value_label=value_label,
                                           chart_id=panel_id, missing_label=NOT_SHOWN, empty_message=empty))
        else:
            drawn.append(charts.grouped_bar_chart(title, categories, group, category_label=chart.category_label,
                                                  value_label=value_label, horizontal=chart.kind == "hbar",
                                                  chart_id=panel_id, missing_label=NOT_SHOWN,
                                                  empty_message=empty, label_format=fmt))
    return drawn


@lru_cache(maxsize=256)
def _drawn(key: str, chart_specs: tuple[Chart, ...], columns: tuple[str, ...], rows: tuple[tuple, ...]) -> tuple[str, ...]:
    """A figure's charts, drawn once for each content (the numbers as shown, after suppression) and kept: the SVG is
    a function of these alone, so the same figures are not drawn again on every view."""
    table = Table(list(columns), [list(row) for row in rows])
    return tuple(svg for i, chart in enumerate(chart_specs) for svg in draw(table, chart, f"{key}-chart-{i}"))


def build_page(session: Session, page: str, filters: PatternFilters,
               policy: suppression.Policy = suppression.DEFAULT) -> list[Figure]:
    """Every figure of a page (each reads the monthly rollups, not the debriefs or national rows themselves)."""
    return [build_figure(session, spec, filters, policy) for spec in figure_specs(page, filters)]


def figure_table(session: Session, spec: FigureSpec, filters: PatternFilters,
                 policy: suppression.Policy = suppression.DEFAULT) -> Table:
    """A figure's numbers as shown, drawn and downloaded: always through the suppression policy."""
    return suppression.apply(spec.build(session, filters), policy)


def build_figure(session: Session, spec: FigureSpec, filters: PatternFilters,
                 policy: suppression.Policy = suppression.DEFAULT) -> Figure:
    table = figure_table(session, spec, filters, policy)
    drawn = list(_drawn(spec.key, spec.charts, tuple(table.columns), tuple(tuple(row) for row in table.rows)))
    table.notes[:0] = left_off(table, spec)
    return Figure(spec.key, spec.title, table, drawn)
