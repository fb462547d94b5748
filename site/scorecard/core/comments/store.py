"""Reading and writing comments: the only place that queries them."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, timedelta

from flask import current_app
from sqlalchemy import func, or_, select

from ..audit import record
from ..database import db, utcnow, writing
from .models import Comment, ModerationAction, Status
from .rendering import render_comment

ORDERS = ("newest", "oldest")


def normal_address(email: str | None) -> str | None:
    """An e-mail address as stored: its domain in lower case (domains ignore case), its
    mailbox as typed (a mail server may tell WANG@ from wang@)."""
    email = (email or "").strip()
    if not email:
        return None
    mailbox, _, domain = email.rpartition("@")
    return f"{mailbox}@{domain.lower()}" if mailbox else email


def post(
    document: str,
    lang: str,
    body: str,
    name: str | None = None,
    email: str | None = None,
    parent: Comment | None = None,
    authored: Iterable[int] = (),
    auto_approve_known: bool = False,
) -> Comment:
    """Store a new comment, pending moderation unless its author is already trusted:
    `authored` (the comments this browser proves it wrote) holds an approved one with
    the same address. An address alone proves nothing: anyone can type it."""
    email = normal_address(email)
    with writing():
        status = Status.PENDING
        if auto_approve_known and email and _approved_from(email, authored):
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


def _approved_from(email: str, authored: Iterable[int]) -> bool:
    query = select(Comment.id).where(
        Comment.id.in_(list(authored) or [-1]),
        Comment.author_email == email,
        Comment.status == Status.APPROVED,
    )
    return db.session.execute(query.limit(1)).first() is not None


def already_posted(document: str, body: str, whatever_status: bool = False) -> Comment | None:
    """A comment on this document with the same text, unless withdrawn or thrown out
    (the second click of an impatient reader, or a bot's repeat); with `whatever_status`,
    even then (an import run twice)."""
    query = select(Comment).where(Comment.document == document, Comment.body == body)
    if not whatever_status:
        query = query.where(Comment.status.in_((Status.PENDING, Status.APPROVED)))
    return db.session.scalars(query.limit(1)).first()


def get(comment_id: int) -> Comment | None:
    return db.session.get(Comment, comment_id)


def replyable(document: str, comment_id: int) -> Comment | None:
    """A top-level, approved comment of this document (replies go one level deep)."""
    comment = get(comment_id)
    if comment and comment.document == document and comment.parent_id is None:
        if comment.status == Status.APPROVED:
            return comment
    return None


def is_authors(comment: Comment, authored: Iterable[int]) -> bool:
    """Its author's, proven by the browser's signed cookie, within the edit window
    (COMMENT_EDIT_MINUTES), and not yet thrown out: the author may withdraw it."""
    window = timedelta(minutes=current_app.config["COMMENT_EDIT_MINUTES"])
    return (
        comment.id in set(authored)
        and comment.status in (Status.PENDING, Status.APPROVED)
        and utcnow() - comment.created_at <= window
    )


def can_edit(comment: Comment, authored: Iterable[int]) -> bool:
    """The author may change the text only while it awaits moderation: once approved,
    what readers see is what an editor read."""
    return is_authors(comment, authored) and comment.status == Status.PENDING


def edit(comment: Comment, body: str, lang: str | None = None) -> None:
    with writing():
        comment.lang = lang or comment.lang
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
    more: int | None  # how many to show next time, when some are not shown yet


def _visible(authored: list[int]):
    """Approved comments, and this browser's own comments while they await moderation."""
    own = (Comment.status == Status.PENDING) & Comment.id.in_(authored or [-1])
    return or_(Comment.status == Status.APPROVED, own)


def thread(
    document: str,
    authored: list[int],
    order: str = "newest",
    lang: str | None = None,
    shown: int = 20,
    page_size: int = 20,
) -> Thread:
    """Top-level comments with their visible replies, newest or oldest first: three
    queries (the count, the comments, their replies) however many there are."""
    where = [Comment.document == document, Comment.parent_id.is_(None), _visible(authored)]
    if lang:
        where.append(Comment.lang == lang)
    total = db.session.scalar(select(func.count()).select_from(Comment).where(*where))
    ordering = Comment.created_at.desc() if order == "newest" else Comment.created_at.asc()
    query = select(Comment).where(*where).order_by(ordering, Comment.id).limit(shown)
    comments = list(db.session.scalars(query))
    replies = defaultdict(list)
    if comments:
        replied = select(Comment).where(
            Comment.parent_id.in_([comment.id for comment in comments]), _visible(authored)
        )
        for reply in db.session.scalars(replied.order_by(Comment.created_at, Comment.id)):
            replies[reply.parent_id].append(reply)
    total = total or 0
    more = shown + page_size if shown < total else None
    return Thread([(c, replies[c.id]) for c in comments], total, min(shown, total), more)


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


def published(limit: int = 100) -> list[Comment]:
    """Approved comments, newest first: what an editor may want to take down again."""
    query = select(Comment).where(Comment.status == Status.APPROVED)
    return list(db.session.scalars(query.order_by(Comment.created_at.desc()).limit(limit)))


def moderate(comment: Comment, status: Status, editor) -> None:
    """Set a comment's status, and record who did it and when."""
    with writing():
        comment.status = status
        db.session.add(ModerationAction(comment=comment, editor=editor, status=status, at=utcnow()))
        actor = editor.name if editor else None  # None: a command or a script
        record(actor, "comment_moderated", f"{comment.id} {comment.document}: {status}")


def approved_state() -> tuple[str, float]:
    """A token that changes whenever readers would see other comments, and when they
    last changed (a Unix time): part of every reader page's ETag (http/caching.py)."""
    count, newest_id, created, edited = db.session.execute(
        select(
            func.count(),
            func.max(Comment.id),
            func.max(Comment.created_at),
            func.max(Comment.edited_at),
        ).where(Comment.status == Status.APPROVED)
    ).one()
    decision, decided = db.session.execute(
        select(func.max(ModerationAction.id), func.max(ModerationAction.at))
    ).one()
    times = [t for t in (created, edited, decided) if t is not None]
    newest = max(times).replace(tzinfo=UTC).timestamp() if times else 0.0
    return f"{count}.{newest_id}.{edited}.{decision}", newest


def check_readable() -> None:
    """Raise unless the comments table answers: a database made empty in place of the
    real one fails too. Leaves no transaction open."""
    try:
        db.session.execute(select(Comment.id).limit(1))
    finally:
        db.session.rollback()
