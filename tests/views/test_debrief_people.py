"""Who was involved, through the real forms (CSRF on): colleagues found by search, colleagues without an account,
"I was not there", corrections to the shared sections after submission, and the anonymiser's deny list."""
from __future__ import annotations

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, Debrief, IncidentOfficer, RootCauseAnalysis
from debrief.release.service import identifiers
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import get_page, post_form, sign_in
from tests.views.test_debriefs import start, step_url


def _people(d) -> str:
    return step_url(d, "people")


def _search(client, d, q: str):
    return get_page(client, f"{_people(d)}?q={q}")


def _found(page) -> list[str]:
    results = page.html.find(id="search-results")
    return [" ".join(li.get_text(" ").split()) for li in results.find_next("ul").find_all("li")] if \
        results and results.find_next("ul", class_="govuk-list") else []


def test_search_offers_only_officers_and_staff_of_the_force_by_name_or_collar(client, people, forces):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    create_user(force=forces["A"], name="Priya Shah", collar_number="4521")
    create_user(force=forces["A"], name="Priya Reviewer", roles=[Role.OFFICER, Role.REVIEWER], collar_number="4522")
    create_user(force=forces["A"], name="Priya Trainer", roles=[Role.LEARNING], collar_number="4523")
    create_user(force=forces["B"], name="Priya Elsewhere", collar_number="4524")
    gone = create_user(force=forces["A"], name="Priya Left", collar_number="4525")
    gone.active = False
    db.session.commit()

    page = _search(client, d, "priya")
    assert page.html.find(id="search-results").get_text(" ").split()[:2] == ["1", "colleague"]
    assert "Priya Shah (4521)" in page.text()
    for hidden in ("Priya Reviewer", "Priya Trainer", "Priya Elsewhere", "Priya Left"):
        assert hidden not in page.text()
    assert "Priya Shah (4521)" in _search(client, d, "452").text()  # collar numbers match from the start
    assert "Priya Shah" not in _search(client, d, "521").text()
    # Typed as people type them, a number matches its kept form.
    create_user(force=forces["A"], name="Kieran Walsh", collar_number="NS5096")
    for typed in ("ns 5096", "NS-50", "ns5"):
        assert "Kieran Walsh (NS5096)" in _search(client, d, typed).text(), typed
    # The whole force is never listed: an empty search asks for words.
    empty = _search(client, d, "")
    assert "Enter a name or collar number to search for" in empty.text() and "Priya" not in empty.text()
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "debrief.colleagues_searched")) is not None


def test_adding_a_found_colleague_asks_for_their_debrief_and_a_reviewer_cannot_be_added(client, people, forces):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    priya = create_user(force=forces["A"], name="Priya Shah", collar_number="4521")
    post_form(client, f"/debriefs/{d.id}/people/colleagues", {"user_id": str(priya.id)}, status=302,
              form_page=_people(d))
    reviewer = people[("A", Role.REVIEWER)]
    refused = post_form(client, f"/debriefs/{d.id}/people/colleagues", {"user_id": str(reviewer.id)},
                        form_page=_people(d), follow=True)
    assert "Select an officer or member of staff of your force" in refused.text()
    db.session.expire_all()
    named = {o.user_id for o in db.session.get(Debrief, d.id).incident.officers}
    assert priya.id in named and reviewer.id not in named
    request = db.session.scalar(select(Debrief).where(Debrief.author_id == priya.id))
    assert request.status == "requested"
    # A colleague already named is not offered again.
    assert "Priya Shah" not in _search(client, d, "priya").html.find(id="search-results").find_next("p").text


def test_a_colleague_without_an_account_is_kept_and_on_the_deny_list(client, people):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    url = f"/debriefs/{d.id}/people/other"
    missing = post_form(client, url, {"name": "Dan Hughes", "collar_number": "", "force_name": ""}, status=200)
    assert missing.error_summary() == ["Enter the colleague's collar or staff number",
                                       "Enter the colleague's force or organisation"]
    assert missing.html.find("input", attrs={"name": "name"})["value"] == "Dan Hughes"
    assert not db.session.get(Debrief, d.id).incident.officers or \
        all(o.name is None for o in db.session.get(Debrief, d.id).incident.officers)
    post_form(client, url, {"name": "Dan Hughes", "collar_number": "BT 812", "force_name": "British Transport Police",
                            "role_on_day": "response"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    other = next(o for o in d.incident.officers if o.user_id is None)
    assert (other.name, other.collar_number, other.force_name, other.role_on_day) == (
        "Dan Hughes", "BT 812", "British Transport Police", "response")
    assert "Dan Hughes" in get_page(client, _people(d)).text()
    # Nobody is asked for a debrief, and the release's deny list holds the name and number.
    assert len(d.incident.debriefs) == 1
    ids = identifiers(RootCauseAnalysis(incident=d.incident, lead=people[("A", Role.REVIEWER)]))
    assert "Dan Hughes" in ids["people"] and "BT 812" in ids["collar_numbers"]
    db.session.rollback()


def test_a_named_colleague_says_they_were_not_there_and_the_creator_sees_it(client, people, forces):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    priya = create_user(force=forces["A"], name="Priya Shah", email="priya@aaa.example", collar_number="4521")
    post_form(client, f"/debriefs/{d.id}/people/colleagues", {"user_id": str(priya.id)}, status=302,
              form_page=_people(d))
    request = db.session.scalar(select(Debrief).where(Debrief.author_id == priya.id))
    other = client.application.test_client()
    sign_in(other, "priya@aaa.example")
    assert "I was not there" in get_page(other, "/officer").text()
    url = f"/debriefs/{request.id}/not-there"
    unconfirmed = post_form(other, url, {"note": "I was on leave"}, status=200)
    assert unconfirmed.error_summary() == ["Confirm that you were not at this incident"]
    post_form(other, url, {"confirm": "y", "note": "I was on leave; it was PC Shaw"}, status=302)
    db.session.expire_all()
    assert db.session.get(Debrief, request.id).status == "not_there"
    home = get_page(other, "/officer").text()
    assert "You said you were not there" in home and "Asked to add your debrief (" not in home
    assert get_page(other, f"/debriefs/{request.id}", status=302)
    # The creator sees it beside the name, with the note.
    page = get_page(client, _people(d)).text()
    assert "Says they were not there" in page and "I was on leave; it was PC Shaw" in page
    # The colleague cannot say it twice, nor about a debrief someone else was asked for.
    assert post_form(other, f"/debriefs/{request.id}/not-there", {"confirm": "y"}, status=302,
                     form_page="/officer").status == 302
    assert client.get(f"/debriefs/{request.id}/not-there").status_code == 404  # not theirs: as if missing


def test_creator_corrects_about_the_incident_after_submission_with_a_reason(client, people):
    officer = people[("A", Role.OFFICER)]
    d = submitted_debrief(author=officer)
    sign_in(client, "officer@aaa.example")
    check = get_page(client, f"/debriefs/{d.id}/check")
    assert check.html.find("a", href=step_url(d, "about")) is not None
    page = get_page(client, step_url(d, "about"))
    data = {name: page.html.find("input", attrs={"name": name})["value"]
            for name in ("occurred_time", "place")}
    day = d.incident.occurred_at
    form = {"occurred_date": [str(day.day), str(day.month), str(day.year)], "occurred_time": data["occurred_time"],
            "near_miss": "no", "location_type": "street", "place": "Outside the library", "themes": ["use_of_force"],
            "summary": d.incident.summary}
    no_reason = post_form(client, step_url(d, "about"), form, status=200)
    assert no_reason.error_summary() == ["Enter why you are changing your submitted debrief"]
    post_form(client, step_url(d, "about"), {**form, "reason": "Wrong street"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert d.incident.place == "Outside the library"
    assert [(a.section, a.reason) for a in d.amendments] == [("about", "Wrong street")]
    assert {"field": "place", "old": data["place"], "new": "Outside the library"} in d.amendments[0].changes


def test_only_the_creator_corrects_the_shared_sections(client, people, forces):
    reporter = people[("A", Role.OFFICER)]
    colleague = create_user(force=forces["A"], email="priya@aaa.example")
    d = submitted_debrief(author=colleague, reporter=reporter)
    sign_in(client, "priya@aaa.example")
    page = get_page(client, step_url(d, "about"))
    assert page.html.find("input", attrs={"name": "place"}) is None
    assert client.get(f"/debriefs/{d.id}/people/other").status_code == 403


def test_creator_changes_people_after_submission_through_an_amendment(client, people, forces):
    officer = people[("A", Role.OFFICER)]
    d = submitted_debrief(author=officer)
    priya = create_user(force=forces["A"], name="Priya Shah", collar_number="4521")
    sign_in(client, "officer@aaa.example")
    url = f"/debriefs/{d.id}/people/colleagues"
    asked = post_form(client, url, {"user_id": str(priya.id)}, status=200, form_page=_people(d))
    assert asked.h1 == "Why are you changing the people involved?"
    assert priya.id not in {o.user_id for o in db.session.get(Debrief, d.id).incident.officers}
    blank = post_form(client, url, {"user_id": str(priya.id), "reason": " "}, status=200, form_page=_people(d))
    assert blank.error_summary() == ["Enter why you are changing your submitted debrief"]
    post_form(client, url, {"user_id": str(priya.id), "reason": "Forgot Priya"}, status=302, form_page=_people(d))
    post_form(client, f"/debriefs/{d.id}/people/other", {
        "name": "Dan Hughes", "collar_number": "BT 812", "force_name": "British Transport Police",
        "reason": "BTP attended too"}, status=302)
    post_form(client, _people(d), {"role_on_day": "custody", "reason": "I was the custody officer"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert [(a.section, a.reason) for a in d.amendments] == [
        ("people", "Forgot Priya"), ("people", "BTP attended too"), ("people", "I was the custody officer")]
    assert d.amendments[0].changes == [{"field": "officers_and_staff", "old": None, "new": "Priya Shah (4521)"}]
    assert d.amendments[1].changes[0]["new"] == "Priya Shah (4521); Dan Hughes (BT 812, British Transport Police)"
    assert d.amendments[2].changes == [{"field": "role_on_day", "old": None, "new": "custody"}]
    assert db.session.scalar(select(Debrief).where(Debrief.author_id == priya.id)).status == "requested"
    dan = db.session.scalar(select(IncidentOfficer.id).where(IncidentOfficer.name == "Dan Hughes"))
    post_form(client, f"/debriefs/{d.id}/people/colleagues/{dan}/remove", {"reason": "Not BTP after all"},
              status=302, form_page=_people(d))
    db.session.expire_all()
    assert db.session.get(IncidentOfficer, dan) is None
    assert db.session.get(Debrief, d.id).amendments[-1].reason == "Not BTP after all"


def test_members_of_the_public_are_corrected_after_submission_with_a_reason(client, people):
    d = submitted_debrief(author=people[("A", Role.OFFICER)])
    sign_in(client, "officer@aaa.example")
    url = f"/debriefs/{d.id}/people/add"
    person = {"role": "subject", "age_band": "18_34", "sex": "male", "ethnicity": "asian",
              "ethnicity_basis": "self_defined", "disability_known": "no"}
    no_reason = post_form(client, url, person, status=200)
    assert no_reason.error_summary() == ["Enter why you are changing your submitted debrief"]
    assert db.session.get(Debrief, d.id).incident.public == []
    post_form(client, url, {**person, "reason": "Left him out"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert len(d.incident.public) == 1
    assert d.amendments[-1].changes == [{"field": "members_of_the_public", "old": 0, "new": 1}]
    remove = f"/debriefs/{d.id}/people/{d.incident.public[0].id}/remove"
    asked = post_form(client, remove, {}, status=200, form_page=_people(d))
    assert asked.h1 == "Why are you changing the people involved?"
    post_form(client, remove, {"reason": "Counted twice"}, status=302, form_page=_people(d))
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert d.incident.public == [] and d.amendments[-1].reason == "Counted twice"
