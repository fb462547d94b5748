"""The edition the site serves: loaded on first use, and replaced whole when content changes.

A request reads one edition from start to finish (http/current.py pins it); a new one is
built beside it, its search index brought up to date, and only then swapped in, in one
assignment, so that no reader sees half of a change.
"""

import logging
import threading
from collections.abc import Iterable
from pathlib import Path

from flask import Flask, current_app

from . import content, search
from .edition import Edition, build_edition
from .kinds import FOLDERS

log = logging.getLogger(__name__)


class Publisher:
    def __init__(self, app: Flask):
        self.app = app
        self._edition: Edition | None = None
        self._lock = threading.Lock()

    @property
    def edition(self) -> Edition:
        """The edition being served; the first call loads it (from the snapshot if it can)."""
        if self._edition is None:
            with self._lock:
                if self._edition is None:
                    self._edition = self._built(content.start_up_library(self.app))
        return self._edition

    def reload(self, changed: Iterable[Path]) -> Edition:
        """Read the changed files again, then serve the new edition (its index up to date).

        Only the changed documents are read again, unless a file they all depend on (topics,
        ministries, metrics, glossary) changed, which means reading everything."""
        changed = [Path(path) for path in changed]
        with self._lock:
            current = self._edition
            documents_only = all(
                path.suffix == ".md" and path.parent.name in FOLDERS for path in changed
            )
            if current is not None and documents_only:
                library = content.reload(self.app, current.library, changed)
            else:
                library = content.load(self.app)
            edition = self._built(library)
            with self.app.app_context():
                search.search_index().prepare(edition)
            self._edition = edition
        return edition

    def prepare_to_serve(self) -> None:
        """Load the edition and open its search index now (in gunicorn's master, before
        the workers fork, so that they share both instead of each loading its own)."""
        edition = self.edition
        with self.app.app_context():
            search.search_index().searcher(edition)

    def _built(self, library: content.Library) -> Edition:
        for problem in library.problems:
            log.warning("content left out: %s", problem)
        return build_edition(library)


def publisher() -> Publisher:
    return current_app.extensions["publisher"]


def init_app(app: Flask) -> None:
    app.extensions["publisher"] = Publisher(app)
