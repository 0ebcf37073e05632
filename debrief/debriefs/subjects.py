"""Moves one use-of-force subject's answers between its form and the stored rows; reports what changed."""
from __future__ import annotations

from typing import Any

from debrief.debriefs.fields import to_bool, yes_no
from debrief.models import Debrief, DebriefTactic, ForceSubject, Injury

SUBJECT_FIELDS = ("bwv_reference", "log_reference", "custody_reference")


def load(debrief: Debrief, subject: ForceSubject | None) -> dict[str, Any]:
    """A subject's stored answers, shaped as SubjectForm data (empty for a new subject)."""
    if subject is None:
        return {}
    tactics = debrief.tactics_for(subject)
    taser = next((t for t in tactics if t.tactic == "taser"), None)
    ground = next((t for t in tactics if t.tactic == "ground_restraint"), None)
    injury = debrief.subject_injury(subject)
    data: dict[str, Any] = {name: getattr(subject, name) for name in SUBJECT_FIELDS}
    data.update(
        person=str(subject.public_person_id) if subject.public_person_id else "",
        tactics=[t.tactic for t in tactics], effective=[t.tactic for t in tactics if t.effective],
        taser_levels=list(taser.taser_levels) if taser else [],
        taser_cartridges=taser.taser_cartridges if taser else None,
        taser_cycles=taser.taser_cycles if taser else None,
        probe_removal=taser.probe_removal if taser else None,
        aftercare=taser.aftercare if taser else None,
        restraint_position=ground.position if ground else None,
        restraint_minutes=ground.duration_minutes if ground else None,
        injury_severity=injury.severity if injury else "none",
        injury_description=injury.description if injury else None,
        injury_medical=injury.medical_help if injury else None,
        injury_hospital=bool(injury and injury.hospital),
        bwv_worn=yes_no(subject.bwv_worn), bwv_recorded=yes_no(subject.bwv_recorded),
    )
    return data


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def apply(debrief: Debrief, subject: ForceSubject, form) -> dict[str, tuple[Any, Any]]:
    """Write a validated SubjectForm onto the subject and its tactic and injury rows. Returns {field: (old, new)}."""
    before = load(debrief, subject) if subject in debrief.subjects else {}
    person = str(form.person.data or "")
    known = {p.id for p in debrief.incident.public}
    subject.public_person_id = int(person) if person.isdigit() and int(person) in known else None
    for name in SUBJECT_FIELDS:
        setattr(subject, name, _clean(getattr(form, name).data))
    subject.bwv_worn = to_bool(form.bwv_worn.data)
    subject.bwv_recorded = to_bool(form.bwv_recorded.data) if subject.bwv_worn else None

    chosen = list(form.tactics.data or [])
    effective = set(form.effective.data or [])
    mine = {t.tactic: t for t in debrief.tactics_for(subject)}
    debrief.tactics = [t for t in debrief.tactics if t.subject is not subject or t.tactic in chosen]
    for code in chosen:
        row = mine.get(code)
        if row is None:
            row = DebriefTactic(tactic=code, subject=subject)
            debrief.tactics.append(row)
        row.effective = code in effective
        taser = code == "taser"
        row.taser_levels = list(form.taser_levels.data or []) if taser else []
        row.taser_cartridges = form.taser_cartridges.data if taser else None
        row.taser_cycles = form.taser_cycles.data if taser else None
        row.probe_removal = (form.probe_removal.data or None) if taser else None
        row.aftercare = _clean(form.aftercare.data) if taser else None
        ground = code == "ground_restraint"
        row.position = (form.restraint_position.data or None) if ground else None
        row.duration_minutes = form.restraint_minutes.data if ground else None

    debrief.injuries = [i for i in debrief.injuries if not (i.person == "subject" and i.subject is subject)]
    severity = form.injury_severity.data
    if severity and severity != "none":
        debrief.injuries.append(Injury(
            person="subject", subject=subject, severity=severity, description=_clean(form.injury_description.data),
            medical_help=form.injury_medical.data or "none", hospital=bool(form.injury_hospital.data)))
        debrief.any_injuries = True

    after = load(debrief, subject)
    return {k: (before.get(k), v) for k, v in after.items() if _norm(before.get(k)) != _norm(v)}


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(value)
    return None if value in ("", None) else value
