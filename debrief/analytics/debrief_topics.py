"""Each debrief's training topics as a bit mask, written as its answers are (so Training needs counts 100,000
debriefs in one SQL pass and never reads their text on a page view).

Mapper events on Debrief write the mask with the row: a debrief added, or whose "what could have been done
differently" or "why would that have helped" answers changed, gets its mask (re)written in the same transaction. Debriefs
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


def _write_mask(_mapper, connection, debrief: Debrief) -> None:
    """After a debrief row is updated with either answer changed: its mask, in the same transaction."""
    state = inspect(debrief)
    if any(state.attrs[name].history.has_changes() for name in _FIELDS):
        _write(connection, {debrief.id: mask_of(debrief.could_differ, debrief.why_differ)})


def _write_new_mask(_mapper, connection, debrief: Debrief) -> None:
    _write(connection, {debrief.id: mask_of(debrief.could_differ, debrief.why_differ)})


def watch_topics() -> None:
    """Keep each debrief's mask with its row: mapper events on Debrief alone (derived data of one record, like a
    computed column), not a listener on every session flush. Idempotent; the app factory calls it."""
    if not event.contains(Debrief, "after_insert", _write_new_mask):
        event.listen(Debrief, "after_insert", _write_new_mask)
        event.listen(Debrief, "after_update", _write_mask)


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
