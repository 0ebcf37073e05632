"""The national data's profile rollup: subjects' characteristics, and tactics by the officer's Taser training with
effectiveness and injuries (Who is subject to force and Training needs read it, not the million raw rows).

It starts empty: the first import or dashboard view after the upgrade builds it. Each debrief's training topics
(debrief_reflection_topics) are read here from the answers already held, and kept as answers are written after.

Revision ID: 7b3e9d1c4a62
Revises: 0d5e6f7a8b9c
Create Date: 2026-12-07 02:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7b3e9d1c4a62'
down_revision = '0d5e6f7a8b9c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('use_of_force_profile_summary',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('force_id', sa.Integer(), nullable=False),
    sa.Column('incident_month', sa.Integer(), nullable=False),
    sa.Column('measure', sa.String(length=30), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('grp', sa.String(length=20), nullable=False),
    sa.Column('records', sa.Integer(), nullable=False),
    sa.Column('effective', sa.Integer(), nullable=False),
    sa.Column('not_effective', sa.Integer(), nullable=False),
    sa.Column('staff_injured', sa.Integer(), nullable=False),
    sa.Column('subject_injured', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['force_id'], ['force.id'], name=op.f('fk_use_of_force_profile_summary_force_id_force')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_use_of_force_profile_summary'))
    )
    with op.batch_alter_table('use_of_force_profile_summary', schema=None) as batch_op:
        batch_op.create_index('ix_use_of_force_profile_summary_measure', ['measure', 'force_id', 'incident_month'],
                              unique=False)
    op.create_table('use_of_force_profile_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('max_record_id', sa.Integer(), nullable=False),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.Column('built_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_use_of_force_profile_state'))
    )
    op.create_table('debrief_reflection_topics',
    sa.Column('debrief_id', sa.Integer(), nullable=False),
    sa.Column('mask', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['debrief_id'], ['debrief.id'], name=op.f('fk_debrief_reflection_topics_debrief_id_debrief'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('debrief_id', name=op.f('pk_debrief_reflection_topics'))
    )
    _classify_existing_debriefs()


def _classify_existing_debriefs():
    from debrief.analytics.debrief_topics import mask_of

    connection = op.get_bind()
    debrief = sa.table('debrief', sa.column('id'), sa.column('could_differ'), sa.column('why_differ'))
    topics = sa.table('debrief_reflection_topics', sa.column('debrief_id'), sa.column('mask'))
    rows = [{"debrief_id": d, "mask": mask_of(could, why)}
            for d, could, why in connection.execute(sa.select(debrief.c.id, debrief.c.could_differ, debrief.c.why_differ))]
    if rows:
        connection.execute(topics.insert(), rows)


def downgrade():
    op.drop_table('debrief_reflection_topics')
    op.drop_table('use_of_force_profile_state')
    with op.batch_alter_table('use_of_force_profile_summary', schema=None) as batch_op:
        batch_op.drop_index('ix_use_of_force_profile_summary_measure')
    op.drop_table('use_of_force_profile_summary')
