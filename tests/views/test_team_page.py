"""The RCA team page's changes through its one POST helper: a new lead, a panel member, each said on the page."""
from __future__ import annotations

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.rca import service
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import get_page, post_form, sign_in


def test_handing_the_lead_over_and_adding_a_member(client, people, forces):
    lead = people[("A", Role.REVIEWER)]
    other = create_user(force=forces["A"], roles=[Role.REVIEWER], email="other@aaa.example", name="Olu Other")
    panel = create_user(force=forces["A"], roles=[Role.REVIEWER], email="panel@aaa.example", name="Pat Panel")
    rca = service.start_rca(submitted_debrief(author=people[("A", Role.OFFICER)]).incident, actor=lead,
                            level="concise", terms_of_reference="Why?")
    sign_in(client, lead.email)
    team = f"/rca/{rca.id}/team"
    post_form(client, f"{team}/members", {"member": str(panel.id)}, form_page=team, status=302)
    assert "Pat Panel has joined the panel. They are asked to declare their interests." in get_page(client, team).text()
    refused = post_form(client, f"{team}/lead", {"lead": ""}, form_page=team, status=400)
    assert refused.error_summary()
    post_form(client, f"{team}/lead", {"lead": str(other.id)}, form_page=team, status=302)
    assert "Olu Other now leads the RCA." in get_page(client, team).text()
    db.session.expire_all()
    assert rca.lead_id == other.id
