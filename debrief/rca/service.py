"""RCA operations: every write checks the RCA may change, records its audit event and commits once."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select

from debrief.errors import ServiceError
from debrief.audit import record
from debrief.database import lock_row
from debrief.extensions import db
from debrief.models import (
    ChronologyEntry, Debrief, Incident, RcaAction, RcaEvent, RcaLink, RcaNode, RcaTeamMember, Recommendation,
    RootCauseAnalysis, User, utcnow,
)
from debrief.models.rca import (
    ACTION_STATUS_LABELS, EVIDENCE_KINDS, LEVELS, OPEN_ACTION_STATUSES, ChronologySource, Priority, RcaReportSection,
    RcaStatus, RecommendationFor, RecommendationStatus, Strength, TeamRole,
)
from debrief.rca.report_sections import (
    MAX_SECTION_LENGTH, SECTION_HEADINGS, SECTION_KEYS, changed_sections, missing_sections,
)
from debrief.rca import graph as rca_graph
from debrief.rca.workdays import default_rca_due_date
from debrief.reference import DEBRIEF_KINDS, label_for


def _audit(event: str, rca: RootCauseAnalysis, actor: User, **details: Any) -> None:
    record(event, actor=actor, force_id=rca.force_id, record_type="rca", record_id=rca.id,
           incident=rca.incident.reference, **details)


def _require_draft(rca: RootCauseAnalysis) -> None:
    if rca.status == "signed_off":
        raise ServiceError("This RCA has been signed off and can no longer be changed.")
    if rca.status != "draft":
        raise ServiceError("This RCA is with a second reviewer. It can be changed again if they return it.")


def moment_on_incident_day(incident: Incident, at: time) -> datetime | None:
    return _entry_datetime(incident, at)


# Public names for the other RCA modules (team, plan, report) that write through the same rules.
audit_rca = _audit
require_draft = _require_draft


def _graph_changed(rca: RootCauseAnalysis) -> None:
    rca.graph_version = (rca.graph_version or 0) + 1


def rca_for_incident(incident: Incident) -> RootCauseAnalysis | None:
    return db.session.scalar(select(RootCauseAnalysis).where(RootCauseAnalysis.incident_id == incident.id))


def _source_label(debrief: Debrief) -> str:
    kind = label_for(DEBRIEF_KINDS, debrief.kind)
    return f"{kind} by {debrief.author.name}"


def _entry_datetime(incident: Incident, at: time) -> datetime | None:
    if incident.occurred_at is None:
        return None
    day = incident.occurred_at.date()
    moment = datetime.combine(day, at)
    # Times earlier than the start belong to the next day (an incident that ran past midnight).
    if incident.occurred_at.time() > at and (incident.occurred_at.time().hour - at.hour) >= 6:
        moment = datetime.combine(date.fromordinal(day.toordinal() + 1), at)
    return moment


def start_rca(incident: Incident, *, actor: User, level: str, terms_of_reference: str,
              today: date | None = None, lead: User | None = None) -> RootCauseAnalysis:
    """Open the incident's RCA with the chronology copied from every submitted debrief's timeline.

    The starter names the lead (themselves by default); whoever is named in the incident cannot lead it.
    """
    from debrief.rca.team import check_independent

    lead = lead or actor
    if lead.force_id != incident.force_id:
        raise ServiceError("Select a PSD reviewer of the force", "lead")
    check_independent(incident, lead, as_what="lead the RCA", field="lead")
    if rca_for_incident(incident) is not None:
        raise ServiceError("This incident already has a root-cause analysis.")
    if level not in LEVELS:
        raise ServiceError("Select the level of investigation", "level")
    if not any(d.status == "submitted" for d in incident.debriefs):
        raise ServiceError("An RCA can start once at least one debrief of the incident has been submitted.")
    start = today or utcnow().date()
    rca = RootCauseAnalysis(incident=incident, force_id=incident.force_id, lead=lead, level=level,
                            terms_of_reference=terms_of_reference.strip(), findings="", started_on=start,
                            due_on=default_rca_due_date(start), status="draft", graph_version=1)
    db.session.add(rca)
    rca.team.append(RcaTeamMember(user=lead, role=TeamRole.LEAD, conflict_detail=""))
    entries = []
    for debrief in incident.debriefs:
        if debrief.status != "submitted":
            continue
        for item in debrief.timeline:
            entries.append(ChronologyEntry(
                at=_entry_datetime(incident, item.at), what=item.what,
                source=f"{_source_label(debrief)} ({item.source})" if item.source else _source_label(debrief),
                debrief_id=debrief.id, timeline_entry_id=item.id, source_kind=ChronologySource.DEBRIEF))
    entries.sort(key=lambda e: (e.at is None, e.at or datetime.min))
    for position, entry in enumerate(entries):
        entry.position = position
        rca.chronology.append(entry)
    # The summary's first sentence as a starting point: the reviewer rewords the outcome on the graph page.
    first = re.split(r"(?<=[.!?])\s", (incident.summary or "").strip(), maxsplit=1)[0]
    outcome = first[:120] or "The outcome of the incident"
    rca.nodes.append(RcaNode(kind=rca_graph.OUTCOME, label=outcome, description="", evidence_kind="none"))
    db.session.flush()
    _audit("rca.started", rca, actor, level=level, chronology_entries=len(entries), lead=lead.id)
    db.session.commit()
    return rca


def update_details(rca: RootCauseAnalysis, *, actor: User, level: str, terms_of_reference: str,
                   due_on: date, due_reason: str) -> None:
    _require_draft(rca)
    if level not in LEVELS:
        raise ServiceError("Select the level of investigation", "level")
    changed = []
    if due_on != rca.due_on:
        if not due_reason.strip():
            raise ServiceError("Enter why the due date is changing", "due_reason")
        if due_on < rca.started_on:
            raise ServiceError("The due date must be on or after the day the RCA started", "due_on")
        db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="due_changed",
                                comment=f"from {rca.due_on:%-d %B %Y} to {due_on:%-d %B %Y}: {due_reason.strip()}"))
        rca.due_on = due_on
        changed.append("due_on")
    if level != rca.level:
        rca.level = level
        changed.append("level")
    if terms_of_reference.strip() != rca.terms_of_reference:
        rca.terms_of_reference = terms_of_reference.strip()
        changed.append("terms_of_reference")
    _audit("rca.updated", rca, actor, fields=changed)
    db.session.commit()


# --- Chronology -------------------------------------------------------------------------------

def _sort_key(entry: ChronologyEntry) -> tuple:
    return (entry.at is None, entry.at or datetime.min, entry.position)


def resequence(rca: RootCauseAnalysis) -> None:
    """Keep the chronology in date and time order; entries at the same moment keep their relative order."""
    ordered = sorted(rca.chronology, key=_sort_key)
    for position, entry in enumerate(ordered):
        entry.position = position
    rca.chronology[:] = ordered


def save_chronology_entry(rca: RootCauseAnalysis, *, actor: User, entry: ChronologyEntry | None,
                          at: datetime | None, what: str, is_problem: bool, is_notable_practice: bool = False,
                          source_kind: str | None = None, source: str = "") -> ChronologyEntry:
    """Add (entry None) or edit an entry, in date order; marking it a problem adds a problem item to the graph."""
    _require_draft(rca)
    if not what.strip():
        raise ServiceError("Enter what happened", "what")
    if is_problem and is_notable_practice:
        raise ServiceError("Mark the entry as a service delivery problem or as notable practice, not both", "is_problem")
    if source_kind is not None and source_kind not in set(ChronologySource):
        raise ServiceError("Select where this entry came from", "source_kind")
    if entry is None:
        kind = source_kind or ChronologySource.OTHER
        label = source.strip()[:200] or f"Added by {actor.name}"
        entry = ChronologyEntry(rca=rca, what=what.strip(), at=at, source=label, source_kind=kind,
                                position=max((e.position for e in rca.chronology), default=-1) + 1)
        db.session.add(entry)
        action = "rca.chronology_added"
    else:
        entry.what, entry.at = what.strip(), at
        if source_kind is not None:
            entry.source_kind = source_kind
        if source.strip():
            entry.source = source.strip()[:200]
        action = "rca.chronology_updated"
    entry.is_problem = is_problem
    entry.is_notable_practice = is_notable_practice
    db.session.flush()
    resequence(rca)
    if is_problem:
        _problem_for(rca, entry)
    _audit(action, rca, actor, entry=entry.id, problem=is_problem, notable=is_notable_practice)
    db.session.commit()
    return entry


def delete_chronology_entry(rca: RootCauseAnalysis, entry: ChronologyEntry, *, actor: User) -> None:
    """Remove an entry before sign-off; one the graph relies on must be let go of there first."""
    _require_draft(rca)
    problem = next((n for n in rca.nodes if n.kind == rca_graph.PROBLEM and n.chronology_entry_id == entry.id), None)
    if problem is not None:
        raise ServiceError("This entry is a service delivery problem in the graph. Remove the problem from the graph "
                       "first, then the entry.")
    citing = [n for n in rca.nodes if n.evidence_entry_id == entry.id]
    if citing:
        raise ServiceError(f"{len(citing)} {'factor cites' if len(citing) == 1 else 'factors cite'} this entry as "
                       "evidence. Change their evidence first, then remove the entry.")
    rca.chronology.remove(entry)
    resequence(rca)
    _audit("rca.chronology_removed", rca, actor, entry=entry.id)
    db.session.commit()


def _problem_for(rca: RootCauseAnalysis, entry: ChronologyEntry) -> RcaNode:
    for node in rca.nodes:
        if node.kind == rca_graph.PROBLEM and node.chronology_entry_id == entry.id:
            return node
    node = RcaNode(kind=rca_graph.PROBLEM, label=entry.what[:300], chronology_entry_id=entry.id,
                   evidence_kind="timeline", evidence_entry_id=entry.id, description="")
    rca.nodes.append(node)
    db.session.flush()
    outcome = next((n for n in rca.nodes if n.kind == rca_graph.OUTCOME), None)
    if outcome is not None:
        rca.links.append(RcaLink(rca_id=rca.id, cause_id=node.id, effect_id=outcome.id))
    _graph_changed(rca)
    return node


def mark_problem(rca: RootCauseAnalysis, entry: ChronologyEntry, *, actor: User) -> RcaNode:
    _require_draft(rca)
    entry.is_problem = True
    entry.is_notable_practice = False
    node = _problem_for(rca, entry)
    _audit("rca.chronology_updated", rca, actor, entry=entry.id, problem=True)
    db.session.commit()
    return node


def can_move(entries: Sequence[ChronologyEntry], index: int, direction: int) -> bool:
    """Only entries at the same moment can be reordered by hand: the rest follow the clock."""
    other = index + direction
    return 0 <= other < len(entries) and entries[index].at == entries[other].at


def move_chronology_entry(rca: RootCauseAnalysis, entry: ChronologyEntry, *, actor: User, direction: int) -> None:
    _require_draft(rca)
    entries = list(rca.chronology)
    index = entries.index(entry)
    other = index + direction
    if can_move(entries, index, direction):
        entries[index], entries[other] = entries[other], entries[index]
        for position, item in enumerate(entries):
            item.position = position
        _audit("rca.chronology_updated", rca, actor, entry=entry.id, problem=entry.is_problem)
        db.session.commit()


# --- Graph ------------------------------------------------------------------------------------

def graph_nodes(rca: RootCauseAnalysis) -> list[rca_graph.Node]:
    return [rca_graph.Node(id=n.id, kind=n.kind, label=n.label, category=n.category, evidenced=n.evidenced)
            for n in rca.nodes]


def node_rows(rca: RootCauseAnalysis) -> list[tuple[int, str, str]]:
    """(id, kind, label) of every item, without loading the items: for pickers on a big graph's page."""
    return [tuple(row) for row in db.session.execute(
        select(RcaNode.id, RcaNode.kind, RcaNode.label).where(RcaNode.rca_id == rca.id).order_by(RcaNode.id))]


def nodes_page(rca: RootCauseAnalysis, *, offset: int, limit: int) -> list[RcaNode]:
    return list(db.session.scalars(select(RcaNode).where(RcaNode.rca_id == rca.id).order_by(RcaNode.id)
                                   .offset(offset).limit(limit)))


def link_count(rca: RootCauseAnalysis) -> int:
    return db.session.scalar(select(func.count(RcaLink.id)).where(RcaLink.rca_id == rca.id)) or 0


def graph_edges(rca: RootCauseAnalysis) -> list[rca_graph.Edge]:
    return [rca_graph.Edge(source=link.cause_id, target=link.effect_id) for link in rca.links]


def analyse(rca: RootCauseAnalysis) -> rca_graph.Analysis:
    """The analysis of the graph; a stored loop is left out of it (and shown by stored_loops), never a crash."""
    nodes = graph_nodes(rca)
    edges, _loops = rca_graph.split_loops(nodes, graph_edges(rca))
    return rca_graph.analyse(nodes, edges)


def stored_loops(rca: RootCauseAnalysis) -> list[list[RcaLink]]:
    """Each loop a stored graph holds (none can be added now), as its links, for the reviewer to delete one."""
    _edges, loops = rca_graph.split_loops(graph_nodes(rca), graph_edges(rca))
    by_pair = {(link.cause_id, link.effect_id): link for link in rca.links}
    return [[by_pair[(edge.source, edge.target)] for edge in loop] for loop in loops]


def node_in(rca: RootCauseAnalysis, node_id: int) -> RcaNode | None:
    return next((n for n in rca.nodes if n.id == node_id), None)


def _check_evidence(rca: RootCauseAnalysis, evidence_kind: str, debrief_id: int | None, entry_id: int | None,
                    document: str | None) -> dict[str, Any]:
    if evidence_kind not in EVIDENCE_KINDS:
        raise ServiceError("Select what supports this factor", "evidence_kind")
    values: dict[str, Any] = {"evidence_kind": evidence_kind, "evidence_debrief_id": None,
                              "evidence_entry_id": None, "evidence_document": None}
    if evidence_kind == "debrief":
        if debrief_id not in {d.id for d in rca.incident.debriefs if d.status == "submitted"}:
            raise ServiceError("Select the debrief that supports this factor", "evidence_debrief")
        values["evidence_debrief_id"] = debrief_id
    elif evidence_kind == "timeline":
        if entry_id not in {e.id for e in rca.chronology}:
            raise ServiceError("Select the chronology entry that supports this factor", "evidence_entry")
        values["evidence_entry_id"] = entry_id
    elif evidence_kind == "document":
        if not (document or "").strip():
            raise ServiceError("Enter the document that supports this factor", "evidence_document")
        values["evidence_document"] = document.strip()[:300]
    return values


def add_factor(rca: RootCauseAnalysis, *, actor: User, contributes_to: RcaNode, label: str, category: str,
               description: str = "", evidence_kind: str = "none", evidence_debrief_id: int | None = None,
               evidence_entry_id: int | None = None, evidence_document: str | None = None) -> RcaNode:
    """A contributory factor answering "what contributed to this?" for a problem or factor."""
    _require_draft(rca)
    if contributes_to.kind == rca_graph.OUTCOME:
        raise ServiceError("Factors contribute to a service delivery problem or to another factor.")
    if not label.strip():
        raise ServiceError("Enter the contributory factor", "label")
    if not category:
        raise ServiceError("Select the category of the factor", "category")
    evidence = _check_evidence(rca, evidence_kind, evidence_debrief_id, evidence_entry_id, evidence_document)
    node = RcaNode(kind=rca_graph.FACTOR, label=" ".join(label.split())[:300], category=category,
                   description=description.strip(), **evidence)
    rca.nodes.append(node)
    db.session.flush()
    rca.links.append(RcaLink(rca_id=rca.id, cause_id=node.id, effect_id=contributes_to.id))
    _graph_changed(rca)
    _audit("rca.factor_added", rca, actor, node=node.id, category=category)
    db.session.commit()
    return node


def update_node(rca: RootCauseAnalysis, node: RcaNode, *, actor: User, label: str, description: str,
                category: str | None, evidence_kind: str, evidence_debrief_id: int | None = None,
                evidence_entry_id: int | None = None, evidence_document: str | None = None) -> None:
    _require_draft(rca)
    if not label.strip():
        raise ServiceError("Enter a short description", "label")
    node.label = " ".join(label.split())[:300]
    node.description = description.strip()
    if node.kind in rca_graph.FACTOR_KINDS:
        if not category:
            raise ServiceError("Select the category of the factor", "category")
        node.category = category
        for key, value in _check_evidence(rca, evidence_kind, evidence_debrief_id, evidence_entry_id,
                                          evidence_document).items():
            setattr(node, key, value)
    _graph_changed(rca)
    _audit("rca.item_updated", rca, actor, node=node.id, kind=node.kind)
    db.session.commit()


def link_nodes(rca: RootCauseAnalysis, *, actor: User, cause: RcaNode, effect: RcaNode) -> None:
    """Add "cause contributed to effect"; a link that would close a loop is refused, naming the loop.

    The RCA's row is locked first and the graph read again under the lock, so two reviewers linking at the same
    moment are checked one after the other: the second sees the first's link and cannot close a loop with it."""
    lock_row(rca)
    _require_draft(rca)
    try:
        rca_graph.check_edge(graph_nodes(rca), graph_edges(rca), rca_graph.Edge(cause.id, effect.id))
    except rca_graph.GraphError as error:
        raise ServiceError(str(error), "cause") from error
    rca.links.append(RcaLink(rca_id=rca.id, cause_id=cause.id, effect_id=effect.id))
    _graph_changed(rca)
    _audit("rca.linked", rca, actor, cause=cause.id, effect=effect.id)
    db.session.commit()


def unlink_nodes(rca: RootCauseAnalysis, *, actor: User, link: RcaLink) -> None:
    _require_draft(rca)
    rca.links.remove(link)
    _graph_changed(rca)
    _audit("rca.unlinked", rca, actor, cause=link.cause_id, effect=link.effect_id)
    db.session.commit()


def set_root_cause(rca: RootCauseAnalysis, node: RcaNode, *, actor: User, confirmed: bool, reason: str = "") -> None:
    """Confirm (or withdraw) a root cause; an unevidenced factor needs evidence first, or a reason."""
    _require_draft(rca)
    if node.kind not in rca_graph.FACTOR_KINDS:
        raise ServiceError("Only a contributory factor can be confirmed as a root cause.")
    if confirmed and node.evidence_kind == "none" and not reason.strip():
        raise ServiceError("This factor is not yet evidenced. Add the evidence that supports it, or say why it is a "
                       "root cause without it", "reason")
    node.root_cause_reason = reason.strip() if confirmed and node.evidence_kind == "none" else None
    node.kind = rca_graph.ROOT_CAUSE if confirmed else rca_graph.FACTOR
    _graph_changed(rca)
    _audit("rca.root_cause_set", rca, actor, node=node.id, confirmed=confirmed)
    db.session.commit()


def delete_node(rca: RootCauseAnalysis, node: RcaNode, *, actor: User) -> None:
    _require_draft(rca)
    if node.kind == rca_graph.OUTCOME:
        raise ServiceError("The outcome cannot be removed: edit its description instead.")
    rca.links = [link for link in rca.links if node.id not in (link.cause_id, link.effect_id)]
    for recommendation in rca.recommendations:
        if node in recommendation.nodes:
            recommendation.nodes.remove(node)
    if node.kind == rca_graph.PROBLEM and node.chronology_entry_id:
        entry = next((e for e in rca.chronology if e.id == node.chronology_entry_id), None)
        if entry is not None:
            entry.is_problem = False
    rca.nodes.remove(node)
    _graph_changed(rca)
    _audit("rca.item_removed", rca, actor, node=node.id, kind=node.kind)
    db.session.commit()


def add_five_whys(rca: RootCauseAnalysis, *, actor: User, problem: RcaNode, answers: Sequence[str],
                  categories: Sequence[str | None]) -> list[RcaNode]:
    """One new factor per "why?", each contributing to the answer before it, the first to the problem."""
    _require_draft(rca)
    if problem.kind not in (rca_graph.PROBLEM, *rca_graph.FACTOR_KINDS):
        raise ServiceError("Ask “why?” of a service delivery problem or a factor.")
    try:
        chain = rca_graph.five_whys(problem.id, answers, categories=list(categories))
    except rca_graph.GraphError as error:
        raise ServiceError(str(error), "why_1") from error
    for index, answer in enumerate(chain.nodes):
        if not answer.category:
            raise ServiceError(f"Select the category for why {index + 1}", f"category_{index + 1}")
    # An answer worded like a factor already in the graph is that factor: it is linked, not copied.
    existing = {_same_words(n.label): n for n in rca.nodes if n.kind in rca_graph.FACTOR_KINDS}
    created: dict[Any, RcaNode] = {}
    new: list[RcaNode] = []
    for answer in chain.nodes:
        node = existing.get(_same_words(answer.label[:300]))
        if node is None:
            node = RcaNode(kind=rca_graph.FACTOR, label=answer.label[:300], category=answer.category,
                           description="", evidence_kind="none")
            rca.nodes.append(node)
            new.append(node)
            existing[_same_words(node.label)] = node
        created[answer.id] = node
    db.session.flush()
    links = {(link.cause_id, link.effect_id) for link in rca.links}
    for edge in chain.edges:
        cause = created[edge.source]
        effect = created.get(edge.target, problem)
        if cause.id == effect.id or (cause.id, effect.id) in links:
            continue
        try:
            rca_graph.check_edge(graph_nodes(rca), graph_edges(rca), rca_graph.Edge(cause.id, effect.id))
        except rca_graph.GraphError as error:
            db.session.rollback()
            raise ServiceError(str(error), "why_1") from error
        rca.links.append(RcaLink(rca_id=rca.id, cause_id=cause.id, effect_id=effect.id))
        links.add((cause.id, effect.id))
    _graph_changed(rca)
    _audit("rca.five_whys_added", rca, actor, node=problem.id, factors=len(new),
           reused=len(set(map(id, created.values()))) - len(new))
    db.session.commit()
    return list(created.values())


def _same_words(label: str) -> str:
    return " ".join(label.casefold().split()).rstrip(".")


# --- The structured report, recommendations and actions -----------------------------------------

def report_texts(rca: RootCauseAnalysis) -> dict[str, str]:
    return {section.section: section.text for section in rca.sections}


def save_report_sections(rca: RootCauseAnalysis, *, actor: User, texts: dict[str, str]) -> list[str]:
    """Save the sections given (others untouched); returns the keys that changed."""
    _require_draft(rca)
    unknown = set(texts) - set(SECTION_KEYS)
    if unknown:
        raise ServiceError(f"Unknown report section: {', '.join(sorted(unknown))}")
    current = {section.section: section for section in rca.sections}
    changed = []
    for key in SECTION_KEYS:
        if key not in texts:
            continue
        text = (texts[key] or "").strip()
        if len(text) > MAX_SECTION_LENGTH:
            raise ServiceError(f"{SECTION_HEADINGS[key]} must be {MAX_SECTION_LENGTH:,} characters or fewer", key)
        row = current.get(key)
        if row is None:
            if text:
                rca.sections.append(RcaReportSection(section=key, text=text))
                changed.append(key)
        elif row.text != text:
            row.text = text
            changed.append(key)
    _audit("rca.updated", rca, actor, fields=changed)
    db.session.commit()
    return changed


def _check_recommendation_choices(priority: str, addressed_to: str, strength: str) -> None:
    if priority not in set(Priority):
        raise ServiceError("Select the priority of the recommendation", "priority")
    if addressed_to not in set(RecommendationFor):
        raise ServiceError("Select the organisation the recommendation is for", "addressed_to")
    if strength not in set(Strength):
        raise ServiceError("Select how strong the action it calls for is", "strength")


def save_recommendation(rca: RootCauseAnalysis, *, actor: User, recommendation: Recommendation | None,
                        text: str, node_ids: Sequence[int], priority: str = Priority.MEDIUM,
                        addressed_to: str = RecommendationFor.FORCE, strength: str = Strength.WEAK) -> Recommendation:
    _require_draft(rca)
    if not text.strip():
        raise ServiceError("Enter the recommendation", "text")
    _check_recommendation_choices(priority, addressed_to, strength)
    chosen = [n for n in rca.nodes if n.id in set(node_ids) and n.kind in rca_graph.FACTOR_KINDS]
    if not chosen:
        raise ServiceError("Select at least one root cause or factor this recommendation addresses", "nodes")
    if recommendation is None:
        recommendation = Recommendation(text=text.strip(), position=len(rca.recommendations))
        rca.recommendations.append(recommendation)
        action = "rca.recommendation_added"
    else:
        recommendation.text = text.strip()
        action = "rca.recommendation_updated"
    recommendation.nodes = chosen
    recommendation.priority, recommendation.addressed_to, recommendation.strength = priority, addressed_to, strength
    db.session.flush()
    _audit(action, rca, actor, recommendation=recommendation.id, strength=strength)
    db.session.commit()
    return recommendation


def withdraw_recommendation(rca: RootCauseAnalysis, recommendation: Recommendation, *, actor: User,
                            reason: str = "") -> None:
    """Before sign-off a recommendation is simply removed; after, it stays, marked not taken forward."""
    if rca.status == RcaStatus.IN_REVIEW:
        raise ServiceError("This RCA is with a second reviewer. It can be changed again if they return it.")
    if rca.status == RcaStatus.DRAFT:
        rca.recommendations.remove(recommendation)
        for position, item in enumerate(rca.recommendations):
            item.position = position
        _audit("rca.recommendation_withdrawn", rca, actor, recommendation=recommendation.id)
        db.session.commit()
        return
    if not reason.strip():
        raise ServiceError("Enter why the recommendation is not being taken forward", "reason")
    recommendation.status, recommendation.reason = RecommendationStatus.NOT_TAKEN_FORWARD, reason.strip()
    for item in recommendation.actions:
        if item.status in OPEN_ACTION_STATUSES:
            item.status, item.reason = "not_taken_forward", reason.strip()
    _audit("rca.recommendation_not_taken_forward", rca, actor, recommendation=recommendation.id)
    db.session.commit()


def save_action(rca: RootCauseAnalysis, *, actor: User, recommendation: Recommendation, action: RcaAction | None,
                description: str, owner: str, due_on: date | None, measure: str, status: str,
                reason: str, completion_evidence: str = "", today: date | None = None) -> RcaAction:
    """Actions can be updated after sign-off (the plan is carried out later); everything else cannot."""
    if rca.status == "in_review":
        raise ServiceError("This RCA is with a second reviewer. It can be changed again if they return it.")
    if status not in ACTION_STATUS_LABELS:
        raise ServiceError("Select the status of the action", "status")
    if action is None and rca.status == "signed_off":
        raise ServiceError("This RCA has been signed off: new actions cannot be added.")
    if not description.strip():
        raise ServiceError("Enter the action", "description")
    if not owner.strip():
        raise ServiceError("Enter the team or role that owns the action", "owner")
    if due_on is None:
        raise ServiceError("Enter the date the action is due", "due_on")
    # A date already past is refused when it is set; an action that has since fallen due keeps its date.
    if (action is None or action.due_on != due_on) and due_on < (today or utcnow().date()):
        raise ServiceError("The due date must be today or in the future", "due_on")
    if not measure.strip():
        raise ServiceError("Enter how you will know the action has worked", "measure")
    if status == "not_taken_forward" and not reason.strip():
        raise ServiceError("Enter why the action is not being taken forward", "reason")
    if status == "done" and not completion_evidence.strip():
        raise ServiceError("Enter the evidence that the action has been completed", "completion_evidence")
    if action is None:
        action = RcaAction(description="", owner="", due_on=due_on)
        recommendation.actions.append(action)
        event = "rca.action_added"
    else:
        event = "rca.action_updated"
    action.description, action.owner, action.due_on = description.strip(), owner.strip(), due_on
    action.measure, action.status = measure.strip(), status
    action.reason = reason.strip() if status == "not_taken_forward" else None
    action.completion_evidence = completion_evidence.strip() if status == "done" else None
    db.session.flush()
    _audit(event, rca, actor, action_id=action.id, status=status)
    db.session.commit()
    return action


def withdraw_action(rca: RootCauseAnalysis, action: RcaAction, *, actor: User) -> None:
    """Before sign-off an action is removed; after sign-off it is marked not taken forward instead."""
    _require_draft(rca)
    action.recommendation.actions.remove(action)
    _audit("rca.action_withdrawn", rca, actor, action_id=action.id)
    db.session.commit()


def strength_mix(rca: RootCauseAnalysis) -> dict[str, int]:
    """How many recommendations taken forward are strong, intermediate, weak or not yet assessed."""
    mix = {s.value: 0 for s in Strength} | {"not_assessed": 0}
    for item in rca.recommendations:
        if item.status == RecommendationStatus.ACTIVE:
            mix[item.strength if item.strength in mix else "not_assessed"] += 1
    return mix


def all_weak(rca: RootCauseAnalysis) -> bool:
    mix = strength_mix(rca)
    return mix[Strength.WEAK] > 0 and mix[Strength.WEAK] == sum(mix.values())


# --- Review and sign-off ----------------------------------------------------------------------

def send_for_review(rca: RootCauseAnalysis, *, actor: User) -> None:
    _require_draft(rca)
    if actor.id != rca.lead_id:
        raise ServiceError("Only the lead reviewer can send the RCA for review.")
    missing = review_gaps(rca)
    if missing:
        raise ServiceError("Before sending it for review: " + "; ".join(missing) + ".")
    rca.status = "in_review"
    rca.sent_for_review_at = utcnow()
    db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="sent_for_review", comment="",
                            snapshot=report_snapshot(rca)))
    _audit("rca.sent_for_review", rca, actor)
    db.session.commit()


def report_snapshot(rca: RootCauseAnalysis) -> dict[str, str]:
    """The report's sections and recommendations as sent, to show a re-submission's changes."""
    texts = report_texts(rca)
    texts["recommendations_list"] = "\n".join(
        f"{r.text} [{r.priority}, {r.addressed_to}, {r.strength}]" for r in rca.recommendations)
    return texts


def changes_since_last_review(rca: RootCauseAnalysis) -> list[str] | None:
    """What changed between the last two times it was sent for review; None if sent once or never."""
    sent = [e for e in rca.events if e.action == "sent_for_review" and e.snapshot is not None]
    if len(sent) < 2:
        return None
    before, after = sent[-2].snapshot or {}, sent[-1].snapshot or {}
    changed = changed_sections(before, after)
    if before.get("recommendations_list", "") != after.get("recommendations_list", ""):
        changed.append("The recommendations")
    return changed


def latest_return(rca: RootCauseAnalysis) -> RcaEvent | None:
    """The second reviewer's last return, while the RCA is back with the lead (its comments stay on show)."""
    for event in reversed(rca.events):
        if event.action == "returned":
            return event
        if event.action in ("sent_for_review", "signed_off"):
            return None
    return None


def review_gaps(rca: RootCauseAnalysis) -> list[str]:
    from debrief.rca.team import undeclared

    gaps = []
    if not rca.terms_of_reference.strip():
        gaps.append("add the terms of reference")
    if not any(n.kind == rca_graph.PROBLEM for n in rca.nodes):
        gaps.append("mark at least one service delivery problem")
    if not any(n.kind == rca_graph.ROOT_CAUSE for n in rca.nodes):
        gaps.append("confirm at least one root cause")
    missing = missing_sections(report_texts(rca))
    if missing:
        gaps.append("write the report's " + ", ".join(m.lower() for m in missing))
    if stored_loops(rca):
        gaps.append("remove a link from each loop in the graph")
    if not rca.recommendations:
        gaps.append("add at least one recommendation")
    elif any(not r.actions for r in rca.recommendations):
        gaps.append("give every recommendation at least one action")
    waiting = undeclared(rca)
    if waiting:
        gaps.append("every member of the team declares their interests (waiting for "
                    + ", ".join(m.user.name for m in waiting) + ")")
    return gaps


def sign_off_refusal(rca: RootCauseAnalysis, user: User) -> str | None:
    """Why `user` may not sign off (or return) this RCA; None when they may."""
    from debrief.rca.team import independence_problem, member

    if rca.status != "in_review" or user.force_id != rca.force_id:
        return "Only an RCA that has been sent for review can be signed off."
    if user.id == rca.lead_id:
        return "A second reviewer must sign off the RCA: the lead reviewer cannot sign off their own."
    if member(rca, user) is not None:
        return f"{user.name} is on the panel, so cannot sign off the RCA: a reviewer outside the team must."
    problem = independence_problem(rca.incident, user)
    if problem:
        return f"{problem}, so they cannot sign off the RCA."
    return None


def can_sign_off(rca: RootCauseAnalysis, user: User) -> bool:
    return sign_off_refusal(rca, user) is None


def awaiting_sign_off(user: User) -> list[RootCauseAnalysis]:
    """RCAs of the user's force that are in review and that this user may sign off."""
    query = select(RootCauseAnalysis).where(RootCauseAnalysis.force_id == user.force_id,
                                            RootCauseAnalysis.status == "in_review")
    return [rca for rca in db.session.scalars(query.order_by(RootCauseAnalysis.sent_for_review_at))
            if can_sign_off(rca, user)]


def sign_off(rca: RootCauseAnalysis, *, actor: User, comment: str = "") -> None:
    refusal = sign_off_refusal(rca, actor)
    if refusal:
        raise ServiceError(refusal)
    rca.status = "signed_off"
    rca.signed_off_at = utcnow()
    rca.signed_off_by_id = actor.id
    db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="signed_off", comment=comment.strip()))
    _audit("rca.signed_off", rca, actor)
    db.session.commit()


def return_for_changes(rca: RootCauseAnalysis, *, actor: User, comment: str,
                       section_comments: dict[str, str] | None = None) -> None:
    """Back to the lead with a comment, and optionally a comment on each report section it concerns."""
    if rca.status != "in_review":
        raise ServiceError("Only an RCA that has been sent for review can be returned.")
    if actor.id == rca.lead_id:
        raise ServiceError("The lead reviewer cannot return their own RCA.")
    refusal = sign_off_refusal(rca, actor)
    if refusal:
        raise ServiceError(refusal.replace("sign off", "return"))
    by_section = {k: v.strip() for k, v in (section_comments or {}).items() if k in SECTION_KEYS and v.strip()}
    if not comment.strip() and not by_section:
        raise ServiceError("Enter what needs to change before it can be signed off", "comment")
    rca.status = "draft"
    db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="returned", comment=comment.strip(),
                            section_comments=by_section or None))
    _audit("rca.returned", rca, actor, sections=sorted(by_section))
    db.session.commit()


def record_view(rca: RootCauseAnalysis, *, actor: User, page: str) -> None:
    _audit("rca.viewed", rca, actor, page=page)
    db.session.commit()


# --- Lists ------------------------------------------------------------------------------------

def rcas_for_force(force_id: int) -> list[RootCauseAnalysis]:
    return list(db.session.scalars(
        select(RootCauseAnalysis).where(RootCauseAnalysis.force_id == force_id)
        .order_by(RootCauseAnalysis.status, RootCauseAnalysis.due_on)))


def overdue_actions(force_id: int, *, today: date, lead: User | None = None) -> list[RcaAction]:
    query = (select(RcaAction).join(Recommendation).join(RootCauseAnalysis)
             .where(RootCauseAnalysis.force_id == force_id, RcaAction.status.in_(OPEN_ACTION_STATUSES),
                    RcaAction.due_on < today)
             .order_by(RcaAction.due_on))
    if lead is not None:
        query = query.where(RootCauseAnalysis.lead_id == lead.id)
    return list(db.session.scalars(query))


def record_download(rca: RootCauseAnalysis, *, actor: User, fmt: str) -> None:
    _audit("rca.downloaded", rca, actor, format=fmt)
    db.session.commit()
