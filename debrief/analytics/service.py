"""Patterns service: who sees which forces, and the audit record of each view and download."""
from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Row, Select, select

from debrief.analytics import debrief_summary, national_summary
from debrief.analytics.filters import PatternFilters
from debrief.analytics.debrief_topics import classify_missing
from debrief.audit import record_read
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Force, UseOfForceImportRun, User

RECENT_IMPORTS = 10


def sees_all_forces(user: User) -> bool:
    """The learning team sees every force, aggregated; reviewers and admins only their own."""
    return user.has_role(Role.LEARNING)


def scoped_force_ids(user: User, chosen_force_id: int | None) -> tuple[int, ...] | None:
    """The forces a user's figures count: None means all forces."""
    if sees_all_forces(user):
        return (chosen_force_id,) if chosen_force_id else None
    return (user.force_id,)


def refresh_summaries() -> None:
    """Bring both monthly rollups up to date (a command's job: the pages only read them)."""
    national_summary.ensure_fresh(db.session, check_count=True)
    # Debriefs written around the ORM have no topic mask yet: read them, and count every debrief afresh if any.
    read = classify_missing(db.session)
    debrief_summary.ensure_fresh(db.session, rebuild_all=read > 0)


def recent_imports(force_ids: tuple[int, ...] | None) -> list[Row]:
    """The latest runs of the national data importer for the forces in scope, newest first: the columns the overview
    shows, with the force's name (`force_name`)."""
    return list(db.session.connection().execute(_recent_imports_statement(force_ids)))


@lru_cache(maxsize=64)
def _recent_imports_statement(force_ids: tuple[int, ...] | None) -> Select:
    """Built once for each scope and reused (building it cost more than running it)."""
    run = UseOfForceImportRun
    query = (select(run.file_name, Force.name.label("force_name"), run.started_at, run.status, run.mode,
                    run.last_committed_row, run.rows_read, run.rows_inserted, run.rows_duplicate, run.rows_rejected)
             .join(Force, run.force_id == Force.id)
             .order_by(run.started_at.desc(), run.id.desc()).limit(RECENT_IMPORTS))
    if force_ids is not None:
        query = query.where(run.force_id.in_(force_ids))
    return query


def describe_filters(filters: PatternFilters) -> dict:
    return {"from": filters.month_from, "to": filters.month_to,
            "forces": list(filters.force_ids) if filters.force_ids is not None else "all",
            "theme": filters.theme, "near_miss": filters.near_miss, "source": filters.source}


def record_patterns_viewed(user: User, page: str, filters: PatternFilters) -> None:
    # A read: record_read stores it with one Core insert and commits (a unit-of-work flush cost more than the page).
    record_read("patterns.viewed", actor=user, force_id=user.force_id, page=page, filters=describe_filters(filters))


def record_patterns_downloaded(user: User, figure: str, filters: PatternFilters) -> None:
    record_read("patterns.downloaded", actor=user, force_id=user.force_id, figure=figure,
                filters=describe_filters(filters))
