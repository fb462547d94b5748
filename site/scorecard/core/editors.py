"""Editors: the people who write the content and moderate comments, and their accounts.

Two roles: an editor writes and moderates; an admin also manages the accounts. Every
change to an account is in the audit log (core/audit.py), in the same transaction.

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

from .audit import record
from .database import Model, db, utcnow, writing

MIN_PASSWORD = 12
NAME_LENGTH = 80
ROLES = ("editor", "admin")


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
    role: Mapped[str] = mapped_column(String(16), default="editor")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

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
    """Why an account cannot be made or changed. `reason` names the rule (the web layer
    words it in the editor's language); the message is for the command line."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise EditorError(
            "short_password", f"the password needs at least {MIN_PASSWORD} characters"
        )


def _check_name(name: str) -> None:
    # The name is the author of the editor's commits: git refuses angle brackets and
    # line breaks in it, and a name that differs only in spaces would pass for another.
    if (
        not name
        or name != name.strip()
        or len(name) > NAME_LENGTH
        or not name.isprintable()
        or any(char in name for char in "<>")
    ):
        raise EditorError(
            "bad_name",
            f"a name is 1 to {NAME_LENGTH} characters, without < or > or spaces at either end",
        )


def create_editor(name: str, password: str, role: str = "editor", by: str | None = None) -> Editor:
    """A new account, saved; `by` is the admin who made it (None: the command line)."""
    _check_name(name)
    _check_password(password)
    if role not in ROLES:
        raise EditorError("bad_role", f"a role is one of {', '.join(ROLES)}")
    if editor_by_name(name):
        raise EditorError("name_taken", f"an editor called {name!r} already exists")
    with writing():
        editor = Editor(name=name, session_token=new_session_token(), active=True, role=role)
        editor.set_password(password)
        db.session.add(editor)
        record(by, "account_created", name, role)
    return editor


def change_password(name: str, password: str, by: str | None = None) -> None:
    """A new password, and every session of the account ended. By the editor themselves
    it is "password changed"; by anyone else, "password reset"."""
    _check_password(password)
    editor = editor_by_name(name) or _unknown(name)
    with writing():
        editor.set_password(password)
        editor.end_sessions()
        record(by, "password_changed" if by == name else "password_reset", name)


def set_active(name: str, active: bool, by: str | None = None) -> None:
    """Disable (or enable again) an account; disabling ends its sessions. The last active
    admin stays: someone must be able to manage the accounts."""
    editor = editor_by_name(name) or _unknown(name)
    if not active and editor.is_admin:
        _keep_an_admin(editor)
    with writing():
        editor.active = active
        editor.end_sessions()
        record(by, "account_enabled" if active else "account_disabled", name)


def set_role(name: str, role: str, by: str | None = None) -> None:
    """Make an account an editor or an admin; its sessions end, so that the new rights
    apply from its next sign-in."""
    if role not in ROLES:
        raise EditorError("bad_role", f"a role is one of {', '.join(ROLES)}")
    editor = editor_by_name(name) or _unknown(name)
    if editor.role == role:
        return
    if editor.is_admin:
        _keep_an_admin(editor)
    with writing():
        editor.role = role
        editor.end_sessions()
        record(by, "role_changed", name, role)


def _keep_an_admin(leaving: Editor) -> None:
    others = select(Editor).where(
        Editor.role == "admin", Editor.active.is_(True), Editor.id != leaving.id
    )
    if db.session.scalar(others.limit(1)) is None:
        raise EditorError(
            "last_admin", f"{leaving.name!r} is the last active admin; make another admin first"
        )


def end_sessions(editor: Editor) -> None:
    """Signing out: every session of the account ends, in any browser."""
    with writing():
        editor.end_sessions()
        record(editor.name, "signed_out", editor.name)


def accounts() -> list[Editor]:
    return list(db.session.scalars(select(Editor).order_by(Editor.name)))


def _unknown(name: str) -> Editor:
    raise EditorError("unknown", f"no editor called {name!r}")


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
    elif editor.check_password(password) and editor.active:
        with writing():
            record(name, "signed_in", name)
        return editor
    with writing():
        # The name as typed, cut short: the log must not become a store of guessed passwords
        # typed into the wrong box, nor grow without bound.
        record(None, "sign_in_refused", name[:NAME_LENGTH])
    return None


def editor_by_name(name: str) -> Editor | None:
    return db.session.scalar(select(Editor).where(Editor.name == name))


def editor_by_session(token: str) -> Editor | None:
    """The active editor whose sessions hold this token."""
    editor = db.session.scalar(select(Editor).where(Editor.session_token == token))
    return editor if editor and editor.active else None
