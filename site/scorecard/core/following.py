"""Readers who asked to be told by e-mail: of replies to their comment, and of new
comments on a document they follow.

Double opt-in: what a reader asks for in one comment form is one subscription, which
does nothing until its address confirms it through the link mailed to it. Its token, a
secret in every mail's links, confirms it and ends it (one-click unsubscribe). Mail goes
only to confirmed, not ended subscriptions, never to the comment's own author, and once
per address for one comment (a reply is news enough, the follow mail is not added).
"""

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, func, or_, select
from sqlalchemy.orm import Mapped, mapped_column

from .comments.models import Comment, ModerationAction, Status
from .database import Model, db, utcnow, writing


class Subscription(Model):
    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    lang: Mapped[str] = mapped_column(String(8))  # the language mail is written in
    token: Mapped[str] = mapped_column(String(64), unique=True)
    # Replies to this comment, and/or new comments on this document ("kind/slug").
    replies_to: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    document: Mapped[str | None] = mapped_column(String(200), index=True)
    # Once a day at most, all the news in one mail (`flask mail digest`), instead of one
    # mail per comment.
    digest: Mapped[bool] = mapped_column(Boolean, default=False)
    digest_sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.ended_at is None


def subscribe(
    email: str,
    lang: str,
    replies_to: Comment | None,
    document: str | None,
    digest: bool = False,
) -> Subscription:
    """A new subscription, unconfirmed, in the caller's transaction (its `writing()`,
    which also queues the mail that confirms it)."""
    subscription = Subscription(
        email=email,
        lang=lang,
        token=secrets.token_urlsafe(32),
        replies_to=replies_to.id if replies_to else None,
        document=document,
        digest=digest,
        created_at=utcnow(),
    )
    db.session.add(subscription)
    return subscription


def by_token(token: str) -> Subscription | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalars(select(Subscription).where(Subscription.token == token)).first()


def confirm(subscription: Subscription) -> None:
    with writing():
        if subscription.confirmed_at is None:
            subscription.confirmed_at = utcnow()
        subscription.ended_at = None


def end(subscription: Subscription) -> None:
    with writing():
        subscription.ended_at = subscription.ended_at or utcnow()


@dataclass(frozen=True)
class News:
    """One mail to send about a newly approved comment."""

    subscription: Subscription
    reply: bool  # a reply to the subscriber's own comment, else a new comment on a document


def first_approval(comment: Comment) -> bool:
    """Whether the comment was just approved for the first time (an unpublished comment
    approved again is not news)."""
    if comment.status != Status.APPROVED:
        return False
    count = db.session.scalar(
        select(func.count())
        .select_from(ModerationAction)
        .where(
            ModerationAction.comment_id == comment.id, ModerationAction.status == Status.APPROVED
        )
    )
    return (count or 0) <= 1


def news_of(comment: Comment) -> list[News]:
    """Who is to be told of `comment`, approved: one mail per address."""
    wanted = [Subscription.document == comment.document]
    if comment.parent_id:
        wanted.append(Subscription.replies_to == comment.parent_id)
    query = select(Subscription).where(
        or_(*wanted),
        Subscription.confirmed_at.is_not(None),
        Subscription.ended_at.is_(None),
        Subscription.digest.is_(False),
    )
    news: dict[str, News] = {}
    for subscription in db.session.scalars(query.order_by(Subscription.id)):
        if subscription.email == comment.author_email:
            continue
        reply = comment.parent_id is not None and subscription.replies_to == comment.parent_id
        if subscription.email not in news or reply:
            news[subscription.email] = News(subscription, reply)
    return list(news.values())


def digests_due() -> list[Subscription]:
    query = select(Subscription).where(
        Subscription.digest.is_(True),
        Subscription.confirmed_at.is_not(None),
        Subscription.ended_at.is_(None),
    )
    return list(db.session.scalars(query.order_by(Subscription.id)))


def digest_news(subscription: Subscription) -> list[Comment]:
    """The comments first approved since the subscription's last digest (or since it was
    confirmed) that it asked to hear of, oldest first; not the subscriber's own."""
    since = subscription.digest_sent_at or subscription.confirmed_at
    first_approved = (
        select(ModerationAction.comment_id, func.min(ModerationAction.at).label("at"))
        .where(ModerationAction.status == Status.APPROVED)
        .group_by(ModerationAction.comment_id)
        .subquery()
    )
    wanted = []
    if subscription.document:
        wanted.append(Comment.document == subscription.document)
    if subscription.replies_to:
        wanted.append(Comment.parent_id == subscription.replies_to)
    query = (
        select(Comment)
        .join(first_approved, first_approved.c.comment_id == Comment.id)
        .where(
            or_(*wanted),
            Comment.status == Status.APPROVED,
            first_approved.c.at > since,
            or_(Comment.author_email.is_(None), Comment.author_email != subscription.email),
        )
        .order_by(first_approved.c.at, Comment.id)
    )
    return list(db.session.scalars(query))
