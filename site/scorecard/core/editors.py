"""Editors: the people who moderate comments, and their accounts.

An editor's session names their account by a token, not by its id: signing out, a new
password and disabling the account each draw a new token, which ends every session that
held the old one, in any browser.
"""

import secrets
from datetime import datetime
from functools import cache

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, String, select
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from .database import Model, db, utcnow, writing

MIN_PASSWORD = 12


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class Editor(UserMixin, Model):
    __tablename__ = "editors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # Werkzeug's scrypt hash: slow on purpose, salted, with its parameters stored alongside.
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # What a signed-in browser's session holds (Flask-Login's alternative id).
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    @property
    def is_active(self) -> bool:  # Flask-Login: a disabled account cannot sign in
        return self.active

    def get_id(self) -> str:
        return self.session_token

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def end_sessions(self) -> None:
        """Every session that holds this account's token ends."""
        self.session_token = new_session_token()


class EditorError(ValueError):
    """Why an account cannot be made or changed; the message is for the person doing it."""


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise EditorError(f"the password needs at least {MIN_PASSWORD} characters")


def create_editor(name: str, password: str) -> Editor:
    """A new editor account, saved."""
    _check_password(password)
    if editor_by_name(name):
        raise EditorError(f"an editor called {name!r} already exists")
    with writing():
        editor = Editor(name=name, session_token=new_session_token(), active=True)
        editor.set_password(password)
        db.session.add(editor)
    return editor


def change_password(name: str, password: str) -> None:
    """A new password, and every session of the account ended."""
    _check_password(password)
    editor = editor_by_name(name) or _unknown(name)
    with writing():
        editor.set_password(password)
        editor.end_sessions()


def set_active(name: str, active: bool) -> None:
    """Disable (or enable again) an account; disabling ends its sessions."""
    editor = editor_by_name(name) or _unknown(name)
    with writing():
        editor.active = active
        editor.end_sessions()


def end_sessions(editor: Editor) -> None:
    with writing():
        editor.end_sessions()


def _unknown(name: str) -> Editor:
    raise EditorError(f"no editor called {name!r}")


@cache
def _dummy_hash() -> str:
    return generate_password_hash("not anyone's password", method="scrypt")


def authenticate(name: str, password: str) -> Editor | None:
    """The active editor with this name and password, else None. An unknown name costs
    the same as a wrong password (a hash is checked either way), so that the time taken
    does not tell which names exist."""
    editor = editor_by_name(name)
    if editor is None:
        check_password_hash(_dummy_hash(), password)
        return None
    if editor.check_password(password) and editor.active:
        return editor
    return None


def editor_by_name(name: str) -> Editor | None:
    return db.session.scalar(select(Editor).where(Editor.name == name))


def editor_by_session(token: str) -> Editor | None:
    """The active editor whose sessions hold this token."""
    editor = db.session.scalar(select(Editor).where(Editor.session_token == token))
    return editor if editor and editor.active else None
