"""Every page each demo role can reach from its home, within two clicks, is laid out on a 390 px phone without
scrolling sideways (the page fixture checks each page it opens). Tests of journeys open the pages their journey
needs; this one opens the pages nobody's journey happened to, with the demo's longer names and lists."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from debrief.auth.roles import Role
from debrief.demo import DEMO_PASSWORD, demo_email
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

HOMES = {"officer": "/officer", "reviewer": "/review/", "learning": "/learning/case-studies",
         "admin": "/admin/users", "wellbeing": "/wellbeing/", "national_admin": "/national/learning-team"}
PAGES_PER_ROLE = 40
# The wellbeing contact's pages act through buttons (acknowledge): its home is the one page it reaches by links.
AT_LEAST = {"wellbeing": 1}
# Not pages: downloads, and links that act (sign out is a form, but keep to GETs that only read).
SKIP = (".csv", ".pdf", ".svg", ".png", ".html", "/sign-out", "/download", "export")


def _links(page) -> list[str]:
    hrefs = page.eval_on_selector_all("main a[href], nav a[href]", "els => els.map(e => e.getAttribute('href'))")
    out = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.endswith(SKIP) \
                or any(s in parts.path for s in SKIP):
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


@pytest.mark.parametrize("role", sorted(HOMES))
def test_every_page_a_role_reaches_fits_a_phone(page, demo_data, role):
    sign_in(page, demo_email("NSP", Role(role)), DEMO_PASSWORD)
    page.wait_for_url(f"**{HOMES[role]}")
    seen, frontier = {HOMES[role]}, [HOMES[role]]
    opened = 0
    for _depth in range(2):
        following = []
        for path in frontier:
            response = page.goto(path)  # the fixture lays it out at 390 px and records any sideways scroll
            opened += 1
            assert response is not None and response.status < 500, f"{path}: {response and response.status}"
            for link in _links(page):
                if link not in seen and len(seen) < PAGES_PER_ROLE:
                    seen.add(link)
                    following.append(link)
        frontier = following
    for path in frontier:
        response = page.goto(path)
        opened += 1
        assert response is not None and response.status < 500, f"{path}: {response and response.status}"
    assert opened >= AT_LEAST.get(role, 3), f"{role} reached only {opened} pages from {HOMES[role]}"
