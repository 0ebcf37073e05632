"""The fishbone (and the factor graph) on a 390 px phone: the walk found the drawing shrunk to fit, its words too small
to read. On a narrow screen it keeps a readable scale inside a labelled scroll region that takes the keyboard's
focus and scrolls with the arrow keys, and the page itself still never scrolls sideways."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from debrief.demo import DEMO_PASSWORD
from debrief.extensions import db
from debrief.models import RcaNode, RootCauseAnalysis
from tests.browser.conftest import PHONE_WIDTH, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_the_fishbone_is_readable_and_scrolls_by_keyboard_on_a_phone(page, app, demo_data):
    with app.app_context():
        rca_id = db.session.scalar(select(RootCauseAnalysis.id).join(RcaNode, RcaNode.rca_id == RootCauseAnalysis.id)
                                   .join(RootCauseAnalysis.incident).where(RcaNode.kind.in_(("factor", "root_cause")))
                                   .group_by(RootCauseAnalysis.id).order_by(func.count(RcaNode.id).desc()).limit(1))
        email = db.session.get(RootCauseAnalysis, rca_id).lead.email
    sign_in(page, email, DEMO_PASSWORD)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    page.goto(f"/rca/{rca_id}/fishbone")
    region = page.get_by_role("region", name="Fishbone: contributory factors by category")
    assert region.count() == 1
    # Readable: the drawing's words are drawn at 12 px or more, not shrunk to the phone's width.
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.debrief-drawing svg text')]
        .map(t => t.getBoundingClientRect().height).filter(h => h > 0))""")
    assert smallest >= 12, smallest
    wide, shown = page.evaluate("""() => { const r = document.querySelector('.debrief-drawing');
        return [r.scrollWidth, r.clientWidth]; }""")
    assert wide > shown  # the drawing is wider than the phone: it scrolls inside its region
    # The page itself does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    # Reached with the keyboard, and scrolled with it.
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('debrief-drawing')")
    # Chromium may scroll smoothly (an animation after a key press) or take the first presses while the page settles:
    # press again, up to 20 times over ~2 s, until the region has moved; only the keyboard scrolls it here.
    scrolled = 0
    for _ in range(20):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(100)
        if (scrolled := page.evaluate("document.querySelector('.debrief-drawing').scrollLeft")) > 0:
            break
    assert scrolled > 0
    assert page.evaluate("document.activeElement.classList.contains('debrief-drawing')")
    assert "scroll" in page.locator(".debrief-drawing + p").inner_text()
    screenshot(page, "rca-fishbone-phone")
    check_accessibility(page)
