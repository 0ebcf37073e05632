"""The version of a body of published content (the public magazine): a token that changes with every change to it."""
from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db


class ContentVersion(db.Model):
    __tablename__ = "content_version"

    # What the token versions ("magazine"); a page drawn from that content is kept under the token it was drawn at.
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    # A new random token (not a counter) on every change: a database restored from a copy never meets a token
    # it already handed out for other content.
    token: Mapped[str] = mapped_column(String(32))
