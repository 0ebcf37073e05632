"""Use of force, injuries, assaults, impact factors, reasons and outcomes: debrief answers beside the national data."""
from __future__ import annotations

from sqlalchemy.orm import Session

from debrief import reference as ref
from debrief.analytics.filters import PatternFilters
from debrief.analytics.rollup_reads import sums
from debrief.analytics.tables import Table, rate

DEBRIEFS = "debriefs"
NATIONAL = "national data"
SEVERITIES = ("minor", "severe", "fatal")
NOT_RECORDED = "Severity not recorded"


def _sources(filters: PatternFilters) -> list[str]:
    """The sources a figure shows: both as separate columns unless one was chosen."""
    return [s for s, on in ((DEBRIEFS, filters.debriefs), (NATIONAL, filters.shows_national)) if on]


def _by_code(session: Session, filters: PatternFilters, source: str, measure: str) -> dict[str, tuple[int, ...]]:
    """{code: (records, assaulted, staff injured, subject injured, effective, not effective)} of one source."""
    return sums(session, filters).by_code(measure, national=source == NATIONAL)


def tactics(session: Session, filters: PatternFilters) -> Table:
    """Each tactic: how often it was used and how often it was said to be effective, per source."""
    counts: dict[str, dict[str, list[int]]] = {}  # source -> tactic -> [effective, not effective, not said]
    sources = _sources(filters)
    for source in sources:
        for tactic, (used, _, _, _, yes, no) in _by_code(session, filters, source, "tactic").items():
            counts.setdefault(source, {})[tactic] = [yes, no, used - yes - no]
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
    for k in range(len(sources)):  # each source's effective % of (effective + not effective)
        used = 1 + 4 * k
        table.rates[used + 3] = ((used + 1,), (used + 1, used + 2))
    table.notes.append("A record can use several tactics, so the tactics add up to more than the records.")
    return table


def injuries(session: Session, filters: PatternFilters) -> Table:
    """Injuries to subjects and to officers and staff, by severity, per source.

    The debriefs count injuries (a debrief can record several); the national data counts records
    saying the subject or the officer was injured.
    """
    sources = _sources(filters)
    found: dict[tuple[str, str, str], int] = {}
    for source in sources:
        for measure, who in (("subject_injury", "subject"), ("staff_injury", "officer")):
            for severity, (n, *_) in _by_code(session, filters, source, measure).items():
                key = (source, who, severity if severity in SEVERITIES else NOT_RECORDED)
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
    sources = _sources(filters)
    found: dict[str, dict[int, int]] = {}
    for source in sources:
        found[source] = sums(session, filters).by_month("all", national=source == NATIONAL, column="assaulted")
    columns = ["Month", *(f"Officers and staff assaulted ({source})" for source in sources)]
    return Table(columns, [[filters.month_name(m), *(found[s].get(m, 0) for s in sources)] for m in filters.months])


def _coded_counts(session: Session, filters: PatternFilters, vocab: ref.Vocabulary, heading: str,
                  measure: str, *, in_debriefs: bool = True) -> Table:
    codes = ref.codes(vocab)
    sources = [s for s in _sources(filters) if in_debriefs or s == NATIONAL]
    found: dict[str, dict[str, int]] = {}
    for source in sources:
        found[source] = {code: counts[0] for code, counts in _by_code(session, filters, source, measure).items()}
    columns = [heading, *(f"Records ({source})" for source in sources)]
    return Table(columns, [[ref.label_for(vocab, code), *(found[s].get(code, 0) for s in sources)]
                           for code in codes])


def impact_factors(session: Session, filters: PatternFilters) -> Table:
    table = _coded_counts(session, filters, ref.IMPACT_FACTORS, "Impact factor", "impact_factor")
    table.notes.append("A record can give several impact factors.")
    return table


def reasons(session: Session, filters: PatternFilters) -> Table:
    table = _coded_counts(session, filters, ref.FORCE_REASONS, "Reason for using force", "reason")
    table.notes.append("A record can give several reasons.")
    return table


def outcomes(session: Session, filters: PatternFilters) -> Table:
    table = _coded_counts(session, filters, ref.OUTCOMES, "Outcome", "outcome", in_debriefs=False)
    table.notes.append("Debriefs do not record an outcome, so this figure comes from the national data only.")
    return table
