"""Compare forces: national-data counts per force as rates per 1,000 officers and per 1,000 arrests.

The learning team sees every force side by side; a force (or the learning team choosing one) sees itself
beside the national figure and its most similar forces (nearest in officer headcount). Denominators are the
reference figures of the year the period ends in (see force_figures); arrests are a year's, so they are
scaled to the months chosen.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from debrief.analytics.filters import PatternFilters
from debrief.analytics.force_figures import figures_for_year
from debrief.analytics.rollup_reads import forces
from debrief.analytics.sql import national_conditions
from debrief.analytics.tables import Table
from debrief.models.analytics_summary import UseOfForceSummary as S

SIMILAR = 3
NATIONAL = "All forces (national figure)"
MEASURES = (("records", "Uses of force"), ("assaulted", "Officers and staff assaulted"))


def _counts(session: Session, filters: PatternFilters) -> dict[int, tuple[int, int]]:
    """{force id: (uses, assaulted)} over the months chosen, every force (the filters' force is ignored here)."""
    every = PatternFilters(month_from=filters.month_from, month_to=filters.month_to, today=filters.today,
                           theme=filters.theme, near_miss=filters.near_miss, source=filters.source)
    rows = session.execute(select(S.force_id, func.sum(S.records), func.sum(S.assaulted))
                           .where(S.measure == "all", *national_conditions(every, S)).group_by(S.force_id))
    return {force_id: (int(uses or 0), int(assaulted or 0)) for force_id, uses, assaulted in rows}


def most_similar(officers: dict[int, int], force_id: int, n: int = SIMILAR) -> list[int]:
    """The n forces nearest `force_id` in officer headcount (ties by id), itself left out."""
    if force_id not in officers:
        return []
    mine = officers[force_id]
    others = sorted((abs(count - mine), fid) for fid, count in officers.items() if fid != force_id)
    return [fid for _, fid in others[:n]]


def _per_1000(count: int, base: float) -> float | None:
    return round(1000.0 * count / base, 1) if base else None


def compare_table(session: Session, filters: PatternFilters) -> Table:
    counts = _counts(session, filters)
    year = filters.month_to // 100
    figures = figures_for_year(session, year)
    names = dict(forces(session))
    scale = len(filters.months) / 12  # arrests are a year's
    if filters.force_ids is None:
        shown = sorted(figures, key=lambda fid: names[fid])
    else:
        own = [fid for fid in filters.force_ids if fid in figures]
        similar = [s for fid in own for s in most_similar({f: fig.officers for f, fig in figures.items()}, fid)]
        shown = own + [s for s in similar if s not in own]
    columns = ["Force", "Officers", "Arrests in the months chosen"]
    for _, label in MEASURES:
        columns += [label, f"{label} per 1,000 officers", f"{label} per 1,000 arrests"]
    rows, rates = [], {}

    def row(label: str, officers: int, arrests: int, values: tuple[int, int]) -> list:
        out: list = [label, officers, arrests]
        for value in values:
            out += [value, _per_1000(value, officers), _per_1000(value, arrests)]
        return out

    for fid in shown:
        fig = figures[fid]
        rows.append(row(names[fid], fig.officers, round(fig.arrests * scale), counts.get(fid, (0, 0))))
    with_figures = [fid for fid in figures]
    total_officers = sum(figures[f].officers for f in with_figures)
    total_arrests = round(sum(figures[f].arrests for f in with_figures) * scale)
    totals = tuple(sum(counts.get(f, (0, 0))[k] for f in with_figures) for k in range(2))
    rows.append(row(NATIONAL, total_officers, total_arrests, totals))
    for k in range(len(MEASURES)):
        count = 3 + 3 * k
        rates[count + 1] = ((count,), (1,))
        rates[count + 2] = ((count,), (2,))
    table = Table(columns, rows, rates=rates, total_row=filters.force_ids is None)
    table.notes.append(f"Rates use each force's officer headcount and arrests for {year} (or its latest earlier "
                       "year held); arrests are scaled to the months chosen. The national figure is every force "
                       "with reference figures. Counts come from the national use-of-force data.")
    if filters.force_ids is not None:
        table.notes.append(f"Beside the force: the {SIMILAR} forces nearest to it in officer headcount.")
    missing = [names[f] for f in counts if f not in figures]
    if missing:
        table.notes.append("No reference figures for: " + ", ".join(sorted(missing)) + ".")
    return table
