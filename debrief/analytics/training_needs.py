"""Training needs: what the College of Policing guideline asks forces to weigh, as tables (not yet suppressed).

Tactic effectiveness by whether the officer was Taser trained and carrying; injuries in uses of each tactic;
debriefs' "what could have been done differently" answers by topic and whether they mention training; RCA
contributory factors in the training and equipment categories by topic; recommendations aimed at training and
how far their actions have got. Free text is read only to count the topics it raises (training_topics); no
text leaves this module. The ranking of topics is in training_rank.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Integer, String, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from debrief import reference as ref
from debrief.analytics import debrief_summary as ds
from debrief.analytics import risk
from debrief.analytics.debrief_topics import BITS
from debrief.analytics.filters import PatternFilters
from debrief.analytics.sql import debrief_summary_conditions, incident_conditions, national_conditions
from debrief.analytics.tables import Table, rate
from debrief.analytics.training_topics import TOPICS, mentions_training, topic_of_tactic, topics_in
from debrief.models import (
    DebriefSummary, Incident, RcaAction, RcaNode, Recommendation, RootCauseAnalysis, UseOfForceProfileSummary as P,
)
from debrief.models.rca import OPEN_ACTION_STATUSES, RcaStatus, recommendation_node
from debrief.rca.graph import FACTOR, ROOT_CAUSE

NATIONAL, DEBRIEFS = "national data", "debriefs"
TRAINED = "carrying"  # risk.TASER_GROUPS: Taser trained and carrying
GROUPS = (("carrying", "trained and carrying a Taser"), ("other", "not carrying a Taser"))
CATEGORIES = (("education_training", "Education and training factors"),
              ("equipment_technology", "Equipment and technology factors"))
NO_TOPIC = "No topic matched"
TASER_CODES = (*(code for code, _ in risk.TASER_GROUPS), risk.NOT_RECORDED)
Counts = dict[tuple[str, str], list[int]]  # (tactic, Taser group) -> [used, effective, not effective, staff, subject]


def sources(filters: PatternFilters) -> list[str]:
    return [s for s, on in ((NATIONAL, filters.shows_national), (DEBRIEFS, filters.debriefs)) if on]


def _rollup_parts(filters: PatternFilters) -> list:
    """The two rollups' rows Training needs reads, as (source, measure, code, grp, five counts)."""
    parts = []
    if filters.shows_national:
        parts.append(select(literal(NATIONAL, String).label("source"), literal("tactic", String).label("measure"),
                            P.code, P.grp, func.sum(P.records), func.sum(P.effective), func.sum(P.not_effective),
                            func.sum(P.staff_injured), func.sum(P.subject_injured))
                     .where(P.measure == "tactic", *national_conditions(filters, P)).group_by(P.code, P.grp))
    if filters.debriefs:
        d = DebriefSummary
        measures = [f"{ds.TACTIC_BY_TASER}{code}" for code in TASER_CODES] + [ds.REFLECTION, ds.REFLECTION_TRAINING]
        parts.append(select(literal(DEBRIEFS, String).label("source"), d.measure, d.code, literal("", String),
                            func.sum(d.records), func.sum(d.effective), func.sum(d.not_effective),
                            func.sum(d.staff_injured), func.sum(d.subject_injured))
                     .where(d.measure.in_(measures), *debrief_summary_conditions(filters, None))
                     .group_by(d.measure, d.code))
    return parts


def rollup_evidence(session: Session, filters: PatternFilters) -> tuple[dict[str, Counts], dict[str, list[int]]]:
    """({source: tactic counts}, debrief topics) from both monthly rollups in one statement.

    Tactic counts: {(tactic, Taser group): [used, effective, not effective, officer or staff injured, subject
    injured]}, the last two counting uses in records (or debriefs) where someone was injured. Debrief topics:
    {topic: [debriefs raising it, of which also mentioning training]}, with "training" for any mention and
    NO_TOPIC for a mention of training alone."""
    tactics: dict[str, Counts] = {source: {} for source in sources(filters)}
    topics: dict[str, list[int]] = {}
    parts = _rollup_parts(filters)
    if not parts:
        return tactics, topics
    for source, measure, code, grp, *values in session.execute(parts[0] if len(parts) == 1 else union_all(*parts)):
        counts = [int(v or 0) for v in values]
        if source == NATIONAL:
            tactics[NATIONAL][(code, grp)] = counts
        elif measure.startswith(ds.TACTIC_BY_TASER):
            tactics[DEBRIEFS][(code, measure[len(ds.TACTIC_BY_TASER):])] = counts
        elif measure == ds.REFLECTION:
            topics.setdefault(code, [0, 0])[0] = counts[0]
        else:
            topics.setdefault(code, [0, 0])[1] = counts[0]
    if filters.debriefs:
        found = {code: topics.get(code, [0, 0]) for code in BITS}
        found["training"] = [topics.get(ds.ANY_TRAINING, [0, 0])[0], 0]
        only = topics.get(ds.TRAINING_ONLY, [0, 0])[0]
        found[NO_TOPIC] = [only, only]
        topics = found
    return tactics, topics


def _tactic_label(code: str) -> str:
    return ref.label_for(ref.TACTICS, code) if code in ref.codes(ref.TACTICS) else "Another tactic"


def _by_tactic(counts: Counts) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for (tactic, _), values in counts.items():
        found[tactic] = [a + b for a, b in zip(found[tactic], values)]
    return found


def effectiveness_by_training(counts: Counts, source: str) -> Table:
    """Each tactic's effectiveness when the officer was Taser trained and carrying, and when not."""
    columns = ["Tactic"]
    for _, name in GROUPS:
        columns += [f"Used, {name}", f"Effective, {name}", f"Not effective, {name}",
                    f"Effective, % of those recorded, {name}"]
    rows = []
    for code in ref.codes(ref.TACTICS):
        cells: list = [_tactic_label(code)]
        for group, _ in GROUPS:
            used = eff = not_eff = 0
            for (tactic, grp), values in counts.items():
                in_group = grp == TRAINED if group == TRAINED else grp in ("not_carrying", "not_trained")
                if tactic == code and in_group:
                    used, eff, not_eff = used + values[0], eff + values[1], not_eff + values[2]
            cells += [used, eff, not_eff, rate(eff, eff + not_eff)]
        if cells[1] or cells[5]:
            rows.append(cells)
    table = Table(columns, rows, rates={4: ((2,), (2, 3)), 8: ((6,), (6, 7))})
    table.notes.append(f"From the {source}. Uses where the officer's Taser training or carrying was not recorded "
                       "are left out. A record can use several tactics.")
    return table


def injuries_by_tactic(counts: Counts, source: str) -> Table:
    """Uses of each tactic, and how many of them left an officer or member of staff, or the subject, injured."""
    rows = []
    for code, (used, _, _, staff, subject) in sorted(_by_tactic(counts).items(),
                                                     key=lambda item: ref.codes(ref.TACTICS).index(item[0])
                                                     if item[0] in ref.codes(ref.TACTICS) else 999):
        if used:
            rows.append([_tactic_label(code), used, staff, rate(staff, used), subject, rate(subject, used)])
    table = Table(["Tactic", "Uses", "Officer or staff injured", "Officer or staff injury rate (%)",
                   "Subject injured", "Subject injury rate (%)"], rows,
                  rates={3: ((2,), (1,)), 5: ((4,), (1,))}, group_size_column=1, additive=False)
    table.notes.append(f"From the {source}: uses of the tactic in records (or debriefs) where someone was injured; "
                       "an injury is not necessarily caused by that tactic.")
    return table


def debrief_themes_table(found: dict[str, list[int]]) -> Table:
    rows = [[topic.title, *found.get(topic.code, [0, 0])] for topic in TOPICS]
    rows.append(["Training, no other topic", found.get(NO_TOPIC, [0, 0])[0], None])
    rows.append(["Any answer mentioning training", found.get("training", [0])[0], None])
    table = Table(["Topic raised in what could have been done differently", "Debriefs raising it",
                   "Of which also mention training"], rows, additive=False)
    table.notes.append("Submitted debriefs' answers to \u201cWhat could have been done differently?\u201d and "
                       "\u201cWhy would that have helped?\u201d, read for each topic's words; a debrief can raise "
                       "several. Only the counts are shown, never the answers.")
    return table


FACTOR_ROW, RECOMMENDATION_ROW = "factor", "recommendation"


def _rca_rows(filters: PatternFilters):
    """Both kinds of RCA evidence as one UNION ALL of (kind, id, text, category, label, node id, actions, open,
    overdue): training and equipment factors of signed-off RCAs (id: the RCA; text: the label; label: the
    description), and every recommendation in scope once per linked factor (or once, with none), with its
    actions' progress beside it."""
    factors = (select(literal(FACTOR_ROW, String).label("kind"), RcaNode.rca_id.label("id"),
                      RcaNode.label.label("text"), RcaNode.category, RcaNode.description.label("label"),
                      cast(null(), Integer), cast(null(), Integer), cast(null(), Integer), cast(null(), Integer))
               .join(RootCauseAnalysis, RcaNode.rca_id == RootCauseAnalysis.id)
               .join(Incident, RootCauseAnalysis.incident_id == Incident.id)
               .where(RcaNode.kind.in_((FACTOR, ROOT_CAUSE)), RcaNode.category.in_([c for c, _ in CATEGORIES]),
                      RootCauseAnalysis.status == RcaStatus.SIGNED_OFF, *incident_conditions(filters)))
    open_ = RcaAction.status.in_(OPEN_ACTION_STATUSES)

    def actions(*where):  # correlated, through the index on the action's recommendation (a join to a grouped
        # subquery of every action is read once per row on SQLite)
        return (select(func.count()).select_from(RcaAction)
                .where(RcaAction.recommendation_id == Recommendation.id, *where).scalar_subquery())

    recommendations = (
        select(literal(RECOMMENDATION_ROW, String), Recommendation.id, Recommendation.text, RcaNode.category,
               RcaNode.label, RcaNode.id, actions(), actions(open_), actions(open_, RcaAction.due_on < filters.today))
        .join(RootCauseAnalysis, Recommendation.rca_id == RootCauseAnalysis.id)
        .join(Incident, RootCauseAnalysis.incident_id == Incident.id)
        .outerjoin(recommendation_node, recommendation_node.c.recommendation_id == Recommendation.id)
        .outerjoin(RcaNode, RcaNode.id == recommendation_node.c.node_id)
        .where(*incident_conditions(filters)))
    return union_all(factors, recommendations)


def rca_evidence(session: Session, filters: PatternFilters) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """(factor topics, recommendation topics) in one statement; see factor_topics and recommendation_topics."""
    if not filters.debriefs:
        return {}, {}
    factors, recs = [], {}
    for kind, row_id, text, category, label, node_id, actions, opened, late in session.execute(_rca_rows(filters)):
        if kind == FACTOR_ROW:
            factors.append((row_id, category, text, label))
            continue
        held = recs.setdefault(row_id, [text, [], (int(actions or 0), int(opened or 0), int(late or 0))])
        if node_id is not None:
            held[1].append((category, label))
    return factor_topics(factors), recommendation_topics(list(recs.values()))


def factor_topics(rows) -> dict[str, list[int]]:
    """{topic: [training factors, equipment factors, signed-off RCAs]} of factors in those two categories, from
    (rca id, category, label, description) rows (pure)."""
    found: dict[str, list] = defaultdict(lambda: [0, 0, set()])
    for rca_id, category, label, description in rows:
        index = 0 if category == "education_training" else 1
        for code in topics_in(label, description) or {NO_TOPIC}:
            found[code][index] += 1
            found[code][2].add(rca_id)
    return {code: [a, b, len(rcas)] for code, (a, b, rcas) in found.items()}


def rca_factors_table(found: dict[str, list[int]]) -> Table:
    rows = [[topic.title, *found.get(topic.code, [0, 0, 0])] for topic in TOPICS]
    rows.append([NO_TOPIC, *found.get(NO_TOPIC, [0, 0, 0])])
    table = Table(["Topic", *(name for _, name in CATEGORIES), "Signed-off RCAs"], rows, additive=False)
    table.notes.append("Contributory factors and root causes of signed-off RCAs in the education and training, and "
                       "equipment and technology, categories, by the topic their wording raises.")
    return table


REC_COLUMNS = ("Every action closed", "Actions under way, none overdue", "With an overdue action", "No actions yet")


def recommendation_topics(recs) -> dict[str, list[int]]:
    """{topic: [recommendations aimed at training, then one count per REC_COLUMNS]}, from each recommendation's
    (text, [(linked factor's category, label)], (actions, open, overdue)) (pure).

    Aimed at training: linked to an education-and-training factor, or its wording mentions training. Its topic
    comes from its wording and its linked factors' labels."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for text, nodes, (actions, opened, late) in recs:
        if not (mentions_training(text) or any(c == "education_training" for c, _ in nodes)):
            continue
        column = 4 if not actions else 3 if late else 2 if opened else 1
        for code in topics_in(text, *(label for _, label in nodes)) or {NO_TOPIC}:
            found[code][0] += 1
            found[code][column] += 1
    return found


def recommendations_table(found: dict[str, list[int]]) -> Table:
    rows = [[topic.title, *found.get(topic.code, [0] * 5)] for topic in TOPICS]
    rows.append([NO_TOPIC, *found.get(NO_TOPIC, [0] * 5)])
    table = Table(["Topic", "Recommendations aimed at training", *REC_COLUMNS], rows, additive=False)
    table.notes.append("Recommendations of RCAs at any stage that are linked to an education and training factor "
                       "or whose wording mentions training. Closed means done or not taken forward.")
    return table


@dataclass(slots=True)
class Gathered:
    """Everything the page needs, each query run once: the tables and the ranking are made from it."""

    tactics: dict[str, Counts]  # source -> counts
    debriefs: dict[str, list[int]]
    factors: dict[str, list[int]]
    recommendations: dict[str, list[int]]


def gather(session: Session, filters: PatternFilters) -> Gathered:
    tactics, topics = rollup_evidence(session, filters)
    factors, recommendations = rca_evidence(session, filters)
    return Gathered(tactics, topics, factors, recommendations)


def tables(gathered: Gathered) -> dict[str, tuple[str, Table]]:
    """{figure key: (title, table)} in the page's order (not yet suppressed)."""
    out: dict[str, tuple[str, Table]] = {}
    for source, counts in gathered.tactics.items():
        slug = "national" if source == NATIONAL else "debriefs"
        out[f"training-effectiveness-{slug}"] = (
            f"Tactic effectiveness by whether the officer was Taser trained and carrying ({source})",
            effectiveness_by_training(counts, source))
        out[f"training-injuries-{slug}"] = (f"Injuries in uses of each tactic ({source})",
                                            injuries_by_tactic(counts, source))
    if DEBRIEFS in gathered.tactics:
        out["training-debrief-topics"] = ("What debriefs say could have been done differently, by topic",
                                          debrief_themes_table(gathered.debriefs))
        out["training-rca-factors"] = ("RCA factors in the training and equipment categories, by topic",
                                       rca_factors_table(gathered.factors))
        out["training-recommendations"] = ("Recommendations aimed at training, and their progress",
                                           recommendations_table(gathered.recommendations))
    return out


def topic_evidence(gathered: Gathered) -> dict[str, dict[str, int]]:
    """Every topic's raw evidence (before suppression), for training_rank."""
    tactic_topic = topic_of_tactic()
    evidence = {topic.code: {"not_effective": 0, "injuries": 0} for topic in TOPICS}
    for counts in gathered.tactics.values():
        for tactic, (_, _, not_eff, staff, subject) in _by_tactic(counts).items():
            if tactic in tactic_topic:
                evidence[tactic_topic[tactic]]["not_effective"] += not_eff
                evidence[tactic_topic[tactic]]["injuries"] += staff + subject
    for topic in TOPICS:
        row = gathered.recommendations.get(topic.code, [0] * 5)
        evidence[topic.code].update(debriefs=gathered.debriefs.get(topic.code, [0, 0])[0],
                                    factors=sum(gathered.factors.get(topic.code, [0, 0, 0])[:2]),
                                    open_recommendations=row[2] + row[3] + row[4])
    return evidence
