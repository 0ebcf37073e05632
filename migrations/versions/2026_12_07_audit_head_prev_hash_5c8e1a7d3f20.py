"""The audit chain head keeps the hash its latest link chained onto, so taking the next link is one statement
(the upsert computes the new link's hash and returns the previous one)

Revision ID: 5c8e1a7d3f20
Revises: 1e2f3a4b5c6d
Create Date: 2026-12-07 05:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5c8e1a7d3f20'
down_revision = '1e2f3a4b5c6d'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('audit_chain_head', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('audit_chain_head', schema=None) as batch_op:
        batch_op.drop_column('prev_hash')
