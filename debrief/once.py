"""Once-only submission: a create form carries a one-time token rendered with its page; the first save records it
in the same transaction as what it creates, and a second POST of the same page creates nothing and lands where
the first one did, with a short notice. A refused submission does not use the token up."""
from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import delete, inspect, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from wtforms import HiddenField

from debrief.database import DatabaseBusy
from debrief.extensions import db
from debrief.models import SubmissionToken
from debrief.models.base import utcnow

NOTICE = "You had already sent this, so it has not been saved a second time. This is what was saved."
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


class OnceOnlyForm:
    """Mix into a create form: `once`, the page's one-time token. A POST without a well-formed one (an old page, a
    hand-made request) gets a fresh token, so it is saved like before but not recognised when sent again."""

    once = HiddenField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not _TOKEN.fullmatch(self.once.data or ""):
            self.once.data = secrets.token_urlsafe(24)


class AlreadySubmitted(Exception):
    """This page was sent before: the response is a redirect to where the first submission landed."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class Claim:
    """A create in progress under its token: `lands(url)` once the save went through."""

    def __init__(self, row: SubmissionToken | None, landing: str = "") -> None:
        self.row, self.landing, self.done = row, landing, False
        self.token = row.token if row is not None else ""  # read now: after the save's commit it would load again

    def lands(self, url: str | None = None) -> None:
        """The save went through (the token with it): note where its result is, when that was not known before the
        save. The record is saved whatever happens here, so this never makes the request run again: it is one
        UPDATE that reads nothing first (on SQLite it waits for the write lock rather than losing a race for it),
        and if it still fails the token keeps the landing given before the save."""
        self.done = True
        db.session.commit()  # what the save left uncommitted, if anything, with the token
        if self.row is None or url is None or url == self.landing:
            return
        try:
            db.session.execute(update(SubmissionToken).where(SubmissionToken.token == self.token)
                               .values(result_url=url))
            db.session.commit()
        except (DBAPIError, DatabaseBusy):
            db.session.rollback()


def _user_id() -> int | None:
    return current_user.id if current_user.is_authenticated else None


def _earlier(token: str) -> AlreadySubmitted | None:
    row = db.session.scalar(select(SubmissionToken).where(SubmissionToken.token == token))
    if row is None:
        return None
    # Someone else's token (it cannot be guessed, but a page could be shared) lands on the home page, saying nothing
    # of where theirs went.
    return AlreadySubmitted(row.result_url if row.user_id == _user_id() and row.result_url else url_for("main.index"))


def _drop(row: SubmissionToken) -> None:
    state = inspect(row)
    if state.pending:
        db.session.expunge(row)
    elif state.persistent:
        db.session.delete(row)


@contextmanager
def claimed(form: OnceOnlyForm, landing: str, *, active: bool = True) -> Iterator[Claim]:
    """Run one create under the form's token: AlreadySubmitted if the token was used, else the token is added to the
    session, to be written in the same transaction as what the save creates (`landing` is where it goes, until
    `Claim.lands` says better). Two requests racing with one token: the second's INSERT fails on the unique
    token (PostgreSQL waits for the first to commit; SQLite's write lock serialises them), and it lands like a
    second POST. Not `active` (the same page editing a record): nothing is claimed."""
    if not active:
        yield Claim(None)
        return
    token = form.once.data
    if (earlier := _earlier(token)) is not None:
        raise earlier
    row = SubmissionToken(token=token, user_id=_user_id(), result_url=landing)
    db.session.add(row)
    claim = Claim(row, landing)
    try:
        yield claim
    except IntegrityError:
        db.session.rollback()
        if (earlier := _earlier(token)) is not None:
            raise earlier from None
        raise
    except BaseException:
        if not claim.done:
            _drop(row)
        raise
    if not claim.done:  # refused (the view showed the form again): the token stays unused
        _drop(row)


def _landed(error: AlreadySubmitted):
    db.session.rollback()
    flash(NOTICE, "info")
    return redirect(error.url)


def delete_old_tokens(*, days: int, now: datetime | None = None) -> int:
    """Forget tokens older than `days`: a page sent again after that is saved as new. They hold no personal data
    beyond who sent the page and where it landed, and are only needed while someone might press the button again."""
    before = (now or utcnow()) - timedelta(days=days)
    count = db.session.execute(delete(SubmissionToken).where(SubmissionToken.created_at < before)).rowcount or 0
    db.session.commit()
    return count


def init_app(app: Flask) -> None:
    app.register_error_handler(AlreadySubmitted, _landed)
