"""Who is subject to force: subjects' ethnicity, age band, sex and mental-health or disability flags in the
national data, each group's share beside its share of the force area's population, and the rate ratio
against the White group where numbers allow.

Each dimension is read from the national data's profile rollup (models/national_profile.py), not the raw rows.
Population shares are per force (see force_figures); over several forces each force's share is weighted by
its records, so the comparison is like with like. A rate ratio is (group's uses / group's population share)
over the same for White subjects; it is given only when both groups have at least RATIO_MIN uses.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from debrief import reference as ref
from debrief.analytics.filters import PatternFilters
from debrief.analytics.rollup_reads import shared
from debrief.analytics.sql import national_conditions
from debrief.analytics.tables import Table
from debrief.models import ForcePopulationShare, UseOfForceProfileSummary as P

NOT_RECORDED = "Not recorded"
RATIO_MIN = 10
DIMENSIONS = (("ethnicity", "Ethnicity (as perceived or given)", ref.ETHNICITIES),
              ("age_band", "Age band", ref.AGE_BANDS), ("sex", "Sex", ref.SEXES))
USES, SHARE, POPULATION, RATIO = ("Uses of force", "Share of uses (%)", "Share of the area's population (per cent)",
                                  "Rate ratio against White")


SUBJECT_MEASURES = ("ethnicity", "age_band", "sex", "mental", "physical")


def _grouped(session: Session, filters: PatternFilters, name: str) -> list[tuple[int, str, int]]:
    """(force, code, records) of one subject dimension ("" when not recorded) over the months and forces chosen.
    Every dimension is read in one statement, once per page (rollup_reads.shared)."""
    return _all_grouped(session, filters).get(name, [])


def _all_grouped(session: Session, filters: PatternFilters) -> dict[str, list[tuple[int, str, int]]]:
    def load() -> dict[str, list[tuple[int, str, int]]]:
        found: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        for measure, force_id, code, n in session.execute(
                select(P.measure, P.force_id, P.code, func.sum(P.records))
                .where(P.measure.in_([f"subject:{m}" for m in SUBJECT_MEASURES]), *national_conditions(filters, P))
                .group_by(P.measure, P.force_id, P.code)):
            found[measure.removeprefix("subject:")].append((force_id, code, n))
        return dict(found)
    return shared(("who-profile", filters), load)


def _population(session: Session, dimension: str) -> dict[int, dict[str, float]]:
    """Each force area's population shares of one dimension; every dimension read once per page."""
    def load() -> dict[str, dict[int, dict[str, float]]]:
        found: dict[str, dict[int, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
        for share in session.scalars(select(ForcePopulationShare)):
            found[share.dimension][share.force_id][share.code] = share.share
        return found
    return shared("population-shares", load).get(dimension, {})


def dimension_table(session: Session, filters: PatternFilters, dimension: str) -> Table:
    key, title, vocab = next(d for d in DIMENSIONS if d[0] == dimension)
    counts: dict[str, int] = defaultdict(int)
    per_force: dict[int, int] = defaultdict(int)
    for force_id, code, n in _grouped(session, filters, dimension):
        counts[code or NOT_RECORDED] += n
        per_force[force_id] += n
    population = _population(session, dimension)
    weighted = {f: n for f, n in per_force.items() if f in population}
    weight = sum(weighted.values())

    def pop_share(code: str) -> float | None:
        if not weight:
            return None
        return round(sum(population[f].get(code, 0.0) * n for f, n in weighted.items()) / weight, 1)

    total = sum(counts.values())
    codes = [c for c in ref.codes(vocab)] + ([NOT_RECORDED] if counts.get(NOT_RECORDED) else [])
    white_uses, white_pop = counts.get("white", 0), pop_share("white")
    rows = []
    for code in codes:
        label = ref.label_for(vocab, code) if code != NOT_RECORDED else NOT_RECORDED
        uses = counts.get(code, 0)
        share = round(100.0 * uses / total, 1) if total else None
        pop = pop_share(code) if code != NOT_RECORDED else None
        row = [label, uses, share, pop]
        if dimension == "ethnicity":
            ratio = None
            if (code not in ("white", NOT_RECORDED, "not_stated") and uses >= RATIO_MIN and white_uses >= RATIO_MIN
                    and pop and white_pop):
                ratio = round((uses / pop) / (white_uses / white_pop), 2)
            row.append(ratio)
        rows.append(row)
    columns = [title, USES, SHARE, POPULATION] + ([RATIO] if dimension == "ethnicity" else [])
    # Shares and ratios are withheld with a group's count, and on a group of under 10 (see suppression).
    rates = {2: ((1,), (1,))}
    if dimension == "ethnicity":
        rates[4] = ((1,), (1,))
    table = Table(columns, rows, rates=rates)
    table.notes.append("Share of the population: the force area's, from the reference figures (ONS Census 2021 "
                       "by police force area), weighted by each force's records when several are counted.")
    if dimension == "ethnicity":
        table.notes.append(f"A rate ratio of 2 means force was used twice as often, for the group's share of the "
                           f"population, as on White people. Given only when both groups have {RATIO_MIN} or more "
                           "uses and a population share is held.")
    return table


def flags_table(session: Session, filters: PatternFilters) -> Table:
    """Subjects recorded with a mental-health condition or a physical disability."""
    counts = {"mental": [0, 0, 0], "physical": [0, 0, 0]}  # yes, no, not recorded
    for name in counts:
        for _, code, n in _grouped(session, filters, name):
            counts[name][{"yes": 0, "no": 1}.get(code, 2)] += n
    rows = []
    for name, label in (("mental", "Mental health condition"), ("physical", "Physical disability")):
        yes, no, unknown = counts[name]
        rows.append([label, yes, no, unknown, round(100.0 * yes / (yes + no), 1) if yes + no else None])
    table = Table(["Recorded of the subject", "Yes", "No", "Not recorded", "Yes, % of those recorded"], rows,
                  rates={4: ((1,), (1, 2))}, additive=False)
    return table
