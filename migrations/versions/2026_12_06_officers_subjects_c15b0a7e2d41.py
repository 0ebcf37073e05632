"""Use of force per subject (tactics, Taser detail, body-worn video, references); colleagues without an account
and "I was not there" on the incident's people

Existing debriefs keep their answers: each debrief that used force or has tactics gets one subject, and its
tactics (and, when it used force, its subject injuries) are moved onto it.

Revision ID: c15b0a7e2d41
Revises: ab0aac5220d8
Create Date: 2026-12-06 23:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c15b0a7e2d41'
down_revision = 'ab0aac5220d8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('use_of_force_subject',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('debrief_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('public_person_id', sa.Integer(), nullable=True),
    sa.Column('bwv_worn', sa.Boolean(), nullable=True),
    sa.Column('bwv_recorded', sa.Boolean(), nullable=True),
    sa.Column('bwv_reference', sa.String(length=60), nullable=True),
    sa.Column('log_reference', sa.String(length=60), nullable=True),
    sa.Column('custody_reference', sa.String(length=60), nullable=True),
    sa.ForeignKeyConstraint(['debrief_id'], ['debrief.id'], name=op.f('fk_use_of_force_subject_debrief_id_debrief'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['public_person_id'], ['public_person.id'], name=op.f('fk_use_of_force_subject_public_person_id_public_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_use_of_force_subject'))
    )
    with op.batch_alter_table('use_of_force_subject', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_use_of_force_subject_debrief_id'), ['debrief_id'], unique=False)

    with op.batch_alter_table('debrief_tactic', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('taser_cartridges', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('taser_cycles', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('probe_removal', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('aftercare', sa.String(length=500), nullable=True))
        batch_op.drop_constraint('uq_debrief_tactic_debrief_id', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_debrief_tactic_debrief_id'), ['debrief_id', 'subject_id', 'tactic'])
        batch_op.create_index(batch_op.f('ix_debrief_tactic_subject_id'), ['subject_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_debrief_tactic_subject_id_use_of_force_subject'), 'use_of_force_subject', ['subject_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('injury', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_injury_subject_id'), ['subject_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_injury_subject_id_use_of_force_subject'), 'use_of_force_subject', ['subject_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('incident_officer', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('name', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('force_name', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('not_there_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('not_there_note', sa.String(length=500), nullable=True))

    # One subject for each existing debrief that recorded force, holding what it recorded.
    conn = op.get_bind()
    debrief = sa.table('debrief', sa.column('id', sa.Integer), sa.column('used_force', sa.Boolean))
    tactic = sa.table('debrief_tactic', sa.column('debrief_id', sa.Integer), sa.column('subject_id', sa.Integer))
    injury = sa.table('injury', sa.column('debrief_id', sa.Integer), sa.column('subject_id', sa.Integer),
                      sa.column('person', sa.String))
    subject = sa.table('use_of_force_subject', sa.column('id', sa.Integer), sa.column('debrief_id', sa.Integer),
                       sa.column('number', sa.Integer))
    with_tactics = sa.select(tactic.c.debrief_id)
    ids = [row[0] for row in conn.execute(sa.select(debrief.c.id).where(
        sa.or_(debrief.c.used_force.is_(True), debrief.c.id.in_(with_tactics))).order_by(debrief.c.id))]
    if ids:
        conn.execute(subject.insert(), [{"debrief_id": i, "number": 1} for i in ids])
        own = (sa.select(subject.c.id).where(subject.c.debrief_id == tactic.c.debrief_id)
               .scalar_subquery())
        conn.execute(tactic.update().values(subject_id=own))
        own_injury = (sa.select(subject.c.id).where(subject.c.debrief_id == injury.c.debrief_id)
                      .scalar_subquery())
        used = sa.select(debrief.c.id).where(debrief.c.used_force.is_(True))
        conn.execute(injury.update().where(injury.c.person == 'subject', injury.c.debrief_id.in_(used))
                     .values(subject_id=own_injury))


def downgrade():
    conn = op.get_bind()
    # A debrief's tactics become one set again: keep the first subject's, as the old form held one.
    tactic = sa.table('debrief_tactic', sa.column('id', sa.Integer), sa.column('debrief_id', sa.Integer),
                      sa.column('subject_id', sa.Integer), sa.column('tactic', sa.String))
    first = sa.select(sa.func.min(tactic.c.id)).group_by(tactic.c.debrief_id, tactic.c.tactic)
    conn.execute(tactic.delete().where(tactic.c.id.not_in(first)))
    incident_officer = sa.table('incident_officer', sa.column('user_id', sa.Integer))
    conn.execute(incident_officer.delete().where(incident_officer.c.user_id.is_(None)))

    with op.batch_alter_table('incident_officer', schema=None) as batch_op:
        batch_op.drop_column('not_there_note')
        batch_op.drop_column('not_there_at')
        batch_op.drop_column('force_name')
        batch_op.drop_column('name')
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table('injury', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_injury_subject_id_use_of_force_subject'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_injury_subject_id'))
        batch_op.drop_column('subject_id')

    with op.batch_alter_table('debrief_tactic', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_debrief_tactic_subject_id_use_of_force_subject'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_debrief_tactic_subject_id'))
        batch_op.drop_constraint(batch_op.f('uq_debrief_tactic_debrief_id'), type_='unique')
        batch_op.create_unique_constraint('uq_debrief_tactic_debrief_id', ['debrief_id', 'tactic'])
        batch_op.drop_column('aftercare')
        batch_op.drop_column('probe_removal')
        batch_op.drop_column('taser_cycles')
        batch_op.drop_column('taser_cartridges')
        batch_op.drop_column('subject_id')

    with op.batch_alter_table('use_of_force_subject', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_use_of_force_subject_debrief_id'))

    op.drop_table('use_of_force_subject')
