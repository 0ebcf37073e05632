"""Saving the reference figures a national administrator edits: each write with its audit event, one transaction."""
from __future__ import annotations

from sqlalchemy.orm import Session

from debrief.analytics.force_figures import FiguresRow, save_figures, save_population
from debrief.audit import record
from debrief.models import Force, User


def save_year_figures(session: Session, actor: User, force: Force, year: int, officers: int, arrests: int) -> None:
    """Add or correct one force's officers and arrests for a year (audited in that force's log)."""
    save_figures(session, [FiguresRow(force.code, year, officers, arrests)])
    record("patterns.figures_saved", actor=actor, force_id=force.id, year=year, officers=officers, arrests=arrests)
    session.commit()


def save_population_share(session: Session, actor: User, force: Force, dimension: str, code: str,
                          share: float) -> None:
    """Add or correct one group's share of a force area's population (audited in that force's log)."""
    save_population(session, [(force.code, dimension, code, share)])
    record("patterns.population_saved", actor=actor, force_id=force.id, force=force.code, dimension=dimension,
           code=code, share=share)
    session.commit()
