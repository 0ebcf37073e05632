"""Demo reference figures: plausible officer headcounts and arrests for the demo forces, this year and the two before.

Invented, of the size of real mid-sized forces in England and Wales (see the README for where the real
figures are published). Running it again changes nothing already held.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from debrief.analytics.force_figures import FiguresRow, save_figures
from debrief.extensions import db
from debrief.models import ForceYearFigures

# code: (officers, arrests) this year; earlier years a little smaller.
DEMO_FIGURES = {"NSP": (3_410, 26_800), "WMC": (1_960, 14_300)}


def seed_force_figures(today: date | None = None) -> int:
    year = (today or date.today()).year
    if db.session.scalar(select(ForceYearFigures.id).limit(1)) is not None:
        return 0
    rows = [FiguresRow(code, year - back, round(officers * (1 - 0.02 * back)), round(arrests * (1 - 0.04 * back)))
            for code, (officers, arrests) in DEMO_FIGURES.items() for back in range(3)]
    n = save_figures(db.session, rows)
    db.session.commit()
    return n
