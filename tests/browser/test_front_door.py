"""The front door and every public page in Chromium: the landing page and each footer link axe-clean, and no
public page scrolling sideways on a 390 px phone."""
from __future__ import annotations

from datetime import date

import pytest

from tests.browser.conftest import check_accessibility, follow, screenshot
from tests.support.publication_factories import create_force_response
from tests.browser.test_magazine_pages import magazine  # noqa: F401  (the published issue fixture)

PHONE = {"width": 390, "height": 844}


def test_landing_page_and_every_footer_link(page, magazine):  # noqa: F811
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Debrief: learning from police incidents"
    check_accessibility(page)
    screenshot(page, "front-door-landing")
    follow(page.get_by_role("link", name="Issue 4: Mental health and restraint"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mental health and restraint"
    page.goto("/")
    follow(page.get_by_role("button", name="Sign in"))
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in to Debrief"
    for name, heading in (("Home", "Debrief: learning from police incidents"),
                          ("Magazine", "Learning from incidents"),
                          ("Accessibility statement", "Accessibility statement for Debrief"),
                          ("Privacy notice", "Privacy notice"),
                          ("Service status", "Service status")):
        follow(page.locator("footer").get_by_role("link", name=name, exact=True))
        assert page.get_by_role("heading", level=1).inner_text() == heading, name
        check_accessibility(page)
        screenshot(page, "front-door-" + name.lower().replace(" ", "-"))
    assert page.console_errors == []


PUBLIC_PAGES = ["/", "/sign-in", "/accessibility", "/privacy", "/status", "/magazine/", "/magazine/issues/4",
                "/magazine/case-studies/{case}", "/magazine/case-factor-table", "/magazine/force-response-log",
                "/magazine/recommendations?q=restraint+training", "/magazine/issues/4/feedback", "/magazine/themes",
                "/magazine/?theme=mental_health"]
PUBLIC_PAGES += ["/magazine/subscribe", "/magazine/subscribe/check-your-email", "/magazine/subscribe/confirmed",
                 "/magazine/unsubscribed"]


@pytest.fixture
def phone(browser, live_server):
    # Not is_mobile: a mobile viewport zooms out to fit a page too wide, which would hide the very overflow looked for.
    context = browser.new_context(base_url=live_server, viewport=PHONE)
    yield context.new_page()
    context.close()


def test_no_public_page_scrolls_sideways_on_a_phone(phone, magazine, forces):  # noqa: F811
    issue, studies = magazine
    # A response as forces write them: a long address and a long date column beside it.
    create_force_response(question=studies[1].questions[0], force=forces["A"], done_on=date(2025, 11, 30),
                          response="Published our joint protocol at https://www.example.police.uk/policies/"
                                   "mental-health-joint-protocol-with-the-ambulance-service-2025 and trained 400 staff.")
    wide = []
    for path in PUBLIC_PAGES:
        phone.goto(path.format(case=studies[0].id))
        phone.wait_for_load_state("load")
        scroll, viewport = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert viewport <= PHONE["width"], path
        if scroll > viewport:
            wide.append(f"{path}: {scroll} > {viewport}")
            screenshot(phone, "phone-too-wide-" + path.strip("/").replace("/", "-").split("?")[0])
    assert wide == []
    phone.goto("/magazine/force-response-log")
    screenshot(phone, "phone-force-response-log")
    for path in ("/magazine/themes", "/magazine/?theme=mental_health"):
        phone.goto(path)
        check_accessibility(phone)
        screenshot(phone, "phone-" + ("themes" if "themes" in path else "issues-by-theme"))
    phone.goto("/magazine/case-factor-table")
    check_accessibility(phone)
    screenshot(phone, "phone-case-factor-table")
