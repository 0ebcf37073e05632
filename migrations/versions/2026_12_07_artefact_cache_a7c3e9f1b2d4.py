"""Drawn graphs and typeset PDFs kept in the database, keyed by a hash of what was drawn, shared by every worker.

Revision ID: a7c3e9f1b2d4
Revises: 0d5e6f7a8b9c
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = 'a7c3e9f1b2d4'
down_revision = '0d5e6f7a8b9c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'artefact_cache',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('body', sa.LargeBinary(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_artefact_cache')),
    )
    with op.batch_alter_table('artefact_cache', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_artefact_cache_created_at'), ['created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('artefact_cache', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_artefact_cache_created_at'))
    op.drop_table('artefact_cache')
