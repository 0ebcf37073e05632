"""Test-only: URL-rule builders compiled once per process instead of once per app.

The suite builds a fresh app per test. Werkzeug compiles two URL builders per rule with `ast` and
`compile()`, about 0.7 s per app for ~580 rules: a third of a short test's time. A builder depends
only on the rule's parsed trace, its defaults, its converters' settings and `append_unknown` (the
rule and its converters are reached through the bound `self` at call time), so builders compiled for
an equal rule are shared. Production builds its app once per worker and does not use this."""
from __future__ import annotations

from werkzeug.routing.rules import Rule

_compile_builder = Rule._compile_builder
_builders: dict[tuple, object] = {}


def _converter_settings(converter) -> tuple:
    return type(converter), repr(sorted((k, repr(v)) for k, v in vars(converter).items() if k != "map"))


def _shared_compile_builder(self: Rule, append_unknown: bool = True):
    key = (
        tuple(self._trace),
        tuple(sorted((k, repr(v)) for k, v in (self.defaults or {}).items())),
        tuple(sorted((name, _converter_settings(c)) for name, c in self._converters.items())),
        append_unknown,
    )
    builder = _builders.get(key)
    if builder is None:
        builder = _builders[key] = _compile_builder(self, append_unknown)
    return builder


def install() -> None:
    Rule._compile_builder = _shared_compile_builder  # type: ignore[method-assign]
