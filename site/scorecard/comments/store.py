"""Reading and writing comments: the only place that queries them."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, or_, select

from ..db import db, utcnow, writing
from .models import Comment, ModerationAction, Status
from .rendering import render_comment

EDIT_WINDOW = timedelta(minutes=15)
PAGE_SIZE = 20
ORDERS = ("newest", "oldest")


def post(
    document: str,
    lang: str,
    body: str,
    name: str | None = None,
    email: str | None = None,
    parent: Comment | None = None,
    auto_approve_known: bool = False,
) -> Comment:
    """Store a new comment, pending moderation unless its author is already trusted."""
    email = (email or "").strip().lower() or None
    with writing():
        status = Status.PENDING
        if auto_approve_known and email and _has_approved_comment(email):
            status = Status.APPROVED
        comment = Comment(
            document=document,
            lang=lang,
            parent=parent,
            author_name=(name or "").strip() or None,
            author_email=email,
            body=body,
            body_html=render_comment(body),
            status=status,
            created_at=utcnow(),
        )
        db.session.add(comment)
    return comment


def _has_approved_comment(email: str) -> bool:
    query = select(Comment.id).where(
        Comment.author_email == email, Comment.status == Status.APPROVED
    )
    return db.session.execute(query.limit(1)).first() is not None


def get(comment_id: int) -> Comment | None:
    return db.session.get(Comment, comment_id)


def replyable(document: str, comment_id: int) -> Comment | None:
    """A top-level, approved comment of this document (replies go one level deep)."""
    comment = get(comment_id)
    if comment and comment.document == document and comment.parent_id is None:
        if comment.status == Status.APPROVED:
            return comment
    return None


def can_edit(comment: Comment, authored: Iterable[int]) -> bool:
    """Only its author, proven by the browser's signed cookie, within the edit window."""
    return (
        comment.id in set(authored)
        and comment.status in (Status.PENDING, Status.APPROVED)
        and utcnow() - comment.created_at <= EDIT_WINDOW
    )


def edit(comment: Comment, body: str) -> None:
    with writing():
        comment.body = body
        comment.body_html = render_comment(body)
        comment.edited_at = utcnow()


def withdraw(comment: Comment) -> None:
    """The author's delete: the comment disappears for everyone but stays on record."""
    with writing():
        comment.status = Status.DELETED


@dataclass
class Thread:
    """The comments a reader sees on a document, one page of top-level comments at a time."""

    entries: list[tuple[Comment, list[Comment]]]  # each comment with its visible replies
    total: int  # top-level comments visible to this reader
    shown: int


def _visible(authored: list[int]):
    """Approved comments, and this browser's own comments while they await moderation."""
    own = (Comment.status == Status.PENDING) & Comment.id.in_(authored or [-1])
    return or_(Comment.status == Status.APPROVED, own)


def thread(
    document: str,
    authored: list[int],
    order: str = "newest",
    lang: str | None = None,
    shown: int = PAGE_SIZE,
) -> Thread:
    """Top-level comments with their visible replies, newest or oldest first."""
    where = [Comment.document == document, Comment.parent_id.is_(None), _visible(authored)]
    if lang:
        where.append(Comment.lang == lang)
    total = db.session.scalar(select(func.count()).select_from(Comment).where(*where))
    ordering = Comment.created_at.desc() if order == "newest" else Comment.created_at.asc()
    query = select(Comment).where(*where).order_by(ordering, Comment.id).limit(shown)
    visible = set(authored)

    def shown_to_reader(reply: Comment) -> bool:
        return reply.status == Status.APPROVED or (
            reply.status == Status.PENDING and reply.id in visible
        )

    entries = [
        (comment, [reply for reply in comment.replies if shown_to_reader(reply)])
        for comment in db.session.scalars(query)
    ]
    return Thread(entries, total or 0, min(shown, total or 0))


def approved_counts(documents: Iterable[str]) -> dict[str, int]:
    """How many approved comments each document has, replies included."""
    documents = list(documents)
    if not documents:
        return {}
    query = (
        select(Comment.document, func.count())
        .where(Comment.document.in_(documents), Comment.status == Status.APPROVED)
        .group_by(Comment.document)
    )
    return dict(db.session.execute(query).all())


def pending(limit: int = 100) -> list[Comment]:
    """The moderation queue, oldest first."""
    query = select(Comment).where(Comment.status == Status.PENDING).order_by(Comment.created_at)
    return list(db.session.scalars(query.limit(limit)))


def moderate(comment: Comment, status: Status, editor) -> None:
    """Set a comment's status, and record who did it and when."""
    with writing():
        comment.status = status
        db.session.add(ModerationAction(comment=comment, editor=editor, status=status, at=utcnow()))
