"""Releasing a signed-off RCA's anonymised findings as a candidate case study: the reviewer's side."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select

from debrief import reference as ref
from debrief.anonymise import Flag, IncidentProfile, check_text
from debrief.anonymise.deny_terms import release_deny_list
from debrief.audit import record
from debrief.database import lock_row
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import CaseStudy, RcaRelease, RootCauseAnalysis, User, utcnow
from debrief.models.rca import ACTION_STATUS_LABELS
from debrief.models.rca import RcaStatus, RecommendationStatus, ReleaseStatus
from debrief.publications.service import IdentifyingText, create_candidate
from debrief.rca import graph as rca_graph
from debrief.rca.report_sections import SECTION_HEADINGS
from debrief.release.preparation import REDACTION, SECTIONS, PreparedSection, prepare


def texts_of(rca: RootCauseAnalysis) -> dict[str, str]:
    return {s.section: s.text.strip() for s in rca.sections}


def sources(rca: RootCauseAnalysis) -> dict[str, str]:
    """The texts the release is made from, one per case-study field."""
    roots = [n for n in rca.nodes if n.kind == rca_graph.ROOT_CAUSE]
    outcome = next((n for n in rca.nodes if n.kind == rca_graph.OUTCOME), None)
    chronology = "\n".join(f"{'At ' + e.at.strftime('%H:%M') + ': ' if e.at else ''}{e.what}" for e in rca.chronology)
    # The structured report's findings, in its order: the summary, root causes, then what was learned.
    texts = texts_of(rca)
    findings = texts.get("executive_summary", "")
    if roots:
        findings += "\n\nRoot causes:\n" + "\n".join(f"- {n.label}" for n in roots)
    for key in ("incidental_findings", "notable_practice", "lessons"):
        if texts.get(key):
            findings += f"\n\n{SECTION_HEADINGS[key]}:\n{texts[key]}"
    findings = findings.strip()
    actions = [a for r in rca.recommendations for a in r.actions]
    return {
        "summary": (rca.incident.summary or "").strip(),
        "what_happened": chronology,
        "findings_key_learning": findings,
        "recommendations": "\n".join(f"- {r.text}" + (f" ({r.strength} action)" if r.strength else "")
                                     for r in rca.recommendations if r.status == RecommendationStatus.ACTIVE),
        "action_taken": "\n".join(f"- {a.description} ({a.owner}; {ACTION_STATUS_LABELS[a.status].lower()})"
                                  for a in actions),
        "outcome_for_individuals": outcome.label if outcome else "",
    }


def identifiers(rca: RootCauseAnalysis) -> dict[str, Any]:
    """Everything the incident's own records know that identifies someone: the case deny list's source."""
    incident = rca.incident
    users = {incident.reporter, rca.lead, *(o.user for o in incident.officers if o.user is not None),
             *(d.author for d in incident.debriefs)}
    if rca.signed_off_by is not None:
        users.add(rca.signed_off_by)
    collars = {o.collar_number for o in incident.officers if o.collar_number}
    collars |= {u.collar_number for u in users if getattr(u, "collar_number", None)}
    # Colleagues named without an account (another force's officer, say) are on the deny list by name too.
    names = {u.name for u in users if u and u.name} | {o.name for o in incident.officers if o.user is None and o.name}
    return {"people": sorted(names), "force": incident.force.name,
            "places": [incident.place] if incident.place else [], "collar_numbers": sorted(collars)}


def released_case(rca: RootCauseAnalysis):
    """The case study this RCA was released as, or None: releasing creates it with `source_rca_id` set, in the
    same transaction that marks the RcaRelease released (one query)."""
    return db.session.scalar(select(CaseStudy).where(CaseStudy.source_rca_id == rca.id))


def released_case_heading(rca: RootCauseAnalysis):
    """What the RCA pages show of the case study the RCA was released as (its id, title and status), or None; one
    query of those columns, not the case study's texts, on the session's connection (a plain row needs none of the
    ORM's handling of a session execute)."""
    return db.session.connection().execute(_released_case_heading_statement(), {"rca_id": rca.id}).first()


@cache
def _released_case_heading_statement():
    """Built once: every signed-off RCA page runs it."""
    return select(CaseStudy.id, CaseStudy.title, CaseStudy.status).where(CaseStudy.source_rca_id == bindparam("rca_id"))


def release_for(rca: RootCauseAnalysis) -> RcaRelease:
    """The stored preparation, or a fresh unsaved one."""
    existing = db.session.scalar(select(RcaRelease).where(RcaRelease.rca_id == rca.id))
    return existing or RcaRelease(rca_id=rca.id, title="", undone=[], redactions=[], justifications={},
                                  status=ReleaseStatus.DRAFT)


def prepared(rca: RootCauseAnalysis, release: RcaRelease) -> list[PreparedSection]:
    return prepare(sources(rca), **identifiers(rca), undone=[tuple(u) for u in release.undone or []],
                   redactions=[tuple(r) for r in release.redactions or []])


def flags(rca: RootCauseAnalysis, sections: Iterable[PreparedSection]) -> list[Flag]:
    """Re-identification flags over the text that would be released."""
    incident = rca.incident
    profile = IncidentProfile(
        incident_type=" ".join(ref.label_for(ref.INCIDENT_TYPES, t).lower() for t in incident.themes
                               if t in ref.codes(ref.INCIDENT_TYPES)),
        place=incident.place, exact_date=False)
    text = "\n\n".join(s.text for s in sections)
    seen: dict[str, Flag] = {}
    for flag in check_text(text, profile):
        seen.setdefault(flag.code, flag)
    return list(seen.values())


def _require_signed_off(rca: RootCauseAnalysis) -> None:
    if rca.status != RcaStatus.SIGNED_OFF:
        raise ServiceError("Only a signed-off RCA can be released.")


def _audit(event: str, rca: RootCauseAnalysis, actor: User, **details: Any) -> None:
    record(event, actor=actor, force_id=rca.force_id, record_type="rca", record_id=rca.id,
           incident=rca.incident.reference, **details)


def record_view(rca: RootCauseAnalysis, *, actor: User) -> None:
    _audit("release.viewed", rca, actor)
    db.session.commit()


def save_decisions(rca: RootCauseAnalysis, *, actor: User, title: str, undone: Iterable[tuple[str, int, int]],
                   redactions: Iterable[tuple[str, str]], justifications: Mapping[str, str]) -> RcaRelease:
    _require_signed_off(rca)
    release = release_for(rca)
    if release.status == ReleaseStatus.RELEASED:
        raise ServiceError("This RCA has already been released to the learning team.")
    keys = {key for key, _ in SECTIONS}
    release.title = title.strip()[:200]
    release.undone = sorted({(k, int(s), int(e)) for k, s, e in undone if k in keys})
    release.redactions = [[k, p.strip()[:200]] for k, p in redactions if k in keys and p.strip()]
    release.justifications = {code: text.strip() for code, text in justifications.items() if text.strip()}
    db.session.add(release)
    db.session.flush()
    _audit("release.updated", rca, actor, undone=len(release.undone), redactions=len(release.redactions))
    db.session.commit()
    return release


def release_problems(rca: RootCauseAnalysis, release: RcaRelease, found: Iterable[Flag]) -> list[tuple[str, str]]:
    """(field, message) pairs that stop the release: a title, and a note for each flag still raised."""
    problems = []
    if not release.title.strip():
        problems.append(("title", "Enter a title for the case study"))
    for flag in found:
        if not (release.justifications or {}).get(flag.code, "").strip():
            problems.append((f"flag-{flag.code}", "Resolve the re-identification flag or say why it can stay: "
                             + flag.reason))
    return problems


def release(rca: RootCauseAnalysis, *, actor: User) -> int:
    """Create the candidate case study from the prepared text; returns its id. All or nothing."""
    _require_signed_off(rca)
    prep = release_for(rca)
    if prep.id is not None:
        lock_row(prep)  # two clicks of Release at once: the second waits here, then finds it released
    if prep.status == ReleaseStatus.RELEASED:
        raise ServiceError("This RCA has already been released to the learning team.")
    sections = prepared(rca, prep)
    problems = release_problems(rca, prep, flags(rca, sections))
    if problems:
        raise ServiceError(problems[0][1], problems[0][0])
    # What the anonymiser found in the source joins the list (names nobody put on a form, streets, numbers),
    # and so do the reviewer's redactions; words the reviewer undid anywhere stay out.
    deny = release_deny_list(**identifiers(rca),
                             found=[(e.label, e.text) for s in sections for e in s.entities if e.label != REDACTION],
                             redactions=[p for _, p in (prep.redactions or [])],
                             kept=[e.text for s in sections for e in s.undone])
    texts = {"title": prep.title, **{s.key: s.text for s in sections}}
    categories = sorted({n.category for n in rca.nodes if n.kind in rca_graph.FACTOR_KINDS and n.category})
    themes = [t for t in rca.incident.themes if t in ref.codes(ref.INCIDENT_TYPES)]
    try:
        case = create_candidate(rca.incident.force, texts, deny, rca.id, actor, themes=themes,
                                factor_categories=categories)
    except IdentifyingText as error:
        db.session.rollback()
        where = ", ".join(dict(SECTIONS).get(key, "the title").lower() for key in error.errors)
        raise ServiceError("The release still contains something that could identify a person, place or force "
                       f"(in {where}). Redact it, or do not undo that replacement.", "release") from error
    except ServiceError as error:
        db.session.rollback()
        raise ServiceError(str(error)) from error
    prep = release_for(rca)
    prep.status, prep.case_study_id = ReleaseStatus.RELEASED, case.id
    prep.released_at, prep.released_by_id = utcnow(), actor.id
    db.session.add(prep)
    _audit("release.released", rca, actor, case_study=case.id)
    db.session.commit()
    return case.id
