"""The audit log: who did what under /admin (or at the command line), and when.

Each event is written in the transaction of the action it records, so that the log holds
an action exactly when the action happened. The content's own history is git's; the log
names the commit of each save so that the two can be read together.
"""

from datetime import datetime

from sqlalchemy import DateTime, Index, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from .database import Model, db, utcnow
from .paging import Page, page_count

# What an event can say happened (the web layer gives each its words in both languages).
ACTIONS = (
    "signed_in",
    "sign_in_refused",
    "signed_out",
    "account_created",
    "password_reset",
    "password_changed",
    "account_disabled",
    "account_enabled",
    "role_changed",
    "document_created",
    "document_saved",
    "document_restored",
    "image_uploaded",
    "comment_moderated",
)
SUBJECT_LENGTH = 300


class AuditEvent(Model):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The editor's name; None for the command line, which is run by whoever runs the server.
    actor: Mapped[str | None] = mapped_column(String(80), nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    # What it was done to: an account, a document and its commit, a comment.
    subject: Mapped[str] = mapped_column(String(SUBJECT_LENGTH), default="")
    # A role, for the events that give one (the web layer words it).
    role: Mapped[str] = mapped_column(String(16), default="")


def record(actor: str | None, action: str, subject: str = "", role: str = "") -> None:
    """Add an event to the current transaction (the caller's `writing()` commits it)."""
    assert action in ACTIONS, action
    event = AuditEvent(
        actor=actor, action=action, subject=subject[:SUBJECT_LENGTH], role=role, at=utcnow()
    )
    db.session.add(event)


def events(number: int, size: int = 50) -> Page[AuditEvent] | None:
    """A page of the log, newest first; None for a page that does not exist."""
    total = db.session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    count = page_count(total, size)
    if not 1 <= number <= count:
        return None
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    items = list(db.session.scalars(query.offset((number - 1) * size).limit(size)))
    return Page(items, number, count, total)
