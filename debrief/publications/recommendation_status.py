"""The public status of a case study's recommendations, made from what responding forces say, and those responses.

Decided: a recommendation in the magazine is addressed to every force, so its status is not one value but what the
forces that answered say: each force's response to one of the case study's reflective questions may say where that
force is with the recommendations (implemented, in progress, accepted but not started, not accepted). The status
counts the forces at each stage, furthest first; a force that answered several questions counts once, by its most
recently updated response. Only approved responses count or show, as everywhere public.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from debrief.extensions import db
from debrief.models import CaseStudy, ForceResponse, ReflectiveQuestion
from debrief.models.publication import RecommendationStance, ResponseStatus

STAGES = tuple(RecommendationStance)  # furthest first
FORCE_WORDS = {
    RecommendationStance.IMPLEMENTED: "implemented by",
    RecommendationStance.IN_PROGRESS: "in progress in",
    RecommendationStance.ACCEPTED: "accepted, not yet started, by",
    RecommendationStance.NOT_ACCEPTED: "not accepted by",
}


@dataclass(frozen=True)
class Status:
    counts: tuple[tuple[RecommendationStance, int], ...]  # stages with at least one force, furthest first

    @property
    def forces(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def sentence(self) -> str:
        if not self.counts:
            return "No force has said yet where it is with these recommendations."
        parts = [f"{FORCE_WORDS[stage]} {n} force{'' if n == 1 else 's'}" for stage, n in self.counts]
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def status_of(stances: Iterable[str | None]) -> Status:
    """Pure: the status from one stance per force (None, or codes no longer known, are left out)."""
    known = {stage.value: stage for stage in STAGES}
    counted = [known[s] for s in stances if s in known]
    return Status(tuple((stage, counted.count(stage)) for stage in STAGES if stage in counted))


@cache
def _approved_stances():
    """public_responses' statement, built once (a reused statement keeps its cache key: every case study page runs it)."""
    return (select(ForceResponse).join(ReflectiveQuestion, ReflectiveQuestion.id == ForceResponse.question_id)
            .where(ReflectiveQuestion.case_study_id == bindparam("case_study_id"),
                   ForceResponse.status == ResponseStatus.APPROVED.value,
                   ForceResponse.recommendation_stance.is_not(None))
            .options(joinedload(ForceResponse.force))
            .order_by(ForceResponse.updated_at.desc(), ForceResponse.id.desc()))


def public_responses(case_study: CaseStudy) -> list[ForceResponse]:
    """Approved responses to the case study's questions that say where the force is with its recommendations: one per
    force (its latest), furthest stage first, then by force name."""
    rows = db.session.scalars(_approved_stances(), {"case_study_id": case_study.id}).all()
    latest: dict[int, ForceResponse] = {}
    for row in rows:
        if row.recommendation_stance in {s.value for s in STAGES}:
            latest.setdefault(row.force_id, row)
    order = {stage.value: i for i, stage in enumerate(STAGES)}
    return sorted(latest.values(), key=lambda r: (order[r.recommendation_stance], r.force.name))


def for_case_study(case_study: CaseStudy) -> tuple[Status, list[ForceResponse]]:
    responses = public_responses(case_study)
    return status_of(r.recommendation_stance for r in responses), responses
