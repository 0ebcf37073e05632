"""Kept parts (debrief.fragments): drawn once per distinct model, from the model alone, under the app's address."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, url_for
from jinja2 import DictLoader
from markupsafe import Markup

from debrief.fragments import kept


@dataclass(frozen=True)
class Card:
    title: str
    count: int


def _app(draws: list) -> Flask:
    app = Flask(__name__)
    app.jinja_loader = DictLoader({
        "card.html": "{{ drawn() }}<h2>{{ m.title }}</h2><p>{{ m.count }}</p><a href=\"{{ url_for('page') }}\">x</a>"
                     "{% if secret is defined or current_user is defined %}LEAK{% endif %}",
    })
    app.add_template_global(lambda: draws.append(1) or "", "drawn")
    app.context_processor(lambda: {"secret": "someone's data"})
    app.add_url_rule("/page", "page", lambda: "")
    return app


def test_a_part_is_drawn_once_per_model_and_again_for_a_new_value():
    draws: list = []
    app = _app(draws)
    with app.test_request_context("/"):
        first = kept("card.html", Card("Radio <b>dead</b> spot", 2))
        again = kept("card.html", Card("Radio <b>dead</b> spot", 2))  # an equal model, built afresh
        assert isinstance(first, Markup) and first == again and len(draws) == 1
        changed = kept("card.html", Card("Radio <b>dead</b> spot", 3))
        assert "<p>3</p>" in changed and len(draws) == 2
        assert "&lt;b&gt;dead&lt;/b&gt;" in first  # the model's text is escaped, as on any page


def test_a_part_sees_its_model_only_not_the_request_context():
    app = _app([])
    with app.test_request_context("/"):
        assert "LEAK" not in kept("card.html", Card("A", 1))


def test_the_same_model_under_another_address_prefix_is_drawn_for_it():
    draws: list = []
    app = _app(draws)
    with app.test_request_context("/"):
        assert 'href="/page"' in kept("card.html", Card("A", 1))
    with app.test_request_context("/", base_url="http://localhost/debrief"):
        assert url_for("page") == "/debrief/page"
        assert 'href="/debrief/page"' in kept("card.html", Card("A", 1))
    assert len(draws) == 2


def test_each_app_keeps_its_own_parts():
    draws: list = []
    one, two = _app(draws), _app(draws)
    for app in (one, two, one):
        with app.test_request_context("/"):
            kept("card.html", Card("A", 1))
    assert len(draws) == 2
