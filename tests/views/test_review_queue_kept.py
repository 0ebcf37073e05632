"""The RCAs above the review queue and the queue's rows are kept parts (debrief.fragments): each reviewer sees their
own lists, in any order of views, and a change shows on the next view."""
from __future__ import annotations

from debrief.extensions import db
from debrief.fragments import EXTENSION
from debrief.rca import service
from tests.support.pages import get_page, sign_in
from tests.views.test_stale_tabs import in_review, incident, lead, reviewers  # noqa: F401  (fixtures)


def _section(page, heading: str) -> str:
    for h2 in page.html.select("h2.govuk-heading-m"):
        if h2.get_text(strip=True).startswith(heading):
            return " ".join(h2.parent.get_text(" ").split())
    return ""


def test_each_reviewer_sees_their_own_rcas_and_each_change_on_the_next_view(app, in_review, lead, reviewers):
    leads, seconds = app.test_client(), app.test_client()
    sign_in(leads, lead.email)
    sign_in(seconds, reviewers[0].email)
    reference = in_review.incident.reference
    for _ in range(2):  # the second round from the kept parts
        mine, theirs = get_page(leads, "/review/"), get_page(seconds, "/review/")
        assert reference in _section(mine, "Your root-cause analyses (1)") and not _section(mine, "Awaiting")
        assert reference in _section(theirs, "Awaiting your sign-off (1)")
        assert not _section(theirs, "Your root-cause analyses")
    assert app.extensions[EXTENSION].items

    service.return_for_changes(in_review, actor=reviewers[0], comment="More on the roster")
    db.session.commit()
    mine, theirs = get_page(leads, "/review/"), get_page(seconds, "/review/")
    assert "Returned for changes" in _section(mine, "Your root-cause analyses (1)")
    assert not _section(theirs, "Awaiting")
