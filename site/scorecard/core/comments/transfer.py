"""All comments as JSON, for backups and for moving between SQLite and PostgreSQL."""

from datetime import datetime

from sqlalchemy import func, select, text

from ..audit import record
from ..database import db, writing
from ..editors import Editor
from .models import Comment, ModerationAction, Status
from .rendering import render_comment

FORMAT = "scorecard-comments/1"


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def export_comments() -> dict:
    """Every comment, with its moderation record, in id order (parents before replies),
    and the names of the editors in that record (never anything else of their accounts)."""
    comments = list(db.session.scalars(select(Comment).order_by(Comment.id)))
    moderators = {a.editor.name for c in comments for a in c.actions if a.editor}
    return {
        "format": FORMAT,
        "editors": sorted(moderators),
        "comments": [
            {
                "id": c.id,
                "document": c.document,
                "lang": c.lang,
                "parent_id": c.parent_id,
                "author_name": c.author_name,
                "author_email": c.author_email,
                "body": c.body,
                "status": c.status.value,
                "created_at": _time(c.created_at),
                "edited_at": _time(c.edited_at),
                "actions": [
                    {
                        "status": a.status.value,
                        "editor": a.editor.name if a.editor else None,
                        "at": _time(a.at),
                    }
                    for a in c.actions
                ],
            }
            for c in comments
        ],
    }


def _moderators(names: list[str]) -> dict[str, Editor]:
    """The accounts named in the moderation record; those this database lacks are made,
    disabled and with no password (an admin enables one with `flask editors`)."""
    editors = {e.name: e for e in db.session.scalars(select(Editor))}
    for name in names:
        if name not in editors:
            editor = Editor(name=name, active=False, password_hash="!")  # matches no password
            db.session.add(editor)
            record(None, "account_created", name, "editor")
            editors[name] = editor
    return editors


class TransferError(ValueError):
    """The file is not an export, or the database already holds comments."""


def import_comments(data: dict) -> tuple[int, list[str]]:
    """Load an export into an empty database, keeping ids, statuses and times: how many
    comments, and the moderators' accounts that had to be made."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError(f"not a comments export (expected format {FORMAT!r})")
    if db.session.scalar(select(func.count()).select_from(Comment)):
        raise TransferError("the database already holds comments: import into an empty one")
    with writing():
        before = set(db.session.scalars(select(Editor.name)))
        editors = _moderators(data.get("editors", []))
        for item in data["comments"]:
            comment = Comment(
                id=item["id"],
                document=item["document"],
                lang=item["lang"],
                parent_id=item["parent_id"],
                author_name=item["author_name"],
                author_email=item["author_email"],
                body=item["body"],
                body_html=render_comment(item["body"]),
                status=Status(item["status"]),
                created_at=_parse(item["created_at"]),
                edited_at=_parse(item["edited_at"]),
            )
            db.session.add(comment)
            db.session.flush()  # a reply's parent must exist before the reply
            for action in item["actions"]:
                db.session.add(
                    ModerationAction(
                        comment_id=comment.id,
                        editor=editors.get(action["editor"]),
                        status=Status(action["status"]),
                        at=_parse(action["at"]),
                    )
                )
        if db.engine.dialect.name == "postgresql":
            # Ids were given explicitly, so the sequence must move past them.
            db.session.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('comments', 'id'), "
                    "COALESCE((SELECT MAX(id) FROM comments), 1))"
                )
            )
    return len(data["comments"]), sorted(editors.keys() - before)
