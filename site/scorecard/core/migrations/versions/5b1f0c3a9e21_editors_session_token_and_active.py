"""editors: a session token (ended by signing out, a new password or disabling) and active

Revision ID: 5b1f0c3a9e21
Revises: cdd626842486
Create Date: 2026-11-28 10:00:00

"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "5b1f0c3a9e21"
down_revision = "cdd626842486"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("editors") as batch:
        batch.add_column(sa.Column("session_token", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    # Each existing account gets a token of its own (sessions made before end).
    editors = sa.table("editors", sa.column("id", sa.Integer), sa.column("session_token"))
    connection = op.get_bind()
    for (editor_id,) in connection.execute(sa.select(editors.c.id)).all():
        connection.execute(
            editors.update()
            .where(editors.c.id == editor_id)
            .values(session_token=secrets.token_urlsafe(32))
        )
    with op.batch_alter_table("editors") as batch:
        batch.alter_column("session_token", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint("uq_editors_session_token", ["session_token"])


def downgrade():
    with op.batch_alter_table("editors") as batch:
        batch.drop_constraint("uq_editors_session_token", type_="unique")
        batch.drop_column("active")
        batch.drop_column("session_token")
