"""editors: a role (editor or admin); the audit log

Accounts made before roles stay editors: an operator names the first admin with
`flask editors role NAME admin`.

Revision ID: 8c4e2d7a1f03
Revises: 5b1f0c3a9e21
Create Date: 2026-11-28 10:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "8c4e2d7a1f03"
down_revision = "5b1f0c3a9e21"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("editors") as batch:
        batch.add_column(
            sa.Column("role", sa.String(length=16), nullable=False, server_default="editor")
        )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])


def downgrade():
    op.drop_index("ix_audit_events_at", table_name="audit_events")
    op.drop_table("audit_events")
    with op.batch_alter_table("editors") as batch:
        batch.drop_column("role")
