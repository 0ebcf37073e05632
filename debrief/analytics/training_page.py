"""The Training needs page as figures: each table through the suppression policy, its charts, and the ranking."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from debrief.analytics import suppression, training_needs, training_rank
from debrief.analytics.filters import PatternFilters
from debrief.analytics.pages import Chart, Figure, draw
from debrief.analytics.tables import Table

RANKING_KEY = "training-ranking"
RANKING_TITLE = "Training topics ranked by score"
CHARTS: dict[str, tuple[Chart, ...]] = {
    RANKING_KEY: (Chart("Training topics by score", "hbar", (1,), training_rank.SCORE, "Training topic"),),
    "training-effectiveness-national": (Chart("Uses recorded as effective", "hbar", (), "Effective (%)", "Tactic"),),
    "training-effectiveness-debriefs": (Chart("Uses recorded as effective", "hbar", (), "Effective (%)", "Tactic"),),
    "training-injuries-national": (Chart("Uses with an injury", "hbar", (3, 5), "Rate (%)", "Tactic"),),
    "training-injuries-debriefs": (Chart("Uses with an injury", "hbar", (3, 5), "Rate (%)", "Tactic"),),
    "training-debrief-topics": (Chart("Debriefs raising each topic", "hbar", (1,), "Debriefs", "Topic"),),
    "training-rca-factors": (Chart("Training and equipment factors by topic", "hbar", (1, 2), "Factors", "Topic"),),
    "training-recommendations": (Chart("Recommendations aimed at training", "hbar", (1,), "Recommendations",
                                       "Topic"),),
}


@dataclass(slots=True)
class TrainingPage:
    ranking: Figure
    top: list[training_rank.Ranked]
    figures: list[Figure]


def figure_tables(session: Session, filters: PatternFilters,
                  policy: suppression.Policy = suppression.DEFAULT) -> dict[str, tuple[str, Table]]:
    """{figure key: (title, suppressed table)}, the ranking first: what the page, the CSVs and the briefing show."""
    gathered = training_needs.gather(session, filters)
    out = {RANKING_KEY: (RANKING_TITLE, training_rank.ranking_table(training_needs.topic_evidence(gathered), policy))}
    for key, (title, table) in training_needs.tables(gathered).items():
        out[key] = (title, suppression.apply(table, policy))
    return out


def build(session: Session, filters: PatternFilters, policy: suppression.Policy = suppression.DEFAULT,
          *, charts: bool = True) -> TrainingPage:
    figures = []
    for key, (title, table) in figure_tables(session, filters, policy).items():
        drawn = [svg for i, chart in enumerate(CHARTS.get(key, ())) for svg in draw(table, chart, f"{key}-chart-{i}")] \
            if charts and table.rows else []
        figures.append(Figure(key, title, table, drawn))
    ranking = figures[0]
    return TrainingPage(ranking, training_rank.top_topics(ranking.table), figures[1:])
