"""An RCA returned for changes says so (by whom, when) until it is sent for review again: returned_at,
returned_by_id and returned_reason on rca, filled for RCAs returned before this revision from their last "returned" event

Revision ID: 4c8d2e6f1a3b
Revises: 1e2f3a4b5c6d
Create Date: 2026-12-07 05:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '4c8d2e6f1a3b'
down_revision = '1e2f3a4b5c6d'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('rca', schema=None) as batch_op:
        batch_op.add_column(sa.Column('returned_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('returned_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('returned_reason', sa.Text(), nullable=True))
        batch_op.create_foreign_key('fk_rca_returned_by_id_user', 'user', ['returned_by_id'], ['id'])
    # A draft whose last decision event is a return is still with the lead after that return.
    op.execute("""
        UPDATE rca SET
          returned_at = (SELECT e.at FROM rca_event e WHERE e.rca_id = rca.id AND e.action = 'returned'
                         ORDER BY e.id DESC LIMIT 1),
          returned_by_id = (SELECT e.actor_id FROM rca_event e WHERE e.rca_id = rca.id AND e.action = 'returned'
                            ORDER BY e.id DESC LIMIT 1),
          returned_reason = (SELECT e.comment FROM rca_event e WHERE e.rca_id = rca.id AND e.action = 'returned'
                             ORDER BY e.id DESC LIMIT 1)
        WHERE rca.status = 'draft' AND (
          SELECT e.action FROM rca_event e WHERE e.rca_id = rca.id
            AND e.action IN ('returned', 'sent_for_review', 'signed_off') ORDER BY e.id DESC LIMIT 1) = 'returned'
    """)


def downgrade():
    with op.batch_alter_table('rca', schema=None) as batch_op:
        batch_op.drop_constraint('fk_rca_returned_by_id_user', type_='foreignkey')
        batch_op.drop_column('returned_reason')
        batch_op.drop_column('returned_by_id')
        batch_op.drop_column('returned_at')
