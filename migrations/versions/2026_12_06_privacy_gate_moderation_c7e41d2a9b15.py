"""Privacy: force responses moderated (status, who moderated, withdrawal reason), readers' feedback flagged for
identifiers, and wellbeing contacts' acknowledgements of support requests

Revision ID: c7e41d2a9b15
Revises: ab0aac5220d8
Create Date: 2026-12-06 23:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c7e41d2a9b15'
down_revision = 'ab0aac5220d8'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('force_response', schema=None) as batch_op:
        # Responses recorded before moderation were already public: they stay approved.
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=False, server_default='approved'))
        batch_op.add_column(sa.Column('moderated_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('moderated_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_reason', sa.Text(), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_force_response_status'), ['status'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_force_response_moderated_by_id_user'), 'user', ['moderated_by_id'], ['id'])
    with op.batch_alter_table('issue_feedback', schema=None) as batch_op:
        batch_op.add_column(sa.Column('identifier_kinds', sa.JSON(), nullable=False, server_default='[]'))
    op.create_table(
        'support_acknowledgement',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('debrief_id', sa.Integer(), nullable=False),
        sa.Column('acknowledged_by_id', sa.Integer(), nullable=True),
        sa.Column('acknowledged_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['acknowledged_by_id'], ['user.id'],
                                name=op.f('fk_support_acknowledgement_acknowledged_by_id_user')),
        sa.ForeignKeyConstraint(['debrief_id'], ['debrief.id'], ondelete='CASCADE',
                                name=op.f('fk_support_acknowledgement_debrief_id_debrief')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_acknowledgement')),
        sa.UniqueConstraint('debrief_id', name=op.f('uq_support_acknowledgement_debrief_id')),
    )


def downgrade():
    op.drop_table('support_acknowledgement')
    with op.batch_alter_table('issue_feedback', schema=None) as batch_op:
        batch_op.drop_column('identifier_kinds')
    with op.batch_alter_table('force_response', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_force_response_moderated_by_id_user'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_force_response_status'))
        batch_op.drop_column('withdrawn_reason')
        batch_op.drop_column('moderated_at')
        batch_op.drop_column('moderated_by_id')
        batch_op.drop_column('status')
