"""Comments and the record of what editors did with them."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Model, utcnow
from ..editors import Editor

# The longest name and e-mail address a comment keeps (RFC 5321 allows 254 characters).
NAME_LENGTH = 80
EMAIL_LENGTH = 254


class Status(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SPAM = "spam"
    DELETED = "deleted"


def _status_column() -> Enum:
    return Enum(
        Status,
        native_enum=False,
        length=16,
        values_callable=lambda statuses: [s.value for s in statuses],
        validate_strings=True,
    )


class Comment(Model):
    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_document_status", "document", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # "<kind>/<slug>": a comment belongs to the document, whatever language it was read in.
    document: Mapped[str] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(8))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    author_name: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    author_email: Mapped[str | None] = mapped_column(String(EMAIL_LENGTH))  # never shown
    body: Mapped[str] = mapped_column(Text)  # as the author typed it
    body_html: Mapped[str] = mapped_column(Text)  # rendered and sanitised when written
    status: Mapped[Status] = mapped_column(_status_column(), default=Status.PENDING, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)

    replies: Mapped[list["Comment"]] = relationship(
        back_populates="parent", order_by="Comment.created_at", cascade="all, delete-orphan"
    )
    parent: Mapped["Comment | None"] = relationship(back_populates="replies", remote_side=[id])
    actions: Mapped[list["ModerationAction"]] = relationship(
        back_populates="comment", order_by="ModerationAction.at", cascade="all, delete-orphan"
    )


class ModerationAction(Model):
    """One editor's decision on one comment, kept for the record."""

    __tablename__ = "moderation_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("editors.id", ondelete="SET NULL"))
    status: Mapped[Status] = mapped_column(_status_column())
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    comment: Mapped[Comment] = relationship(back_populates="actions")
    editor: Mapped[Editor | None] = relationship()
