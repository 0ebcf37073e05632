"""A version on every record two people can edit (a save from an older version is refused), and a counter per
force and year that incident references are taken from under lock.

Revision ID: 5e1c7d2a9b40
Revises: ab0aac5220d8
Create Date: 2026-12-06 23:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e1c7d2a9b40'
down_revision = 'ab0aac5220d8'
branch_labels = None
depends_on = None

VERSIONED = ('debrief', 'rca', 'rca_chronology_entry', 'rca_node', 'rca_recommendation', 'rca_action',
             'rca_release', 'case_study', 'magazine_issue')


def upgrade():
    op.create_table(
        'reference_counter',
        sa.Column('force_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['force_id'], ['force.id'], name=op.f('fk_reference_counter_force_id_force'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('force_id', 'year', name=op.f('pk_reference_counter')),
    )
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
    op.drop_table('reference_counter')
