"""Rank the training topics where training time would do most, from evidence that has passed suppression (pure).

Five kinds of evidence count equally. For each kind, a topic scores its share, in per cent, of that kind's
total over all topics; its score is the sum of the five shares (so from 0 to 500). A figure withheld by the
suppression policy counts as nothing, so the ranking never reveals a number the page withholds.
"""
from __future__ import annotations

from dataclasses import dataclass

from debrief.analytics import suppression
from debrief.analytics.tables import Cell, Table
from debrief.analytics.training_topics import TOPICS

STRANDS = (("not_effective", "Uses recorded as not effective"),
           ("injuries", "Injuries in uses of its tactics"),
           ("debriefs", "Debriefs raising it"),
           ("factors", "RCA training and equipment factors"),
           ("open_recommendations", "Training recommendations not yet completed"))
SCORE = "Score (of 500)"
TOP = 5
HOW = ("How the ranking works: five kinds of evidence count equally: uses of the topic's tactics recorded as not "
       "effective, injuries in uses of its tactics, debriefs whose \u201cwhat could have been done differently\u201d "
       "answers raise it, contributory factors in the training and equipment categories of signed-off RCAs, and "
       "recommendations aimed at training whose actions are not all closed. For each kind a topic scores its "
       "share, in per cent, of that kind's total over all topics, and its score is the sum of the five (0 to 500). "
       "Figures withheld to protect people count as nothing. The national data and the debriefs are added "
       "together when both are chosen.")


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int
    title: str
    score: float
    evidence: list[tuple[str, Cell]]  # (strand name, shown cell: a count or a withheld marker)


def _shown(cell: Cell) -> int:
    return cell if isinstance(cell, int) and not isinstance(cell, bool) else 0


def ranking_table(evidence: dict[str, dict[str, int]], policy: suppression.Policy = suppression.DEFAULT) -> Table:
    """Every topic with its evidence (suppressed) and score, highest score first (ties by the topics' order)."""
    raw = Table(["Training topic", *(name for _, name in STRANDS)],
                [[topic.title, *(evidence[topic.code][key] for key, _ in STRANDS)] for topic in TOPICS],
                additive=False)
    shown = suppression.apply(raw, policy)
    totals = [sum(_shown(row[i]) for row in shown.rows) for i in range(1, len(STRANDS) + 1)]
    rows = []
    for order, row in enumerate(shown.rows):
        score = sum(100.0 * _shown(row[i]) / totals[i - 1] for i in range(1, len(STRANDS) + 1) if totals[i - 1])
        rows.append((-round(score, 1), order, [row[0], float(round(score, 1)), *row[1:]]))
    rows.sort(key=lambda item: (item[0], item[1]))
    table = Table(["Training topic", SCORE, *(name for _, name in STRANDS)], [row for *_, row in rows],
                  additive=False)
    table.notes.append(HOW)
    return table


def top_topics(table: Table, limit: int = TOP) -> list[Ranked]:
    """The first `limit` topics of a ranking_table that have any evidence shown."""
    out = []
    for row in table.rows:
        if len(out) == limit or not row[1]:
            break
        out.append(Ranked(len(out) + 1, row[0], row[1], list(zip(table.columns[2:], row[2:]))))
    return out
