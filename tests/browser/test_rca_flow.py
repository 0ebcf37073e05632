"""End to end, as a careful reviewer works: the team and its declarations, a chronology that sorts itself and shows
dates, the outcome reworded, the structured report, recommendations with strengths, a return for changes that is
acted on, the second reviewer's sign-off, and the report PDF rendered and read back."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from debrief.demo import DEMO_PASSWORD
from debrief.extensions import db
from debrief.auth.roles import Role
from debrief.models import Incident, RootCauseAnalysis
from debrief.rca.service import team
from tests.browser.conftest import SCREENSHOTS, check_accessibility, follow, screenshot, sign_in
from tests.support.factories import create_user
from tests.support.markup import markup_problems

pytestmark = pytest.mark.browser


def _go(page, link_name: str) -> None:
    follow(page.get_by_role("link", name=link_name, exact=True))
    check_accessibility(page)
    assert markup_problems(page.content()) == [], page.url


def _sign_out(page) -> None:
    follow(page.get_by_role("button", name="Sign out"))


def _add_factor(page, label: str, category: str, evidence: str, document: str | None = None) -> None:
    page.get_by_label("Contributory factor").fill(label)
    page.get_by_label(category, exact=True).check()
    page.get_by_label(evidence, exact=True).check()
    if document:
        page.get_by_label("Document", exact=True).fill(document)
    check_accessibility(page)
    follow(page.get_by_role("button", name="Save"))


def test_reviewer_builds_an_rca_and_a_second_reviewer_signs_it_off(page, app, demo_data):
    incident = db.session.scalar(select(Incident).where(
        Incident.reference.like("DEMO-NSP-%"), Incident.summary.like("A woman in crisis%")).order_by(Incident.id))
    assert db.session.scalar(select(RootCauseAnalysis.id).where(RootCauseAnalysis.incident_id == incident.id)) is None

    panel = create_user(force=incident.force, roles=[Role.REVIEWER], email="panel@nsp.example.police.uk",
                        name="Priya Panel", password=DEMO_PASSWORD)
    day = incident.occurred_at.date()
    next_day = day + timedelta(days=1)

    sign_in(page, "reviewer@nsp.example.police.uk", DEMO_PASSWORD)
    page.goto(f"/review/incidents/{incident.id}")
    follow(page.get_by_role("link", name="Start a root-cause analysis"))
    check_accessibility(page)
    page.get_by_label("Concise").check()
    page.get_by_label("Terms of reference").fill("How the crisis on the bridge was handled, and how the wait for "
                                                 "the place of safety could be shorter.")
    follow(page.get_by_role("button", name="Start the RCA"))
    assert "The chronology has been built" in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page)

    # The team: a panel member joins, the lead declares no conflict, the panel member declares one.
    _go(page, "Team")
    page.get_by_label("Add a panel member").select_option(label="Priya Panel")
    follow(page.get_by_role("button", name="Add to the panel"))
    assert "Priya Panel has joined the panel" in page.locator(".govuk-notification-banner").inner_text()
    page.get_by_label("No", exact=True).check()
    follow(page.get_by_role("button", name="Save my declaration"))
    rca_id = int(re.search(r"/rca/(\d+)", page.url).group(1))
    rca = db.session.get(RootCauseAnalysis, rca_id)
    team.declare_interests(rca, actor=panel, has_conflict=True, detail="Trained one of the officers last year")
    page.reload()
    table = page.locator("table").first.inner_text()
    assert "No conflict of interest" in table and "Declared an interest: Trained one of the officers" in table
    check_accessibility(page)

    # Problems come from the chronology.
    _go(page, "Chronology")
    rows = page.locator("tbody tr")
    assert rows.count() >= 3
    first_time = rows.nth(0).locator("td").first.inner_text()
    # Two entries added out of order: one in the middle of the evening, one after midnight. Each takes its
    # place by date and time, and the one on the next day shows its date with the year.
    for on, at, what, source in ((next_day, "00:30", "Handed over at the place of safety", "Body-worn video"),
                                 (day, "21:55", "Second caller described where she was sitting", "A call recording")):
        _go(page, "Add an entry")
        page.get_by_label("Day").fill(str(on.day))
        page.get_by_label("Month").fill(str(on.month))
        page.get_by_label("Year").fill(str(on.year))
        page.get_by_label("Time").fill(at)
        page.get_by_label("What happened").fill(what)
        page.get_by_label(source, exact=True).check()
        page.get_by_label("Neither").check()
        follow(page.get_by_role("button", name="Save entry"))
    whens = page.locator("tbody tr td:first-child").all_inner_texts()
    whats = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
    same_day = [w for w in whens if len(w) == 5]
    assert whens[0] == first_time and same_day == sorted(same_day) and whens[:len(same_day)] == same_day
    assert whats.index("Second caller described where she was sitting") < len(whats) - 1
    assert whens[whats.index("Second caller described where she was sitting")] == "21:55"
    assert whats[-1] == "Handed over at the place of safety"
    assert whens[-1] == f"{next_day.day} {next_day:%B %Y}, 00:30"
    check_accessibility(page)
    screenshot(page, "rca-chronology")
    follow(page.get_by_role("button", name=re.compile(r"^Mark as problem\W+entry 2$")))
    follow(page.get_by_role("button", name=re.compile(r"^Mark as problem\W+entry 3$")))
    assert page.locator("tbody tr").filter(has_text="Service delivery problem").count() == 2

    # Factors with categories and evidence, asked of the first problem.
    _go(page, "Factor graph")
    follow(page.get_by_role("link", name=re.compile("^What contributed to this")).first)
    check_accessibility(page)
    _add_factor(page, "Place of safety full with no escalation out of hours", "Partner agencies", "A document "
                "(policy, log, training record)", "Section 136 protocol")
    follow(page.get_by_role("link", name=re.compile("^What contributed to this")).first)
    _add_factor(page, "No negotiator available at night", "Team and supervision", "Not yet evidenced")

    # A 5-whys chain from the second problem.
    follow(page.get_by_role("link", name=re.compile("^Ask 5 whys")).nth(1))
    check_accessibility(page)
    page.locator("#why_1").fill("Officers waited with her at the roadside")
    page.locator("#category_1").select_option("physical_environment")
    page.locator("#why_2").fill("No ambulance was free to take her")
    page.locator("#category_2").select_option("partner_agencies")
    page.locator("#why_3").fill("Ambulance demand was at its winter peak")
    page.locator("#category_3").select_option("organisational_strategic")
    follow(page.get_by_role("button", name="Add the chain"))
    assert "5-whys chain has been added" in page.locator(".govuk-notification-banner").inner_text()

    # A loop is refused with a message naming it.
    page.get_by_label("This item").select_option(label="Contributory factor: Ambulance demand was at its winter peak")
    page.get_by_label("contributed to").select_option(label="Contributory factor: Ambulance demand was at its winter peak")
    follow(page.get_by_role("button", name="Add link"))
    assert "cannot contribute to itself" in page.locator(".govuk-error-summary").inner_text()
    check_accessibility(page)

    follow(page.get_by_role("button", name=re.compile(r"^Confirm as root cause\W+Place of safety full")))
    assert page.locator(".debrief-drawing svg").count() == 1
    assert "The graph as text" in page.content()
    check_accessibility(page)
    screenshot(page, "rca-graph")

    # The outcome, first the summary's opening sentence, is reworded like any item.
    db.session.expire_all()
    outcome = next(n for n in db.session.get(RootCauseAnalysis, rca_id).nodes if n.kind == "outcome")
    follow(page.locator(f"#item-{outcome.id}").get_by_role("link", name=re.compile("^Edit")))
    check_accessibility(page)
    page.get_by_label("Short description").fill("Woman in crisis waited at the roadside for the place of safety")
    follow(page.get_by_role("button", name="Save"))
    assert "The item has been saved" in page.locator(".govuk-notification-banner").inner_text()
    assert "Woman in crisis waited at the roadside" in page.locator("#text-alternative ~ ul").first.inner_text()

    _go(page, "Fishbone")
    assert page.locator(".debrief-drawing svg").count() == 1
    screenshot(page, "rca-fishbone")

    # The structured report, a section at a time; paragraphs and a list survive.
    _go(page, "Write the report")
    page.get_by_label("Executive summary").fill(
        "The place of safety had no capacity and no agreed escalation when full, so the wait fell on officers at "
        "the roadside.\n\nThe officers kept her safe throughout.")
    page.get_by_label("Description of the incident and its consequences").fill(
        "A woman in crisis sat outside the bridge railings; she came back over and waited hours for a bed.")
    page.get_by_label("How the people affected were involved and supported").fill(
        "She and her sister were told of the review and asked what it should answer. Both officers were offered "
        "welfare support.")
    page.get_by_label("Lessons learned").fill("- A full place of safety needs an escalation route\n- Nights need a negotiator")
    page.get_by_label("Arrangements for sharing learning").fill("Briefed to district inspectors; released to the "
                                                                "learning team.")
    follow(page.get_by_role("button", name="Save the report"))

    # A recommendation with two actions.
    _go(page, "Recommendations and actions")
    _go(page, "Add a recommendation")
    page.get_by_label("Recommendation").fill("Agree an escalation point with the mental health trust.")
    page.get_by_label("High", exact=True).check()
    page.get_by_label("This force", exact=True).check()
    page.get_by_label("Strong", exact=True).check()
    page.get_by_label("Place of safety full with no escalation out of hours").check()
    follow(page.get_by_role("button", name="Save recommendation"))
    due = date.today() + timedelta(days=60)
    for n, (action, owner) in enumerate([("Revise the section 136 protocol", "Mental health partnership lead"),
                                         ("Brief control room supervisors", "Control room training team")]):
        if n:
            follow(page.get_by_role("link", name="Add an action to recommendation 1"))
        check_accessibility(page)
        page.get_by_label("Action", exact=True).fill(action)
        page.get_by_label("Owner").fill(owner)
        page.get_by_label("Day").fill(str(due.day))
        page.get_by_label("Month").fill(str(due.month))
        page.get_by_label("Year").fill(str(due.year))
        page.get_by_label("Measure of success").fill("Protocol signed by both organisations")
        page.get_by_label("Open", exact=True).check()
        follow(page.get_by_role("button", name="Save action"))
    assert page.locator("tbody tr").count() == 2
    assert "1 strong, 0 intermediate, 0 weak" in page.locator("#strength-mix").inner_text()
    assert page.locator("#all-weak").count() == 0
    check_accessibility(page)

    _go(page, "Overview")
    follow(page.get_by_role("button", name="Send for review"))
    assert "Sent for review" in page.locator(".govuk-notification-banner").inner_text()
    # The author cannot sign off their own RCA.
    assert page.get_by_role("button", name="Confirm decision").count() == 0
    assert "the lead reviewer cannot sign off their own" in page.content()
    rca_url = page.url
    _sign_out(page)

    # The second reviewer finds it waiting, and returns it with a comment beside the lessons.
    sign_in(page, "reviewer2@nsp.example.police.uk", DEMO_PASSWORD)
    page.goto("/review/")
    assert page.locator("#awaiting-sign-off").get_by_role("link", name=incident.reference).count() == 1
    check_accessibility(page)
    page.goto(rca_url)
    check_accessibility(page)
    page.get_by_label("Return it for changes").check()
    page.get_by_label("Comment", exact=True).fill("Nearly there: see the lessons.")
    page.locator("summary", has_text="Comment on particular sections").click()
    page.get_by_label("Comment on lessons learned (optional)").fill("Say what other forces can take from this.")
    follow(page.get_by_role("button", name="Confirm decision"))
    assert "returned to the lead reviewer" in page.locator(".govuk-notification-banner--success").inner_text()
    _sign_out(page)

    # The lead sees the comment beside the section it concerns, acts on it and sends it again.
    sign_in(page, "reviewer@nsp.example.police.uk", DEMO_PASSWORD)
    page.goto(rca_url)
    assert "Returned for changes" in page.content() and "Say what other forces can take from this." in page.content()
    check_accessibility(page)
    _go(page, "Write the report")
    assert "Say what other forces can take from this." in page.locator("#comment-lessons").inner_text()
    page.get_by_label("Lessons learned").fill("- A full place of safety needs an escalation route\n"
                                              "- Any force can check its out-of-hours escalation with its trust")
    follow(page.get_by_role("button", name="Save the report"))
    follow(page.get_by_role("button", name="Send for review"))
    _sign_out(page)

    sign_in(page, "reviewer2@nsp.example.police.uk", DEMO_PASSWORD)
    page.goto(rca_url)
    assert "Changed since the last time: Lessons learned" in page.locator("#changes").inner_text()
    check_accessibility(page)
    page.get_by_label("Sign off").check()
    follow(page.get_by_role("button", name="Confirm decision"))
    assert "signed off" in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page)
    _go(page, "Report")
    assert "Root-cause analysis report" in page.content()
    headings = page.locator("main h2").all_inner_texts()
    assert [h.split(". ", 1)[1] for h in headings if re.match(r"^\d+\. ", h)][:3] == [
        "Executive summary", "Description of the incident and its consequences",
        "How the people affected were involved and supported"]
    assert page.locator("main li", has_text="Any force can check its out-of-hours escalation").count() == 1
    screenshot(page, "rca-report")

    # The PDF, rendered to an image and read back: the sections and the chronology's dates are there.
    import pypdfium2

    pdf_bytes = page.request.get(rca_url + "/report.pdf").body()
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    flat = " ".join(text.split())
    for heading in ("Executive summary", "Service delivery problems", "Contributory factors", "Root causes",
                    "Notable practice", "Lessons learned", "Recommendations", "Arrangements for sharing learning"):
        assert heading in flat, heading
    assert f"{next_day.day} {next_day:%B %Y}, 00:30" in flat and f"{day.day} {day:%B %Y}, 21:55" in flat
    assert "Strength" in flat and "Strong" in flat
    image = pdf[0].render(scale=1.5).to_pil()
    SCREENSHOTS.mkdir(exist_ok=True)
    png = SCREENSHOTS / "rca-report-pdf-page1.png"
    image.save(png)
    assert image.size[0] > 800 and png.stat().st_size > 10_000
    rca = db.session.scalar(select(RootCauseAnalysis).where(RootCauseAnalysis.incident_id == incident.id))
    db.session.refresh(rca)
    assert rca.status == "signed_off" and rca.signed_off_by.email == "reviewer2@nsp.example.police.uk"
