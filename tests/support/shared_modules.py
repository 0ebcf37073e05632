"""Test modules shared by two runs side by side: each is run by whichever run reaches it first, once.

scripts/run-tests runs the suite on SQLite and on PostgreSQL at once, one per core, and `make test` lasts as long as
the slower. A fixed split of the browser modules between the two balances them on one machine at one load only, so
these modules are shared instead: both runs collect them and keep them for their end, biggest first; as a run reaches
one, it claims it (an atomic mkdir in a directory both runs are given), and runs it if the claim is its own, or reports
its tests as skipped, run by the other. The run that finishes its own tests first takes more of them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

# Browser modules in the order they are handed out: the longest first (by pages visited and checked), so the last
# to go are short and the two runs can end close together.
ORDER = (
    "test_magazine_pages.py", "test_officer_people_and_force.py", "test_subscriptions.py", "test_roles.py",
    "test_front_door.py", "test_patterns.py", "test_response_moderation.py", "test_patterns_drill.py",
    "test_review_queue_layout.py",
)


class SharedModules:
    """Claims the modules `shared` (paths relative to the rootdir, as in test ids) in the directory `claims`."""

    def __init__(self, claims: Path, shared: set[str]) -> None:
        self.claims = claims
        self.shared = shared
        self.mine: dict[str, bool] = {}

    def order(self, items: list) -> None:
        """The shared modules' tests moved to the end, in ORDER (then by name), each module's tests kept together."""
        def rank(module: str) -> tuple:
            name = Path(module).name
            return (ORDER.index(name) if name in ORDER else len(ORDER), module)

        own = [item for item in items if self._module(item) not in self.shared]
        later = sorted((item for item in items if self._module(item) in self.shared),
                       key=lambda item: rank(self._module(item)))  # sorted() is stable: tests keep their order
        items[:] = own + later

    def check(self, item) -> None:
        """Before a shared module's first test: claim it. Its tests run only in the run whose claim it is."""
        module = self._module(item)
        if module not in self.shared:
            return
        if module not in self.mine:
            self.mine[module] = self._claim(module)
        if not self.mine[module]:
            pytest.skip(f"{module} is shared (scripts/run-tests): the other database's run claimed it first and runs it")

    def _claim(self, module: str) -> bool:
        try:
            (self.claims / module.replace("/", "__")).mkdir()
        except FileExistsError:
            return False
        return True

    @staticmethod
    def _module(item) -> str:
        return item.nodeid.split("::", 1)[0]
