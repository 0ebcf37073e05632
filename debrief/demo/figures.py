"""Demo reference figures: plausible officer headcounts and arrests for the demo forces, this year and the two before.

The figures are in `data.FIGURES` and `data.POPULATION`. Running it again changes nothing already held.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from debrief.analytics.force_figures import FiguresRow, save_figures, save_population
from debrief.demo import data
from debrief.extensions import db
from debrief.models import ForceYearFigures


def seed_force_figures(today: date | None = None) -> int:
    year = (today or date.today()).year
    if db.session.scalar(select(ForceYearFigures.id).limit(1)) is not None:
        return 0
    save_population(db.session, [(code, dimension, group, share) for code, dims in data.POPULATION.items()
                                 for dimension, shares in dims.items() for group, share in shares.items()])
    rows = [FiguresRow(code, year - back, round(officers * (1 - 0.02 * back)), round(arrests * (1 - 0.04 * back)))
            for code, (officers, arrests) in data.FIGURES.items() for back in range(3)]
    n = save_figures(db.session, rows)
    db.session.commit()
    return n
