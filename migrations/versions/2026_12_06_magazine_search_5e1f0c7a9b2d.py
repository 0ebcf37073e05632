"""The magazine's full-text index: FTS5 (porter) on SQLite, a generated tsvector with a GIN index on PostgreSQL;
filled from the case studies and questions already stored (not in the models: see publications/search_index.py); and
an index covering which case studies are public, so the search's filter never reads their texts.

Revision ID: 5e1f0c7a9b2d
Revises: ab0aac5220d8
Create Date: 2026-12-06 23:30:00

"""
from alembic import op


revision = '5e1f0c7a9b2d'
down_revision = 'ab0aac5220d8'
branch_labels = None
depends_on = None

# As search_index.doc_id: case study id << 33 | the kind's place in (case_study, recommendation, question) << 31 | id.
_CASE, _KIND = "8589934592", "2147483648"
_CASE_BODY = ("c.title || CHAR(10) || CHAR(10) || c.summary || CHAR(10) || CHAR(10) || c.what_happened || CHAR(10) || "
              "CHAR(10) || c.findings_key_learning || CHAR(10) || CHAR(10) || c.action_taken || CHAR(10) || CHAR(10) || "
              "c.outcome_for_individuals")


def _fill(key: str, newline: str) -> None:
    body = _CASE_BODY.replace("CHAR(10)", newline)
    op.execute(f"INSERT INTO magazine_search ({key}, kind, ref_id, case_study_id, body) "
               f"SELECT c.id * {_CASE} + c.id, 'case_study', c.id, c.id, {body} FROM case_study c")
    op.execute(f"INSERT INTO magazine_search ({key}, kind, ref_id, case_study_id, body) "
               f"SELECT c.id * {_CASE} + {_KIND} + c.id, 'recommendation', c.id, c.id, c.recommendations "
               "FROM case_study c WHERE c.recommendations <> ''")
    op.execute(f"INSERT INTO magazine_search ({key}, kind, ref_id, case_study_id, body) "
               f"SELECT q.case_study_id * {_CASE} + 2 * {_KIND} + q.id, 'question', q.id, q.case_study_id, q.text "
               "FROM reflective_question q WHERE q.text <> ''")


def upgrade():
    op.create_index("ix_case_study_visible", "case_study", ["status", "issue_id", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE TABLE magazine_search (doc_id BIGINT PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
                   "ref_id INTEGER NOT NULL, case_study_id INTEGER NOT NULL, body TEXT NOT NULL, "
                   "tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)")
        op.execute("CREATE INDEX ix_magazine_search_tsv ON magazine_search USING GIN (tsv)")
        op.execute("CREATE INDEX ix_magazine_search_case_study_id ON magazine_search (case_study_id)")
        _fill("doc_id", "chr(10)")
    else:
        op.execute("CREATE VIRTUAL TABLE magazine_search USING fts5(kind UNINDEXED, ref_id UNINDEXED, "
                   "case_study_id UNINDEXED, body, tokenize = 'porter unicode61 remove_diacritics 0')")
        _fill("rowid", "char(10)")


def downgrade():
    op.execute("DROP TABLE magazine_search")
    op.drop_index("ix_case_study_visible", table_name="case_study")
