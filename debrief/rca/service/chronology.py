"""The chronology: entries in date order, marking problems, and when a time alone happened."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from debrief.errors import Place, ServiceError
from debrief.extensions import db
from debrief.models import ChronologyEntry, Incident, RcaLink, RcaNode, RootCauseAnalysis, User
from debrief.models.rca import ChronologySource
from debrief.rca import graph as rca_graph
from debrief.rca.service.common import audit_rca, graph_changed, require_draft


def moment_on_incident_day(incident: Incident, at: time) -> datetime | None:
    return entry_datetime(incident, at)


def entry_datetime(incident: Incident, at: time) -> datetime | None:
    if incident.occurred_at is None:
        return None
    day = incident.occurred_at.date()
    moment = datetime.combine(day, at)
    # Times earlier than the start belong to the next day (an incident that ran past midnight).
    if incident.occurred_at.time() > at and (incident.occurred_at.time().hour - at.hour) >= 6:
        moment = datetime.combine(date.fromordinal(day.toordinal() + 1), at)
    return moment


def sort_key(entry: ChronologyEntry) -> tuple:
    return (entry.at is None, entry.at or datetime.min, entry.position)


def resequence(rca: RootCauseAnalysis) -> None:
    """Keep the chronology in date and time order; entries at the same moment keep their relative order."""
    ordered = sorted(rca.chronology, key=sort_key)
    for position, entry in enumerate(ordered):
        entry.position = position
    rca.chronology[:] = ordered


def save_chronology_entry(rca: RootCauseAnalysis, *, actor: User, entry: ChronologyEntry | None,
                          at: datetime | None, what: str, is_problem: bool, is_notable_practice: bool = False,
                          source_kind: str | None = None, source: str = "") -> ChronologyEntry:
    """Add (entry None) or edit an entry, in date order; marking it a problem adds a problem item to the graph."""
    require_draft(rca)
    if not what.strip():
        raise ServiceError("Enter what happened", "what")
    if is_problem and is_notable_practice:
        raise ServiceError("Mark the entry as a service delivery problem or as notable practice, not both",
                           "is_problem")
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
        _keep_problem_in_step(rca, entry, what.strip())
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
        problem_for(rca, entry)
    audit_rca(action, rca, actor, entry=entry.id, problem=is_problem, notable=is_notable_practice)
    db.session.commit()
    return entry


def delete_chronology_entry(rca: RootCauseAnalysis, entry: ChronologyEntry, *, actor: User) -> None:
    """Remove an entry before sign-off; one the graph relies on must be let go of there first."""
    require_draft(rca)
    problem = next((n for n in rca.nodes if n.kind == rca_graph.PROBLEM and n.chronology_entry_id == entry.id), None)
    if problem is not None:
        raise ServiceError("This entry is a service delivery problem in the graph. Remove the problem on its page in "
                           "the graph first, then the entry.",
                           place=Place.of("the problem", "rca.item", rca_id=rca.id, node_id=problem.id))
    citing = [n for n in rca.nodes if n.evidence_entry_id == entry.id]
    if citing:
        raise ServiceError(f"{len(citing)} {'factor cites' if len(citing) == 1 else 'factors cite'} this entry as "
                           "evidence. Change their evidence on their pages in the graph first, then remove the entry.",
                           place=Place.of(f"the factor ‘{citing[0].label[:60]}’", "rca.item", rca_id=rca.id,
                                          node_id=citing[0].id))
    rca.chronology.remove(entry)
    resequence(rca)
    audit_rca("rca.chronology_removed", rca, actor, entry=entry.id)
    db.session.commit()


def linked_problem(rca: RootCauseAnalysis, entry: ChronologyEntry) -> RcaNode | None:
    """The service delivery problem of the graph made from `entry`, if there is one."""
    return next((n for n in rca.nodes if n.kind == rca_graph.PROBLEM and n.chronology_entry_id == entry.id), None)


def _same(a: str, b: str) -> bool:
    return " ".join(a[:300].casefold().split()).rstrip(".") == " ".join(b[:300].casefold().split()).rstrip(".")


def _keep_problem_in_step(rca: RootCauseAnalysis, entry: ChronologyEntry, new_what: str) -> None:
    """Rewording an entry rewords the problem made from it while the problem still reads as the entry did; a problem
    the reviewer has reworded in the graph keeps their wording (its page offers the entry's new wording)."""
    problem = linked_problem(rca, entry)
    if problem is not None and not _same(entry.what, new_what) and _same(problem.label, entry.what):
        problem.label = new_what[:300]
        graph_changed(rca)


def entry_wording_differs(rca: RootCauseAnalysis, node: RcaNode) -> ChronologyEntry | None:
    """The chronology entry a problem was made from, when it now reads differently from the problem; else None."""
    if node.kind != rca_graph.PROBLEM or not node.chronology_entry_id:
        return None
    entry = node.chronology_entry
    return entry if entry is not None and not _same(entry.what, node.label) else None


def problem_for(rca: RootCauseAnalysis, entry: ChronologyEntry) -> RcaNode:
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
    graph_changed(rca)
    return node


def mark_problem(rca: RootCauseAnalysis, entry: ChronologyEntry, *, actor: User) -> RcaNode:
    require_draft(rca)
    entry.is_problem = True
    entry.is_notable_practice = False
    node = problem_for(rca, entry)
    audit_rca("rca.chronology_updated", rca, actor, entry=entry.id, problem=True)
    db.session.commit()
    return node


def can_move(entries: Sequence[ChronologyEntry], index: int, direction: int) -> bool:
    """Only entries at the same moment can be reordered by hand: the rest follow the clock."""
    other = index + direction
    return 0 <= other < len(entries) and entries[index].at == entries[other].at


def move_chronology_entry(rca: RootCauseAnalysis, entry: ChronologyEntry, *, actor: User, direction: int) -> None:
    require_draft(rca)
    entries = list(rca.chronology)
    index = entries.index(entry)
    other = index + direction
    if can_move(entries, index, direction):
        entries[index], entries[other] = entries[other], entries[index]
        for position, item in enumerate(entries):
            item.position = position
        audit_rca("rca.chronology_updated", rca, actor, entry=entry.id, problem=entry.is_problem)
        db.session.commit()


def entry_moment(incident: Incident, on_date: date | None, at: time | None) -> datetime | None:
    """When a chronology entry happened, from the date and time typed: both, the date alone (its midnight), or a time
    alone, which is on the incident's day (or the next, for a time well before it started); None if neither."""
    if on_date and at:
        return datetime.combine(on_date, at)
    if on_date:
        return datetime.combine(on_date, datetime.min.time())
    if at:
        return moment_on_incident_day(incident, at)
    return None
