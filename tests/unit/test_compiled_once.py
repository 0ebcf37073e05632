"""The test-only shared compilation (tests/support/compiled_once.py) builds and renders exactly what a fresh compile would."""
from __future__ import annotations

import pytest
from werkzeug.exceptions import NotFound
from werkzeug.routing import Map, Rule

from tests.support import compiled_once


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
        own = compiled_once._compile_builder(rule, True).__get__(rule, None)(**values, extra="x y")
        assert shared == own, rule.rule


def _settings(converter) -> tuple:
    return type(converter), {k: v for k, v in vars(converter).items() if k != "map"}


def test_a_second_app_gets_every_rule_compiled_as_werkzeug_compiles_it_and_bound_to_its_own_map(app):
    from tests.support.apps import make_app

    second = make_app(app.config["SQLALCHEMY_DATABASE_URI"])  # its rules come from the first app's
    urls = second.url_map.bind("localhost")
    assert second.url_map is not app.url_map
    rules = list(second.url_map.iter_rules())
    assert len(rules) == len(list(app.url_map.iter_rules())) > 100
    for rule in rules:
        fresh = rule.empty()
        fresh.map = second.url_map
        compiled_once._compile(fresh)
        assert rule._parts == fresh._parts, rule.rule
        assert rule._trace == fresh._trace, rule.rule
        assert rule.arguments == fresh.arguments, rule.rule
        assert {n: _settings(c) for n, c in rule._converters.items()} == {
            n: _settings(c) for n, c in fresh._converters.items()}, rule.rule
        assert all(c.map is second.url_map for c in rule._converters.values()), rule.rule
        values = _sample_values(rule)
        assert rule._build_unknown(**values) == fresh._build_unknown(**values), rule.rule
    # Matching reads the parts compared above; two URLs matched end to end in the second app.
    assert urls.match("/sign-in", method="GET")[0] == app.url_map.bind("localhost").match("/sign-in")[0]
    assert urls.match("/debriefs/7/people/3/remove", method="POST")[1] == {"debrief_id": 7, "person_id": 3}
    with pytest.raises(NotFound):
        urls.match("/debriefs/7/people/x/remove", method="POST")


def test_rules_differing_only_in_defaults_or_converter_settings_get_their_own_builders():
    compiled_once.install()
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


def test_a_second_app_renders_templates_from_the_shared_cache_and_an_edited_template_is_compiled_again(
        tmp_path, monkeypatch):
    from flask import Flask
    from jinja2 import Environment, FileSystemLoader

    compiled_once.install()
    (tmp_path / "page.html").write_text("<p>{{ word }} one</p>")

    def render(word):
        app = Flask("probe")
        app.jinja_loader = FileSystemLoader(tmp_path)
        with app.app_context():
            return app.jinja_env.get_template("page.html").render(word=word)

    assert render("first") == "<p>first one</p>"
    parse = Environment._parse

    def refuse_to_parse(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(Environment, "_parse", refuse_to_parse)
    assert render("second") == "<p>second one</p>"  # a new app, from the shared cache
    (tmp_path / "page.html").write_text("<p>{{ word }} two</p>")
    try:
        render("third")
        raise AssertionError("an edited template must be compiled again")
    except AssertionError as error:
        assert str(error) == "compiled again"
    monkeypatch.setattr(Environment, "_parse", parse)
    assert render("third") == "<p>third two</p>"
