"""The test-only shared compilation (tests/support/compiled_once.py) builds and renders exactly what a fresh compile would."""
from __future__ import annotations

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
