"""One rule says which case studies are public (reading.visible_case_study): no other module tests a case study's
"published" status for itself, so a public page added later cannot forget that a withdrawn one is not public."""
from __future__ import annotations

import re

from debrief.config import ROOT

# A test of a case study's status against "published": the workflow's names for it, or the bare string.
PUBLISHED_TEST = re.compile(r"\b(?:CaseStudyStatus|wf|workflow)\.PUBLISHED\b|status\s*[!=]=\s*[\"']published[\"']")
# Where one is right: the rule itself, the workflow table that defines the status, and the learning team's
# withdraw/republish pages (which act on the status; they are never a public page).
ALLOWED = {"debrief/publications/reading.py": 1, "debrief/publications/workflow.py": None,
           "debrief/publications/withdrawal_views.py": 2}


def _uses() -> dict[str, int]:
    found = {}
    for path in sorted((ROOT / "debrief").rglob("*.py")):
        count = len(PUBLISHED_TEST.findall(path.read_text(encoding="utf-8")))
        if count:
            found[str(path.relative_to(ROOT))] = count
    return found


def test_only_the_one_rule_tests_for_published_case_studies():
    uses = _uses()
    assert {path: n for path, n in uses.items() if path not in ALLOWED} == {}
    assert uses.get("debrief/publications/reading.py") == 1  # visible_case_study, and nothing else there
    assert uses.get("debrief/publications/withdrawal_views.py", 0) <= ALLOWED["debrief/publications/withdrawal_views.py"]


def test_the_scan_finds_a_status_test_written_any_of_those_ways():
    for line in ('CaseStudy.status == CaseStudyStatus.PUBLISHED', 'case.status != wf.PUBLISHED',
                 "c.status = 'x' if status == 'published'", 'if case_study.status == "published":'):
        assert PUBLISHED_TEST.search(line), line
    assert not PUBLISHED_TEST.search("MagazineIssue.status == IssueStatus.PUBLISHED")  # an issue's, not a case's
