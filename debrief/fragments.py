"""Parts of a page drawn once per distinct content: a part's template sees nothing but its model, so the model is its key.

A kept part is rendered from one frozen, hashable model (a dataclass or tuple of plain values: str, int, dates,
tuples; never a database object, a form or a per-request token) and from nothing else: it is rendered with `m` as its
only variable, without Flask's context processors (no `current_user`, `request`, `csrf_token` value), so what it
shows cannot depend on anything missing from the key. The same model always draws the same markup, whoever asks, so a
kept part can never show one person another's data, and a change to the database is seen at once: the page builds the
model from what it loaded in this request, and a new value is a new key. No version to keep in step, per worker, no
invalidation. Each app keeps at most MAX_PARTS parts (least recently used dropped first).

Python's equality decides what is "the same model": keep one type per field (1 == 1.0 == True, and a Markup equals
the str with the same characters, yet each renders differently), and put text in as str, never Markup.

Use it for markup that costs more to draw than its model costs to build (a summary list, a history, a subnav);
leave forms (CSRF tokens) and anything that reads the signed-in user out of the part, or put what they decide into
the model as a plain value (a bool "is the lead").
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app, request
from markupsafe import Markup

EXTENSION = "debrief_kept_parts"
MAX_PARTS = 1024


class _Parts:
    """A small thread-safe LRU of drawn parts."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self.items: OrderedDict[Hashable, Markup] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable) -> Markup | None:
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key: Hashable, part: Markup) -> None:
        with self.lock:
            self.items[key] = part
            while len(self.items) > self.maxsize:
                self.items.popitem(last=False)


def _parts() -> _Parts:
    parts = current_app.extensions.get(EXTENSION)
    if parts is None:
        parts = current_app.extensions.setdefault(EXTENSION, _Parts(MAX_PARTS))
    return parts


def kept(template: str, model: Hashable) -> Markup:
    """`template` rendered with `m=model` only, drawn once per (template, model, the app's address prefix)."""
    key = (template, request.script_root, model)  # url_for in a part writes the prefix the app is served under
    parts = _parts()
    found = parts.get(key)
    if found is None:
        found = Markup(current_app.jinja_env.get_template(template).render(m=model))
        parts.put(key, found)
    return found


def kept_drawn(draw: Callable[[Hashable], Markup], model: Hashable) -> Markup:
    """`draw(model)` drawn once per (draw, model, the app's address prefix): for a part built in Python rather than a
    template. `draw` is a module-level function of its model alone, by the same rule as a part's template."""
    key = (draw, request.script_root, model)
    parts = _parts()
    found = parts.get(key)
    if found is None:
        found = Markup(draw(model))
        parts.put(key, found)
    return found
