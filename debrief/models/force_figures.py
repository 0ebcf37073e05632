"""Reference figures per force and year: officer headcount and arrests, the denominators of the Patterns rates.

Loaded from a CSV by `flask --app debrief load-force-figures` (see debrief/analytics/force_figures.py). Real
figures: Home Office, "Police workforce, England and Wales" (officers, full-time equivalent or headcount, at
31 March) and "Police powers and procedures: Other PACE powers" (arrests, year ending 31 March).
"""
from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.extensions import db
from debrief.models.force import Force


class ForceYearFigures(db.Model):
    __tablename__ = "force_year_figures"
    __table_args__ = (UniqueConstraint("force_id", "year", name="uq_force_year_figures"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"))
    year: Mapped[int] = mapped_column(Integer)  # the calendar year the figures describe
    officers: Mapped[int] = mapped_column(Integer)  # police officer headcount
    arrests: Mapped[int] = mapped_column(Integer)  # arrests in the year

    force: Mapped[Force] = relationship(lazy="joined")


class ForcePopulationShare(db.Model):
    """A group's share (per cent) of a force area's population, for one dimension (ethnicity, age_band, sex).

    Real figures: ONS Census 2021, by police force area.
    """

    __tablename__ = "force_population_share"
    __table_args__ = (UniqueConstraint("force_id", "dimension", "code", name="uq_force_population_share"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"))
    dimension: Mapped[str] = mapped_column(String(20))  # ethnicity / age_band / sex
    code: Mapped[str] = mapped_column(String(20))  # a code of ETHNICITIES / AGE_BANDS / SEXES
    share: Mapped[float] = mapped_column(Float)  # per cent of the area's population
