"""Demo data for a fresh `make run`: two forces and one user per role per force. Idempotent."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.auth.service import create_user
from debrief.extensions import db
from debrief.models import Force, User

# Fictional forces, so demo records never look like a real force's.
DEMO_FORCES = [("NSP", "Northshire Police"), ("WMC", "Westmere Constabulary")]
DEMO_PASSWORD = "demo-password-2026"
DEMO_NAMES = {
    ("NSP", Role.OFFICER): ("Priya Shah", "NS4127"),
    ("NSP", Role.REVIEWER): ("Tom Reilly", None),
    ("NSP", Role.LEARNING): ("Grace Okafor", None),
    ("NSP", Role.ADMIN): ("Alan Brooks", None),
    ("WMC", Role.OFFICER): ("Dan Hughes", "WM2290"),
    ("WMC", Role.REVIEWER): ("Fatima Begum", None),
    ("WMC", Role.LEARNING): ("Owen Price", None),
    ("WMC", Role.ADMIN): ("Helen Marsh", None),
    ("NSP", Role.WELLBEING): ("Ruth Adeyemi", None),
    ("WMC", Role.WELLBEING): ("Colin Baker", None),
    ("NSP", Role.NATIONAL_ADMIN): ("Sunita Rao", None),  # national: one account, kept under the first force
}


@dataclass
class DemoSignIns:
    password: str = DEMO_PASSWORD
    accounts: list[tuple[str, str, str]] = field(default_factory=list)


def demo_email(code: str, role: Role) -> str:
    return f"{role.value}@{code.lower()}.example.police.uk"


def ensure_force(code: str, name: str) -> Force:
    force = db.session.scalar(select(Force).where(Force.code == code))
    if force is None:
        force = Force(code=code, name=name)
        db.session.add(force)
        db.session.commit()
    return force


def seed_demo() -> DemoSignIns:
    out = DemoSignIns()
    for code, force_name in DEMO_FORCES:
        force = ensure_force(code, force_name)
        for role in Role:
            if (code, role) not in DEMO_NAMES:
                continue
            email = demo_email(code, role)
            if db.session.scalar(select(User.id).where(User.email == email)) is None:
                name, collar = DEMO_NAMES[(code, role)]
                create_user(email=email, name=name, force=force, roles=[role], password=DEMO_PASSWORD,
                            actor=None, collar_number=collar)
            out.accounts.append((force_name, role.value, email))
    from debrief.demo_incidents import seed_incidents

    seed_incidents()
    from debrief.demo_rca import SECOND_REVIEWERS, seed_rcas

    seed_rcas(DEMO_PASSWORD)
    from debrief.demo_magazine import seed_magazine

    seed_magazine(DEMO_PASSWORD)
    for code, force_name in DEMO_FORCES:
        out.accounts.append((force_name, "reviewer 2", SECOND_REVIEWERS[code][1]))
    from debrief.demo_uof import seed_use_of_force

    seed_use_of_force()
    from debrief.demo_figures import seed_force_figures

    seed_force_figures()
    from debrief.analytics.service import refresh_summaries

    refresh_summaries()  # the Patterns rollups: the demo's records are written around the services
    return out
