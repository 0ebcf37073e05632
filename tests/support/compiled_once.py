"""Test-only: URL builders, templates and SQL compiled once per process instead of once per app.

The suite builds a fresh app per test, and each app compiled its own ~580 URL builders (Werkzeug, with
`ast` and `compile()`) and every template it rendered (Jinja): together most of a short test's time.
Production builds its app once per worker and does not use this.

- A rule's parsed parts (its matching regexes and weights), trace and converters depend only on its text, its
  subdomain or host, slash merging and the map's converter classes; equal rules share them (converters copied and
  bound to the new map) with their builders, so a new app no longer parses each of its ~580 rules again.
- A URL builder depends only on the rule's parsed trace, its defaults, its converters' settings and
  `append_unknown` (the rule and its converters are reached through the bound `self` when it runs), so
  builders for equal rules are shared.
- Templates go through one in-memory Jinja bytecode cache shared by every app; Jinja keys it by the
  template's name and checks its source's checksum, so an edited template is compiled again.
- SQLAlchemy keeps compiled SQL per engine, keyed by the statement's structure and the engine's dialect object, and
  each test's app has an engine of its own, so every test compiled each statement it ran again (a third of a
  data-heavy test's time). Every engine here uses one cache, which keys by what the SQL depends on (the dialect's
  kind and settings and the database's version, not which file or database it is), as production's one engine
  per process keeps its compiled SQL for every request."""
from __future__ import annotations

from flask import Flask
from jinja2 import BytecodeCache
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.routing.rules import Rule

_compile_builder = Rule._compile_builder
_compile = Rule.compile
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


_compiled_rules: dict[tuple, tuple] = {}


def _shared_compile(self: Rule) -> None:
    """Rule.compile, from the first equal rule's results (the same parts, trace, converters' settings, builders)."""
    url_map = self.map
    key = (self.rule, self.subdomain, self.host, self.merge_slashes, url_map.host_matching,
           tuple(url_map.converters.items()),
           tuple(sorted((k, repr(v)) for k, v in self.defaults.items())) if self.defaults else ())
    compiled = _compiled_rules.get(key)
    if compiled is None:
        _compile(self)
        compiled = _compiled_rules[key] = (
            tuple(self._parts), tuple(self._trace), dict(self._converters), frozenset(self._converters),
            self._build.__func__, self._build_unknown.__func__)
        return
    parts, trace, converters, variables, build, build_unknown = compiled
    self._parts = list(parts)
    self._trace = list(trace)
    self._converters = {name: _bound_copy(converter, url_map) for name, converter in converters.items()}
    self.arguments.update(variables)
    self._build = build.__get__(self, None)
    self._build_unknown = build_unknown.__get__(self, None)


def _bound_copy(converter, url_map):
    """The converter with the same settings, bound to `url_map` (a shallow copy, as copy.copy makes, but quicker)."""
    bound = object.__new__(type(converter))
    bound.__dict__.update(vars(converter))
    bound.map = url_map
    return bound


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


class SharedStatements:
    """One compiled-SQL cache for every engine: SQLAlchemy's key with its dialect object replaced by the dialect's
    class and the settings compiling reads. Emptied when full, like the engine's own (bounded) cache."""

    LIMIT = 20000

    def __init__(self) -> None:
        self.store: dict[tuple, object] = {}

    @staticmethod
    def _key(key: tuple) -> tuple:
        dialect = key[0]
        kind = (type(dialect), dialect.server_version_info, dialect.paramstyle, dialect.positional,
                dialect.default_schema_name, dialect.label_length, dialect.max_identifier_length)
        return (kind, *key[1:])

    def get(self, key: tuple, default=None):
        return self.store.get(self._key(key), default)

    def __setitem__(self, key: tuple, compiled) -> None:
        if len(self.store) >= self.LIMIT:
            self.store.clear()
        self.store[self._key(key)] = compiled


statements = SharedStatements()


def _share_statements(connection) -> None:
    connection.engine._compiled_cache = statements


def install() -> None:
    Rule._compile_builder = _shared_compile_builder  # type: ignore[method-assign]
    Rule.compile = _shared_compile  # type: ignore[method-assign]
    Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": templates}
    event.listen(Engine, "engine_connect", _share_statements)
