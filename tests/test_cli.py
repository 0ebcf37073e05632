"""The flask commands: create-user, an idempotent seed-demo, import-use-of-force."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Force, User
from tests.support.apps import make_app
from tests.support.factories import create_force


@pytest.fixture(scope="module")
def seeded_twice(databases):
    """`flask seed-demo` run twice on one empty database (seeding is the slow part, so the two tests below read
    the same two runs): what each run printed and exited with, and what the database held after each."""
    app = make_app(databases.new_url())
    with app.app_context():
        runner = app.test_cli_runner()
        runs = []
        for _ in range(2):
            result = runner.invoke(args=["seed-demo"])
            runs.append({"result": result, **_holdings()})
            db.session.remove()
        db.engine.dispose()
    return runs


def _holdings() -> dict:
    from debrief.models import UseOfForceImportRun, UseOfForceRecord

    return {
        "people": (db.session.scalar(select(func.count(Force.id))), db.session.scalar(select(func.count(User.id)))),
        "magazine": _magazine_counts(),
        "uof_per_force": dict(db.session.execute(
            select(Force.code, func.count(UseOfForceRecord.id))
            .join(UseOfForceRecord, UseOfForceRecord.force_id == Force.id).group_by(Force.code)).all()),
        "uof_dates": db.session.execute(
            select(func.min(UseOfForceRecord.incident_date), func.max(UseOfForceRecord.incident_date))).one(),
        "uof_records": db.session.scalar(select(func.count(UseOfForceRecord.id))),
        "uof_runs": db.session.scalar(select(func.count(UseOfForceImportRun.id))),
    }


def test_seed_demo_is_idempotent_and_prints_sign_ins(seeded_twice):
    first, second = seeded_twice
    assert first["result"].exit_code == 0, first["result"].output
    counts = first["people"]
    # A user per force role per force, one national administrator, four more officers and a second reviewer each.
    assert counts == (2, 21)
    magazine = first["magazine"]
    # Four RCAs released and published as issue 1, with some force responses to its questions (one still a draft
    # for the learning team to moderate), and a fifth release waiting for the learning team to edit.
    assert magazine == {"case_studies": 5, "published": 4, "issues": 1, "published_issues": 1, "responses": 5}
    assert second["result"].exit_code == 0
    assert second["people"] == counts
    assert second["magazine"] == magazine
    for role in Role:
        assert f"{role.value}@nsp.example.police.uk" in first["result"].output
    assert "demo-password-2026" in first["result"].output


def _magazine_counts() -> dict[str, int]:
    from debrief.models import CaseStudy, ForceResponse, MagazineIssue

    def count(column, *where):
        return db.session.scalar(select(func.count(column)).where(*where))

    return {"case_studies": count(CaseStudy.id), "published": count(CaseStudy.id, CaseStudy.status == "published"),
            "issues": count(MagazineIssue.id),
            "published_issues": count(MagazineIssue.id, MagazineIssue.status == "published"),
            "responses": count(ForceResponse.id)}


def test_seed_demo_imports_use_of_force_for_each_demo_force_once(seeded_twice):
    from datetime import date, timedelta

    first, second = seeded_twice
    assert first["result"].exit_code == 0
    assert first["uof_per_force"] == {"NSP": 1500, "WMC": 1500}
    first_day, last_day = first["uof_dates"]
    today = date.today()
    assert today - timedelta(days=2 * 365) <= first_day < today - timedelta(days=600)
    assert today - timedelta(days=30) <= last_day <= today
    assert second["result"].exit_code == 0  # again: nothing added, no new import run
    assert second["uof_records"] == 3000
    assert second["uof_runs"] == 2


def test_create_user_reads_password_from_stdin(app):
    create_force(code="AAA")
    result = app.test_cli_runner().invoke(
        args=["create-user", "--email", "New@aaa.example", "--force", "aaa", "--role", "admin", "--role", "officer"],
        input="a-long-enough-password\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "new@aaa.example"))
    assert user.roles == {Role.ADMIN, Role.OFFICER}


def test_create_user_rejects_unknown_force_and_weak_password(app):
    create_force(code="AAA")
    runner = app.test_cli_runner()
    unknown = runner.invoke(args=["create-user", "--email", "a@b.example", "--force", "ZZZ", "--role", "admin"],
                            input="a-long-enough-password\n")
    assert unknown.exit_code != 0 and "No force with code" in unknown.output
    weak = runner.invoke(args=["create-user", "--email", "a@b.example", "--force", "AAA", "--role", "admin"],
                         input="short\n")
    assert weak.exit_code != 0 and "12 characters" in weak.output
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_anonymise_command_writes_one_line_per_passage_with_offsets_into_the_input(app, tmp_path):
    import json

    source = "PC Dean Whitlock 4471 spoke to Mrs Patel at 12 Mill Lane, Leeds LS6 2AB."
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": source, "people": ["Dean Whitlock"]}) + "\n\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["anonymise", "--input", str(src), "--output", str(dst)])
    assert result.exit_code == 0, result.output
    [line] = dst.read_text(encoding="utf-8").splitlines()
    out = json.loads(line)
    assert out["id"] == "p1"
    for name in ("Whitlock", "Dean", "4471", "Patel", "Mill Lane", "LS6 2AB"):
        assert name not in out["text"]
    assert "PC" in out["text"] or "Officer" in out["text"]
    labels = {e["label"] for e in out["entities"]}
    assert {"PERSON", "POSTCODE"} <= labels or len(labels) >= 3
    for entity in out["entities"]:
        assert source[entity["start"]:entity["end"]].strip()


def test_anonymise_command_reports_a_line_that_is_not_json(app, tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": 1, "text": "ok"}\nnot json\n', encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["anonymise", "--input", str(src), "--output", str(dst)])
    assert result.exit_code != 0
    assert "line 2" in result.output


def _anonymise(app, tmp_path, content: bytes | str, *, output: str = "out.jsonl"):
    src, dst = tmp_path / "in.jsonl", tmp_path / output
    src.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return app.test_cli_runner().invoke(args=["anonymise", "--input", str(src), "--output", str(dst)]), dst


@pytest.mark.parametrize("content, said", [
    ('{"id": 1, "text": "Sam Jones"}\nnot json\n', "line 2: not JSON"),
    ('{"id": 1, "text": "ok"}\n[1, 2]\n', "line 2: each line must be one JSON object"),
    ('{"id": 1, "text": "ok"}\n{"id": 2}\n', 'line 2: there is no "text"'),
    ('{"id": 1, "text": 42}\n', 'line 1: "text" must be text in quotes, not a number'),
    ('{"id": 1, "text": "ok", "people": "Sam Jones"}\n', 'line 1: "people" must be a list of names'),
    ('{"id": 1, "text": "ok", "people": ["Sam", 7]}\n', 'line 1: person 2 in "people" must be a name'),
    ('{"id": 1, "text": "ok", "force": 3}\n', 'line 1: "force" must be'),
    ('{"id": 1, "text": "ok", "people": [{"nme": "Tom"}]}\n', 'line 1: person 1 in "people" has no "name"'),
    (b'{"id": 1, "text": "caf\xe9"}\n', "line 1: not UTF-8 text"),
])
def test_anonymise_command_refuses_a_bad_line_by_number_and_writes_nothing(app, tmp_path, content, said):
    """A bad line stops the run before anything is written: an earlier output is left as it was, not half-replaced."""
    (tmp_path / "out.jsonl").write_text("the earlier output\n", encoding="utf-8")
    result, dst = _anonymise(app, tmp_path, content)
    assert result.exit_code == 1 and said in result.output and "Nothing was written" in result.output, result.output
    assert "Traceback" not in result.output
    assert dst.read_text(encoding="utf-8") == "the earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]  # no temporary file left


def test_anonymise_command_reads_a_byte_order_mark_and_windows_line_ends(app, tmp_path):
    content = "\ufeff" + '{"id": 1, "text": "Sam Jones\\r\\nleft.", "people": ["Sam Jones"]}\r\n\r\n'
    result, dst = _anonymise(app, tmp_path, content)
    assert result.exit_code == 0, result.output
    assert "Jones" not in dst.read_text(encoding="utf-8") and "Anonymised 1 passage." in result.output


def test_anonymise_command_on_an_empty_input_writes_an_empty_output(app, tmp_path):
    (tmp_path / "out.jsonl").write_text("the earlier output\n", encoding="utf-8")
    result, dst = _anonymise(app, tmp_path, "\n\n")
    assert result.exit_code == 0 and "Anonymised 0 passages (the input had none)." in result.output
    assert dst.read_text(encoding="utf-8") == ""


def test_anonymise_command_refuses_a_folder_as_the_output(app, tmp_path):
    (tmp_path / "out").mkdir()
    result, _ = _anonymise(app, tmp_path, '{"id": 1, "text": "ok"}\n', output="out")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out"]


def test_anonymise_command_writes_into_a_device_or_pipe_and_never_replaces_it(app, tmp_path):
    """A run with --output /dev/null replaced the device with a plain file (the whole-or-nothing rename), and every
    later program that wrote to /dev/null failed. A named pipe stands in for the device here."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "Sam Jones left."}\n', encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["anonymise", "--input", str(src), "--output", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and '"id": 1' in got[0] and "Jones" not in got[0]


def test_anonymise_command_notes_keys_it_does_not_read_and_repeated_ids(app, tmp_path):
    content = ('{"id": 1, "text": "ok", "aliases": ["x"], "people": [{"name": "Sam Jones", "nick": "Sammy"}]}\n'
               '{"id": 1, "text": "ok"}\n')
    result, dst = _anonymise(app, tmp_path, content)
    assert result.exit_code == 0
    assert "Note: line 1: aliases not read" in result.output and "person 1: nick not read" in result.output
    assert "Note: line 2: the id 1 was also on line 1" in result.output
    assert len(dst.read_text(encoding="utf-8").splitlines()) == 2


def test_anonymise_command_hides_names_behind_control_characters_and_emoji(app, tmp_path):
    import json

    text = "John\u0000 Smith replied. Fatima \u202eHassan\u202c was there. Dave \U0001F642 Jones left."
    result, dst = _anonymise(app, tmp_path, json.dumps({"id": 1, "text": text,
                                                         "people": ["John Smith", "Fatima Hassan", "Dave Jones"]}))
    assert result.exit_code == 0, result.output
    out = json.loads(dst.read_text(encoding="utf-8"))["text"]
    for name in ("John", "Smith", "Fatima", "Hassan", "Dave", "Jones"):
        assert name not in out, out
    assert "\u0000" not in out


DATA = Path(__file__).resolve().parent / "data"


def test_import_use_of_force_prints_a_summary_and_writes_rejects(app, tmp_path):
    from debrief.models import UseOfForceImportRun, UseOfForceRecord

    create_force(code="AAA")
    rejects = tmp_path / "rejects.csv"
    result = app.test_cli_runner().invoke(args=[
        "import-use-of-force", str(DATA / "uof_small.csv"), "--force", "aaa", "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    assert "200 rows read, 197 inserted, 0 duplicates, 3 rejected in" in result.output
    assert "Row 122: Tactic 1 'Lasso' is not a known tactic" in result.output
    assert rejects.read_text(encoding="utf-8").count("\n") == 4
    assert db.session.scalar(select(func.count(UseOfForceRecord.id))) == 197
    from debrief.models.analytics_summary import UseOfForceSummaryState  # the dashboards' rollup, built at once

    state = db.session.get(UseOfForceSummaryState, 1)
    assert state.max_record_id == db.session.scalar(select(func.max(UseOfForceRecord.id)))

    again = app.test_cli_runner().invoke(args=[
        "import-use-of-force", str(DATA / "uof_small.csv"), "--force", "AAA", "--batch-size", "50"])
    assert again.exit_code == 0, again.output
    assert "0 inserted, 197 duplicates" in again.output
    assert db.session.scalar(select(func.count(UseOfForceRecord.id))) == 197
    modes = db.session.scalars(select(UseOfForceImportRun.mode).order_by(UseOfForceImportRun.id)).all()
    assert modes == ["all_or_nothing", "batched"]


def test_import_use_of_force_fails_clearly(app):
    from debrief.models import UseOfForceRecord

    create_force(code="AAA")
    runner = app.test_cli_runner()
    missing = runner.invoke(args=["import-use-of-force", str(DATA / "uof_missing_column.csv"), "--force", "AAA"])
    assert missing.exit_code != 0
    assert "missing 3 required columns: IncidentDate, SubjectAge, Outcome: Arrested" in missing.output
    unknown = runner.invoke(args=["import-use-of-force", str(DATA / "uof_small.csv"), "--force", "ZZZ"])
    assert unknown.exit_code != 0 and "No force with code" in unknown.output
    nothing = runner.invoke(args=["import-use-of-force", str(DATA / "uof_small.csv"), "--force", "AAA", "--resume"])
    assert nothing.exit_code != 0 and "no unfinished import" in nothing.output
    bad_size = runner.invoke(args=["import-use-of-force", str(DATA / "uof_small.csv"), "--force", "AAA",
                                   "--batch-size", "0"])
    assert bad_size.exit_code != 0
    assert db.session.scalar(select(func.count(UseOfForceRecord.id))) == 0


def test_an_interrupted_import_exits_non_zero_and_resumes(app, monkeypatch):
    from debrief.nationaldata import importer
    from debrief.models import UseOfForceRecord

    create_force(code="AAA")
    real, calls = importer._write_batch, []

    def fails_third_time(*args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("connection lost (simulated)")
        return real(*args)

    monkeypatch.setattr(importer, "_write_batch", fails_third_time)
    args = ["import-use-of-force", str(DATA / "uof_small.csv"), "--force", "AAA", "--batch-size", "50"]
    stopped = app.test_cli_runner().invoke(args=args)
    assert stopped.exit_code != 0
    assert "Stopped after row 101" in stopped.output and "connection lost" in stopped.output
    monkeypatch.setattr(importer, "_write_batch", real)
    resumed = app.test_cli_runner().invoke(args=[*args, "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert "100 rows read, 98 inserted" in resumed.output
    assert db.session.scalar(select(func.count(UseOfForceRecord.id))) == 197


def test_make_run_lists_the_sign_ins_once(app):
    # `make run` seeds the demo and then prints its banner: what both print together names each sign-in once.
    import re
    import shlex
    import subprocess

    root = Path(__file__).resolve().parents[1]
    recipe = re.search(r"^run: db\n((?:\t.*\n)+)", (root / "Makefile").read_text(), re.M).group(1)
    seed_line = next(line for line in recipe.splitlines() if "seed-demo" in line)
    seed_args = shlex.split(seed_line.split("$(FLASK)", 1)[1])
    seeded = app.test_cli_runner().invoke(args=seed_args)
    assert seeded.exit_code == 0, seeded.output
    banner = subprocess.run([str(root / "scripts" / "run-banner"), "http://127.0.0.1:5000/"], capture_output=True,
                            text=True, check=True).stdout
    printed = seeded.output + banner
    for role in ("officer", "reviewer", "learning", "admin"):
        assert printed.count(f"{role}@nsp.example.police.uk") == 1, printed
    assert printed.count("demo-password-2026") == 1


def test_make_run_shows_its_banner_only_once_the_server_answers():
    # The banner says "Debrief is running at ...": printed before the server listens, the address it gives would be
    # refused if opened at once. `make run` starts it with --wait beside the server.
    import re
    import socket
    import subprocess
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, HTTPServer

    root = Path(__file__).resolve().parents[1]
    recipe = re.search(r"^run: db\n((?:\t.*\n)+)", (root / "Makefile").read_text(), re.M).group(1)
    assert "run-banner --wait" in recipe
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    banner = subprocess.Popen([str(root / "scripts" / "run-banner"), "--wait", url], stdout=subprocess.PIPE, text=True)
    time.sleep(1.0)
    assert banner.poll() is None  # nothing listening yet: still waiting, nothing printed

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", "/elsewhere")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", port), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        out, _ = banner.communicate(timeout=20)
    finally:
        server.shutdown()
    assert f"Debrief is running at {url}" in out
