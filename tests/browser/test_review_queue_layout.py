"""The reviewer's queue at a laptop's width (1,280 px) and a phone's (390 px): no word in its tables is broken
mid-word, nothing scrolls sideways on the phone, and each row reads as a labelled block there. Screenshots kept."""
from __future__ import annotations

import pytest

from debrief.auth.roles import Role
from debrief.rca import service
from tests.browser.conftest import check_accessibility, screenshot, sign_in
from tests.support.factories import PASSWORD, create_user, submitted_debrief
from tests.support.markup import markup_problems

pytestmark = pytest.mark.browser

# Every word of a table cell: one line box each (a word may break only at its own hyphen, like "near-miss").
_BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('table td, table th')) {
    const head = cell.closest('thead');
    if (head && head.getBoundingClientRect().width <= 1) continue;  // visually hidden (a phone's reflowed table)
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const re = /[^\\s\\-]+/g;
      let m;
      while ((m = re.exec(node.textContent))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture
def queue(people, forces):
    reviewer = people[("A", Role.REVIEWER)]
    second = create_user(force=forces["A"], roles=[Role.REVIEWER], email="second@aaa.example", name="Samantha Second-Reviewer")
    officer = people[("A", Role.OFFICER)]
    debriefs = [submitted_debrief(author=officer, themes=themes, near_miss=near)
                for themes, near in ((["use_of_force", "mental_health", "custody"], False),
                                     (["vulnerable_people", "death_following_contact"], True),
                                     (["call_handling"], False), (["domestic_abuse", "stop_and_search"], True))]
    rca = service.start_rca(debriefs[0].incident, actor=reviewer, level="comprehensive", terms_of_reference="Why?")
    problem = service.mark_problem(rca, rca.chronology[0], actor=reviewer)
    factor = service.add_factor(rca, actor=reviewer, contributes_to=problem, label="Night cover was thin",
                                category="working_conditions", evidence_kind="document", evidence_document="Roster")
    service.set_root_cause(rca, factor, actor=reviewer, confirmed=True)
    from tests.support.rca_factories import write_report
    write_report(rca, reviewer, "Night cover left one unit.")
    rec = service.save_recommendation(rca, actor=reviewer, recommendation=None, text="Review night cover",
                                      node_ids=[factor.id])
    from datetime import date
    service.save_action(rca, actor=reviewer, recommendation=rec, action=None, description="Audit the roster",
                        owner="Resourcing", due_on=date(2027, 1, 4), measure="Two units", status="open", reason="")
    service.send_for_review(rca, actor=reviewer)
    service.return_for_changes(rca, actor=second, comment="Say more about the night roster, who set it and why the "
                                                          "control room could not see the second unit's status.")
    return reviewer


@pytest.mark.parametrize("width", [1280, 390])
def test_the_queue_never_breaks_a_word_and_fits_a_phone(page, queue, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, queue.email, PASSWORD)
    page.goto("/review/")
    assert page.locator("table.debrief-queue-table").count() == 2  # the RCAs and the incidents
    broken = page.evaluate(_BROKEN_WORDS)
    screenshot(page, f"review-queue-{width}")
    assert broken == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Each table stays inside the page's column, rather than running past it.
    assert page.evaluate("""() => [...document.querySelectorAll('table.debrief-queue-table')].every(t =>
        t.getBoundingClientRect().right <= t.parentElement.getBoundingClientRect().right + 1)""")
    if width == 390:
        # One labelled block per row: the label is shown before each value.
        label = page.locator("table.debrief-queue-table td[data-label='Debriefs submitted']").first
        assert page.evaluate("el => getComputedStyle(el, '::before').content", label.element_handle()) \
            == '"Debriefs submitted: "'
    else:
        assert page.locator("table.debrief-queue-table thead").first.is_visible()
    assert "Returned for changes" in page.locator("table.debrief-queue-table").first.inner_text()
    check_accessibility(page)
    assert markup_problems(page.content()) == []
    screenshot(page, f"review-queue-{width}")
