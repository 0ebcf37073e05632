"""The flask commands: create-user and an idempotent seed-demo."""
from __future__ import annotations

from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Force, User
from tests.support.factories import create_force


def test_seed_demo_is_idempotent_and_prints_sign_ins(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    counts = (db.session.scalar(select(func.count(Force.id))), db.session.scalar(select(func.count(User.id))))
    assert counts == (2, 18)  # a user per role per force, four more officers and a second reviewer each
    magazine = _magazine_counts()
    # Four RCAs released and published as issue 1, with some force responses to its questions.
    assert magazine == {"case_studies": 4, "published": 4, "issues": 1, "published_issues": 1, "responses": 4}
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert (db.session.scalar(select(func.count(Force.id))), db.session.scalar(select(func.count(User.id)))) == counts
    assert _magazine_counts() == magazine
    for role in Role:
        assert f"{role.value}@nsp.example.police.uk" in first.output
    assert "demo-password-2026" in first.output


def _magazine_counts() -> dict[str, int]:
    from debrief.models import CaseStudy, ForceResponse, MagazineIssue

    def count(column, *where):
        return db.session.scalar(select(func.count(column)).where(*where))

    return {"case_studies": count(CaseStudy.id), "published": count(CaseStudy.id, CaseStudy.status == "published"),
            "issues": count(MagazineIssue.id),
            "published_issues": count(MagazineIssue.id, MagazineIssue.status == "published"),
            "responses": count(ForceResponse.id)}


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
