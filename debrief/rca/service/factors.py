"""The contributory-factor graph: items, links (never a loop), evidence, five whys, and its analysis."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from debrief.database import lock_row
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import RcaLink, RcaNode, RootCauseAnalysis, User
from debrief.models.debrief import DebriefStatus
from debrief.models.rca import EVIDENCE_KINDS
from debrief.rca import graph as rca_graph
from debrief.rca.justculture import Finding, check_item
from debrief.rca.service.common import audit_rca, graph_changed, require_draft
from debrief.rca.service.report import people_names


class BlamingWording(ServiceError):
    """An item's wording may blame a person (a name, rank and surname, "failed to"...): nothing is saved until the
    reviewer rewords it or confirms it as written. `findings` are what the just-culture check found."""

    def __init__(self, findings: list[Finding], field: str = "label") -> None:
        super().__init__("Check the wording: it may blame a person rather than describe the conditions", field)
        self.findings = findings


def check_wording(rca: RootCauseAnalysis, label: str, description: str, *, warn: bool) -> list[Finding]:
    """The just-culture findings in an item's wording, against the names of everyone in the incident's records;
    with `warn` (a person typing it, who has not confirmed it), any finding refuses the save."""
    findings = check_item(f"{' '.join(label.split())}\n\n{description.strip()}", names=people_names(rca))
    if findings and warn:
        raise BlamingWording(findings)
    return findings


def graph_nodes(rca: RootCauseAnalysis) -> list[rca_graph.Node]:
    return [rca_graph.Node(id=n.id, kind=n.kind, label=n.label, category=n.category, evidenced=n.evidenced)
            for n in rca.nodes]


def node_rows(rca: RootCauseAnalysis) -> list[tuple[int, str, str]]:
    """(id, kind, label) of every item (loaded with the RCA, rca.access.load_graph): for pickers."""
    return [(n.id, n.kind, n.label) for n in rca.nodes]


def nodes_page(rca: RootCauseAnalysis, *, offset: int, limit: int) -> list[RcaNode]:
    return rca.nodes[offset:offset + limit]


def link_count(rca: RootCauseAnalysis) -> int:
    return len(rca.links)


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


def check_evidence(rca: RootCauseAnalysis, evidence_kind: str, debrief_id: int | None, entry_id: int | None,
                    document: str | None) -> dict[str, Any]:
    if evidence_kind not in EVIDENCE_KINDS:
        raise ServiceError("Select what supports this factor", "evidence_kind")
    values: dict[str, Any] = {"evidence_kind": evidence_kind, "evidence_debrief_id": None,
                              "evidence_entry_id": None, "evidence_document": None}
    if evidence_kind == "debrief":
        if debrief_id not in {d.id for d in rca.incident.debriefs if d.status == DebriefStatus.SUBMITTED}:
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
               evidence_entry_id: int | None = None, evidence_document: str | None = None,
               warn_on_blame: bool = False) -> RcaNode:
    """A contributory factor answering "what contributed to this?" for a problem or factor.

    `warn_on_blame`: refuse wording the just-culture check flags (BlamingWording), for a reviewer to reword or
    confirm; a confirmed save records what was flagged in its audit event."""
    require_draft(rca)
    if contributes_to.kind == rca_graph.OUTCOME:
        raise ServiceError("Factors contribute to a service delivery problem or to another factor.")
    if not label.strip():
        raise ServiceError("Enter the contributory factor", "label")
    if not category:
        raise ServiceError("Select the category of the factor", "category")
    evidence = check_evidence(rca, evidence_kind, evidence_debrief_id, evidence_entry_id, evidence_document)
    flagged = check_wording(rca, label, description, warn=warn_on_blame)
    node = RcaNode(kind=rca_graph.FACTOR, label=" ".join(label.split())[:300], category=category,
                   description=description.strip(), **evidence)
    rca.nodes.append(node)
    db.session.flush()
    rca.links.append(RcaLink(rca_id=rca.id, cause_id=node.id, effect_id=contributes_to.id))
    graph_changed(rca)
    audit_rca("rca.factor_added", rca, actor, node=node.id, category=category,
              **({"wording_kept": [f.phrase for f in flagged]} if flagged else {}))
    db.session.commit()
    return node


def update_node(rca: RootCauseAnalysis, node: RcaNode, *, actor: User, label: str, description: str,
                category: str | None, evidence_kind: str, evidence_debrief_id: int | None = None,
                evidence_entry_id: int | None = None, evidence_document: str | None = None,
                warn_on_blame: bool = False) -> None:
    require_draft(rca)
    if not label.strip():
        raise ServiceError("Enter a short description", "label")
    flagged = check_wording(rca, label, description, warn=warn_on_blame) if node.kind != rca_graph.OUTCOME else []
    node.label = " ".join(label.split())[:300]
    node.description = description.strip()
    if node.kind in rca_graph.FACTOR_KINDS:
        if not category:
            raise ServiceError("Select the category of the factor", "category")
        node.category = category
        for key, value in check_evidence(rca, evidence_kind, evidence_debrief_id, evidence_entry_id,
                                          evidence_document).items():
            setattr(node, key, value)
    graph_changed(rca)
    audit_rca("rca.item_updated", rca, actor, node=node.id, kind=node.kind,
              **({"wording_kept": [f.phrase for f in flagged]} if flagged else {}))
    db.session.commit()


def link_nodes(rca: RootCauseAnalysis, *, actor: User, cause: RcaNode, effect: RcaNode) -> None:
    """Add "cause contributed to effect"; a link that would close a loop is refused, naming the loop.

    The RCA's row is locked first and the graph read again under the lock, so two reviewers linking at the same
    moment are checked one after the other: the second sees the first's link and cannot close a loop with it."""
    lock_row(rca)
    require_draft(rca)
    try:
        rca_graph.check_edge(graph_nodes(rca), graph_edges(rca), rca_graph.Edge(cause.id, effect.id))
    except rca_graph.GraphError as error:
        raise ServiceError(str(error), "cause") from error
    rca.links.append(RcaLink(rca_id=rca.id, cause_id=cause.id, effect_id=effect.id))
    graph_changed(rca)
    audit_rca("rca.linked", rca, actor, cause=cause.id, effect=effect.id)
    db.session.commit()


def unlink_nodes(rca: RootCauseAnalysis, *, actor: User, link: RcaLink) -> None:
    require_draft(rca)
    rca.links.remove(link)
    graph_changed(rca)
    audit_rca("rca.unlinked", rca, actor, cause=link.cause_id, effect=link.effect_id)
    db.session.commit()


def delete_node(rca: RootCauseAnalysis, node: RcaNode, *, actor: User) -> None:
    require_draft(rca)
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
    graph_changed(rca)
    audit_rca("rca.item_removed", rca, actor, node=node.id, kind=node.kind)
    db.session.commit()


def add_five_whys(rca: RootCauseAnalysis, *, actor: User, problem: RcaNode, answers: Sequence[str],
                  categories: Sequence[str | None], warn_on_blame: bool = False) -> list[RcaNode]:
    """One new factor per "why?", each contributing to the answer before it, the first to the problem.

    Each answer becomes a factor, so its wording has the factors' just-culture check: with `warn_on_blame` a
    flagged answer refuses the chain (BlamingWording on the first flagged why, each finding's `sentence` prefixed
    with its why), for the reviewer to reword or confirm; a confirmed chain records what was flagged."""
    require_draft(rca)
    if problem.kind not in (rca_graph.PROBLEM, *rca_graph.FACTOR_KINDS):
        raise ServiceError("Ask “why?” of a service delivery problem or a factor.")
    flagged = _check_whys(rca, answers)
    if flagged and warn_on_blame:
        raise BlamingWording([finding for _n, finding in flagged], f"why_{flagged[0][0]}")
    try:
        chain = rca_graph.five_whys(problem.id, answers, categories=list(categories))
    except rca_graph.GraphError as error:
        raise ServiceError(str(error), "why_1") from error
    for index, answer in enumerate(chain.nodes):
        if not answer.category:
            raise ServiceError(f"Select the category for why {index + 1}", f"category_{index + 1}")
    # An answer worded like a factor already in the graph is that factor: it is linked, not copied.
    existing = {same_words(n.label): n for n in rca.nodes if n.kind in rca_graph.FACTOR_KINDS}
    created: dict[Any, RcaNode] = {}
    new: list[RcaNode] = []
    for answer in chain.nodes:
        node = existing.get(same_words(answer.label[:300]))
        if node is None:
            node = RcaNode(kind=rca_graph.FACTOR, label=answer.label[:300], category=answer.category,
                           description="", evidence_kind="none")
            rca.nodes.append(node)
            new.append(node)
            existing[same_words(node.label)] = node
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
    graph_changed(rca)
    audit_rca("rca.five_whys_added", rca, actor, node=problem.id, factors=len(new),
              reused=len(set(map(id, created.values()))) - len(new),
              **({"wording_kept": [f.phrase for _n, f in flagged]} if flagged else {}))
    db.session.commit()
    return list(created.values())


def _check_whys(rca: RootCauseAnalysis, answers: Sequence[str]) -> list[tuple[int, Finding]]:
    """(why number, finding) for every answer the just-culture check flags; the finding names its why."""
    flagged = []
    for n, answer in enumerate(answers, start=1):
        if answer.strip():
            flagged.extend((n, replace(f, sentence=f"Why {n}: {f.sentence}"))
                           for f in check_wording(rca, answer, "", warn=False))
    return flagged


def same_words(label: str) -> str:
    return " ".join(label.casefold().split()).rstrip(".")
