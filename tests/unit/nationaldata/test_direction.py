"""Imports run one way: analytics reads what the national data pipeline writes, never the reverse."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "debrief" / "nationaldata"
MODULES = sorted(PACKAGE.glob("*.py"))


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return names


def test_the_package_holds_the_pipeline() -> None:
    assert {p.stem for p in MODULES} >= {"importer", "staging", "csv_reader", "columns", "values", "fingerprint",
                                          "rejects", "synthetic"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_nationaldata_imports_nothing_from_analytics_or_any_view(path: Path) -> None:
    for name in _imported(path):
        assert not name.startswith("debrief.analytics"), f"{path.name} imports {name}"
        assert not name.startswith("flask"), f"{path.name} imports {name}: the pipeline runs without a request"
        assert ".views" not in name, f"{path.name} imports {name}"
