"""Recommendations and their actions: the plan, carried out after sign-off."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import RcaAction, Recommendation, RootCauseAnalysis, User, utcnow
from debrief.models.rca import (
    ACTION_STATUS_LABELS, OPEN_ACTION_STATUSES, Priority, RcaStatus, RecommendationFor, RecommendationStatus, Strength,
)
from debrief.models.rca import ActionStatus
from debrief.rca import graph as rca_graph
from debrief.rca.service.common import audit_rca, require_draft


def check_recommendation_choices(priority: str, addressed_to: str, strength: str) -> None:
    if priority not in set(Priority):
        raise ServiceError("Select the priority of the recommendation", "priority")
    if addressed_to not in set(RecommendationFor):
        raise ServiceError("Select the organisation the recommendation is for", "addressed_to")
    if strength not in set(Strength):
        raise ServiceError("Select how strong the action it calls for is", "strength")


def save_recommendation(rca: RootCauseAnalysis, *, actor: User, recommendation: Recommendation | None,
                        text: str, node_ids: Sequence[int], priority: str = Priority.MEDIUM,
                        addressed_to: str = RecommendationFor.FORCE, strength: str = Strength.WEAK) -> Recommendation:
    require_draft(rca)
    if not text.strip():
        raise ServiceError("Enter the recommendation", "text")
    check_recommendation_choices(priority, addressed_to, strength)
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
    audit_rca(action, rca, actor, recommendation=recommendation.id, strength=strength)
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
        audit_rca("rca.recommendation_withdrawn", rca, actor, recommendation=recommendation.id)
        db.session.commit()
        return
    if not reason.strip():
        raise ServiceError("Enter why the recommendation is not being taken forward", "reason")
    recommendation.status, recommendation.reason = RecommendationStatus.NOT_TAKEN_FORWARD, reason.strip()
    for item in recommendation.actions:
        if item.status in OPEN_ACTION_STATUSES:
            item.status, item.reason = ActionStatus.NOT_TAKEN_FORWARD, reason.strip()
    audit_rca("rca.recommendation_not_taken_forward", rca, actor, recommendation=recommendation.id)
    db.session.commit()


def save_action(rca: RootCauseAnalysis, *, actor: User, recommendation: Recommendation, action: RcaAction | None,
                description: str, owner: str, due_on: date | None, measure: str, status: str,
                reason: str, completion_evidence: str = "", today: date | None = None) -> RcaAction:
    """Actions can be updated after sign-off (the plan is carried out later); everything else cannot."""
    if rca.status == RcaStatus.IN_REVIEW:
        raise ServiceError("This RCA is with a second reviewer. It can be changed again if they return it.")
    if status not in ACTION_STATUS_LABELS:
        raise ServiceError("Select the status of the action", "status")
    if action is None and rca.status == RcaStatus.SIGNED_OFF:
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
    if status == ActionStatus.NOT_TAKEN_FORWARD and not reason.strip():
        raise ServiceError("Enter why the action is not being taken forward", "reason")
    if status == ActionStatus.DONE and not completion_evidence.strip():
        raise ServiceError("Enter the evidence that the action has been completed", "completion_evidence")
    if action is None:
        action = RcaAction(description="", owner="", due_on=due_on)
        recommendation.actions.append(action)
        event = "rca.action_added"
    else:
        event = "rca.action_updated"
    action.description, action.owner, action.due_on = description.strip(), owner.strip(), due_on
    action.measure, action.status = measure.strip(), status
    action.reason = reason.strip() if status == ActionStatus.NOT_TAKEN_FORWARD else None
    action.completion_evidence = completion_evidence.strip() if status == ActionStatus.DONE else None
    db.session.flush()
    audit_rca(event, rca, actor, action_id=action.id, status=status)
    db.session.commit()
    return action


def withdraw_action(rca: RootCauseAnalysis, action: RcaAction, *, actor: User) -> None:
    """Before sign-off an action is removed; after sign-off it is marked not taken forward instead."""
    require_draft(rca)
    action.recommendation.actions.remove(action)
    audit_rca("rca.action_withdrawn", rca, actor, action_id=action.id)
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
