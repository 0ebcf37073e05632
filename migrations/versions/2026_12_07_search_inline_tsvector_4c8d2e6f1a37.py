"""The magazine search's tsvector kept in its row on PostgreSQL, not in TOAST: ranking reads every match's tsvector,
and fetching each one from the TOAST table (a case study's is about 3.5 kB, over the 2 kB threshold) cost more than
the ranking itself. Rows are rewritten so the ones stored already move in. Nothing changes on SQLite (FTS5).

Revision ID: 4c8d2e6f1a37
Revises: 1e2f3a4b5c6d
Create Date: 2026-12-07 05:50:00

"""
from alembic import op


revision = '4c8d2e6f1a37'
down_revision = '1e2f3a4b5c6d'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    # A row may fill a page before anything is moved out of it; the tsvector is never moved out, only compressed.
    op.execute("ALTER TABLE magazine_search SET (toast_tuple_target = 8160)")
    op.execute("ALTER TABLE magazine_search ALTER COLUMN tsv SET STORAGE MAIN")
    op.execute("UPDATE magazine_search SET body = body")  # stores every row again, the generated tsvector with it


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE magazine_search RESET (toast_tuple_target)")
    op.execute("ALTER TABLE magazine_search ALTER COLUMN tsv SET STORAGE EXTENDED")
    op.execute("UPDATE magazine_search SET body = body")
