"""Each debrief's training topics as a bit mask, written as its answers are (so Training needs counts 100,000
debriefs in one SQL pass and never reads their text on a page view).

`record_topics` runs after every ORM flush: a debrief added, or whose "what could have been done differently"
or "why would that have helped" answers changed, gets its mask (re)written in the same transaction. Debriefs
written around the ORM (a bulk load, the rows a database held before this table) are read by `classify_missing`,
which the migration, `seed-demo` and the benchmark run.
"""
from __future__ import annotations

from sqlalchemy import delete, event, insert, inspect, select
from sqlalchemy.orm import Session

from debrief.analytics.training_topics import TOPICS, mentions_training, topics_in
from debrief.models import Debrief
from debrief.models.national_profile import DebriefReflectionTopics

BITS = {topic.code: 1 << i for i, topic in enumerate(TOPICS)}
TRAINING_BIT = 1 << 20  # the answers mention training
ANY_TOPIC = sum(BITS.values())
_FIELDS = ("could_differ", "why_differ")


def mask_of(could_differ: str | None, why_differ: str | None) -> int:
    """The bit mask of the topics the two answers raise, with TRAINING_BIT if they mention training (pure)."""
    mask = sum(BITS[code] for code in topics_in(could_differ, why_differ))
    return mask | (TRAINING_BIT if mentions_training(could_differ, why_differ) else 0)


def _write(connection, masks: dict[int, int]) -> None:
    if masks:
        table = DebriefReflectionTopics.__table__
        connection.execute(delete(table).where(table.c.debrief_id.in_(list(masks))))
        connection.execute(insert(table), [{"debrief_id": d, "mask": m} for d, m in masks.items()])


def record_topics(session: Session, _context=None) -> None:
    """After a flush: (re)write the mask of each debrief added or whose answers changed."""
    masks = {}
    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, Debrief) or obj.id is None:
            continue
        state = inspect(obj)
        if obj in session.new or any(state.attrs[name].history.has_changes() for name in _FIELDS):
            masks[obj.id] = mask_of(obj.could_differ, obj.why_differ)
    _write(session.connection(), masks)


def watch_topics() -> None:
    """Keep the masks after every ORM flush (idempotent; the app factory calls it)."""
    if not event.contains(Session, "after_flush", record_topics):
        event.listen(Session, "after_flush", record_topics)


def classify_missing(session: Session, batch: int = 5000) -> int:
    """Write the mask of every debrief that has none (written around the ORM); returns how many. The caller commits."""
    t = DebriefReflectionTopics
    done = 0
    while True:
        rows = session.execute(select(Debrief.id, Debrief.could_differ, Debrief.why_differ)
                               .outerjoin(t, t.debrief_id == Debrief.id).where(t.debrief_id.is_(None))
                               .limit(batch)).all()
        if not rows:
            return done
        _write(session.connection(), {d: mask_of(could, why) for d, could, why in rows})
        done += len(rows)
