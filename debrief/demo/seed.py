"""seed-demo: the demo forces and users, then incidents, RCAs, the magazine, national data and figures. Idempotent."""
from __future__ import annotations

from dataclasses import dataclass, field

from debrief.analytics.service import refresh_summaries
from debrief.demo import data
from debrief.demo.accounts import ensure_role_users
from debrief.demo.figures import seed_force_figures
from debrief.demo.incidents import seed_incidents
from debrief.demo.magazine import seed_magazine
from debrief.demo.rcas import seed_rcas
from debrief.demo.uof import seed_use_of_force


@dataclass
class DemoSignIns:
    password: str = data.PASSWORD
    accounts: list[tuple[str, str, str]] = field(default_factory=list)


def seed_demo() -> DemoSignIns:
    out = DemoSignIns(accounts=ensure_role_users())
    seed_incidents()
    seed_rcas(data.PASSWORD)
    seed_magazine(data.PASSWORD)
    for code, force_name in data.FORCES:
        out.accounts.append((force_name, "reviewer 2", data.SECOND_REVIEWERS[code][1]))
    seed_use_of_force()
    seed_force_figures()
    refresh_summaries()  # the Patterns rollups: the demo's records are written around the services
    return out
