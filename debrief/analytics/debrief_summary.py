"""Count the submitted debriefs into their monthly rollup, and keep it current as debriefs change.

The dashboards read `DebriefSummary` (see its model) instead of passing over every debrief, its
incident, injuries, tactics and officers on each page. Six grouped passes fill it, for every
debrief or for chosen (force, month) slices:

1. the debriefs themselves, grouped by force, month, near miss, theme and the risk view's five
   groupings at once, with the impact factors and reasons counted in the same pass; the ``all``,
   ``risk:*``, ``impact_factor`` and ``reason`` rows are summed from those groups;
2. their tactics (``tactic``: used, effective, not effective; ``tactic:<Taser group>``: the same by the
   officer's Taser group, with the uses in debriefs where an officer or the subject was injured);
3. their injuries (``staff_injury`` / ``subject_injury`` by severity);
4. how long after the incident each was submitted (``submission:hot`` / ``submission:cold`` by band);
5. the training topics their reflections raise (``reflection``, ``reflection:training``), from their masks;
6. their incidents (``incidents``: incidents and near misses with at least one submitted debrief).

Freshness is explicit: the services that change a counted record (debriefs/service.py,
debriefs/people_service.py) call `commit_counted`, which notes the (force, month) slices the change touched
in `DebriefSummaryChange` in the same transaction, commits, and then recounts just those slices with
`ensure_fresh`. Nothing recounts on a page view: the dashboards only read. Writes that bypass the services
(a bulk load, the demo seeding) are caught when `ensure_fresh` next runs (after a service's change, or by
`flask --app debrief refresh-patterns`) by comparing the rollup's total with the live count of submitted
debriefs, which rebuilds it whole.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import and_, case, delete, func, insert, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from debrief import reference as ref
from debrief.analytics import risk
from debrief.analytics.filters import add_months, month_key, month_start
from debrief.analytics.debrief_topics import ANY_TOPIC, TRAINING_BIT
from debrief.analytics.debrief_topics import BITS as TOPIC_BITS
from debrief.analytics.incidents import ROLLUP_INCIDENT as INCIDENT
from debrief.analytics.incidents import ROLLUP_INCIDENTS as INCIDENTS
from debrief.analytics.incidents import ROLLUP_NEAR_MISS as NEAR_MISS
from debrief.analytics.incidents import submission_band
from debrief.analytics.sql import commit_build, count_if, days_between, json_has, month_of
from debrief.models import (
    Debrief, DebriefReflectionTopics, DebriefSummary, DebriefSummaryChange, DebriefSummaryState, DebriefTactic,
    Incident, IncidentOfficer, IncidentTheme, Injury,
)
from debrief.models.base import utcnow
from debrief.models.debrief import DebriefStatus

log = logging.getLogger(__name__)

# A (force, month) count at most this many slices again; past it one whole rebuild is quicker.
MOST_SLICES = 200
# What the rollup holds: raise it whenever a measure, code or count changes, so old rows are rebuilt.
LAYOUT = 3  # 2: with the submission timeliness bands; 3: tactics by Taser group, reflection topics, incidents
# Training needs' measures: tactics by the officer's Taser group, and the topics debriefs' reflections raise.
TACTIC_BY_TASER = "tactic:"  # + a risk.TASER_GROUPS code or not_recorded
REFLECTION, REFLECTION_TRAINING = "reflection", "reflection:training"
ANY_TRAINING, TRAINING_ONLY = "_training", "_training_only"  # codes of REFLECTION: any mention; training alone
_FACT_CODES = (("impact_factor", "impact_factors", ref.codes(ref.IMPACT_FACTORS)),
               ("reason", "reasons", ref.codes(ref.FORCE_REASONS)))
Key = tuple  # (force_id, month, near_miss, theme, measure, code)


def _keys(themed: bool) -> list[ColumnElement]:
    keys = [Incident.force_id.label("force_id"), month_of(Incident.occurred_at).label("month"),
            Incident.near_miss.label("near_miss")]
    return keys + [IncidentTheme.theme.label("theme")] if themed else keys


def _scoped(query, where: Sequence[ColumnElement[bool]], themed: bool):
    """Submitted debriefs of incidents with a time, in the slices chosen, once per theme if `themed`."""
    if themed:
        query = query.join(IncidentTheme, IncidentTheme.incident_id == Incident.id)
    return query.where(Debrief.status == DebriefStatus.SUBMITTED, Incident.occurred_at.is_not(None), *where)


def _debrief_pass(session: Session, where, themed: bool, add) -> None:
    keys = _keys(themed)
    groups = [risk.debrief_group(d.key) for d in risk.DIMENSIONS]
    hurt = _hurt(where)
    facts = [(measure, code) for measure, _, codes in _FACT_CODES for code in codes]
    fact_sums = [count_if(json_has(getattr(Debrief, column), code))
                 for _, column, codes in _FACT_CODES for code in codes]
    query = (select(*keys, *groups, func.count(), count_if(Debrief.assaulted.is_(True)),
                    count_if(hurt.c.officer == 1), count_if(hurt.c.subject == 1), *fact_sums)
             .select_from(Debrief).join(Incident, Debrief.incident_id == Incident.id)
             .outerjoin(IncidentOfficer, and_(IncidentOfficer.incident_id == Debrief.incident_id,
                                              IncidentOfficer.user_id == Debrief.author_id))
             .outerjoin(hurt, hurt.c.debrief_id == Debrief.id))
    query = _scoped(query, where, themed).group_by(*keys, *groups)
    width = len(keys)
    for row in session.execute(query):
        base = tuple(row[:width]) if themed else (*row[:width], "")
        codes = row[width:width + len(groups)]
        counts = row[width + len(groups):width + len(groups) + 4]
        add((*base, "all", ""), counts)
        for dimension, code in zip(risk.DIMENSIONS, codes):
            add((*base, f"risk:{dimension.key}", code), counts)
        for (measure, code), n in zip(facts, row[width + len(groups) + 4:]):
            if n:
                add((*base, measure, code), (n,))


def _hurt(where):
    """Who was hurt, per debrief in scope: (debrief_id, subject 0/1, officer 0/1), one pass over the injuries."""
    scope = _scoped(select(Debrief.id).select_from(Debrief).join(Incident, Debrief.incident_id == Incident.id),
                    where, False)
    return (select(Injury.debrief_id.label("debrief_id"),
                   func.max(case((Injury.person == "subject", 1), else_=0)).label("subject"),
                   func.max(case((Injury.person != "subject", 1), else_=0)).label("officer"))
            .where(Injury.debrief_id.in_(scope)).group_by(Injury.debrief_id).subquery())


def _tactic_pass(session: Session, where, themed: bool, add) -> None:
    """``tactic`` (used, effective, not effective) and, by the officer's Taser group, ``tactic:<group>`` with
    the uses in debriefs where an officer or the subject was injured too (Training needs)."""
    keys = _keys(themed)
    hurt = _hurt(where)
    group = risk.debrief_group("taser").label("grp")
    query = (select(*keys, DebriefTactic.tactic, group, func.count(), count_if(DebriefTactic.effective.is_(True)),
                    count_if(DebriefTactic.effective.is_(False)), count_if(hurt.c.officer == 1),
                    count_if(hurt.c.subject == 1))
             .select_from(DebriefTactic).join(Debrief, DebriefTactic.debrief_id == Debrief.id)
             .join(Incident, Debrief.incident_id == Incident.id)
             .outerjoin(hurt, hurt.c.debrief_id == Debrief.id))
    for row in session.execute(_scoped(query, where, themed).group_by(*keys, DebriefTactic.tactic, group)):
        *base, tactic, grp, used, yes, no, officer, subject = row
        base = tuple(base) if themed else (*base, "")
        add((*base, "tactic", tactic), (used, 0, 0, 0, yes, no))
        add((*base, f"{TACTIC_BY_TASER}{grp}", tactic), (used, 0, officer, subject, yes, no))


def _incident_pass(session: Session, where, themed: bool, add) -> None:
    """``incidents`` / ``incident`` or ``near_miss``: incidents with at least one submitted debrief (the reviewers'
    queue counts these). Every key of a slice is the incident's own, so the counts add up across slices."""
    keys = _keys(themed)
    query = (select(*keys, func.count(func.distinct(Incident.id))).select_from(Debrief)
             .join(Incident, Debrief.incident_id == Incident.id))
    for row in session.execute(_scoped(query, where, themed).group_by(*keys)):
        *base, n = row
        base = tuple(base) if themed else (*base, "")
        add((*base, INCIDENTS, NEAR_MISS if base[2] is True else INCIDENT), (n,))


def _topic_pass(session: Session, where, themed: bool, add) -> None:
    """The training topics debriefs' reflections raise (their masks, debrief_topics): ``reflection`` / topic code
    (or ANY_TRAINING, TRAINING_ONLY) and ``reflection:training`` / topic code for those also mentioning training.
    Grouped by mask in SQL (a few dozen masks), the bits taken apart here."""
    keys = _keys(themed)
    mask = func.coalesce(DebriefReflectionTopics.mask, 0).label("mask")
    query = (select(*keys, mask, func.count()).select_from(Debrief)
             .join(Incident, Debrief.incident_id == Incident.id)
             .outerjoin(DebriefReflectionTopics, DebriefReflectionTopics.debrief_id == Debrief.id))
    for row in session.execute(_scoped(query, where, themed).group_by(*keys, mask)):
        *base, bits, n = row
        base = tuple(base) if themed else (*base, "")
        for key in topic_keys(int(bits or 0)):
            add((*base, *key), (n,))


def topic_keys(bits: int) -> list[tuple[str, str]]:
    """The (measure, code) keys one debrief with this topic mask counts under (pure)."""
    training = bool(bits & TRAINING_BIT)
    keys = []
    for code, bit in TOPIC_BITS.items():
        if bits & bit:
            keys.append((REFLECTION, code))
            if training:
                keys.append((REFLECTION_TRAINING, code))
    if training:
        keys.append((REFLECTION, ANY_TRAINING))
        if not bits & ANY_TOPIC:
            keys.append((REFLECTION, TRAINING_ONLY))
    return keys


def _injury_pass(session: Session, where, themed: bool, add) -> None:
    keys = _keys(themed)
    severity = func.coalesce(Injury.severity, risk.NOT_RECORDED)
    who = case((Injury.person == "subject", "subject_injury"), else_="staff_injury")
    query = (select(*keys, who, severity, func.count())
             .select_from(Injury).join(Debrief, Injury.debrief_id == Debrief.id)
             .join(Incident, Debrief.incident_id == Incident.id))
    for row in session.execute(_scoped(query, where, themed).group_by(*keys, who, severity)):
        *base, measure, code, n = row
        base = tuple(base) if themed else (*base, "")
        add((*base, measure, code), (n,))


def _submission_pass(session: Session, where, themed: bool, add) -> None:
    """How long after the incident each debrief was submitted, hot and cold apart (the timeliness figure)."""
    keys = _keys(themed)
    band = submission_band(days_between(session, Debrief.submitted_at, Incident.occurred_at))
    query = (select(*keys, Debrief.kind, band, func.count())
             .select_from(Debrief).join(Incident, Debrief.incident_id == Incident.id)
             .where(Debrief.submitted_at.is_not(None)))
    for row in session.execute(_scoped(query, where, themed).group_by(*keys, Debrief.kind, band)):
        *base, kind, label, n = row
        base = tuple(base) if themed else (*base, "")
        add((*base, f"submission:{kind}", label), (n,))


def count_into(session: Session, where: Sequence[ColumnElement[bool]] = ()) -> int:
    """Count the submitted debriefs matching `where` (conditions on Incident) into the rollup; rows added."""
    totals: dict[Key, list[int]] = defaultdict(lambda: [0] * 6)

    def add(key: Key, counts: Iterable[int]) -> None:
        total = totals[key]
        for i, n in enumerate(counts):
            total[i] += n or 0

    for themed in (False, True):
        _debrief_pass(session, where, themed, add)
        _tactic_pass(session, where, themed, add)
        _injury_pass(session, where, themed, add)
        _submission_pass(session, where, themed, add)
        _topic_pass(session, where, themed, add)
        _incident_pass(session, where, themed, add)
    rows = [{"force_id": force_id, "incident_month": month, "near_miss": near_miss, "theme": theme,
             "measure": measure, "code": code, "records": c[0], "assaulted": c[1], "staff_injured": c[2],
             "subject_injured": c[3], "effective": c[4], "not_effective": c[5]}
            for (force_id, month, near_miss, theme, measure, code), c in totals.items()]
    if rows:
        session.execute(insert(DebriefSummary), rows)
    return len(rows)


def rebuild(session: Session) -> None:
    """Replace the whole rollup with fresh counts of every submitted debrief."""
    session.execute(delete(DebriefSummary))
    count_into(session)


def recount(session: Session, slices: Iterable[tuple[int, int]]) -> None:
    """Count the (force, month) slices again: their old rows go, fresh ones come from the debriefs.

    All the slices are counted together, in the same four passes as a full build, each reading just the
    incidents of those forces and months (through the incident's (force, time) index).
    """
    chosen = sorted(set(slices))
    if not chosen:
        return
    session.execute(delete(DebriefSummary).where(or_(*(
        and_(DebriefSummary.force_id == force_id, DebriefSummary.incident_month == month)
        for force_id, month in chosen))))
    count_into(session, [or_(*(
        and_(Incident.force_id == force_id, Incident.occurred_at >= month_start(month),
             Incident.occurred_at < month_start(add_months(month, 1)))
        for force_id, month in chosen))])


def live_total(session: Session) -> int:
    """The submitted debriefs the rollup should count (those whose incident has a time)."""
    return session.scalar(select(func.count()).select_from(Debrief).join(Incident, Debrief.incident_id == Incident.id)
                          .where(Debrief.status == DebriefStatus.SUBMITTED, Incident.occurred_at.is_not(None)))


def rollup_total(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.sum(DebriefSummary.records), 0))
                          .where(DebriefSummary.measure == "all", DebriefSummary.theme == ""))


def ensure_fresh(session: Session, rebuild_all: bool = False) -> bool:
    """Recount the slices noted since the last recount (or everything, the first time, or with `rebuild_all`);
    True if anything was.

    The state row is locked (FOR UPDATE on PostgreSQL; SQLite serialises writers), so two requests
    never recount the same slice at once.
    """
    pending = session.scalar(select(func.max(DebriefSummaryChange.id)))
    state = session.get(DebriefSummaryState, 1)
    built = state is not None and state.layout == LAYOUT and not rebuild_all
    if built and pending is None and rollup_total(session) == live_total(session):
        return False
    state = session.scalar(select(DebriefSummaryState).where(DebriefSummaryState.id == 1)
                           .with_for_update().execution_options(populate_existing=True))
    if state is None:
        state = DebriefSummaryState(id=1)
        session.add(state)
    pending = session.scalar(select(func.max(DebriefSummaryChange.id)))  # again, now that no one else counts
    slices = []
    if pending is not None:
        slices = session.execute(select(DebriefSummaryChange.force_id, DebriefSummaryChange.incident_month)
                                 .where(DebriefSummaryChange.id <= pending).distinct()).all()
        session.execute(delete(DebriefSummaryChange).where(DebriefSummaryChange.id <= pending))
    if not built or len(slices) > MOST_SLICES:
        rebuild(session)
    else:
        recount(session, slices)
        if rollup_total(session) != live_total(session):  # written around the ORM (a bulk load): start again
            rebuild(session)
    state.layout, state.built_at = LAYOUT, utcnow()
    return commit_build(session)


# --- Noting what changed, explicitly -----------------------------------------------------------------------

Slice = tuple[int, int]  # (force_id, YYYYMM)


def counted_in(incidents: Iterable[Incident | None]) -> set[Slice]:
    """The (force, month) slices these incidents' submitted debriefs are counted in, as the objects stand now.

    Called before a change and again after it: the union is every slice the change can have touched (an
    incident moved to another month or force touches both). An incident with no submitted debrief counts in
    nothing, so a draft's changes touch no figure.
    """
    slices: set[Slice] = set()
    for incident in incidents:
        if incident is None or incident.force_id is None or incident.occurred_at is None:
            continue
        if any(d.status == DebriefStatus.SUBMITTED for d in incident.debriefs):
            slices.add((incident.force_id, month_key(incident.occurred_at)))
    return slices


def note(session: Session, slices: Iterable[Slice]) -> None:
    """Note, in the caller's transaction, the slices a change touched: the next `ensure_fresh` recounts them.

    The note commits or rolls back with the change, so a recount that never ran (a crash after the commit,
    a lock timeout) is picked up by the next one, or by `flask --app debrief refresh-patterns`.
    """
    rows = [{"force_id": f, "incident_month": m} for f, m in sorted(set(slices))]
    if rows:
        session.execute(insert(DebriefSummaryChange), rows)


def commit_counted(session: Session, incidents: Iterable[Incident | None], before: Iterable[Slice] = ()) -> None:
    """Commit a service's change to counted records, then bring the debriefs' rollup up to date.

    `before` is `counted_in` of the incidents taken before the change. The slices touched are noted in the
    change's own transaction; the recount runs after it commits (a failed recount leaves the note for the next).
    """
    touched = set(before) | counted_in(incidents)
    note(session, touched)
    session.commit()
    if touched:
        try:
            ensure_fresh(session)
        except SQLAlchemyError:
            session.rollback()
            log.warning("The debriefs' rollup was not recounted now; its note waits for the next recount",
                        exc_info=True)
