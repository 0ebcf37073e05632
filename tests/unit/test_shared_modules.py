"""Two runs side by side share modules (tests/support/shared_modules.py): each module is run by exactly one of them."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.support.shared_modules import SharedModules

SHARED = {"tests/browser/test_front_door.py", "tests/browser/test_magazine_pages.py", "tests/browser/test_zeta.py"}


@dataclass
class Item:
    nodeid: str


def _items() -> list[Item]:
    return [Item(n) for n in (
        "tests/browser/test_front_door.py::test_one", "tests/unit/test_a.py::test_one",
        "tests/browser/test_zeta.py::test_one", "tests/browser/test_front_door.py::test_two",
        "tests/browser/test_magazine_pages.py::test_one", "tests/views/test_b.py::test_one",
    )]


def test_shared_modules_go_last_in_hand_out_order_each_kept_together_and_in_its_own_order(tmp_path):
    items = _items()
    SharedModules(tmp_path, SHARED).order(items)
    assert [i.nodeid for i in items] == [
        "tests/unit/test_a.py::test_one", "tests/views/test_b.py::test_one",
        "tests/browser/test_magazine_pages.py::test_one",  # first in ORDER
        "tests/browser/test_front_door.py::test_one", "tests/browser/test_front_door.py::test_two",
        "tests/browser/test_zeta.py::test_one",  # not in ORDER: after those that are
    ]


def test_each_shared_module_runs_in_the_run_that_claims_it_first_and_is_skipped_in_the_other(tmp_path):
    first, second = SharedModules(tmp_path, SHARED), SharedModules(tmp_path, SHARED)
    front_one, front_two, zeta = (Item("tests/browser/test_front_door.py::test_one"),
                                  Item("tests/browser/test_front_door.py::test_two"), Item("tests/browser/test_zeta.py::x"))
    first.check(front_one)  # claims it, runs
    with pytest.raises(pytest.skip.Exception, match="test_front_door.py is shared"):
        second.check(front_one)
    with pytest.raises(pytest.skip.Exception):
        second.check(front_two)
    first.check(front_two)  # its own claim: every test of the module runs here
    second.check(zeta)  # the second run got to this one first
    with pytest.raises(pytest.skip.Exception):
        first.check(zeta)
    second.check(Item("tests/unit/test_a.py::test_one"))  # not shared: runs in both
    first.check(Item("tests/unit/test_a.py::test_one"))
