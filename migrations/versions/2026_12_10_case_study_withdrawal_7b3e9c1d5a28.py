"""A published case study can be withdrawn from public view and republished once corrected: withdrawn_at and
corrected_at on case_study (its status "withdrawn" is a new value of the existing string column)

Revision ID: 7b3e9c1d5a28
Revises: 5c2e8a7d1f49
Create Date: 2026-12-10 09:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '7b3e9c1d5a28'
down_revision = '5c2e8a7d1f49'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('case_study', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('corrected_at', sa.DateTime(), nullable=True))


def downgrade():
    # Older code knows no "withdrawn": a downgrade must not put a withdrawn case study back on a public page, nor
    # lose it. "in_edit" keeps it with the learning team, off every public page, and editable.
    op.execute("UPDATE case_study SET status = 'in_edit' WHERE status = 'withdrawn'")
    with op.batch_alter_table('case_study', schema=None) as batch_op:
        batch_op.drop_column('corrected_at')
        batch_op.drop_column('withdrawn_at')
