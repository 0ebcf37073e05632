"""Every page the route x role matrix visits, and every RCA page in each state, is free of escaped markup,
"None" hints and doubled words."""
from __future__ import annotations

import pytest

from debrief.auth.roles import Role
from tests.support.markup import markup_problems, watch
from tests.views import test_permissions


@pytest.mark.parametrize("html, expected", [
    ('<p>See &lt;a href="x"&gt;</p>', ["escaped markup '&lt;a '"]),
    ("<p>One&lt;br&gt;two</p>", ["escaped markup '&lt;br'"]),
    ('<div class="govuk-hint" id="x-hint">None</div>', ["a hint reading None (#x-hint)"]),
    ("<p>Hot debrief debrief by Sam</p>", ["doubled words 'debrief debrief'"]),
    ("<p>Seen by the the reviewer</p>", ["doubled words 'the the '", "doubled word 'the the'"]),
    ("<p>Wellbeing</p><p>Wellbeing support</p>", []),
    ("<p>Signed off, signed off by Sam</p>", ["doubled words 'signed off, signed off'"]),
    ("<p>A <a href='x'>link</a> and <br> a paragraph</p>", []),
])
def test_the_checker_finds_what_it_should(html, expected):
    assert markup_problems(html) == expected


@pytest.mark.parametrize("who", [Role.OFFICER, Role.REVIEWER, Role.LEARNING, Role.ADMIN])
def test_no_page_of_the_route_matrix_shows_escaped_markup_or_none(app, client, people, who):
    found = watch(app)
    test_permissions.test_route_role_matrix(client, people, who)
    assert found == []
