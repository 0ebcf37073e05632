"""The direction of imports (docs/architecture.md), read from the source with ast: pure cores and services never import
a views module, and routes are registered explicitly, so only the app factory (or a views module putting its own
package's pages on its blueprint) imports a views module, at module level and to use it."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.unit.test_purity import PURE_MODULES, reachable

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "debrief"
APP_FACTORY = "debrief"  # debrief/__init__.py: create_app() registers every blueprint
ROUTE_DECORATORS = {"route", "get", "post", "put", "patch", "delete"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE_ROOT.rglob("*.py"))}


def is_views(module: str) -> bool:
    """A `*views*` module: views.py, people_views.py, the rca/views/ package and its modules..."""
    return any("views" in part for part in module.split("."))


def feature(module: str) -> str:
    """The top-level package a module belongs to (debrief.rca for debrief.rca.views.graph)."""
    return ".".join(module.split(".")[:2])


@dataclass(frozen=True)
class Import:
    target: str  # the module imported (a submodule when `from package import module`)
    bound: str  # the name the import binds in the importing module
    line: int
    in_function: bool


def imports_of(name: str, tree: ast.Module, known: set[str]) -> list[Import]:
    """Every `debrief` import in the module, anywhere in its body, relative imports made absolute."""
    package = name if MODULES.get(name, Path()).name == "__init__.py" or name == APP_FACTORY else name.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(alias.name, alias.asname or alias.name.split(".")[0], node.lineno, in_function))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                module = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.append(Import(sub if sub in known else module, alias.asname or alias.name, node.lineno,
                                    in_function))
        inner = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, False)
    return [i for i in found if i.target.split(".")[0] == "debrief"]


def _names_used(tree: ast.Module) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _commits(tree: ast.Module) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "commit"
               for n in ast.walk(tree))


def is_service(name: str, tree: ast.Module) -> bool:
    """A service: named service / *_service / in a service package, or any other non-views module that commits."""
    if any(part == "service" or part.endswith("_service") for part in name.split(".")):
        return True
    return name != APP_FACTORY and not is_views(name) and _commits(tree)


def defines_routes(tree: ast.Module) -> bool:
    """Creates a blueprint, decorates a route, or adds a URL rule or blueprint to an app."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if (isinstance(func, ast.Name) and func.id == "Blueprint") or (
                    isinstance(func, ast.Attribute) and func.attr in ("Blueprint", "add_url_rule", "register_blueprint")):
                return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute) \
                        and decorator.func.attr in ROUTE_DECORATORS:
                    return True
    return False


def problems(name: str, source: str, known: set[str]) -> list[str]:
    """What in one module breaks the import rules (empty when it keeps them)."""
    tree = ast.parse(source)
    found: list[str] = []
    used = _names_used(tree)
    service = is_service(name, tree)
    for imp in imports_of(name, tree, known):
        if not is_views(imp.target):
            continue
        where = f"{name}:{imp.line} imports {imp.target}"
        if service:
            found.append(f"{where}: a service imports a views module")
        if name != APP_FACTORY and not (is_views(name) and feature(name) == feature(imp.target)):
            found.append(f"{where}: only the app factory, or a views module of the same package, imports views")
        if imp.in_function and name != APP_FACTORY:
            found.append(f"{where}: a views module imported inside a function")
        if imp.bound not in used:
            found.append(f"{where}: imported for its side effect ({imp.bound} is never used)")
    if name != APP_FACTORY and not is_views(name) and defines_routes(tree):
        found.append(f"{name}: defines routes but is not a *views* module")
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_keeps_the_import_rules(module):
    found = problems(module, MODULES[module].read_text(encoding="utf-8"), set(MODULES))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_core_reaches_no_views(module):
    chain = reachable(module)
    assert not [m for m in chain if is_views(m)], f"{module} reaches a views module: {sorted(filter(is_views, chain))}"


def test_the_app_factory_registers_the_blueprints():
    # The one place routes reach the app: if this stopped holding, the rules above would be checking nothing.
    targets = {i.target for i in imports_of(APP_FACTORY, ast.parse(MODULES[APP_FACTORY].read_text()), set(MODULES))}
    assert {"debrief.rca.views", "debrief.release.views", "debrief.analytics.views"} <= targets


def test_the_services_are_found():
    services = [m for m, p in MODULES.items() if is_service(m, ast.parse(p.read_text(encoding="utf-8")))]
    for expected in ("debrief.rca.service.factors", "debrief.release.service", "debrief.publications.issues",
                     "debrief.nationaldata.importer", "debrief.debriefs.people_service"):
        assert expected in services


KNOWN = {"debrief.rca.views", "debrief.rca.views.graph", "debrief.rca.service", "debrief.release.views"}


@pytest.mark.parametrize(("name", "source", "expected"), [
    ("debrief.rca.service.x", "from debrief.rca.views import graph\ngraph\n", "a service imports a views module"),
    ("debrief.rca.service.x", "from debrief.rca.views import graph\ngraph\n", "same package"),
    ("debrief.publications.x", "from debrief.rca import views\nviews\n", "only the app factory"),
    ("debrief.release.x_views", "from debrief.rca.views.graph import graph\ngraph\n", "only the app factory"),
    ("debrief.rca.views.y", "def f():\n    from debrief.rca.views.graph import graph\n    graph\n", "inside a function"),
    ("debrief.rca.views", "from debrief.rca.views import graph  # noqa\n", "side effect"),
    ("debrief.admin.national", "from flask import Blueprint\nbp = Blueprint('n', __name__)\n", "defines routes"),
    ("debrief.admin.other", "@bp.get('/')\ndef page():\n    pass\n", "defines routes"),
    ("debrief.mail.outbox", "from debrief.release import views\ndb.session.commit()\nviews\n",
     "a service imports a views module"),
])
def test_the_rules_can_fail(name, source, expected):
    assert any(expected in problem for problem in problems(name, source, KNOWN))


@pytest.mark.parametrize(("name", "source"), [
    ("debrief", "def register():\n    from debrief.rca.views import bp\n    bp\n"),
    ("debrief.rca.views", "from debrief.rca.views import graph\ngraph.register(bp)\n"),
    ("debrief.rca.views.items", "from debrief.rca.views.graph import graph\ngraph()\n"),
    ("debrief.rca.service.x", "from debrief.rca import graph\ngraph\n"),
])
def test_what_the_rules_allow(name, source):
    assert problems(name, source, KNOWN) == []


# Function-level imports of a debrief module, by (importing module, imported module). Each needs a reason here; a
# cycle is never one (fix the direction: an event or hook, or move the function). Heavy optional libraries such as
# WeasyPrint are loaded lazily inside the debrief module that wraps them (rca/pdf.py), which this test does not
# count, so importing that module at the top costs nothing.
FUNCTION_IMPORTS_ALLOWED: set[tuple[str, str]] = set()  # (module, the debrief module it may import in a function)


def function_imports(name: str, source: str, known: set[str]) -> list[str]:
    """The debrief modules `name` imports inside a function (the app factory's create_app() wires the app, and is
    left out: importing the package must not import every page)."""
    if name == APP_FACTORY:
        return []
    return [f"{name}:{imp.line} imports {imp.target} inside a function"
            for imp in imports_of(name, ast.parse(source), known)
            if imp.in_function and (name, imp.target) not in FUNCTION_IMPORTS_ALLOWED]


def test_no_debrief_module_is_imported_inside_a_function():
    found = [problem for module, path in sorted(MODULES.items())
             for problem in function_imports(module, path.read_text(encoding="utf-8"), set(MODULES))]
    assert found == [], "import these at the top of the module (fix a cycle's direction instead):\n" + "\n".join(found)


def test_the_function_import_rule_can_fail_and_allows_what_it_lists():
    source = "def f():\n    from debrief.mail.staff import notify\n    notify()\n"
    assert function_imports("debrief.debriefs.people_service", source, set(MODULES)) == [
        "debrief.debriefs.people_service:2 imports debrief.mail.staff inside a function"]
    assert function_imports("debrief", source, set(MODULES)) == []
    assert all((module in MODULES and target in MODULES) for module, target in FUNCTION_IMPORTS_ALLOWED)




def test_views_never_commit():
    # Services own their transactions; a page's read event is committed by audit.record_read (or the RCA and
    # review services' record_* functions), never by the view.
    committing = sorted(m for m, p in MODULES.items()
                        if is_views(m) and _commits(ast.parse(p.read_text(encoding="utf-8"))))
    assert committing == []


def readme_code_map() -> set[str]:
    """The paths under debrief/ that the README's code map lists (nesting by two spaces)."""
    readme = (PACKAGE_ROOT.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## The code", 1)[1].split("```", 2)[1]
    listed: set[str] = set()
    stack: list[str] = []
    for line in block.splitlines():
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        stack = stack[:depth] + [name.rstrip("/")]
        if stack[0] == "debrief" and depth > 0:
            listed.add("/".join(stack[1:]) + ("/" if name.endswith("/") else ""))
    return listed


def test_the_readme_code_map_matches_the_tree():
    packages = {str(p.parent.relative_to(PACKAGE_ROOT)) + "/" for p in PACKAGE_ROOT.rglob("__init__.py")} - {"./"}
    top_modules = {p.name for p in PACKAGE_ROOT.glob("*.py")} - {"__init__.py"}
    listed = readme_code_map()
    assert listed == packages | top_modules, (
        f"missing from the README: {sorted((packages | top_modules) - listed)}; "
        f"listed but not in the tree: {sorted(listed - packages - top_modules)}")
