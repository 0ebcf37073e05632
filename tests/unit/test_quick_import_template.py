"""QuickImportTemplate renders exactly what Jinja's own Template does, and reuses an imported macro module."""
from __future__ import annotations

from jinja2 import DictLoader, Environment, Template

from debrief.template_helpers import QuickImportTemplate

SOURCES = {
    "macros.html": "{% macro hello(name) %}Hello {{ name }}{{ extra | default('') }}{% endmacro %}",
    "page.html": '{% from "macros.html" import hello %}{{ hello(who) }}',
}


def _env(template_class) -> Environment:
    env = Environment(loader=DictLoader(SOURCES), autoescape=True)
    env.template_class = template_class
    env.globals["site"] = "Debrief"
    return env


def test_renders_what_jinja_renders_with_and_without_a_templates_own_globals():
    for extra_globals in (None, {"extra": "!"}):
        quick, stock = _env(QuickImportTemplate), _env(Template)
        got = quick.get_template("page.html", globals=extra_globals).render(who="<Ann>")
        want = stock.get_template("page.html", globals=extra_globals).render(who="<Ann>")
        assert got == want
    assert _env(QuickImportTemplate).get_template("page.html").render(who="Ann") == "Hello Ann"


def test_an_imported_module_is_made_once():
    env = _env(QuickImportTemplate)
    page, macros = env.get_template("page.html"), env.get_template("macros.html")
    page.render(who="A")
    first = macros._module
    page.render(who="B")
    assert first is not None and macros._module is first
