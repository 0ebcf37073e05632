"""Use of force, injuries, assaults, impact factors, reasons and outcomes: debrief answers beside the national data."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from debrief import reference as ref
from debrief.analytics.filters import PatternFilters, month_label
from debrief.analytics.sql import (
    count_if, incident_conditions, json_has, month_of, national_conditions, shared, summary_conditions,
)
from debrief.analytics.tables import Table, rate
from debrief.models import Debrief, DebriefTactic, Incident, Injury
from debrief.models.analytics_summary import UseOfForceSummary as S

DEBRIEFS = "debriefs"
NATIONAL = "national data"
SEVERITIES = ("minor", "severe", "fatal")
NOT_RECORDED = "Severity not recorded"


def _sources(filters: PatternFilters) -> list[str]:
    """The sources a figure shows: both as separate columns unless one was chosen."""
    return [s for s, on in ((DEBRIEFS, filters.debriefs), (NATIONAL, filters.source != "debriefs")) if on]


def _submitted_debriefs(filters: PatternFilters):
    return [Debrief.status == "submitted", *incident_conditions(filters)]


_FACT_CODES = (("impact_factors", ref.codes(ref.IMPACT_FACTORS)), ("reasons", ref.codes(ref.FORCE_REASONS)))


def debrief_month_facts(session: Session, filters: PatternFilters) -> dict[int, dict[str, int]]:
    """One pass over the submitted debriefs, by month: assaults, and each impact factor and reason given.

    {month: {"assaulted": n, "impact_factors:alcohol": n, "reasons:protect_self": n, ...}}; the
    assaults, impact factor and reason figures all read it, so a page makes the pass once.
    """
    def compute() -> dict[int, dict[str, int]]:
        keys = ["assaulted"]
        sums = [count_if(Debrief.assaulted.is_(True))]
        for column, codes in _FACT_CODES:
            for code in codes:
                keys.append(f"{column}:{code}")
                sums.append(count_if(json_has(getattr(Debrief, column), code)))
        month = month_of(Incident.occurred_at)
        rows = session.execute(select(month, *sums).join(Incident, Debrief.incident_id == Incident.id)
                               .where(*_submitted_debriefs(filters)).group_by(month))
        return {m: dict(zip(keys, values)) for m, *values in rows}

    return shared("debrief-month-facts", filters, compute)


def tactics(session: Session, filters: PatternFilters) -> Table:
    """Each tactic: how often it was used and how often it was said to be effective, per source."""
    counts: dict[str, dict[str, list[int]]] = {}  # source -> tactic -> [effective, not effective, not said]
    slot = {True: 0, False: 1, None: 2}
    if filters.debriefs:
        rows = session.execute(
            select(DebriefTactic.tactic, DebriefTactic.effective, func.count())
            .join(Debrief, DebriefTactic.debrief_id == Debrief.id).join(Incident, Debrief.incident_id == Incident.id)
            .where(*_submitted_debriefs(filters)).group_by(DebriefTactic.tactic, DebriefTactic.effective))
        for tactic, effective, n in rows:
            counts.setdefault(DEBRIEFS, {}).setdefault(tactic, [0, 0, 0])[slot[effective]] += n
    if filters.source != "debriefs":
        rows = session.execute(
            select(S.code, func.sum(S.records), func.sum(S.effective), func.sum(S.not_effective))
            .where(*summary_conditions(filters, "tactic")).group_by(S.code))
        for tactic, used, yes, no in rows:
            counts.setdefault(NATIONAL, {})[tactic] = [yes, no, used - yes - no]
    sources = _sources(filters)
    columns = ["Tactic"]
    for source in sources:
        columns += [f"Used ({source})", f"Effective ({source})", f"Not effective ({source})",
                    f"Effective, % of those recorded ({source})"]
    rows_out = []
    for code in ref.codes(ref.TACTICS):
        cells: list = [ref.label_for(ref.TACTICS, code)]
        for source in sources:
            yes, no, unknown = counts.get(source, {}).get(code, [0, 0, 0])
            cells += [yes + no + unknown, yes, no, rate(yes, yes + no)]
        if any(cells[i] for i in range(1, len(cells), 4)):
            rows_out.append(cells)
    table = Table(columns, rows_out)
    table.notes.append("A record can use several tactics, so the tactics add up to more than the records.")
    return table


def injuries(session: Session, filters: PatternFilters) -> Table:
    """Injuries to subjects and to officers and staff, by severity, per source."""
    sources = _sources(filters)
    found: dict[tuple[str, str, str], int] = {}
    if filters.debriefs:
        rows = session.execute(
            select(Injury.person, Injury.severity, func.count())
            .join(Debrief, Injury.debrief_id == Debrief.id).join(Incident, Debrief.incident_id == Incident.id)
            .where(*_submitted_debriefs(filters)).group_by(Injury.person, Injury.severity))
        for person, severity, n in rows:
            who = "subject" if person == "subject" else "officer"
            found[(DEBRIEFS, who, severity if severity in SEVERITIES else NOT_RECORDED)] = n
    if filters.source != "debriefs":
        rows = session.execute(
            select(S.measure, S.code, func.sum(S.records))
            .where(S.measure.in_(("subject_injury", "staff_injury")),
                   *national_conditions(filters, S))
            .group_by(S.measure, S.code))
        for measure, severity, n in rows:
            key = (NATIONAL, "subject" if measure == "subject_injury" else "officer",
                   severity if severity in SEVERITIES else NOT_RECORDED)
            found[key] = found.get(key, 0) + n
    columns = ["Severity"]
    for who, name in (("subject", "Subjects"), ("officer", "Officers and staff")):
        columns += [f"{name} ({source})" for source in sources]
    rows_out = []
    for severity in (*SEVERITIES, NOT_RECORDED):
        label = ref.label_for(ref.INJURY_SEVERITIES, severity) if severity in SEVERITIES else severity
        rows_out.append([label, *(found.get((source, who, severity), 0)
                                  for who in ("subject", "officer") for source in sources)])
    return Table(columns, rows_out)


def assaults_per_month(session: Session, filters: PatternFilters) -> Table:
    """Officers and staff assaulted a month: debriefs that say so, national records that say so."""
    columns = ["Month"]
    found: dict[str, dict[int, int]] = {}
    if filters.debriefs:
        found[DEBRIEFS] = {m: facts["assaulted"] for m, facts in debrief_month_facts(session, filters).items()}
    if filters.source != "debriefs":
        found[NATIONAL] = dict(session.execute(
            select(S.incident_month, func.sum(S.assaulted))
            .where(*summary_conditions(filters, "all")).group_by(S.incident_month)).all())
    sources = _sources(filters)
    columns += [f"Officers and staff assaulted ({source})" for source in sources]
    return Table(columns, [[month_label(m), *(found[s].get(m, 0) for s in sources)] for m in filters.months])


def _coded_counts(session: Session, filters: PatternFilters, vocab: ref.Vocabulary, heading: str,
                  debrief_column: str | None, measure: str) -> Table:
    codes = ref.codes(vocab)
    found: dict[str, tuple[int, ...]] = {}
    if filters.debriefs and debrief_column is not None:
        months = debrief_month_facts(session, filters).values()
        found[DEBRIEFS] = tuple(sum(facts[f"{debrief_column}:{code}"] for facts in months) for code in codes)
    if filters.source != "debriefs":
        national = dict(session.execute(
            select(S.code, func.sum(S.records)).where(*summary_conditions(filters, measure)).group_by(S.code)).all())
        found[NATIONAL] = tuple(national.get(code, 0) for code in codes)
    sources = [s for s in _sources(filters) if s in found]
    columns = [heading, *(f"Records ({source})" for source in sources)]
    return Table(columns, [[ref.label_for(vocab, code), *(found[s][i] for s in sources)]
                           for i, code in enumerate(codes)])


def impact_factors(session: Session, filters: PatternFilters) -> Table:
    table = _coded_counts(session, filters, ref.IMPACT_FACTORS, "Impact factor", "impact_factors",
                          "impact_factor")
    table.notes.append("A record can give several impact factors.")
    return table


def reasons(session: Session, filters: PatternFilters) -> Table:
    table = _coded_counts(session, filters, ref.FORCE_REASONS, "Reason for using force", "reasons", "reason")
    table.notes.append("A record can give several reasons.")
    return table


def outcomes(session: Session, filters: PatternFilters) -> Table:
    table = _coded_counts(session, filters, ref.OUTCOMES, "Outcome", None, "outcome")
    table.notes.append("Debriefs do not record an outcome, so this figure comes from the national data only.")
    return table
