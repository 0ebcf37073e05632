"""An account an administrator made must set its own password before anything else: password_change_due on user
(existing accounts are not due: their people chose, or were given, their passwords before this)

Revision ID: 3f6a9d2e8b14
Revises: 7b3e9c1d5a28
Create Date: 2026-12-12 09:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '3f6a9d2e8b14'
down_revision = '7b3e9c1d5a28'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('password_change_due', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('password_change_due')
