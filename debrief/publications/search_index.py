"""The magazine's full-text index: one document per case study's texts, per case study's recommendations and per
reflective question, written in the same flush (so the same transaction) as the text it indexes.

SQLite keeps it in an FTS5 virtual table with the porter tokenizer; PostgreSQL in a plain table whose `tsv` column is
generated as `to_tsvector('english', body)` with a GIN index. Both are created by the migration
`2026_12_06_magazine_search_*`; neither is in the models' metadata (an FTS5 table cannot be), so the migration test
leaves INDEX_TABLE and FTS5's shadow tables out of its comparison. Reading it is search.py.

Every insert, change or delete of a CaseStudy or ReflectiveQuestion through the ORM session re-indexes it: the
services, the demo, the test factories and the benchmark all go through here, so nothing is stored unindexed.
"""
from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from debrief.models import CaseStudy, ReflectiveQuestion
from debrief.models.publication import CASE_STUDY_TEXTS

INDEX_TABLE = "magazine_search"
KINDS = ("case_study", "recommendation", "question")
# Marks a highlighted match in the text the database hands back; removed from every stored text so that the only
# marks are the database's own. Private-use characters: never typed by a reader.
MARK_START, MARK_END = "\ue000", "\ue001"


def _clean(value: str | None) -> str:
    return (value or "").replace(MARK_START, "").replace(MARK_END, "")


def case_study_body(case: CaseStudy) -> str:
    """The case study's own texts, in reading order, recommendations apart (they are their own document)."""
    parts = [case.title, *(getattr(case, key) for key, _ in CASE_STUDY_TEXTS if key != "recommendations")]
    return _clean("\n\n".join(p for p in parts if p))


def documents(case: CaseStudy) -> list[dict]:
    """The case study's own index rows (not its questions)."""
    return [{"kind": "case_study", "ref_id": case.id, "case_study_id": case.id, "body": case_study_body(case)},
            {"kind": "recommendation", "ref_id": case.id, "case_study_id": case.id,
             "body": _clean(case.recommendations)}]


def question_document(question: ReflectiveQuestion) -> dict:
    return {"kind": "question", "ref_id": question.id, "case_study_id": question.case_study_id,
            "body": _clean(question.text)}


CASE_SHIFT, KIND_SHIFT = 33, 31  # ids are 31-bit integers (PostgreSQL's INTEGER), so the three parts never overlap


def doc_id(kind: str, ref_id: int, case_study_id: int) -> int:
    """The row's key (SQLite's rowid): case study, kind and id packed into one integer, so a re-index finds its old
    row without a scan and SQLite can filter by case study and kind without reading FTS5's content table."""
    return (case_study_id << CASE_SHIFT) | (KINDS.index(kind) << KIND_SHIFT) | ref_id


def _key_column(connection) -> str:
    # FTS5's own rowid on SQLite; a bigint primary key on PostgreSQL.
    return "rowid" if connection.dialect.name == "sqlite" else "doc_id"


def _write(connection, removed: list[dict], added: list[dict]) -> None:
    key = _key_column(connection)
    keys = list({doc_id(d["kind"], d["ref_id"], d["case_study_id"]) for d in [*removed, *added]})
    if keys:
        connection.execute(text(f"DELETE FROM {INDEX_TABLE} WHERE {key} = :doc_id"), [{"doc_id": k} for k in keys])
    rows = [{**d, "doc_id": doc_id(d["kind"], d["ref_id"], d["case_study_id"])} for d in added if d["body"]]
    if rows:
        connection.execute(text(f"INSERT INTO {INDEX_TABLE} ({key}, kind, ref_id, case_study_id, body) "
                                "VALUES (:doc_id, :kind, :ref_id, :case_study_id, :body)"), rows)


def reindex_session(session: Session, flush_context) -> None:
    """after_flush: bring the index rows of every case study and question this flush touched up to date."""
    removed: list[dict] = []
    added: list[dict] = []
    for obj in session.deleted:
        if isinstance(obj, CaseStudy) and obj.id is not None:
            removed += [{"kind": k, "ref_id": obj.id, "case_study_id": obj.id} for k in ("case_study", "recommendation")]
        elif isinstance(obj, ReflectiveQuestion) and obj.id is not None and obj.case_study_id is not None:
            removed.append({"kind": "question", "ref_id": obj.id, "case_study_id": obj.case_study_id})
    for obj in [*session.new, *session.dirty]:
        if obj in session.deleted:
            continue
        if isinstance(obj, CaseStudy):
            added += documents(obj)
        elif isinstance(obj, ReflectiveQuestion) and obj.case_study_id is not None:
            added.append(question_document(obj))
    if removed or added:
        _write(session.connection(), removed, added)


def rebuild(session: Session) -> int:
    """Index every stored text again from scratch (after a bulk load outside the ORM); returns rows written."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    session.execute(text(f"DELETE FROM {INDEX_TABLE}"))
    added: list[dict] = []
    for case in session.scalars(select(CaseStudy).options(selectinload(CaseStudy.questions))):
        added += documents(case)
        added += [question_document(q) for q in case.questions]
    _write(session.connection(), [], added)
    return len(added)


def install() -> None:
    """Listen on every ORM session (idempotent)."""
    if not event.contains(Session, "after_flush", reindex_session):
        event.listen(Session, "after_flush", reindex_session)
