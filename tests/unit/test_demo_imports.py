"""The demo package's imports run one way: no cycle between its modules, no import hidden inside a function to dodge
one, nothing of the package imported back from the package itself, and its data module imports none of the app.
Read from the source, as tests/unit/test_purity.py does."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

DEMO = Path(__file__).resolve().parents[2] / "debrief" / "demo"
PACKAGE = "debrief.demo"


def _modules() -> dict[str, Path]:
    return {(PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"): path for path in DEMO.glob("*.py")}


def _targets(node: ast.AST, modules: dict[str, Path]) -> set[str]:
    """The demo modules an import statement reaches (`from debrief.demo import data` reaches debrief.demo.data)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in modules}
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules.keys()
        if submodules:
            return submodules
        return {node.module} if node.module in modules else set()
    return set()


def _graph() -> nx.DiGraph:
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(node, modules):
                graph.add_edge(name, target)
    return graph


def test_the_demo_is_a_package_and_the_old_modules_are_gone():
    assert (DEMO / "__init__.py").exists()
    assert not list(DEMO.parent.glob("demo_*.py")) and not (DEMO.parent / "demo.py").exists()


def test_demo_imports_have_no_cycle():
    graph = _graph()
    assert len(graph) >= 8 and graph.number_of_edges() >= 10  # the graph was really read
    assert nx.is_directed_acyclic_graph(graph), list(nx.simple_cycles(graph))
    # Nothing inside the package imports the package's own __init__ (which re-exports seed, and so everything).
    assert not list(graph.predecessors(PACKAGE))


def test_no_demo_import_is_hidden_inside_a_function():
    for name, path in _modules().items():
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                late = [n for n in ast.walk(function) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not late, f"{name}.{function.name} imports inside the function"


def test_scenario_data_is_data():
    """data.py imports nothing of the app, and its JSON files load."""
    tree = ast.parse((DEMO / "data.py").read_text(encoding="utf-8"))
    imported = {alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in imported if m and m.startswith("debrief")}
    from debrief.demo import data

    assert len(data.scenarios()["scenarios"]) >= 16
    assert data.rcas()["signed_off"] and data.rcas()["working_states"]
    assert data.magazine()["case_studies"]


def test_a_cycle_would_be_caught(tmp_path, monkeypatch):
    """The cycle check fails on a package whose modules import each other in a circle (as the old demo*.py did)."""
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "a.py").write_text("from debrief.demo import b\n")
    (tmp_path / "b.py").write_text("def f():\n    from debrief.demo.a import x\n")
    monkeypatch.setitem(globals(), "DEMO", tmp_path)
    assert not nx.is_directed_acyclic_graph(_graph())
