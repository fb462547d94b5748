"""Editors: the people who moderate comments."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DateTime, String, select
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from .database import Model, db, utcnow, writing


class Editor(UserMixin, Model):
    __tablename__ = "editors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # Werkzeug's scrypt hash: slow on purpose, salted, with its parameters stored alongside.
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


MIN_PASSWORD = 12


class EditorError(ValueError):
    """Why an account cannot be made; the message is for the person making it."""


def create_editor(name: str, password: str) -> Editor:
    """A new editor account, saved."""
    if len(password) < MIN_PASSWORD:
        raise EditorError(f"the password needs at least {MIN_PASSWORD} characters")
    if editor_by_name(name):
        raise EditorError(f"an editor called {name!r} already exists")
    with writing():
        editor = Editor(name=name)
        editor.set_password(password)
        db.session.add(editor)
    return editor


def editor_by_name(name: str) -> Editor | None:
    return db.session.scalar(select(Editor).where(Editor.name == name))


def editor_by_id(editor_id: int) -> Editor | None:
    return db.session.get(Editor, editor_id)
