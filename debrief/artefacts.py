"""Expensive outputs shared by every worker and host: a drawn graph or a typeset PDF is kept in the database under a
hash of everything it was made from, so the next worker (or the next host, or this one after a restart) that needs the
same output reads it instead of making it again. A change to what is drawn is a new key; the oldest entries are
dropped once the cache passes its size bound (ARTEFACT_CACHE_MAX_BYTES).

Keeping is best effort: if the database cannot take the entry (busy, say), the output is still served.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable

from flask import after_this_request, current_app, has_app_context, has_request_context
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from debrief.extensions import db
from debrief.models import CachedArtefact, utcnow
from debrief.rca import render

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def content_key(kind: str, *parts: str | bytes) -> str:
    """The cache key: sha256 of the kind and of each part, length-prefixed so parts cannot run into each other."""
    digest = hashlib.sha256(kind.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def get_or_make(kind: str, parts: tuple[str | bytes, ...], make: Callable[[], bytes]) -> bytes:
    """The output made from `parts`, read from the shared cache, or made by `make()` and kept there."""
    if not has_app_context():  # a command or test without an app: nothing to share with
        return make()
    key = content_key(kind, *parts)
    found = db.session.scalar(select(CachedArtefact.body).where(CachedArtefact.key == key))
    if found is not None:
        return bytes(found)
    body = make()
    if has_request_context():
        # Kept once the request is done with the database: on SQLite, a write by another connection in the middle
        # of the request would make the request's own audit write fail (its snapshot being older) and run again.
        @after_this_request
        def keep(response):
            _keep(key, kind, body)
            return response
    else:
        _keep(key, kind, body)
    return body


def _keep(key: str, kind: str, body: bytes) -> None:
    """Store on a connection of its own, committed at once: the request's own transaction is not touched."""
    limit = int(current_app.config.get("ARTEFACT_CACHE_MAX_BYTES", DEFAULT_MAX_BYTES))
    if len(body) > limit:
        return
    try:
        with db.engine.begin() as conn:
            conn.execute(insert(CachedArtefact).values(key=key, kind=kind, body=body, size=len(body),
                                                       created_at=utcnow()))
            _trim(conn, limit)
    except IntegrityError:
        pass  # another worker kept the same output first
    except SQLAlchemyError as error:  # busy or unavailable: serve the output without keeping it
        current_app.logger.warning("Artefact %s not kept in the shared cache: %s", kind, error.__class__.__name__)


def _trim(conn, limit: int) -> None:
    """Drop the oldest entries until the rest fit in `limit` bytes."""
    total, stale = 0, []
    for key, size in conn.execute(select(CachedArtefact.key, CachedArtefact.size)
                                  .order_by(CachedArtefact.created_at.desc(), CachedArtefact.key)):
        total += size
        if total > limit:
            stale.append(key)
    if stale:
        conn.execute(delete(CachedArtefact).where(CachedArtefact.key.in_(stale)))


def init_artefacts(app) -> None:
    """Graphviz drawings go through the shared store (the drawing module itself stays free of the database)."""
    app.config.setdefault("ARTEFACT_CACHE_MAX_BYTES", DEFAULT_MAX_BYTES)
    render.use_shared_store(get_or_make)
