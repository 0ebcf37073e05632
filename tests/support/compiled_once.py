"""Test-only: URL builders and templates compiled once per process instead of once per app.

The suite builds a fresh app per test, and each app compiled its own ~580 URL builders (Werkzeug, with
`ast` and `compile()`) and every template it rendered (Jinja): together most of a short test's time.
Production builds its app once per worker and does not use this.

- A URL builder depends only on the rule's parsed trace, its defaults, its converters' settings and
  `append_unknown` (the rule and its converters are reached through the bound `self` when it runs), so
  builders for equal rules are shared.
- Templates go through one in-memory Jinja bytecode cache shared by every app; Jinja keys it by the
  template's name and checks its source's checksum, so an edited template is compiled again."""
from __future__ import annotations

from flask import Flask
from jinja2 import BytecodeCache
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


class SharedBytecode(BytecodeCache):
    """Compiled templates held in memory for the life of the process, shared by every app."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


templates = SharedBytecode()


def install() -> None:
    Rule._compile_builder = _shared_compile_builder  # type: ignore[method-assign]
    Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": templates}
