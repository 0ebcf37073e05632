"""Import-purity: the modules meant to be pure cores reach no web framework, database or app state,
however deep their own imports go (read from the source, so a lazy import inside a function counts)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "debrief"

# The pure cores: rules that can be tested without an app, a request or a database.
PURE_MODULES = [
    "debrief.rca.graph",
    "debrief.rca.framework",
    "debrief.rca.justculture",
    "debrief.rca.workdays",
    "debrief.debriefs.steps",
    "debrief.publications.workflow",
    "debrief.anonymise.engine",
    "debrief.anonymise.evaluate",
    "debrief.mail.tokens",
    "debrief.mail.policy",
    "debrief.mail.messages",
    "debrief.analytics.training_topics",
    "debrief.analytics.training_rank",
    "debrief.anonymise.deny_terms",
    "debrief.release.preparation",
    "debrief.rca.downloads",
    "debrief.errors",
    "debrief.auth.collars",
]

# What a pure core may not reach: the web layer, the ORM, the app's own stateful modules.
FORBIDDEN_PREFIXES = (
    "flask", "flask_sqlalchemy", "flask_login", "flask_wtf", "wtforms", "werkzeug", "sqlalchemy",
    "alembic", "psycopg", "debrief.models", "debrief.extensions", "debrief.audit", "debrief.security",
)


def _module_file(name: str) -> Path | None:
    parts = name.split(".")
    if parts[0] != "debrief":
        return None
    base = PACKAGE_ROOT.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _imports(name: str, path: Path) -> set[str]:
    """Every module `path` imports, anywhere in its body, with relative imports made absolute."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # `from package import module` imports a submodule too.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def reachable(start: str) -> dict[str, str]:
    """Each module reachable from `start` through imports, mapped to the module that imported it.
    Package __init__ files run on import, so each parent package counts too."""
    seen: dict[str, str] = {start: ""}
    todo = [start]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if path is None:
            continue
        for module in _imports(name, path):
            if module.startswith("debrief") and _module_file(module) is None:
                continue  # a name imported from a module, not a module
            for parent in _parents(module):
                if parent not in seen:
                    seen[parent] = name
                    todo.append(parent)
    return seen


def _parents(module: str) -> list[str]:
    parts = module.split(".")
    # The top-level `debrief` package builds the app; importing a submodule runs it, but what a pure
    # core itself asks for is what matters: skip the root package, follow every other one.
    return [".".join(parts[:i]) for i in range(2 if parts[0] == "debrief" else 1, len(parts) + 1)]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_core_reaches_no_framework(module):
    assert _module_file(module) is not None, f"{module} is listed as pure but does not exist"
    chain = reachable(module)
    offenders = sorted(m for m in chain if m.startswith(FORBIDDEN_PREFIXES))
    paths = []
    for bad in offenders:
        path, step = [bad], bad
        while chain.get(step):
            step = chain[step]
            path.append(step)
        paths.append(" <- ".join(path))
    assert not offenders, "a pure core reaches the framework:\n" + "\n".join(paths)


def test_the_check_finds_an_impure_module():
    # The walker itself must be able to fail: a views module reaches Flask.
    assert any(m.startswith("flask") for m in reachable("debrief.rca.views"))
