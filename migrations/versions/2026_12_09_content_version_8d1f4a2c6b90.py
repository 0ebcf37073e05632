"""The public magazine's content version: a token changed by every write to what its pages show, so a page drawn
once is served again until the content changes.

Revision ID: 8d1f4a2c6b90
Revises: 2f3a4b5c6d7e
Create Date: 2026-12-09
"""
import secrets

import sqlalchemy as sa
from alembic import op

revision = '8d1f4a2c6b90'
down_revision = '2f3a4b5c6d7e'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'content_version',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('token', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_content_version')),
    )
    # The magazine already published is the first version: its pages are kept from the first request.
    op.bulk_insert(table, [{'name': 'magazine', 'token': secrets.token_hex(16)}])


def downgrade():
    op.drop_table('content_version')
