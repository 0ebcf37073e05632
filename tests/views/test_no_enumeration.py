"""A debrief id in a URL tells nobody whether the debrief exists: a colleague's debrief and a missing id answer the
same 404, page and all."""
from __future__ import annotations

import re

from debrief.auth.roles import Role
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import sign_in


def _page(response) -> str:
    """The page without its per-response CSP nonce and CSRF token."""
    return re.sub(r'(nonce|value)="[^"]*"', r'\1=""', response.get_data(as_text=True))


def test_a_colleagues_debrief_and_a_missing_one_look_the_same(client, people, forces):
    colleague = create_user(force=forces["A"], roles=[Role.OFFICER], email="colleague@aaa.example")
    theirs = submitted_debrief(author=colleague)
    sign_in(client, people[("A", Role.OFFICER)].email)
    for path in ("", "/check", "/submitted", "/reflection"):
        existing = client.get(f"/debriefs/{theirs.id}{path}")
        missing = client.get(f"/debriefs/{theirs.id + 1000}{path}")
        assert existing.status_code == missing.status_code == 404, path
        assert _page(existing) == _page(missing), path
    # Writes too: a post to a colleague's debrief is refused as if it did not exist.
    token = client.get("/debriefs/new").get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[-1]
    token = token.split('"')[0]
    for debrief_id in (theirs.id, theirs.id + 1000):
        assert client.post(f"/debriefs/{debrief_id}/not-there", data={"csrf_token": token}).status_code == 404
