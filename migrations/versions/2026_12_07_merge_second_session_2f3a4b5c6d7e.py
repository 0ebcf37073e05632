"""Joins the schema changes made side by side in the second session of 7 December: the audit chain head's
previous hash, an RCA's return (who, when, why) and the magazine search vector kept inline.

Revision ID: 2f3a4b5c6d7e
Revises: 5c8e1a7d3f20, 4c8d2e6f1a3b, 4c8d2e6f1a37
Create Date: 2026-12-07
"""

revision = '2f3a4b5c6d7e'
down_revision = ('5c8e1a7d3f20', '4c8d2e6f1a3b', '4c8d2e6f1a37')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
