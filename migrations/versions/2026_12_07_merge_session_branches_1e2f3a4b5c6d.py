"""Joins the schema changes made side by side on 7 December: the mail outbox and subscriptions, the shared
artefact cache, the national profile rollup and the force responses' stance on recommendations.

Revision ID: 1e2f3a4b5c6d
Revises: e3a1c5d7f902, a7c3e9f1b2d4, 7b3e9d1c4a62, 9a4c2e7b1d36
Create Date: 2026-12-07
"""

revision = '1e2f3a4b5c6d'
down_revision = ('e3a1c5d7f902', 'a7c3e9f1b2d4', '7b3e9d1c4a62', '9a4c2e7b1d36')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
