"""Reference figures per force: officers and arrests per year, and population shares, for the Patterns rates

Revision ID: 5d1e7a9c3b20
Revises: ab0aac5220d8
Create Date: 2026-12-06 23:59:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5d1e7a9c3b20'
down_revision = 'ab0aac5220d8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'force_year_figures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('force_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('officers', sa.Integer(), nullable=False),
        sa.Column('arrests', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['force_id'], ['force.id'], name=op.f('fk_force_year_figures_force_id_force')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_force_year_figures')),
        sa.UniqueConstraint('force_id', 'year', name='uq_force_year_figures'),
    )
    op.create_table(
        'force_population_share',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('force_id', sa.Integer(), nullable=False),
        sa.Column('dimension', sa.String(length=20), nullable=False),
        sa.Column('code', sa.String(length=20), nullable=False),
        sa.Column('share', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['force_id'], ['force.id'], name=op.f('fk_force_population_share_force_id_force')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_force_population_share')),
        sa.UniqueConstraint('force_id', 'dimension', 'code', name='uq_force_population_share'),
    )


def downgrade():
    op.drop_table('force_population_share')
    op.drop_table('force_year_figures')
