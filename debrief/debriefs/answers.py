"""Moves answers between each step's form and the stored debrief; reports what changed for the edit history."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from debrief.debriefs.fields import parse_time, to_bool, yes_no
from debrief.models import Debrief, Injury

# Fields each step stores, when the form field maps one-to-one onto a column.
PLAIN = {
    "what-happened": ("narrative",),
    "use-of-force": ("hours_on_duty",),
    "reflection": ("went_well", "could_differ", "why_differ"),
    "wellbeing": ("wellbeing_concerns", "support_details"),
    "intelligence": ("intelligence", "concerns"),
}
YES_NO_FIELDS = {
    "use-of-force": ("used_force", "single_crewed", "taser_trained", "taser_carried", "assaulted"),
    "wellbeing": ("support_wanted",),
}


def load(slug: str, debrief: Debrief) -> dict[str, Any]:
    """The stored answers for a step, shaped as its form's data."""
    data: dict[str, Any] = {}
    incident = debrief.incident
    for name in PLAIN.get(slug, ()):
        data[name] = getattr(debrief, name)
    for name in YES_NO_FIELDS.get(slug, ()):
        data[name] = yes_no(getattr(debrief, name))
    if slug == "about":
        data.update(
            occurred_date=incident.occurred_at.date() if incident.occurred_at else None,
            occurred_time=incident.occurred_at.strftime("%H:%M") if incident.occurred_at else None,
            ended_time=incident.ended_at.strftime("%H:%M") if incident.ended_at else None,
            ended_next_day=bool(incident.ended_at and incident.occurred_at
                                and incident.ended_at.date() > incident.occurred_at.date()),
            near_miss=yes_no(incident.near_miss), location_type=incident.location_type,
            place=incident.place, themes=incident.themes, summary=incident.summary,
        )
    elif slug == "people":
        own = next((o for o in incident.officers if o.user_id == incident.reporter_id), None)
        data["role_on_day"] = own.role_on_day if own else None
    elif slug == "tactics":
        data["reasons"], data["impact_factors"] = list(debrief.reasons or []), list(debrief.impact_factors or [])
    elif slug == "injuries":
        data["any_injuries"] = yes_no(debrief.any_injuries)
        for who in ("subject", "officer"):
            # A subject's injury recorded with the force used on them belongs to that subject, not to this step.
            injury = next((i for i in debrief.injuries if i.person == who and i.subject is None), None)
            if injury is not None:
                data[f"{who}_severity"] = injury.severity
                data[f"{who}_description"] = injury.description
                data[f"{who}_medical"] = injury.medical_help
                data[f"{who}_hospital"] = injury.hospital
            elif debrief.any_injuries:
                data[f"{who}_severity"] = "none"
                data[f"{who}_medical"] = "none"
    return data


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def apply(slug: str, debrief: Debrief, form, *, valid_only: bool = False) -> dict[str, tuple[Any, Any]]:
    """Write the form's answers onto the debrief (or incident). Returns {field: (old, new)} of what changed.

    With valid_only, fields that have errors are left as they were ("save and come back later")."""
    before = load(slug, debrief)
    ok = (lambda name: not getattr(form, name).errors) if valid_only else (lambda name: True)
    incident = debrief.incident

    for name in PLAIN.get(slug, ()):
        if ok(name):
            setattr(debrief, name, _clean(getattr(form, name).data))
    for name in YES_NO_FIELDS.get(slug, ()):
        if ok(name):
            setattr(debrief, name, to_bool(getattr(form, name).data))

    if slug == "about":
        if ok("occurred_date") and ok("occurred_time"):
            day, at = form.occurred_date.data, parse_time(form.occurred_time.data)
            if day is not None:
                incident.occurred_at = datetime.combine(day, at or time(0, 0))
                if ok("ended_time"):
                    end = parse_time(form.ended_time.data)
                    incident.ended_at = (datetime.combine(day + timedelta(days=1 if form.ended_next_day.data else 0),
                                                          end) if end else None)
        if ok("near_miss"):
            incident.near_miss = to_bool(form.near_miss.data)
        for name in ("location_type", "place", "summary"):
            if ok(name):
                setattr(incident, name, _clean(getattr(form, name).data))
        if ok("themes"):
            incident.set_themes(list(form.themes.data or []))
    elif slug == "tactics":
        for name in ("reasons", "impact_factors"):
            if ok(name):
                setattr(debrief, name, list(getattr(form, name).data or []))
    elif slug == "injuries":
        if ok("any_injuries"):
            debrief.any_injuries = to_bool(form.any_injuries.data)
        rows = [i for i in debrief.injuries if i.subject is not None]
        if debrief.any_injuries:
            for who in ("subject", "officer"):
                if who == "subject" and form.subject_injured is not None:
                    continue
                severity = getattr(form, f"{who}_severity").data
                if severity and severity != "none":
                    rows.append(Injury(
                        person=who, severity=severity,
                        description=_clean(getattr(form, f"{who}_description").data),
                        medical_help=getattr(form, f"{who}_medical").data or "none",
                        hospital=bool(getattr(form, f"{who}_hospital").data),
                    ))
        debrief.injuries = rows

    after = load(slug, debrief)
    return {k: (before.get(k), after.get(k)) for k in after if _norm(before.get(k)) != _norm(after.get(k))}


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(value)
    return value
