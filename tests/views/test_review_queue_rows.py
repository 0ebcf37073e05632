"""The reviewer's queue reads rows, not ORM trees: its incidents come a page at a time (filters kept in the page
links), and the sign-off rule it reads as a query condition says what `can_sign_off` says, person by person."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import (Debrief, Incident, IncidentTheme, RcaTeamMember, RootCauseAnalysis, TimelineEntry, User,
                            utcnow)
from debrief.rca.service import can_sign_off, may_sign_off_clause
from debrief.review import views as review_views
from tests.support.factories import create_force, create_user, submitted_debrief
from tests.support.statements import counting
from tests.support.pages import get_page, sign_in
from tests.support.release_factories import signed_off_rca


def _references(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.html.select(".debrief-queue-table__ref a")
            if a["href"].startswith("/review/incidents/")]


def test_the_queue_comes_a_page_at_a_time_with_its_filters_kept(client, people, monkeypatch):
    monkeypatch.setattr(review_views, "PER_PAGE", 2)
    officer = people[("A", Role.OFFICER)]
    now = datetime.now().replace(microsecond=0)
    debriefs = [submitted_debrief(author=officer, near_miss=i % 2 == 0, occurred_at=now - timedelta(days=10 + i))
                for i in range(5)]
    newest_first = [d.incident.reference for d in debriefs]  # occurred 10, 11, ... days ago
    near_misses = [r for i, r in enumerate(newest_first) if i % 2 == 0]
    sign_in(client, "reviewer@aaa.example")

    first = get_page(client, "/review/")
    assert first.html.select_one(".govuk-table__caption").get_text(strip=True) == "5 incidents"
    assert _references(first) == newest_first[:2]
    assert "Showing incidents 1 to 2 of 5." in first.text()
    pages = {a.get_text(strip=True): a["href"] for a in first.html.select(".govuk-pagination__item a")}
    assert pages == {"1": "/review/?page=1", "2": "/review/?page=2", "3": "/review/?page=3"}
    assert _references(get_page(client, "/review/?page=2")) == newest_first[2:4]
    assert _references(get_page(client, "/review/?page=3")) == newest_first[4:]
    with counting() as statements:
        past = client.get("/review/?near_miss=&page=99")  # past the end: sent to the last page
    assert len(statements) <= 8
    assert past.status_code == 302 and past.headers["Location"] == "/review/?page=3"
    last = get_page(client, "/review/?page=3")
    assert _references(last) == newest_first[4:] and "Showing incidents 5 to 5 of 5." in last.text()

    filtered = get_page(client, "/review/?near_miss=yes")
    assert filtered.html.select_one(".govuk-table__caption").get_text(strip=True) == "3 incidents"
    assert _references(filtered) == near_misses[:2]
    assert filtered.html.select_one(".govuk-pagination__next a")["href"] == "/review/?near_miss=yes&page=2"
    second = get_page(client, "/review/?near_miss=yes&page=2")
    assert _references(second) == near_misses[2:]
    assert second.html.select_one("#near_miss option[selected]")["value"] == "yes"


def test_a_queue_of_one_page_has_no_page_links(client, people):
    submitted_debrief(author=people[("A", Role.OFFICER)])
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, "/review/")
    assert _references(page) != [] and page.html.select(".govuk-pagination") == []
    assert "Showing incidents" not in page.text()


def _debrief_by(author, incident) -> None:
    db.session.add(Debrief(
        incident=incident, author_id=author.id, kind="hot", status="submitted", submitted_at=utcnow(),
        declaration=True, section_status={}, used_force=False, single_crewed=False, hours_on_duty="4_to_8",
        taser_trained=True, taser_carried=True, assaulted=False, any_injuries=False, narrative="I attended.",
        went_well="Calm.", could_differ="Backup.", why_differ="Safer.", wellbeing_concerns="", support_wanted=False,
        timeline=[TimelineEntry(at=time(23, 0), what="Step", source="Me", position=0)]))


def test_the_sign_off_condition_agrees_with_can_sign_off(app, who):
    rca = signed_off_rca(who)
    rca.status = "in_review"
    force = who["force"]
    reviewer = lambda name: create_user(force=force, roles=[Role.REVIEWER], name=name,  # noqa: E731
                                        email=f"{name.lower().replace(' ', '.')}@{force.code.lower()}.example")
    panel, author, reporter, outsider = (reviewer("Pat Panel"), reviewer("Ada Author"), reviewer("Rory Reporter"),
                                         reviewer("Ivy Independent"))
    rca.team.append(RcaTeamMember(user_id=panel.id, role="member"))
    _debrief_by(author, rca.incident)
    other = submitted_debrief(author=who["officer"])  # an incident Rory reported, and nothing else
    other.incident.reporter_id = reporter.id
    elsewhere = create_user(force=create_force(code="ELS", name="Elsewhere Police"), roles=[Role.REVIEWER])
    db.session.commit()
    second_rca_incident = db.session.get(Incident, other.incident_id)
    rca_two = RootCauseAnalysis(incident_id=second_rca_incident.id, force_id=force.id, lead_id=who["lead"].id,
                                started_on=utcnow().date(), due_on=utcnow().date(), status="in_review")
    draft = RootCauseAnalysis(incident_id=submitted_debrief(author=who["officer"]).incident_id, force_id=force.id,
                              lead_id=who["lead"].id, started_on=utcnow().date(), due_on=utcnow().date())
    db.session.add_all([rca_two, draft])
    db.session.commit()

    people = [who["lead"], who["second"], who["officer"], who["colleague"], panel, author, reporter, outsider,
              elsewhere]
    seen = {}
    for record in (rca, rca_two, draft):
        for person in people:
            by_query = db.session.scalar(select(RootCauseAnalysis.id).where(
                RootCauseAnalysis.id == record.id, may_sign_off_clause(person.id, person.force_id))) is not None
            assert by_query == can_sign_off(record, person), (record.id, person.name)
            seen[record.id, person.name] = by_query
    # Each reason to refuse is met at least once, and someone may sign off each RCA in review.
    assert seen[rca.id, "Meera Joshi"] and seen[rca.id, "Ivy Independent"] and seen[rca_two.id, "Ada Author"]
    assert not any(seen[rca.id, name] for name in ("Tom Reilly", "Ellie Morgan", "Neil Dawson", "Pat Panel",
                                                   "Ada Author", elsewhere.name))
    assert not seen[rca_two.id, "Rory Reporter"] and not any(seen[draft.id, p.name] for p in people)


def test_the_queue_rows_and_filter_form_built_in_python_escape_what_they_show(client, people):
    """review/markup.py writes the rows and keeps the filter form once drawn: markup typed into a reference, a stored
    theme code or a filter comes out as text, and each set of filters gets its own form."""
    officer = people[("A", Role.OFFICER)]
    debrief = submitted_debrief(author=officer, near_miss=True)
    incident = db.session.get(Incident, debrief.incident_id)
    incident.reference = '<b id="ref">R&D</b>'
    db.session.add(IncidentTheme(incident_id=incident.id, theme='<i id="typed-theme">retired</i>'))
    db.session.add(IncidentTheme(incident_id=incident.id, theme="custody"))
    reviewer = db.session.scalar(select(User).where(User.email == "reviewer@aaa.example"))
    db.session.add(RootCauseAnalysis(incident_id=incident.id, force_id=incident.force_id, lead_id=reviewer.id,
                                     started_on=utcnow().date(), due_on=utcnow().date()))
    db.session.commit()
    sign_in(client, "reviewer@aaa.example")

    page = get_page(client, "/review/")
    assert page.html.select("#ref, #typed-theme") == []  # shown as text, not as elements
    row = next(td.parent for td in page.html.select("td[data-label=Reference]")
               if td.get_text() == '<b id="ref">R&D</b>')
    cells = {td["data-label"]: td for td in row.select("td")}
    assert cells["Types"].get_text() == '<i id="typed-theme">retired</i>, Custody, Use of force'
    assert cells["Kind"].get_text() == "Near-miss" and cells["Debriefs submitted"].get_text() == "1 of 1"
    assert cells["RCA"].select_one("a").get_text() == 'RCA of <b id="ref">R&D</b>'
    assert cells["RCA"].select_one("strong.govuk-tag.govuk-tag--grey").get_text() == "Draft"
    assert cells["Reference"].select_one("a")["href"] == f"/review/incidents/{incident.id}"

    typed = get_page(client, '/review/?from=%22%3E%3Cb+id%3Dfrom%3E&near_miss=yes')
    assert typed.html.select("#from b, b#from") == [] and typed.html.select_one("input#from")["value"] == '"><b id=from>'
    assert typed.html.select_one("#near_miss option[selected]")["value"] == "yes"
    assert typed.html.select_one("#from-error").get_text() == "Error: Enter a real ‘From’ date, for example 2026-03-27"
    again = get_page(client, "/review/?near_miss=no")  # another set of filters: its own form, not the one kept
    assert again.html.select_one("#near_miss option[selected]")["value"] == "no"
    assert again.html.select("#from-error") == [] and again.html.select_one("input#from")["value"] == ""


def test_a_filter_value_that_is_none_of_its_choices_is_said_not_silently_ignored(client, people):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, "/review/?theme=nonsense&near_miss=maybe&injury=yes")
    summary = [a.get_text(strip=True) for a in page.html.select(".govuk-error-summary__list a")]
    assert summary == ["Choose an incident type from the list: showing every type",
                       "Choose Any, Yes or No for ‘Near-miss’: showing both"]
    assert page.html.select_one("#theme-error").get_text() == \
        "Error: Choose an incident type from the list: showing every type"
    assert page.html.select_one("#near_miss")["aria-describedby"] == "near_miss-error"
    assert page.html.select_one("#injury option[selected]")["value"] == "yes"  # the valid filter still applies
    assert page.html.select("#injury-error") == []
    typed = get_page(client, "/review/?to=31-02-2026")
    assert typed.html.select_one("#to-error").get_text() == "Error: Enter a real ‘To’ date, for example 2026-03-27"
