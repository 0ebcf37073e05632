"""Confirming or withdrawing a root cause; an unevidenced factor needs a reason."""
from __future__ import annotations

from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import RcaNode, RootCauseAnalysis, User
from debrief.rca import graph as rca_graph
from debrief.rca.service.common import audit_rca, graph_changed, require_draft


def set_root_cause(rca: RootCauseAnalysis, node: RcaNode, *, actor: User, confirmed: bool, reason: str = "") -> None:
    """Confirm (or withdraw) a root cause; an unevidenced factor needs evidence first, or a reason."""
    require_draft(rca)
    if node.kind not in rca_graph.FACTOR_KINDS:
        raise ServiceError("Only a contributory factor can be confirmed as a root cause.")
    if confirmed and node.evidence_kind == "none" and not reason.strip():
        raise ServiceError("This factor is not yet evidenced. Add the evidence that supports it, or say why it is a "
                       "root cause without it", "reason")
    node.root_cause_reason = reason.strip() if confirmed and node.evidence_kind == "none" else None
    node.kind = rca_graph.ROOT_CAUSE if confirmed else rca_graph.FACTOR
    graph_changed(rca)
    audit_rca("rca.root_cause_set", rca, actor, node=node.id, confirmed=confirmed)
    db.session.commit()
