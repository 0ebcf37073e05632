"""Counting the SQL statements a block of code runs (the query-budget tests), leaving out transaction control."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from debrief.extensions import db

CONTROL = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)\b", re.IGNORECASE)  # not queries


@contextmanager
def counting() -> Iterator[list[str]]:
    """The SQL statements run inside the block on the app's engine, leaving out transaction control."""
    statements: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many):
        if not CONTROL.match(statement):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
