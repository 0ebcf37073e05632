"""What became of an officer's incident: RCA started, signed off, learning published. Never the RCA itself."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import bindparam, case, select

from debrief.extensions import db
from debrief.models import CaseStudy, Debrief, RootCauseAnalysis
from debrief.models.rca import RcaStatus
from debrief.publications.reading import visible_case_study


@dataclass(frozen=True)
class Outcome:
    rca_started: date | None = None
    signed_off: datetime | None = None
    case_study_id: int | None = None  # set only once the case study is public

    @property
    def stages(self) -> list[str]:
        return [s for s, done in (("started", self.rca_started), ("signed_off", self.signed_off),
                                  ("published", self.case_study_id)) if done]


@cache
def _outcome_rows():
    """Each RCA of the incidents with its case study and whether that is public: one statement, built once (a reused
    statement keeps its cache key, so a request does not build it again)."""
    return (select(RootCauseAnalysis.incident_id, RootCauseAnalysis.started_on, RootCauseAnalysis.status,
                   RootCauseAnalysis.signed_off_at, CaseStudy.id, case((visible_case_study(), True), else_=False))
            .outerjoin(CaseStudy, CaseStudy.source_rca_id == RootCauseAnalysis.id)
            .where(RootCauseAnalysis.incident_id.in_(bindparam("incident_ids", expanding=True))))


def outcomes_for(incident_ids: set[int]) -> dict[int, Outcome]:
    """Each incident's outcome, by incident id, in one query (a released case study counts once it is public)."""
    if not incident_ids:
        return {}
    out: dict[int, Outcome] = {}
    for incident_id, started, status, signed_at, case_id, public in db.session.connection().execute(
            _outcome_rows(), {"incident_ids": sorted(incident_ids)}):  # Core rows: no ORM result loading
        out[incident_id] = Outcome(rca_started=started,
                                   signed_off=signed_at if status == RcaStatus.SIGNED_OFF else None,
                                   case_study_id=case_id if public else None)
    return out


@dataclass(frozen=True)
class IncidentDebriefs:
    """An officer's debriefs of one incident (hot and cold), with what became of the incident."""

    incident_id: int
    debriefs: list[Debrief]
    outcome: Outcome

    @property
    def incident(self):
        return self.debriefs[0].incident


def by_incident(debriefs: list[Debrief]) -> list[IncidentDebriefs]:
    """Group an officer's debriefs by incident, keeping the order of each incident's most recent debrief."""
    groups: dict[int, list[Debrief]] = {}
    for d in debriefs:
        groups.setdefault(d.incident_id, []).append(d)
    outcomes = outcomes_for(set(groups))
    return [IncidentDebriefs(iid, sorted(ds, key=lambda d: (d.kind != "hot", d.id)), outcomes.get(iid, Outcome()))
            for iid, ds in groups.items()]
