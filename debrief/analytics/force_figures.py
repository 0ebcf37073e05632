"""Force reference figures (officers and arrests per year, population shares): read from CSV, saved, used as bases.

The CSV has a header `force_code,year,officers,arrests` and one row per force and year. A bad row stops the
whole load with its row number, and nothing is saved (one transaction). Loading a (force, year) again
replaces its figures.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from debrief.errors import ServiceError
from debrief import reference as ref
from debrief.models import Force, ForcePopulationShare, ForceYearFigures

COLUMNS = ("force_code", "year", "officers", "arrests")


@dataclass(frozen=True, slots=True)
class FiguresRow:
    force_code: str
    year: int
    officers: int
    arrests: int


def read_figures(stream: TextIO) -> list[FiguresRow]:
    """The rows of a figures CSV (pure); ServiceError names the first bad row."""
    reader = csv.DictReader(stream)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ServiceError(f"The file has no {', '.join(missing)} column")
    rows = []
    for number, raw in enumerate(reader, start=2):
        try:
            year, officers, arrests = (int((raw[c] or "").replace(",", "").strip())
                                       for c in ("year", "officers", "arrests"))
        except ValueError:
            raise ServiceError(f"Row {number}: year, officers and arrests must be whole numbers") from None
        if not 2000 <= year <= 2100 or officers <= 0 or arrests < 0:
            raise ServiceError(f"Row {number}: the year must be 2000 to 2100, officers more than 0, arrests 0 or more")
        rows.append(FiguresRow((raw["force_code"] or "").strip().upper(), year, officers, arrests))
    return rows


def save_figures(session: Session, rows: list[FiguresRow]) -> int:
    """Insert or replace each (force, year); ServiceError for an unknown force code. The caller commits."""
    forces = {f.code: f for f in session.scalars(select(Force))}
    for row in rows:
        force = forces.get(row.force_code)
        if force is None:
            raise ServiceError(f"No force has the code {row.force_code!r}")
        held = session.scalar(select(ForceYearFigures).where(ForceYearFigures.force_id == force.id,
                                                             ForceYearFigures.year == row.year))
        if held is None:
            session.add(ForceYearFigures(force_id=force.id, year=row.year, officers=row.officers,
                                         arrests=row.arrests))
        else:
            held.officers, held.arrests = row.officers, row.arrests
    return len(rows)


# Figures worth a second look before they replace what is held: a big change, or an unlikely number of arrests.
CHANGE_TO_CONFIRM = 0.25  # a change of more than a quarter from the figure held for the year (or the year before)
ARRESTS_PER_OFFICER = 25  # England and Wales make about 5 arrests a year for each officer


def figures_to_check(before: ForceYearFigures | None, officers: int, arrests: int) -> list[str]:
    """Why new figures need confirming before they are saved (pure): empty when they look right."""
    found = []
    if before is not None:
        for what, old, new in (("officers", before.officers, officers), ("arrests", before.arrests, arrests)):
            if old and abs(new - old) > CHANGE_TO_CONFIRM * old:
                found.append(f"The number of {what} changes from {old:,} ({before.year}) to {new:,}, "
                             f"by more than {CHANGE_TO_CONFIRM:.0%}")
    if arrests > ARRESTS_PER_OFFICER * officers:
        found.append(f"That is {arrests / officers:,.0f} arrests for each officer: forces make about 5")
    return found


def changes(before: ForceYearFigures | None, officers: int, arrests: int) -> str:
    """What a save changes, in words (pure)."""
    if before is None:
        return f"officers {officers:,}, arrests {arrests:,} (new)"
    return "; ".join(f"{what} {new:,}" + (f" (was {old:,})" if old != new else " (unchanged)")
                     for what, old, new in (("officers", before.officers, officers),
                                            ("arrests", before.arrests, arrests)))


def figures_for_year(session: Session, year: int) -> dict[int, ForceYearFigures]:
    """{force id: its figures} for `year`, or each force's latest earlier year when that is all it has."""
    found: dict[int, ForceYearFigures] = {}
    for fig in session.scalars(select(ForceYearFigures).where(ForceYearFigures.year <= year)
                               .order_by(ForceYearFigures.year)):
        found[fig.force_id] = fig  # later years overwrite earlier ones
    return found


POPULATION_COLUMNS = ("force_code", "dimension", "code", "share_percent")
DIMENSION_VOCABULARIES = {"ethnicity": ref.ETHNICITIES, "age_band": ref.AGE_BANDS, "sex": ref.SEXES}


def read_population(stream: TextIO) -> list[tuple[str, str, str, float]]:
    """(force code, dimension, code, share %) rows of a population CSV (pure); ServiceError names a bad row."""
    reader = csv.DictReader(stream)
    missing = [c for c in POPULATION_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ServiceError(f"The file has no {', '.join(missing)} column")
    rows = []
    for number, raw in enumerate(reader, start=2):
        dimension, code = (raw["dimension"] or "").strip(), (raw["code"] or "").strip()
        if dimension not in DIMENSION_VOCABULARIES or code not in ref.codes(DIMENSION_VOCABULARIES[dimension]):
            raise ServiceError(f"Row {number}: unknown dimension or code {dimension!r} {code!r}")
        try:
            share = float(raw["share_percent"])
        except (TypeError, ValueError):
            raise ServiceError(f"Row {number}: the share must be a number of per cent") from None
        if not 0 <= share <= 100:
            raise ServiceError(f"Row {number}: the share must be from 0 to 100")
        rows.append(((raw["force_code"] or "").strip().upper(), dimension, code, share))
    return rows


SHARE_SLACK = 0.05  # published shares are rounded: a sum of 100.05 is still whole


def share_room(held: dict[str, float], code: str) -> float:
    """How much of 100% is left for `code` beside the other groups' shares held (pure)."""
    return round(100.0 - sum(v for c, v in held.items() if c != code), 1)


def shares_over_100(rows: list[tuple[str, str, str, float]],
                    held: dict[tuple[str, str], dict[str, float]]) -> str | None:
    """The first (force, dimension) whose shares would add up to more than 100%, in words, else None (pure).

    `held` is {(force code, dimension): {group code: share}} before the rows replace theirs.
    """
    merged = {key: dict(groups) for key, groups in held.items()}
    for force, dimension, code, share in rows:
        merged.setdefault((force, dimension), {})[code] = share
    for (force, dimension), groups in merged.items():
        total = sum(groups.values())
        if total > 100 + SHARE_SLACK:
            return f"The {dimension.replace('_', ' ')} shares of {force} would add up to {total:.1f}%"
    return None


def held_shares(session: Session) -> dict[tuple[str, str], dict[str, float]]:
    """{(force code, dimension): {group code: share}} as held."""
    codes = dict(session.execute(select(Force.id, Force.code)).all())
    held: dict[tuple[str, str], dict[str, float]] = {}
    for s in session.scalars(select(ForcePopulationShare)):
        held.setdefault((codes.get(s.force_id, ""), s.dimension), {})[s.code] = s.share
    return held


def save_population(session: Session, rows: list[tuple[str, str, str, float]]) -> int:
    """Insert or replace each (force, dimension, code) share; ServiceError, nothing saved, if a force's shares of
    one dimension would add up to more than 100%. The caller commits."""
    over = shares_over_100(rows, held_shares(session))
    if over:
        raise ServiceError(f"{over}: the shares of one force area cannot add up to more than 100%")
    forces = {f.code: f for f in session.scalars(select(Force))}
    for code, dimension, group, share in rows:
        force = forces.get(code)
        if force is None:
            raise ServiceError(f"No force has the code {code!r}")
        held = session.scalar(select(ForcePopulationShare).where(
            ForcePopulationShare.force_id == force.id, ForcePopulationShare.dimension == dimension,
            ForcePopulationShare.code == group))
        if held is None:
            session.add(ForcePopulationShare(force_id=force.id, dimension=dimension, code=group, share=share))
        else:
            held.share = share
    return len(rows)
