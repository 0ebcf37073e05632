"""Demo magazine: release the signed-off demo RCAs, edit them into case studies, publish issue 1. Idempotent.

Everything goes through the real operations: `release.service` (the reviewer's release, flags justified),
`publications.service` (the learning team's edits, questions, approval, the issue) and
`publications.responses.record_force_response` (forces answering questions), so the demo exercises the checks.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CaseStudy, Force, Incident, MagazineIssue, RootCauseAnalysis, User, utcnow
from debrief.publications import service
from debrief.publications import workflow as wf

# A fourth signed-off RCA, so the issue has four case studies. Its findings name the officers and the place,
# as real findings do: the release has to take them out.
TASER_RCA: dict[str, Any] = {
    "force": "NSP", "summary_starts": "A man was walking along a busy street holding a machete",
    "level": "comprehensive",
    "terms": "Why the first Taser cartridge missed, how the early calls were graded and deployed, and how long "
             "the armed response took. The officers' decisions are reviewed for learning, not for conduct.",
    "outcome": "Man with a machete stopped by a second Taser cartridge after the first missed; cut to his hand",
    "problems": ["First cartridge fired", "First of several calls"],
    "factors": [
        ("range", "Taser fired near the edge of its range because the officer kept a safe distance from the "
                  "machete", "equipment_technology", "problem:0", "entry:First cartridge fired", False),
        ("armed", "Armed response unit about ten minutes away when the first officers arrived", "working_conditions",
         "problem:0", "entry:armed unit arrived", True),
        ("grading", "Early calls graded as concern for welfare, not as a weapon, so unarmed officers went first",
         "control_room", "problem:1", "entry:First of several calls", True),
        ("crisis", "Man in mental health crisis, not known to the officers", "person_in_contact", "problem:1",
         None, False),
    ],
    "findings": "PC Priya Shah talked to the man from about eight metres at the junction of Mill Street and Canal "
                "Road while Ellie Morgan kept the public back. The first cartridge missed because the distance that "
                "kept them safe from the machete was close to the edge of the Taser's range; the second was "
                "effective. Several early calls described the man as confused rather than armed, so the call was "
                "graded as a concern for welfare and an armed unit was not sent until later.",
    "recommendations": [
        ("Add a prompt to the call script to ask every caller about weapons when a person is described as "
         "confused or in crisis.", ["grading"],
         [("Update the concern-for-welfare call script with a weapons question", "Control room training lead", 30,
           "Script live; ten calls a month audited for the question", "done")]),
        ("Cover cartridge range and distance from edged weapons in Taser refresher training.", ["range"],
         [("Add a range and distance scenario to Taser refresher training", "Taser training lead", 90,
           "Scenario in every refresher course", "in_progress")]),
    ],
}

# How the learning team turns each release into a case study, keyed by the start of the incident summary.
CASE_STUDIES: dict[str, dict[str, Any]] = {
    "A drunk detainee on half-hourly rousing checks": {
        "force": "NSP", "release_title": "A late rousing check in custody",
        "title": "A rousing check missed while the custody desk was under pressure",
        "themes": ["custody"], "areas": ["custody", "leadership"],
        "summary": "An intoxicated man in custody was on half-hourly rousing checks. The only detention officer "
                   "on duty was called to help with a violent arrival at the booking-in desk, and the next check "
                   "was carried out about 25 minutes late. The man was rousable but had been sick. No harm came to "
                   "him, and the force recorded it as a near-miss.",
        "outcome": "No individual was found to be at fault. The detention officer and the custody sergeant took "
                   "part in a reflective practice discussion about handing over checks under pressure.",
        "questions": {
            "policy_makers_managers": ["How does your force make sure one emergency at the desk cannot stop "
                                       "rousing checks on the whole suite?"],
            "officers_staff": ["If you are called away while you are responsible for checks, how do you hand "
                               "them over, and to whom?"],
            "trainers": ["Does custody refresher training practise handing over checks when the suite is busy?"],
            "call_handlers_custody": ["Does your custody system warn you when a check becomes overdue?"],
        },
    },
    "A single-crewed officer checked a parked car in an underground car park": {
        "force": "WMC", "release_title": "No radio signal underground",
        "title": "Single-crewed, underground and out of radio coverage",
        "themes": ["assault_on_police"], "areas": ["response", "control_room"],
        "summary": "A single-crewed officer checked a car parked in an underground car park late one evening. The "
                   "radio had no signal there. Two men became aggressive and one pushed the officer against the "
                   "car. The emergency button did not get through, and help arrived about four minutes after the "
                   "officer reached the top of the ramp and could call for it.",
        "outcome": "The officer was not seriously hurt and was offered welfare support. No misconduct was "
                   "identified; the learning was about systems, not individuals.",
        "questions": {
            "policy_makers_managers": ["Does your force keep a register of radio coverage gaps, and can the control "
                                       "room see it when deploying?"],
            "officers_staff": ["Before you go somewhere with poor coverage on your own, what do you tell the "
                               "control room?"],
            "trainers": ["Does officer safety training cover what to do when the emergency button cannot get "
                         "through?"],
            "call_handlers_custody": ["How would you know that you were sending a single-crewed officer into a "
                                      "coverage gap?"],
        },
    },
    "A young man detained under section 136 waited nine hours in A&E": {
        "force": "WMC", "release_title": "Nine hours in A&E under section 136",
        "title": "Nine hours in A&E waiting for a place of safety",
        "themes": ["mental_health", "use_of_force"], "areas": ["response", "partnership"],
        "summary": "A young man detained under section 136 waited nine hours in a busy A&E corridor because the "
                   "health-based place of safety was full. He became more distressed and tried to leave twice; "
                   "the second time officers held his arms and walked him back.",
        "outcome": "The officers' use of force was found to be necessary and proportionate. The force and the "
                   "mental health trust agreed a joint review of the escalation arrangements.",
        "questions": {
            "policy_makers_managers": ["What does your agreement with health partners say should happen after two "
                                       "hours' wait for a place of safety?"],
            "officers_staff": ["What can you do to keep a person calm during a long wait in a busy A&E?"],
            "trainers": ["Does your mental health training cover de-escalation in public health settings?"],
        },
    },
    TASER_RCA["summary_starts"]: {
        "force": "NSP", "release_title": "Two Taser cartridges and a machete",
        "title": "A machete in a busy street: when the first Taser cartridge misses",
        "themes": ["use_of_force", "mental_health"], "areas": ["response", "control_room", "firearms"],
        "summary": "A man in mental health crisis was walking along a busy street holding a machete. Two officers "
                   "arrived first and talked to him from a distance while keeping the public back. Taser was fired "
                   "twice: the first cartridge missed and the second was effective. He was handcuffed, given first "
                   "aid for a cut to his hand, taken to hospital and detained under section 136.",
        "outcome": "Both Taser discharges were reviewed and found necessary and proportionate. The officer who "
                   "fired took part in a learning debrief on cartridge range; no misconduct was identified.",
        "questions": {
            "policy_makers_managers": ["How quickly can your force get an armed unit to a person with a bladed "
                                       "weapon in a busy street?"],
            "officers_staff": ["How do you balance a safe distance from an edged weapon against the range of "
                               "your Taser?"],
            "trainers": ["Does your Taser refresher training include a scenario where the first cartridge "
                         "misses?"],
            "call_handlers_custody": ["When a caller describes someone as confused, do you always ask whether they "
                                      "are carrying anything?"],
        },
    },
}

ISSUE = {
    "theme": "Vulnerability, isolation and time",
    "introduction": "This first issue brings together four cases where time mattered: a rousing check that slipped "
                    "while a custody desk was stretched, an officer alone without radio coverage, a long wait in "
                    "A&E for a place of safety, and the minutes before an armed unit could reach a man with a "
                    "machete.\n\n"
                    "None of them is about blame. Each shows how systems, staffing and partnerships shape what "
                    "officers and staff can do, and each ends with questions for you and your force.",
    "articles": [
        ("Why we ask reflective questions", "The learning team",
         "Reading about someone else's incident is easy. Asking whether it could happen in your own team is "
         "harder, and more useful. Each case study ends with questions for managers, for officers and staff, for "
         "trainers and, where relevant, for call handlers and custody staff. Use them in briefings and training, "
         "and tell us what your force did: responses appear in the force response log."),
        ("Right care, right person: working with health partners", "A mental health partnership lead",
         "Two of the cases in this issue involve a person in mental health crisis. Joint "
         "escalation points, advice lines that cover the late shift and a shared view of capacity do more than "
         "any single agency can on its own."),
    ],
}

# (case summary start, audience index, responding force code, response)
RESPONSES = [
    ("A drunk detainee on half-hourly rousing checks", "call_handlers_custody", "WMC",
     "Our custody system now shows an overdue-check alert on every screen in the suite, and late checks are "
     "reviewed at each shift handover."),
    ("A single-crewed officer checked a parked car in an underground car park", "policy_makers_managers", "NSP",
     "We set up a radio coverage gap register and the control room now sees a warning marker when deploying to "
     "a recorded gap."),
    ("A young man detained under section 136 waited nine hours in A&E", "policy_makers_managers", "NSP",
     "Our section 136 protocol now escalates to a duty manager at the trust after two hours' wait."),
    (TASER_RCA["summary_starts"], "trainers", "WMC",
     "Our Taser refresher course now has a scenario in which the first cartridge misses at the edge of range."),
]


def _user(code: str, role: Role) -> User | None:
    from debrief import demo

    return db.session.scalar(select(User).where(User.email == demo.demo_email(code, role)))


def _rca(code: str, summary_starts: str) -> RootCauseAnalysis | None:
    return db.session.scalar(select(RootCauseAnalysis).join(Incident).join(Force, Force.id == Incident.force_id)
                             .where(Force.code == code, Incident.summary.like(summary_starts + "%"),
                                    RootCauseAnalysis.status == "signed_off").order_by(RootCauseAnalysis.id).limit(1))


def _ensure_fourth_rca(password: str) -> None:
    from debrief.demo_rca import seed_rcas

    seed_rcas(password, specs=[TASER_RCA])


def _release(rca: RootCauseAnalysis, title: str) -> CaseStudy | None:
    """The reviewer's release: the anonymiser's text as it stands, every flag justified."""
    from debrief.release import service as release_service

    done = release_service.released_case(rca)
    if done is not None:
        return done
    lead = rca.lead
    found = release_service.flags(rca, release_service.prepared(rca, release_service.release_for(rca)))
    release_service.save_decisions(
        rca, actor=lead, title=title, undone=[], redactions=[],
        justifications={f.code: "Checked with the source: the place and date are general enough." for f in found})
    case_id = release_service.release(rca, actor=lead)
    return db.session.get(CaseStudy, case_id)


def _edit(case: CaseStudy, spec: dict[str, Any], learner: User) -> None:
    if case.status not in (wf.CANDIDATE, wf.IN_EDIT):
        return
    service.update_case_study(
        case, actor=learner, title=spec["title"], themes=spec["themes"], summary=spec["summary"],
        what_happened=case.what_happened, findings_key_learning=case.findings_key_learning,
        action_taken=case.action_taken, outcome_for_individuals=spec["outcome"],
        recommendations=case.recommendations, operational_areas=spec["areas"],
        factor_categories=case.factor_categories)
    have = {(q.audience, q.text) for q in case.questions}
    for audience, texts in spec["questions"].items():
        for text in texts:
            if (audience, text) not in have:
                service.add_question(case, actor=learner, audience=audience, text=text)
    service.approve_case_study(case, actor=learner)


def _issue(learner: User, cases: list[CaseStudy]) -> MagazineIssue:
    issue = db.session.scalar(select(MagazineIssue).where(MagazineIssue.number == 1))
    if issue is None:
        issue = service.create_issue(actor=learner, theme=ISSUE["theme"], introduction=ISSUE["introduction"],
                                     number=1)
    if issue.status == "published":
        return issue
    for case in cases:
        if case.status == wf.APPROVED and case.issue_id is None:
            service.add_to_issue(issue, case, actor=learner)
    titles = {a.title for a in issue.articles}
    for title, contributor, body in ISSUE["articles"]:
        if title not in titles:
            service.add_article(issue, actor=learner, title=title, contributor=contributor, body=body)
    service.publish_issue(issue, actor=learner)
    return issue


def _responses(cases: dict[str, CaseStudy], learner: User) -> int:
    from debrief.publications.responses import approve_force_response, record_force_response

    made = 0
    for starts, audience, code, text in RESPONSES:
        case = cases.get(starts)
        actor = _user(code, Role.REVIEWER)
        question = next((q for q in case.questions if q.audience == audience), None) if case else None
        if question is None or actor is None or any(r.force_id == actor.force_id for r in question.responses):
            continue
        row = record_force_response(question, actor.force, text, utcnow().date(), actor)
        approve_force_response(row, actor=learner)  # moderated like any other: the learning team approves it
        made += 1
    return made


def seed_magazine(password: str) -> int:
    """Release, edit, approve and publish issue 1 with force responses; returns the case studies published now."""
    _ensure_fourth_rca(password)
    learner = _user("NSP", Role.LEARNING)
    if learner is None:
        return 0
    cases: dict[str, CaseStudy] = {}
    for starts, spec in CASE_STUDIES.items():
        rca = _rca(spec["force"], starts)
        if rca is None:
            continue
        case = _release(rca, spec["release_title"])
        if case is None:
            continue
        _edit(case, spec, learner)
        cases[starts] = case
    issue = db.session.scalar(select(MagazineIssue).where(MagazineIssue.number == 1))
    published_before = issue is not None and issue.status == "published"
    issue = _issue(learner, list(cases.values()))
    _responses(cases, learner)
    return 0 if published_before else len(issue.case_studies)
