"""Benchmark the re-check every learning-team save runs: a whole case study (about 7.5 KB over seven fields) against
its deny list and the anonymiser's patterns, with what the reviewer released accepted. Printed, not asserted."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from debrief.anonymise.deny_terms import deny_terms_for  # noqa: E402
from debrief.publications.checks import accepted_identifiers, check_texts  # noqa: E402

SAVES = 200
TARGET_MS = 250.0  # a save should feel immediate
SENTENCES = [
    "Officer A waited alone for backup late one evening while the man was restrained on the ground.",
    "The only other unit was eight minutes away and the control room had no way to see that.",
    "Sergeant B reviewed the body-worn video the next day; PAVA was drawn but not used.",
    "The custody suite was short of staff, so rousing checks slipped by about twenty minutes.",
    "Mr C, in his thirties, was taken to a hospital under section 136 of the Mental Health Act.",
    "The force has since changed its single-crewing policy for late turns in rural areas.",
    "Call handler D graded the call as a priority but the unit was diverted to another town.",
]


def _case(rng: random.Random) -> dict[str, str]:
    fields = ("title", "summary", "what_happened", "findings_key_learning", "action_taken",
              "outcome_for_individuals", "recommendations")
    return {f: " ".join(rng.choice(SENTENCES) for _ in range(1 if f == "title" else 14)) for f in fields}


def main() -> int:
    rng = random.Random(6)
    deny = deny_terms_for(people=["PC 4417 Ellie Morgan", "Neil Dawson", "Tom Reilly", "Meera Joshi",
                                  "Sergeant Kieran Walsh"],
                          force="Northshire Police", places=["footbridge over the railway at Wharf Lane"],
                          collar_numbers=["NS1150", "NS3381"])
    cases = [_case(rng) for _ in range(SAVES)]
    size = sum(len(t) for t in cases[0].values())
    accepted = accepted_identifiers(cases[0].values())
    start = time.perf_counter()
    refused = 0
    for texts in cases:
        refused += bool(check_texts(texts, deny, accepted=accepted))
    elapsed = time.perf_counter() - start
    per_save = elapsed / SAVES * 1000
    print(f"case-study save re-check: {SAVES} saves of ~{size / 1000:.1f} KB, deny list of {len(deny)} terms")
    print(f"  {per_save:.1f} ms per save ({SAVES / elapsed:.0f} saves a second on one core); "
          f"target under {TARGET_MS:.0f} ms: {'met' if per_save < TARGET_MS else 'NOT met'}")
    print(f"  refused (should be 0 for clean text): {refused}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
