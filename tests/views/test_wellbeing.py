"""Wellbeing stays with welfare: the force's wellbeing contact reads and acknowledges support requests (audited); the
officer sees the acknowledgement; PSD reviewers see only that support was asked for and answered, never the answers
(not on the review page, the RCA, its report or the release); Patterns and the learning team never see them."""
from __future__ import annotations

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, CaseStudy
from debrief.release import service as release_service
from tests.support.factories import audit_count, create_force, create_user
from tests.support.pages import get_page, post_form, sign_in
from tests.support.release_factories import signed_off_rca

WELLBEING = "I have not slept since and dread nights"
SUPPORT = "A confidential chat with occupational health"


def _sign_out(client, page="/"):
    token = get_page(client, "/no-role").csrf_token()
    client.post("/sign-out", data={"csrf_token": token})


def _rca_with_a_support_request(who):
    rca = signed_off_rca(who)
    debrief = rca.incident.debriefs[0]
    debrief.wellbeing_concerns, debrief.support_wanted, debrief.support_details = WELLBEING, True, SUPPORT
    db.session.commit()
    return rca, debrief


def test_reviewers_see_only_that_support_was_asked_for_and_answered(client, who):
    rca, debrief = _rca_with_a_support_request(who)
    contact = create_user(force=who["force"], roles=[Role.WELLBEING], email="welfare@nsp.example")
    other_force = create_force(code="WMC", name="Westmere Constabulary")
    create_user(force=other_force, roles=[Role.WELLBEING], email="welfare@wmc.example")

    sign_in(client, "tom.reilly@nsp.example")
    paths = [f"/review/incidents/{rca.incident_id}", f"/rca/{rca.id}", f"/rca/{rca.id}/chronology",
             f"/rca/{rca.id}/graph", f"/rca/{rca.id}/findings", f"/rca/{rca.id}/recommendations",
             f"/rca/{rca.id}/report", f"/rca/{rca.id}/release", "/patterns/"]
    for path in paths:
        response = client.get(path)
        # The lead opening a change page of a signed-off RCA is sent to its overview with why (nothing shown).
        assert response.status_code in (200, 403) or (
            response.status_code == 302 and response.headers["Location"].endswith(f"/rca/{rca.id}")), path
        text = response.get_data(as_text=True)
        assert WELLBEING not in text and SUPPORT not in text, path
    review = get_page(client, f"/review/incidents/{rca.incident_id}").text()
    assert "Asked for; not yet acknowledged" in review
    _sign_out(client)

    # Another force's wellbeing contact neither sees nor can acknowledge it.
    sign_in(client, "welfare@wmc.example")
    assert WELLBEING not in get_page(client, "/wellbeing/").text()
    token = get_page(client, "/wellbeing/").csrf_token()
    assert client.post(f"/wellbeing/requests/{debrief.id}/acknowledge", data={"csrf_token": token}).status_code == 404
    _sign_out(client)

    sign_in(client, "welfare@nsp.example")
    page = get_page(client, "/wellbeing/")
    assert WELLBEING in page.text() and SUPPORT in page.text() and "Ellie Morgan" in page.text()
    viewed = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "wellbeing.requests_viewed",
                                                        AuditEvent.actor_id == contact.id))
    assert viewed.details == {"count": 1}
    post_form(client, f"/wellbeing/requests/{debrief.id}/acknowledge", {}, form_page="/wellbeing/", status=302)
    assert audit_count("wellbeing.acknowledged") == 1
    assert "Acknowledge request" not in get_page(client, "/wellbeing/").text()
    # Without the CSRF token nothing is acknowledged twice or otherwise.
    assert client.post(f"/wellbeing/requests/{debrief.id}/acknowledge").status_code == 400
    _sign_out(client)

    sign_in(client, "ellie.morgan@nsp.example")
    assert "acknowledged by the force's wellbeing contact" in get_page(client, "/officer").text()
    _sign_out(client)

    sign_in(client, "tom.reilly@nsp.example")
    review = get_page(client, f"/review/incidents/{rca.incident_id}").text()
    assert "Asked for; acknowledged by the force's wellbeing contact" in review
    assert WELLBEING not in review and SUPPORT not in review


def test_the_release_never_carries_wellbeing_answers(who):
    rca, _ = _rca_with_a_support_request(who)
    lead = who["lead"]
    found = release_service.flags(rca, release_service.prepared(rca, release_service.release_for(rca)))
    release_service.save_decisions(rca, actor=lead, title="Alone at night", undone=[], redactions=[],
                                   justifications={f.code: "Reviewed." for f in found})
    case = db.session.get(CaseStudy, release_service.release(rca, actor=lead))
    released = " ".join(case.texts().values())
    assert "slept" not in released and "occupational health" not in released


def test_a_wellbeing_change_in_the_edit_history_is_hidden_from_reviewers(client, who):
    from debrief.models import Amendment

    rca, debrief = _rca_with_a_support_request(who)
    debrief.amendments.append(Amendment(author_id=debrief.author_id, section="wellbeing", reason="Felt worse later",
                                        changes=[{"field": "wellbeing_concerns", "old": "ok", "new": WELLBEING}]))
    db.session.commit()
    sign_in(client, "tom.reilly@nsp.example")
    text = get_page(client, f"/review/incidents/{rca.incident_id}").text()
    assert WELLBEING not in text and "Felt worse later" not in text


def test_the_wellbeing_page_says_one_thing_about_who_reads_it(client, who):
    # It once said "read only by your force's wellbeing contact" above the form and "Only you and reviewers of your
    # force can see this" under the field, and the reason for a change was "kept in the edit history that reviewers
    # can see" (they cannot). Drafting and changing a submitted debrief both say only the officer and the contact.
    from tests.support.factories import submitted_debrief

    author = create_user(force=who["force"], email="writer@nsp.example")
    submitted = submitted_debrief(author=author)
    sign_in(client, "writer@nsp.example")
    text = get_page(client, f"/debriefs/{submitted.id}/wellbeing").text()
    assert "wellbeing contact can read this" in text and "kept in the edit history" in text
    assert "reviewer" not in text.replace("Reviewers see only whether", "").lower()
