"""The test-only shared URL builders (tests/support/fast_routing.py) build exactly what Werkzeug's own would."""
from __future__ import annotations

from werkzeug.routing import Map, Rule

from tests.support import fast_routing


def _sample_value(converter):
    kind = type(converter).__name__
    if kind in {"IntegerConverter", "NumberConverter", "FloatConverter"}:
        return 7
    if kind == "AnyConverter":
        return next(iter(converter.items))
    return "a b/é"


def _sample_values(rule: Rule) -> dict:
    return {name: _sample_value(converter) for name, converter in rule._converters.items()}


def test_every_rule_of_the_app_builds_the_same_urls_as_werkzeugs_own_builder(app):
    for rule in app.url_map.iter_rules():
        values = _sample_values(rule)
        shared = rule._build_unknown(**values, extra="x y")
        own = fast_routing._compile_builder(rule, True).__get__(rule, None)(**values, extra="x y")
        assert shared == own, rule.rule


def test_rules_differing_only_in_defaults_or_converter_settings_get_their_own_builders():
    fast_routing.install()
    url_map = Map([
        Rule("/a/<int:n>", endpoint="a"),
        Rule("/a/<int(fixed_digits=4):n>", endpoint="b"),
        Rule("/p/", defaults={"page": 1}, endpoint="c"),
        Rule("/p/", defaults={"page": 2}, endpoint="d"),
    ])
    urls = url_map.bind("example.org")
    assert urls.build("a", {"n": 7}) == "/a/7"
    assert urls.build("b", {"n": 7}) == "/a/0007"
    assert urls.build("c", {"page": 1}) == "/p/"
    assert urls.build("d", {"page": 2}) == "/p/"
    assert urls.build("c", {"page": 1, "q": "x"}) == "/p/?q=x"
