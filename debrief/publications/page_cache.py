"""The public magazine's pages drawn once per content version: published content changes rarely, so a page's main
content is rendered once and served again until anything it could show changes.

The version is a random token in `content_version` (name "magazine"). A transaction that adds, changes or deletes a
row of a model the magazine's pages read (WATCHED) sets a new token as the last thing before it commits, so the new
token and the change commit together and no page can be kept under a token for content older than it. A page reads the
token first, before any of its content: on a miss, content read after the token can only be as new as it or newer.
Each worker keeps its own drawn pages in memory (per application), keyed by the page and its arguments; a worker
meeting a new token draws the page again. After writing magazine rows with SQL outside the ORM, call
`changed(session)`.
"""
from __future__ import annotations

import secrets
from functools import cache
from itertools import chain
from typing import Any, Callable, TypeVar

from flask import current_app, request
from sqlalchemy import bindparam, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from debrief.extensions import db
from debrief.models import Article, CaseStudy, ContentVersion, Force, ForceResponse, MagazineIssue, ReflectiveQuestion

MAGAZINE = "magazine"
# Everything a drawn magazine page shows comes from these (a force's name orders the recommendation responses).
WATCHED = (MagazineIssue, CaseStudy, ReflectiveQuestion, Article, ForceResponse, Force)
# A bound on the pages one worker keeps (each case study, each theme's issue list): past it, it starts again.
MAX_PAGES = 512
EXTENSION = "debrief_magazine_pages"

T = TypeVar("T")
_TABLE = ContentVersion.__table__
_READ = select(_TABLE.c.token).where(_TABLE.c.name == bindparam("name"))


@cache
def _set_token(dialect: str) -> Any:
    """The upsert giving a name a new token, built once for each database."""
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = maker(_TABLE).values(name=bindparam("name"), token=bindparam("token"))
    return statement.on_conflict_do_update(index_elements=[_TABLE.c.name], set_={"token": statement.excluded.token})


def changed(session: Session, name: str = MAGAZINE) -> None:
    """A new token for `name`, in the session's transaction: pages drawn before it are drawn again."""
    conn = session.connection()
    conn.execute(_set_token(conn.dialect.name), {"name": name, "token": secrets.token_hex(16)})


def _magazine_touched(session: Session) -> bool:
    if any(isinstance(obj, WATCHED) for obj in chain(session.new, session.deleted)):
        return True
    return any(isinstance(obj, WATCHED) and session.is_modified(obj, include_collections=False)
               for obj in session.dirty)


TOUCHED = "debrief_magazine_touched"


def _after_flush(session: Session, _flush_context) -> None:
    # new/dirty/deleted still hold what this flush wrote (SQLAlchemy empties them only after this event).
    if _magazine_touched(session):
        session.info[TOUCHED] = True


def _before_commit(session: Session) -> None:
    """The new token, taken last: after the transaction's final flush, so its row lock is the last lock the
    transaction takes and never waits in a cycle with another's (an audit chain's head, a record's row)."""
    session.flush()
    if session.info.pop(TOUCHED, False):
        changed(session)


def _after_rollback(session: Session) -> None:
    session.info.pop(TOUCHED, None)


def watch_magazine() -> None:
    """Every ORM commit that wrote magazine content gives it a new token. Idempotent; the app factory calls it."""
    for name, listener in (("after_flush", _after_flush), ("before_commit", _before_commit),
                           ("after_rollback", _after_rollback)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def current_token(name: str = MAGAZINE) -> str | None:
    """The content's token now (None before anything was ever written: nothing is kept then). Read on the session's
    connection: a Core statement needs none of the ORM's handling of a session execute (most of this call's time)."""
    return db.session.connection().execute(_READ, {"name": name}).scalar()


def drawn(key: tuple, draw: Callable[[], T | None]) -> T | None:
    """What `draw()` returns for the magazine's content now: drawn once per content version and kept by this worker
    under `key` (which must hold every argument the page depends on). None (a page not found) is never kept."""
    token = current_token()  # first: content read after it is at least as new as the token
    if token is None:
        return draw()
    pages: dict[tuple, tuple[str, Any]] = current_app.extensions.setdefault(EXTENSION, {})
    full_key = (request.script_root, *key)
    kept = pages.get(full_key)
    if kept is not None and kept[0] == token:
        return kept[1]
    page = draw()
    if page is not None:
        if len(pages) >= MAX_PAGES:
            pages.clear()
        pages[full_key] = (token, page)
    return page
