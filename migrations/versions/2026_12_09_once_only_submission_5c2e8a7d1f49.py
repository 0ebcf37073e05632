"""Once-only submission: a create form's one-time token, recorded with what its first save created; and a
version on force responses, so a save from an older tab is refused instead of overwriting.

Revision ID: 5c2e8a7d1f49
Revises: 8d1f4a2c6b90
Create Date: 2026-12-09
"""
import sqlalchemy as sa
from alembic import op

revision = '5c2e8a7d1f49'
down_revision = '8d1f4a2c6b90'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'submission_token',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('result_url', sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_submission_token_user_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_token')),
        sa.UniqueConstraint('token', name=op.f('uq_submission_token_token')),
    )
    with op.batch_alter_table('submission_token') as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_token_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('force_response') as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('force_response') as batch_op:
        batch_op.drop_column('version')
    op.drop_table('submission_token')
