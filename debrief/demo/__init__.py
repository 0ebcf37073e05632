"""Demo data for a fresh `make run` (`flask seed-demo`): two fictional forces, their people, incidents, debriefs,
root-cause analyses and magazine issue 1, with work waiting for every role. Idempotent.

Imports run one way: `seed` calls `magazine`, `rcas`, `incidents`, `uof` and `figures`; `magazine` uses `rcas`;
each of those uses `accounts`; everything reads `data` (and the JSON files beside it), which imports nothing of the
demo. This package module only re-exports the entry points.
"""
from debrief.demo.accounts import demo_email
from debrief.demo.data import FORCES as DEMO_FORCES
from debrief.demo.data import PASSWORD as DEMO_PASSWORD
from debrief.demo.seed import DemoSignIns, seed_demo

__all__ = ["DEMO_FORCES", "DEMO_PASSWORD", "DemoSignIns", "demo_email", "seed_demo"]
