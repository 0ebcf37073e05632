"""The public status of a case study's recommendations, from one stance per responding force (pure)."""
from __future__ import annotations

from debrief.models.publication import RecommendationStance as S
from debrief.publications.recommendation_status import status_of


def test_no_stance_yet():
    status = status_of([])
    assert status.counts == () and status.forces == 0
    assert status.sentence == "No force has said yet where it is with these recommendations."
    assert status_of([None, "retired_code"]).counts == ()


def test_counts_furthest_stage_first():
    status = status_of(["in_progress", "implemented", None, "not_accepted", "in_progress"])
    assert status.counts == ((S.IMPLEMENTED, 1), (S.IN_PROGRESS, 2), (S.NOT_ACCEPTED, 1))
    assert status.forces == 4
    assert status.sentence == "Implemented by 1 force; in progress in 2 forces; not accepted by 1 force."


def test_one_stage():
    assert status_of(["accepted"]).sentence == "Accepted, not yet started, by 1 force."
