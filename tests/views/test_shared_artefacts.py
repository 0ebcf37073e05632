"""Drawn graphs and typeset PDFs are shared between workers and hosts: a second app in a fresh process (with no
Graphviz and no WeasyPrint to make them again) serves what the first one made, from the database."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from debrief import artefacts
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CachedArtefact
from debrief.rca.service import start_rca
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import sign_in
from tests.support.publication_factories import create_case_study, create_issue

ROOT = Path(__file__).resolve().parents[2]

# The second worker: a new process, a new app on the same database, and nothing able to draw or typeset.
SECOND_WORKER = """
import hashlib, json, os, sys
os.environ["PATH"] = "/nonexistent"  # no Graphviz: a drawing can only come from the shared cache
from debrief.publications import export

def refuse(html):
    raise AssertionError("the PDF was typeset again")

export.tagged_pdf = refuse
from tests.support.apps import make_app
from tests.support.pages import sign_in

url, email, rca_id, number = sys.argv[1:5]
app = make_app(url)
out = {}
with app.app_context():
    client = app.test_client()
    for name, path in (("pdf", f"/magazine/issues/{number}.pdf"), ("svg", f"/rca/{rca_id}/graph.svg"),
                       ("png", f"/rca/{rca_id}/graph.png")):
        if name == "svg":
            sign_in(client, email)
        response = client.get(path)
        out[name] = [response.status_code, hashlib.sha256(response.data).hexdigest()]
print(json.dumps(out))
"""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_second_worker_serves_what_the_first_drew_and_typeset(app, client, people):
    lead = create_user(force=people[("A", Role.OFFICER)].force, roles=[Role.REVIEWER], email="lead@aaa.example")
    rca = start_rca(submitted_debrief(author=people[("A", Role.OFFICER)]).incident, actor=lead, level="concise",
                    terms_of_reference="Why?")
    issue = create_issue(number=1)
    create_case_study(force=people[("A", Role.OFFICER)].force, issue=issue)

    pdf = client.get(f"/magazine/issues/{issue.number}.pdf")
    sign_in(client, "reviewer@aaa.example")
    svg = client.get(f"/rca/{rca.id}/graph.svg")
    png = client.get(f"/rca/{rca.id}/graph.png")
    assert [pdf.status_code, svg.status_code, png.status_code] == [200, 200, 200]
    kinds = sorted(db.session.scalars(select(CachedArtefact.kind)))
    assert kinds == ["graphviz-png", "graphviz-svg", "magazine-pdf"]

    second = subprocess.run(
        [sys.executable, "-c", SECOND_WORKER, app.config["SQLALCHEMY_DATABASE_URI"], "reviewer@aaa.example",
         str(rca.id), str(issue.number)],
        cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr[-2000:]
    served = json.loads(second.stdout.strip().splitlines()[-1])
    # The PDF is byte for byte the first one; the SVG download adds its XML prolog around the same drawing.
    assert served["pdf"] == [200, _sha(pdf.data)]
    assert served["svg"] == [200, _sha(svg.data)]
    assert served["png"] == [200, _sha(png.data)]
    assert db.session.scalar(select(func.count()).select_from(CachedArtefact)) == 3


def test_the_key_is_what_was_drawn(app):
    made: list[str] = []

    def make(text: str):
        def run() -> bytes:
            made.append(text)
            return text.encode()
        return run

    assert artefacts.get_or_make("test", ("digraph { a }",), make("first")) == b"first"
    assert artefacts.get_or_make("test", ("digraph { a }",), make("again")) == b"first"
    # Something else drawn, or the same source as another kind: a new entry.
    assert artefacts.get_or_make("test", ("digraph { a -> b }",), make("changed")) == b"changed"
    assert artefacts.get_or_make("other", ("digraph { a }",), make("other kind")) == b"other kind"
    assert made == ["first", "changed", "other kind"]
    # Parts are length-prefixed: ("ab", "c") and ("a", "bc") are different keys.
    assert artefacts.content_key("k", "ab", "c") != artefacts.content_key("k", "a", "bc")


def test_the_cache_keeps_to_its_size_bound_dropping_the_oldest(app):
    app.config["ARTEFACT_CACHE_MAX_BYTES"] = 2500
    for n in range(4):
        artefacts.get_or_make("test", (f"source {n}",), lambda: b"x" * 1000)
    kept = db.session.execute(select(func.count(), func.sum(CachedArtefact.size))).one()
    assert tuple(kept) == (2, 2000)
    # The two newest stayed: asking for them makes nothing; the oldest is made again.
    made = []
    for n in (3, 2, 0):
        artefacts.get_or_make("test", (f"source {n}",), lambda n=n: made.append(n) or b"y")
    assert made == [0]
    # An output bigger than the whole bound is served but not kept.
    assert artefacts.get_or_make("test", ("huge",), lambda: b"z" * 3000) == b"z" * 3000
    assert db.session.scalar(select(CachedArtefact.key).where(
        CachedArtefact.key == artefacts.content_key("test", "huge"))) is None
