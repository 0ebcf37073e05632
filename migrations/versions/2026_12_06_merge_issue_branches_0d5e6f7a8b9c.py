"""Joins the schema changes made side by side for the privacy gate, versions and reference counters, faults and
the audit chain, officers' subjects of force, and magazine search, the NHS-grade RCA and the Patterns reference figures into one head.

Revision ID: 0d5e6f7a8b9c
Revises: c7e41d2a9b15, 5e1c7d2a9b40, 5951914fb753, c15b0a7e2d41, 5e1f0c7a9b2d, c15a0e7d2b91, 5d1e7a9c3b20
Create Date: 2026-12-06
"""

revision = '0d5e6f7a8b9c'
down_revision = ('c7e41d2a9b15', '5e1c7d2a9b40', '5951914fb753', 'c15b0a7e2d41', '5e1f0c7a9b2d', 'c15a0e7d2b91', '5d1e7a9c3b20')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
