"""NHS-grade RCA: team and declarations of interest, chronology sources and notable practice, the structured
report, recommendations with priority, organisation and strength, evidence of completion, return comments

Revision ID: c15a0e7d2b91
Revises: ab0aac5220d8
Create Date: 2026-12-06 23:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c15a0e7d2b91'
down_revision = 'ab0aac5220d8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rca_team_member',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('rca_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=10), nullable=False),
        sa.Column('has_conflict', sa.Boolean(), nullable=True),
        sa.Column('conflict_detail', sa.Text(), nullable=False),
        sa.Column('declared_at', sa.DateTime(), nullable=True),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['rca_id'], ['rca.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('rca_id', 'user_id'),
    )
    with op.batch_alter_table('rca_team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rca_team_member_rca_id'), ['rca_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rca_team_member_user_id'), ['user_id'], unique=False)
    op.create_table(
        'rca_report_section',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('rca_id', sa.Integer(), nullable=False),
        sa.Column('section', sa.String(length=40), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['rca_id'], ['rca.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('rca_id', 'section'),
    )
    with op.batch_alter_table('rca_report_section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rca_report_section_rca_id'), ['rca_id'], unique=False)
    with op.batch_alter_table('rca_chronology_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_kind', sa.String(length=20), server_default='debrief', nullable=False))
        batch_op.add_column(sa.Column('is_notable_practice', sa.Boolean(), server_default='0', nullable=False))
    with op.batch_alter_table('rca_recommendation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('priority', sa.String(length=10), server_default='medium', nullable=False))
        batch_op.add_column(sa.Column('addressed_to', sa.String(length=20), server_default='force', nullable=False))
        batch_op.add_column(sa.Column('strength', sa.String(length=14), nullable=True))
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='active', nullable=False))
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=True))
    with op.batch_alter_table('rca_node', schema=None) as batch_op:
        batch_op.add_column(sa.Column('root_cause_reason', sa.Text(), nullable=True))
    with op.batch_alter_table('rca_action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('completion_evidence', sa.Text(), nullable=True))
    with op.batch_alter_table('rca_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('section_comments', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('snapshot', sa.JSON(), nullable=True))

    # Entries a reviewer added (no debrief behind them) came from somewhere else.
    op.execute("UPDATE rca_chronology_entry SET source_kind = 'other' WHERE debrief_id IS NULL")
    # The one findings text becomes the executive summary; the lead becomes the first member of the team.
    op.execute(sa.text(
        "INSERT INTO rca_report_section (rca_id, section, text, updated_at) "
        "SELECT id, 'executive_summary', findings, updated_at FROM rca WHERE findings <> ''"))
    op.execute(sa.text(
        "INSERT INTO rca_team_member (rca_id, user_id, role, conflict_detail, added_at) "
        "SELECT id, lead_id, 'lead', '', created_at FROM rca"))


def downgrade():
    with op.batch_alter_table('rca_event', schema=None) as batch_op:
        batch_op.drop_column('snapshot')
        batch_op.drop_column('section_comments')
    with op.batch_alter_table('rca_action', schema=None) as batch_op:
        batch_op.drop_column('completion_evidence')
    with op.batch_alter_table('rca_node', schema=None) as batch_op:
        batch_op.drop_column('root_cause_reason')
    with op.batch_alter_table('rca_recommendation', schema=None) as batch_op:
        batch_op.drop_column('reason')
        batch_op.drop_column('status')
        batch_op.drop_column('strength')
        batch_op.drop_column('addressed_to')
        batch_op.drop_column('priority')
    with op.batch_alter_table('rca_chronology_entry', schema=None) as batch_op:
        batch_op.drop_column('is_notable_practice')
        batch_op.drop_column('source_kind')
    with op.batch_alter_table('rca_report_section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rca_report_section_rca_id'))
    op.drop_table('rca_report_section')
    with op.batch_alter_table('rca_team_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rca_team_member_user_id'))
        batch_op.drop_index(batch_op.f('ix_rca_team_member_rca_id'))
    op.drop_table('rca_team_member')
