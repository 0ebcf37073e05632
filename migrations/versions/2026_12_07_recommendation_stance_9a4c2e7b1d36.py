"""Where a responding force is with a case study's recommendations (implemented, in progress, accepted, not accepted),
optional on its force response; the recommendations' public status is made from the approved ones

Revision ID: 9a4c2e7b1d36
Revises: 0d5e6f7a8b9c
Create Date: 2026-12-07 03:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '9a4c2e7b1d36'
down_revision = '0d5e6f7a8b9c'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('force_response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recommendation_stance', sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table('force_response', schema=None) as batch_op:
        batch_op.drop_column('recommendation_stance')
