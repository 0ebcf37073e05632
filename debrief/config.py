"""Configuration classes: read from the environment, never from committed secrets."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def instance_path() -> Path:
    return Path(os.environ.get("DEBRIEF_INSTANCE_PATH", ROOT / "instance"))


def _secret_key(instance: Path) -> str:
    """SECRET_KEY from the environment, or one generated once and kept under instance/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    instance.mkdir(parents=True, exist_ok=True)
    key_file = instance / "secret_key"
    if not key_file.exists():
        # Created with 0600 so only the service account can read it.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return key_file.read_text().strip()


def _database_url(instance: Path) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        # Platforms often hand out postgres:// URLs; SQLAlchemy wants the driver named.
        if url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url[len("postgres://"):]
        elif url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        return url
    instance.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{instance / 'debrief.sqlite'}"


def engine_options(uri: str, options: dict) -> dict:
    """The engine options for this database: SQLite's connections live in the worker's own process and cannot be
    dropped by a server, so they are not pinged on every checkout (a cursor and a SELECT 1 on every request)."""
    if str(uri).startswith("sqlite"):
        return {**options, "pool_pre_ping": False}
    return options


class Config:
    """Settings for a real run: `make run`, gunicorn."""

    def __init__(self) -> None:
        inst = instance_path()
        self.INSTANCE_PATH = str(inst)
        self.SECRET_KEY = _secret_key(inst)
        self.SQLALCHEMY_DATABASE_URI = _database_url(inst)

    # A pooled connection is tested before use (a PostgreSQL server may have dropped it); see engine_options().
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_NAME = "debrief_session"
    PERMANENT_SESSION_LIFETIME = 8 * 60 * 60  # one shift
    WTF_CSRF_TIME_LIMIT = 8 * 60 * 60
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024
    # Readers' feedback is personal data: `flask delete-old-feedback` deletes what is older than this.
    FEEDBACK_RETENTION_MONTHS = int(os.environ.get("DEBRIEF_FEEDBACK_RETENTION_MONTHS", "12"))
    # Once-only submission tokens (a page sent twice saves once): `flask delete-old-submission-tokens` forgets
    # those older than this.
    SUBMISSION_TOKEN_RETENTION_DAYS = int(os.environ.get("DEBRIEF_SUBMISSION_TOKEN_RETENTION_DAYS", "30"))
    # Sign-in throttling: failures allowed in the window, per account and per address.
    SIGNIN_WINDOW_SECONDS = 15 * 60
    SIGNIN_MAX_FAILURES_PER_ACCOUNT = 5
    SIGNIN_MAX_FAILURES_PER_ADDRESS = 20
    # Other addresses wait this long after an account's failure streak, doubling per failure up to the maximum.
    SIGNIN_ACCOUNT_LOCK_SECONDS = 30
    SIGNIN_MAX_ACCOUNT_LOCK_SECONDS = 300
    # Reverse proxies in front of the app whose X-Forwarded-For/-Proto/-Host are trusted (0: none, the default).
    TRUSTED_PROXIES = int(os.environ.get("DEBRIEF_TRUSTED_PROXIES", "0"))
    AUDIT_PAGE_SIZE = 50
    # How long a request waits for another writer's lock (SQLite busy timeout, PostgreSQL lock_timeout).
    DATABASE_LOCK_TIMEOUT_MS = int(os.environ.get("DEBRIEF_LOCK_TIMEOUT_MS", "5000"))
    DEBRIEF_REQUEST_DUE_DAYS = int(os.environ.get("DEBRIEF_REQUEST_DUE_DAYS", "3"))
    # Email (debrief/mail): with no SMTP host, messages are written as .eml files to MAIL_FOLDER for a developer to read.
    SMTP_HOST = os.environ.get("DEBRIEF_SMTP_HOST", "")
    SMTP_PORT = int(os.environ.get("DEBRIEF_SMTP_PORT", "587"))
    SMTP_USER = os.environ.get("DEBRIEF_SMTP_USER", "")
    SMTP_PASSWORD = os.environ.get("DEBRIEF_SMTP_PASSWORD", "")
    SMTP_SECURITY = os.environ.get("DEBRIEF_SMTP_SECURITY", "starttls")  # starttls / ssl / none
    SMTP_TIMEOUT_SECONDS = int(os.environ.get("DEBRIEF_SMTP_TIMEOUT_SECONDS", "30"))
    MAIL_FROM = os.environ.get("DEBRIEF_MAIL_FROM", "Debrief <no-reply@debrief.invalid>")
    MAIL_FOLDER = os.environ.get("DEBRIEF_MAIL_FOLDER", "")  # empty: the instance folder's mail/
    # Links in email are made from this, never from a request's Host header (which a client can forge).
    BASE_URL = os.environ.get("DEBRIEF_BASE_URL", "http://127.0.0.1:5000")
    SUBSCRIBE_CONFIRM_DAYS = int(os.environ.get("DEBRIEF_SUBSCRIBE_CONFIRM_DAYS", "3"))
    # Unconfirmed subscribers older than this are deleted by `flask delete-unconfirmed-subscribers` (and sent mail).
    UNCONFIRMED_RETENTION_DAYS = int(os.environ.get("DEBRIEF_UNCONFIRMED_RETENTION_DAYS", "7"))
    SENT_MAIL_RETENTION_DAYS = int(os.environ.get("DEBRIEF_SENT_MAIL_RETENTION_DAYS", "30"))
    # Drawn graphs and typeset PDFs kept in the database for every worker and host (debrief/artefacts.py): the oldest
    # are dropped past this many bytes.
    ARTEFACT_CACHE_MAX_BYTES = int(os.environ.get("DEBRIEF_ARTEFACT_CACHE_MAX_BYTES", str(64 * 1024 * 1024)))
    # SQLite only: NORMAL (commits do not wait for the disk; a machine crash may lose the last ones) or FULL.
    SQLITE_SYNCHRONOUS = os.environ.get("DEBRIEF_SQLITE_SYNCHRONOUS", "NORMAL")
    TESTING = False

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in dir(self) if k.isupper()}
