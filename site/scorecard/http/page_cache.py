"""What caching.py needs to know cheaply on every request, and the pages already rendered.

Per worker: the state of the approved comments (read at most every two seconds, and at
once after this worker wrote to the database), and reader pages as last sent, compressed,
by ETag and encoding.
"""

import threading
import time
from collections.abc import Iterable
from contextlib import nullcontext
from hashlib import sha256
from pathlib import Path

from cachetools import TTLCache
from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..core.comments.store import approved_state

# Other workers' comment changes are seen within this time; this worker's at once.
COMMENT_STATE_SECONDS = 2
Headers = list[tuple[str, str]]
# Rendered pages kept per worker, bounded in bytes and in age.
RENDERED_BYTES = 32 * 1024 * 1024
RENDERED_SECONDS = 3600
# Search pages apart (about a thousand of 5 KB): popular queries are answered from memory,
# and a flood of different ones pushes out only other searches.
SEARCH_BYTES = 6 * 1024 * 1024


def code_version(folders: Iterable[Path]) -> str:
    """A hash of the templates, catalogues, code and static files: a deploy changes ETags."""
    digest = sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".po", ".py", ".css", ".js", ".svg"}:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class CommentState:
    def __init__(self, app: Flask):
        self.app = app
        self.value: tuple[str, float] | None = None
        self.read_at = 0.0

    def changed(self) -> None:
        self.value = None

    def current(self) -> tuple[str, float]:
        """The state as last read; read again when it is older than COMMENT_STATE_SECONDS
        (kept_pages.py asks outside an app context: it then gets one of its own)."""
        if self.value is None or time.monotonic() - self.read_at > COMMENT_STATE_SECONDS:
            with nullcontext() if has_app_context() else self.app.app_context():
                self.value, self.read_at = approved_state(), time.monotonic()
        return self.value


class PageCache:
    """Reader pages as sent (the body and the headers that describe it), by their ETag and
    content encoding."""

    def __init__(self, app: Flask):
        package = Path(__file__).parents[1]
        folders = [Path(str(app.template_folder)), app.config["TRANSLATIONS_DIR"], package]
        self.code_version = code_version(folders)
        self.comments = CommentState(app)
        self._pages = _rendered(RENDERED_BYTES)
        self._searches = _rendered(SEARCH_BYTES)
        self._lock = threading.Lock()  # the development server answers in threads

    def get(self, etag: str, encoding: str) -> tuple[bytes, Headers] | None:
        key = (etag, encoding)
        with self._lock:
            return self._pages.get(key) or self._searches.get(key)

    def put(
        self, etag: str, encoding: str, body: bytes, headers: Headers, per_query: bool = False
    ) -> None:
        pages = self._searches if per_query else self._pages
        if len(body) < pages.maxsize // 100:  # a huge page would push out a hundred others
            with self._lock:
                pages[etag, encoding] = (body, headers)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._searches.clear()


def _rendered(size: int) -> TTLCache:
    return TTLCache(size, RENDERED_SECONDS, getsizeof=lambda kept: len(kept[0]))


def page_cache() -> PageCache:
    return current_app.extensions["page_cache"]


def _database_written(session: Session) -> None:
    # Any write (a comment, a decision, an editor's sign-in) may change what readers see.
    # The pages go too: the state's token cannot tell rows deleted and written again.
    if has_app_context() and "page_cache" in current_app.extensions:
        page_cache().comments.changed()
        page_cache().clear()


def init_app(app: Flask) -> None:
    app.extensions["page_cache"] = PageCache(app)
    if not event.contains(Session, "after_commit", _database_written):
        event.listen(Session, "after_commit", _database_written)
