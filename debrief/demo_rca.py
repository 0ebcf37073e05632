"""Demo root-cause analyses: three signed-off RCAs with realistic graphs and action plans, and one in each working
state (draft with a panel, in review awaiting the second reviewer, returned with comments). Idempotent.

Built through rca/service.py, the same operations a reviewer's clicks call, so the demo exercises the real
path (chronology from debriefs, problems, factors, links, root causes, sign-off by a second reviewer).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.auth.service import create_user
from debrief.extensions import db
from debrief.models import Force, Incident, RootCauseAnalysis, User
from debrief.models.rca import Strength
from debrief.rca import service
from debrief.rca.service import team

SECOND_REVIEWERS = {"NSP": ("Meera Joshi", "reviewer2@nsp.example.police.uk"),
                    "WMC": ("Gareth Lloyd", "reviewer2@wmc.example.police.uk")}

# Each factor: (key, label, category, contributes_to (a factor key or "problem:N"), evidence, root cause?)
# Problems: words of the chronology entries to mark. Evidence: "entry:words" (the entry with those words), "debrief", "doc:Name", or None (not yet evidenced).
RCAS: list[dict[str, Any]] = [
    {
        "force": "NSP", "summary_starts": "A drunk detainee on half-hourly rousing checks",
        "level": "concise",
        "terms": "Why a rousing check on an intoxicated detainee was about 25 minutes late, whether the handover of "
                 "checks works when the desk is under pressure, and what would make late checks less likely. The "
                 "conduct of individual staff is out of scope.",
        "outcome": "Intoxicated detainee checked 25 minutes late (near-miss)",
        "problems": ["Check carried out"],
        "factors": [
            ("desk", "Detention officer pulled to a violent arrival at the booking-in desk", "custody_environment",
             "problem:0", "entry:Violent detainee", False),
            ("handover", "No prompt or routine to hand over rousing checks when the checker is called away",
             "task_procedures", "problem:0", "doc:Custody rousing checks procedure", True),
            ("staffing", "One detention officer for a full suite on a late turn", "working_conditions", "desk",
             "doc:Custody staffing rota", True),
            ("alerts", "Custody system gives no alert when a check becomes overdue", "equipment_technology",
             "problem:0", None, False),
            ("training", "Refresher training does not cover handing over checks under pressure",
             "education_training", "handover", None, False),
        ],
        "findings": "The check was late because the only detention officer on duty was needed at the desk and "
                    "nothing in the procedure or the custody system prompted anyone to pick up the checks. The "
                    "procedure assumes the person doing checks is always free to do them.\n\n"
                    "Staffing on late turns leaves no slack when a violent detainee arrives, and the custody system "
                    "does not show when a check is overdue.",
        "recommendations": [
            ("Add an explicit handover of rousing checks to the custody procedure, with a prompt on the booking-in "
             "screen when the checker is called away.", ["handover"],
             [("Rewrite the rousing checks procedure to include a named handover", "Custody policy lead", 30,
               "Procedure published and briefed to all custody staff", "done"),
              ("Add an overdue-check alert to the custody system", "Custody IT change board", 120,
               "Alert live; late checks audited monthly fall below 2%", "in_progress")]),
            ("Review late-turn detention officer cover so that one emergency does not stop checks.", ["staffing"],
             [("Model late-turn demand and propose minimum detention officer numbers", "Resourcing team", 45,
               "Proposal agreed by the custody superintendent", "open")]),
        ],
    },
    {
        "force": "WMC", "summary_starts": "A single-crewed officer checked a parked car in an underground car park",
        "level": "comprehensive",
        "terms": "Why a single-crewed officer could not summon help from an underground car park, how radio "
                 "coverage gaps are known and shared, and how control rooms deploy single-crewed officers to "
                 "places with poor coverage.",
        "outcome": "Officer assaulted with no way to call for help (near-miss for serious injury)",
        "problems": ["radio no signal", "Emergency button"],
        "factors": [
            ("deadspot", "Known radio dead spot in the underground car park", "equipment_technology", "problem:1",
             "entry:radio no signal", True),
            ("not_mapped", "Coverage gaps are not recorded anywhere officers or the control room can see",
             "organisational_strategic", "deadspot", "doc:Airwave coverage fault log", True),
            ("single", "Officer single-crewed on a late shift", "working_conditions", "problem:0", "debrief", False),
            ("no_warning", "Control room had no marker warning about the location", "control_room", "problem:0",
             None, False),
            ("shortfall", "Late-shift staffing below minimum on the day", "working_conditions", "single",
             "doc:Duty roster", False),
        ],
        "findings": "The officer went into a place where the radio and the emergency button could not work, and "
                    "neither the officer nor the control room had any way of knowing that. Radio dead spots are "
                    "reported informally but not recorded or shown to anyone.\n\n"
                    "Being single-crewed made the lack of coverage far more dangerous.",
        "recommendations": [
            ("Create a shared register of radio coverage gaps, shown as location markers in the control room "
             "and on officers' devices.", ["not_mapped", "deadspot"],
             [("Set up the coverage gap register and the reporting route", "Airwave service manager", 60,
               "Register live with all known gaps recorded", "done"),
              ("Add location warning markers for recorded gaps to the command and control system",
               "Control room systems team", 90, "Markers shown on deployment for every recorded gap", "open")]),
        ],
    },
    {
        "force": "WMC", "summary_starts": "A young man detained under section 136 waited nine hours in A&E",
        "level": "comprehensive",
        "terms": "Why a person detained under section 136 waited nine hours in A&E, how the place of safety's "
                 "capacity is shared with officers, and what joint arrangements with health partners would shorten "
                 "waits. Joint review with the mental health trust.",
        "outcome": "Nine hours in an A&E corridor under section 136; restraint used when he tried to leave",
        "problems": ["place of safety full", "Second attempt"],
        "factors": [
            ("capacity", "Health-based place of safety full, with no escalation route out of hours",
             "partner_agencies", "problem:0", "entry:place of safety full", True),
            ("no_space", "No quiet space in A&E for people detained under section 136", "physical_environment",
             "problem:1", "debrief", False),
            ("no_live_view", "Officers and the control room cannot see place-of-safety capacity before travelling",
             "communication", "problem:0", None, False),
            ("agreement", "The multi-agency section 136 agreement has no time limit for escalation",
             "powers_guidance", "capacity", "doc:Section 136 multi-agency protocol", True),
        ],
        "findings": "The wait was caused by the place of safety having no capacity and no agreed escalation when "
                    "it is full. A busy A&E corridor made the young man more distressed, which led to restraint "
                    "that a calmer setting would probably have avoided.",
        "recommendations": [
            ("Agree with the mental health trust an escalation to a manager after two hours' wait, and a live "
             "capacity view for the control room.", ["agreement", "capacity"],
             [("Revise the section 136 protocol with a two-hour escalation point", "Mental health partnership lead",
               60, "Protocol signed by both organisations", "done"),
              ("Pilot a quiet room for section 136 waits in A&E", "Hospital liaison sergeant", 150,
               "Room in use; restraint during waits audited quarterly", "not_taken_forward")]),
        ],
    },
]


def _second_reviewer(force: Force, password: str) -> User:
    name, email = SECOND_REVIEWERS[force.code]
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = create_user(email=email, name=name, force=force, roles=[Role.REVIEWER], password=password, actor=None)
    return user


def _incident(force: Force, summary_starts: str) -> Incident | None:
    for incident in db.session.scalars(select(Incident).where(
            Incident.force_id == force.id, Incident.summary.like(summary_starts + "%")).order_by(Incident.id)):
        if any(d.status == "submitted" for d in incident.debriefs) and service.rca_for_incident(incident) is None:
            return incident
    return None


def _build(spec: dict[str, Any], incident: Incident, lead: User, second: User) -> RootCauseAnalysis:
    """The RCA of `spec`, carried as far as its "state" (default signed off): draft with a panel, in review,
    returned with comments, or signed off."""
    state = spec.get("state", "signed_off")
    start = (incident.occurred_at.date() if incident.occurred_at else date.today()) + timedelta(days=3)
    rca = service.start_rca(incident, actor=lead, level=spec["level"], terms_of_reference=spec["terms"], today=start)
    if state == "draft":
        # The second reviewer sits on this one's panel (and so could not sign it off).
        team.add_panel_member(rca, actor=lead, user=second)
        team.declare_interests(rca, actor=second, has_conflict=True,
                               detail="Worked on the same response team as one of the officers until last year.")
    outcome = next(n for n in rca.nodes if n.kind == "outcome")
    service.update_node(rca, outcome, actor=lead, label=spec["outcome"], description="", category=None,
                        evidence_kind="none")
    entries = list(rca.chronology)
    def entry_with(words: str):
        return next((e for e in entries if words.lower() in e.what.lower()), entries[0])

    problems = [service.mark_problem(rca, entry_with(words), actor=lead) for words in spec["problems"]]
    nodes: dict[str, Any] = {}
    roots = []
    for key, label, category, target, evidence, root in spec["factors"]:
        into = problems[int(target.split(":")[1])] if target.startswith("problem:") else nodes[target]
        kwargs: dict[str, Any] = {"evidence_kind": "none"}
        if evidence and evidence.startswith("entry:"):
            kwargs = {"evidence_kind": "timeline", "evidence_entry_id": entry_with(evidence[6:]).id}
        elif evidence == "debrief":
            kwargs = {"evidence_kind": "debrief",
                      "evidence_debrief_id": next(d.id for d in incident.debriefs if d.status == "submitted")}
        elif evidence:
            kwargs = {"evidence_kind": "document", "evidence_document": evidence[4:]}
        nodes[key] = service.add_factor(rca, actor=lead, contributes_to=into, label=label, category=category, **kwargs)
        if root:
            roots.append(nodes[key])
    for node in roots:
        service.set_root_cause(rca, node, actor=lead, confirmed=True)
    service.save_report_sections(rca, actor=lead, texts=report_texts(spec))
    for text, keys, actions in spec["recommendations"]:
        rec = service.save_recommendation(rca, actor=lead, recommendation=None, text=text,
                                          node_ids=[nodes[k].id for k in keys],
                                          strength=spec.get("strengths", {}).get(text[:20], Strength.INTERMEDIATE))
        for description, owner, days, measure, status in actions:
            service.save_action(rca, actor=lead, recommendation=rec, action=None, description=description,
                                owner=owner, due_on=start + timedelta(days=days), measure=measure, status=status,
                                reason="The hospital could not release a room; waits are now escalated instead."
                                if status == "not_taken_forward" else "",
                                completion_evidence=measure if status == "done" else "", today=start)
    team.declare_interests(rca, actor=lead, has_conflict=False, detail="")
    if state == "draft":
        return rca
    service.send_for_review(rca, actor=lead)
    if state == "returned":
        service.return_for_changes(rca, actor=second, comment=spec["return_comment"],
                                   section_comments=spec.get("section_comments"))
    elif state == "signed_off":
        service.sign_off(rca, actor=second, comment="Clear, system-focused findings. Signed off.")
    return rca


def report_texts(spec: dict[str, Any]) -> dict[str, str]:
    """The structured report of a demo RCA: the spec's findings as the summary, the rest written around them."""
    return {
        "executive_summary": spec["findings"],
        "incident_and_consequences": spec.get("consequences", spec["outcome"] + "."),
        "involvement_and_support": spec.get(
            "involvement", "The person and their family were told the review had started and were asked what they "
            "wanted it to answer. The officers involved were debriefed and offered welfare support."),
        "lessons": spec.get("lessons", "The conditions, not the people, made the problems likely:\n\n"
                            + "\n".join(f"- {text}" for text, _, _ in spec["recommendations"])),
        "sharing_learning": spec.get(
            "sharing", "The report goes to the teams involved and the force learning board; the anonymised "
                       "findings are released to the learning team for the magazine."),
    }


# One RCA in each working state, so every reviewer finds work waiting (the three above are signed off).
STATE_RCAS: list[dict[str, Any]] = [
    {
        "force": "NSP", "summary_starts": "A man held by shop staff for theft produced a lock knife",
        "level": "concise", "state": "in_review",
        "terms": "How officers were told about the knife before they arrived, how the warnings and the drawn "
                 "Taser ended it, and what would give officers the risk sooner.",
        "outcome": "Man with a lock knife disarmed in the shop without injury",
        "problems": ["knife"],
        "factors": [
            ("relay", "Store security's mention of a knife was not passed on to the attending officers",
             "control_room", "problem:0", "doc:Call recording and incident log", True),
            ("radio", "Talk group busy with another incident while officers were on the way", "communication",
             "relay", "debrief", False),
        ],
        "findings": "Officers learned about the knife only when it was produced. The caller had mentioned it, but "
                    "the detail stayed in the call notes while the talk group was busy with another incident.",
        "recommendations": [
            ("Make a weapon mentioned by a caller a mandatory field read out on deployment.", ["relay"],
             [("Add the weapon field to the deployment script", "Control room systems", 60, "Field live",
               "open")]),
        ],
    },
    {
        "force": "NSP", "summary_starts": "A car with no insurance failed to stop",
        "level": "concise", "state": "returned",
        "terms": "Whether the pursuit was authorised and called off in line with policy, and what could have "
                 "stopped a child being put at risk near the school.",
        "outcome": "A girl was nearly struck by the car near the school (near-miss)",
        "problems": ["called off"],
        "factors": [
            ("school", "Controllers had no prompt about school home time on the route", "control_room",
             "problem:0", "doc:Pursuit log and the control room's mapping layers", True),
        ],
        "findings": "The pursuit was called off when it entered the residential street, but by then the car was "
                    "already near the school at home time.",
        "recommendations": [
            ("Add school locations and times to the control room's pursuit map.", ["school"],
             [("Load school locations into the mapping layer", "Control room systems", 90, "Layer live", "open")]),
        ],
        "return_comment": "The analysis is sound, but the report needs more before I can sign it off.",
        "section_comments": {
            "involvement_and_support": "Say how the girl and her family were contacted and supported.",
            "lessons": "Spell out what other controllers can learn, not only this control room.",
        },
    },
    {
        "force": "NSP", "summary_starts": "Neighbour reported shouting and banging",
        "level": "comprehensive", "state": "draft",
        "terms": "How officers protected the child in the room during the arrest, and how the safeguarding referral "
                 "was made and followed up.",
        "outcome": "Officer bitten during the arrest; child present throughout",
        "problems": ["handcuffed"],
        "factors": [
            ("space", "A small room with the child between officers and the man", "custody_environment", "problem:0",
             "debrief", False),
        ],
        "findings": "Work in progress: the panel is still gathering the safeguarding records.",
        "recommendations": [],
    },
]


def seed_rcas(password: str, specs: Iterable[dict[str, Any]] | None = None) -> int:
    """Signed-off RCAs on demo incidents (the three of RCAS unless `specs` are given); returns how many were made
    (0 when they already exist)."""
    from debrief import demo

    made = 0
    for spec in [*RCAS, *STATE_RCAS] if specs is None else specs:
        force = db.session.scalar(select(Force).where(Force.code == spec["force"]))
        lead = db.session.scalar(select(User).where(User.email == demo.demo_email(spec["force"], Role.REVIEWER)))
        if force is None or lead is None:
            continue
        already = db.session.scalar(select(RootCauseAnalysis.id).join(Incident).where(
            Incident.force_id == force.id, Incident.summary.like(spec["summary_starts"] + "%")).limit(1))
        if already is not None:
            continue
        incident = _incident(force, spec["summary_starts"])
        if incident is None:
            continue
        _build(spec, incident, lead, _second_reviewer(force, password))
        made += 1
    return made
