"""readers who follow by e-mail, and the queue of mail to them

Revision ID: 3f6a9d2c7b15
Revises: 8c4e2d7a1f03
Create Date: 2026-11-28 13:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "3f6a9d2c7b15"
down_revision = "8c4e2d7a1f03"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("replies_to", sa.Integer(), nullable=True),
        sa.Column("document", sa.String(length=200), nullable=True),
        sa.Column("digest", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("digest_sent_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["replies_to"], ["comments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token"),
    )
    op.create_index("ix_subscriptions_email", "subscriptions", ["email"])
    op.create_index("ix_subscriptions_replies_to", "subscriptions", ["replies_to"])
    op.create_index("ix_subscriptions_document", "subscriptions", ["document"])
    op.create_table(
        "outgoing_mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("to_address", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("unsubscribe_url", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_outgoing_mail_next_attempt_at", "outgoing_mail", ["next_attempt_at"])
    op.create_index("ix_outgoing_mail_sent_at", "outgoing_mail", ["sent_at"])


def downgrade():
    op.drop_index("ix_outgoing_mail_sent_at", table_name="outgoing_mail")
    op.drop_index("ix_outgoing_mail_next_attempt_at", table_name="outgoing_mail")
    op.drop_table("outgoing_mail")
    op.drop_index("ix_subscriptions_document", table_name="subscriptions")
    op.drop_index("ix_subscriptions_replies_to", table_name="subscriptions")
    op.drop_index("ix_subscriptions_email", table_name="subscriptions")
    op.drop_table("subscriptions")
