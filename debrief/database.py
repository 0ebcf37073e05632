"""The database under concurrent use: SQLite in WAL mode with a busy timeout and serialised writes, requests
retried when they lose a race for a lock, and row locks that serialise the writers of one record."""
from __future__ import annotations

import sqlite3
import time
from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import event, inspect, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from debrief.audit.chain import sqlite_sha256
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import ReferenceCounter
from debrief.error_pages import unexpected_error

# A request that loses a lock race is run again this many times in all, waiting a little longer each time.
ATTEMPTS = 4
BACKOFF_SECONDS = 0.05
READ_ONLY_METHODS = ("GET", "HEAD", "OPTIONS")


class DatabaseBusy(ServiceError):
    """The database stayed locked by another writer through every attempt. Raised in the last attempt from the
    statement that met the lock, so the view's usual handling of a refusal (`form_errors.attempt`) shows the
    form again with what was typed and this message; anywhere else it is the 503 busy page. Never a 500."""

    def __init__(self) -> None:
        super().__init__("The service is busy: your changes have not been saved yet. Everything you typed is "
                         "still here. Check it, then send it again.")


def is_lock_error(error: BaseException) -> bool:
    """SQLite's "database is locked" / "busy", or PostgreSQL's serialisation failure, deadlock or lock timeout."""
    if isinstance(error, StaleDataError):
        return True
    if not isinstance(error, DBAPIError):
        return False
    orig = error.orig
    if isinstance(orig, sqlite3.OperationalError):
        message = str(orig).lower()
        return "locked" in message or "busy" in message
    return getattr(orig, "sqlstate", None) in ("40001", "40P01", "55P03")


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    timeout_ms = int(_config("DATABASE_LOCK_TIMEOUT_MS", 5000))
    cursor = dbapi_connection.cursor()
    # Readers never wait for a writer in WAL mode; a writer waits up to the busy timeout for another.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={timeout_ms}")
    # NORMAL (the default here): in WAL mode a commit no longer waits for the disk (about 8 ms on the benchmark
    # machine, more than a whole bare page), and the database cannot be corrupted; a crash of the machine itself
    # (not of a worker) may lose the last commits. FULL waits for the disk on every commit.
    synchronous = str(_config("SQLITE_SYNCHRONOUS", "NORMAL")).upper()
    cursor.execute(f"PRAGMA synchronous={'FULL' if synchronous == 'FULL' else 'NORMAL'}")
    cursor.close()
    # The audit chain's upsert hashes the next link in SQL (PostgreSQL has sha256 built in).
    dbapi_connection.create_function("debrief_sha256", 1, sqlite_sha256, deterministic=True)


def _on_begin(connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    dbapi_connection = connection.connection.dbapi_connection
    if not has_request_context():
        # Commands and tests keep pysqlite's own handling: BEGIN just before the first write.
        dbapi_connection.isolation_level = ""
        return
    # pysqlite sends BEGIN only before the first INSERT or UPDATE, so the reads a write depends on would run
    # outside its transaction. In a request, BEGIN goes before the first statement instead; and a request that
    # changes something takes the write lock there (BEGIN IMMEDIATE, waiting up to the busy timeout), so its reads
    # see the data it will write over and no other writer can slip in between.
    dbapi_connection.isolation_level = None
    # A page read starts as a plain read; if its audit event then met another writer (SQLite does not wait when a
    # read turns into a write), it is run again taking the lock first, which does wait.
    # Once the request's write has committed, what it reads afterwards (to render the page) begins as a plain
    # read, so the write lock is not held again until the request ends.
    immediate = g.get("sqlite_write_first")
    if immediate is None:
        immediate = request.method not in READ_ONLY_METHODS and not g.get("sqlite_committed")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _on_error(context) -> None:
    """In a request's last attempt, a lock error becomes DatabaseBusy, a refusal the view shows on its form."""
    if has_request_context() and g.get("last_attempt") and is_lock_error(context.sqlalchemy_exception):
        raise DatabaseBusy() from context.original_exception


def _on_commit(connection) -> None:
    if connection.dialect.name == "sqlite" and has_request_context():
        g.sqlite_committed = True


def _config(key: str, default: Any) -> Any:
    from flask import has_app_context
    return current_app.config.get(key, default) if has_app_context() else default


def _on_postgresql_connect(dbapi_connection, _record) -> None:
    # A request waits for a row lock no longer than this, then is retried (and at worst shown the busy page),
    # rather than hanging behind a stuck writer.
    timeout_ms = int(_config("DATABASE_LOCK_TIMEOUT_MS", 5000))
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = {timeout_ms}")
    dbapi_connection.commit()


def listen(engine: Engine) -> None:
    if not event.contains(engine, "handle_error", _on_error):
        event.listen(engine, "handle_error", _on_error)
    if engine.dialect.name == "postgresql" and not event.contains(engine, "connect", _on_postgresql_connect):
        event.listen(engine, "connect", _on_postgresql_connect)
        engine.dispose()
    if engine.dialect.name != "sqlite" or event.contains(engine, "begin", _on_begin):
        return
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "commit", _on_commit)
    engine.dispose()  # connections opened before the listeners were added are replaced


def lock_row(record: Any) -> None:
    """Serialise the writers of `record`: a row lock on PostgreSQL (SELECT ... FOR UPDATE), the write lock on
    SQLite. Afterwards `record` and its relationships are read again, as they are now under the lock."""
    session = db.session
    mapper = inspect(record).mapper
    key = mapper.primary_key[0]
    where = key == inspect(record).identity[0]
    if session.get_bind().dialect.name == "sqlite":
        # Taking the write lock: at once if the transaction began IMMEDIATE; otherwise this fails when another
        # writer committed since this transaction's first read, and the request is retried.
        session.execute(update(mapper.local_table).where(where).values({key.name: key}))
    else:
        # The row alone (the ORM's refresh would join eager relationships, which FOR UPDATE refuses).
        session.execute(select(key).where(where).with_for_update())
    session.refresh(record)
    for relationship in inspect(record).mapper.relationships:
        if relationship.uselist:
            session.expire(record, [relationship.key])


def next_number(force_id: int, year: int, *, above: int = 0) -> int:
    """The next number of a force's year, taken in one atomic upsert of its counter row: the row stays locked
    until the transaction ends, so two requests can never be handed the same number. `above` is a floor."""
    from sqlalchemy import case
    from sqlalchemy.dialects import postgresql, sqlite


    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(ReferenceCounter).values(force_id=force_id, year=year, last=above + 1)
    following = ReferenceCounter.last + 1
    statement = statement.on_conflict_do_update(
        index_elements=[ReferenceCounter.force_id, ReferenceCounter.year],
        set_={"last": case((following > statement.excluded.last, following), else_=statement.excluded.last)},
    ).returning(ReferenceCounter.last)
    return db.session.execute(statement).scalar_one()


def init_database(app: Flask) -> None:
    """SQLite settings on every connection, and each request run again (up to ATTEMPTS) after a lock race."""
    with app.app_context():
        for engine in db.engines.values():
            listen(engine)

    app.before_request(_reads_keep_what_they_loaded)
    app.preprocess_request = _with_retry(app, app.preprocess_request)  # type: ignore[method-assign]
    app.dispatch_request = _with_retry(app, app.dispatch_request)  # type: ignore[method-assign]
    app.register_error_handler(DatabaseBusy, busy_page)
    app.register_error_handler(OperationalError, _lock_or_crash)
    app.register_error_handler(StaleDataError, _lock_or_crash)


def _reads_keep_what_they_loaded() -> None:
    """A page read commits only its audit event, so what it loaded before is still what it shows: the commit need
    not expire it (which would load every row again, one at a time, as the template reads it). Writes keep the
    default, so a page drawn after a change reads the change back."""
    if request.method in READ_ONLY_METHODS:
        db.session().expire_on_commit = False


def _with_retry(app: Flask, step):
    """`step` of a request (its before-request hooks, its view) run again after a lock race, up to ATTEMPTS."""

    def run_with_retry():
        for attempt in range(1, ATTEMPTS + 1):
            if attempt == ATTEMPTS and request.method not in READ_ONLY_METHODS:
                # The last try reads without the write lock (readers never wait) and meets the lock only where it
                # writes: inside the service, whose refusal the view shows on the form with what was typed.
                g.last_attempt, g.sqlite_write_first = True, False
            try:
                response = step()
            except (OperationalError, DBAPIError, StaleDataError) as error:
                g.pop("sqlite_write_first", None)
                if not is_lock_error(error):
                    raise
                db.session.rollback()
                app.logger.warning("Lock race on %s %s (attempt %s): %s", request.method, request.path, attempt,
                                   error.__class__.__name__)
                if attempt == ATTEMPTS:
                    raise DatabaseBusy() from error
                time.sleep(BACKOFF_SECONDS * attempt)
                g.sqlite_write_first = True  # the next attempt takes the write lock first, waiting for it
            else:
                g.pop("sqlite_write_first", None)
                g.pop("last_attempt", None)
                return response
        raise AssertionError("unreachable")

    return run_with_retry


def _lock_or_crash(error: Exception):
    """A lock error outside a view (a hook, the error page itself) is still "busy"; anything else is a 500."""
    if is_lock_error(error):
        return busy_page(error)
    return unexpected_error(error)


def busy_page(_error: Exception):
    """503 with what the person typed, shown and kept in a form that sends it again with a fresh CSRF token."""
    from flask import render_template

    db.session.rollback()
    g.sqlite_write_first = False  # the page only reads: it must not wait for the lock it could not get
    typed, resend = [], []
    if request.method not in READ_ONLY_METHODS:
        for name, value in request.form.items(multi=True):
            if name == "csrf_token":
                continue
            resend.append((name, value))
            if value.strip():
                typed.append((name.replace("_", " ").capitalize(), value))
    response = current_app.make_response(
        (render_template("errors/busy.html", typed=typed, resend=resend, action=request.full_path.rstrip("?")), 503))
    response.headers["Retry-After"] = "5"
    return response
