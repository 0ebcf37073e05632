"""Demo reference figures: plausible officer headcounts and arrests for the demo forces, this year and the two before.

Invented, of the size of real mid-sized forces in England and Wales (see the README for where the real
figures are published). Running it again changes nothing already held.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from debrief.analytics.force_figures import FiguresRow, save_figures, save_population
from debrief.extensions import db
from debrief.models import ForceYearFigures

# code: (officers, arrests) this year; earlier years a little smaller.
DEMO_FIGURES = {"NSP": (3_410, 26_800), "WMC": (1_960, 14_300)}


# Invented population shares (per cent) of the demo force areas, of the size of real ones (ONS Census 2021).
DEMO_POPULATION = {
    "NSP": {"ethnicity": {"white": 86.0, "asian": 6.5, "black": 3.0, "mixed": 2.5, "other": 2.0},
            "age_band": {"under_11": 12.0, "11_17": 8.5, "18_34": 21.0, "35_49": 19.0, "50_64": 20.0,
                         "65_over": 19.5},
            "sex": {"female": 51.0, "male": 49.0}},
    "WMC": {"ethnicity": {"white": 77.5, "asian": 11.0, "black": 6.0, "mixed": 3.0, "other": 2.5},
            "age_band": {"under_11": 13.0, "11_17": 9.0, "18_34": 24.0, "35_49": 20.0, "50_64": 18.0,
                         "65_over": 16.0},
            "sex": {"female": 50.8, "male": 49.2}},
}


def seed_force_figures(today: date | None = None) -> int:
    year = (today or date.today()).year
    if db.session.scalar(select(ForceYearFigures.id).limit(1)) is not None:
        return 0
    save_population(db.session, [(code, dimension, group, share) for code, dims in DEMO_POPULATION.items()
                                 for dimension, shares in dims.items() for group, share in shares.items()])
    rows = [FiguresRow(code, year - back, round(officers * (1 - 0.02 * back)), round(arrests * (1 - 0.04 * back)))
            for code, (officers, arrests) in DEMO_FIGURES.items() for back in range(3)]
    n = save_figures(db.session, rows)
    db.session.commit()
    return n
