"""Search behind a narrow seam: `search(request, edition)`, `prepare(edition)`, `health()`.

Only this package knows its engines (Whoosh or Tantivy, `engines.py`) and jieba, and it
imports them on first use: a process that never searches (`flask content check`,
`flask db upgrade`) never pays for them.
jieba's dictionary (a second to read) is read only to index or to search: gunicorn's
master starts without it, and each worker reads it in the background, then makes the "did
you mean" vocabularies. The index on disk follows the edition being served: each new
edition is checked against it once (a fingerprint of the documents), and re-indexed where
they differ.
"""

import logging
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cachetools import LRUCache
from flask import Flask, current_app

from ..edition import Edition
from .engines import check_name
from .results import FACETS, Result, Results, SearchRequest

if TYPE_CHECKING:
    from .engines import Engine
    from .searcher import Searcher

log = logging.getLogger(__name__)

# Search answers kept per worker (each a page of ten results and the facet counts).
ANSWERS_KEPT = 512

__all__ = ["FACETS", "Result", "Results", "SearchIndex", "SearchRequest", "search"]


class SearchIndex:
    """The app's index: one searcher per process, reopened when `current` moves."""

    def __init__(self, root: Path, instance: Path, engine_name: str):
        self.root = root
        self.instance = instance
        self.engine_name = engine_name
        self._engine: Engine | None = None
        self._lock = threading.RLock()
        self._checked: str | None = None  # the edition version the index was last matched to
        self._target: str | None = None
        self._searcher: Searcher | None = None
        # Answers by what was asked, the edition and the index: a popular query costs one
        # search per worker until either changes.
        self._answers: LRUCache = LRUCache(ANSWERS_KEPT)

    def prepare(self, edition: Edition, force: bool = False) -> bool:
        """Bring the index on disk in line with the edition; True if anything was written."""
        from .analysis import configure_jieba
        from .store import ensure_index

        with self._lock:
            if not force and self._checked == edition.version:
                return False
            configure_jieba(self.instance)  # read only if documents are to be indexed
            built = ensure_index(self.root, edition.library, self.engine, force=force).built
            self._checked = edition.version
            return built

    def prepare_in_background(self) -> None:
        """In each new worker (gunicorn.conf.py), in a thread: read jieba's dictionary, then
        make the "did you mean" vocabularies of the index the master opened (1.5 s at
        10,000 documents). The worker answers at once, and its first Chinese search or
        first slip rarely waits for them."""
        threading.Thread(target=self._prepare, name="search-prepare", daemon=True).start()

    def _prepare(self) -> None:
        from .analysis import initialise_jieba

        started = time.monotonic()
        initialise_jieba(self.instance)
        with self._lock:
            searcher = self._searcher
        if searcher is not None:
            searcher.suggester.prepare()
        log.info("search prepared in the background in %.1f s", time.monotonic() - started)

    @property
    def engine(self) -> "Engine":
        from .engines import engine_named

        with self._lock:
            if self._engine is None:
                self._engine = engine_named(self.engine_name)
            return self._engine

    def refresh(self, edition: Edition) -> None:
        """Bring the index in line with a new edition, if this process searches at all (a
        process that never searched leaves it to its first search)."""
        if self._checked is not None:
            self.prepare(edition)

    def searcher(self, edition: Edition) -> "Searcher":
        from .searcher import Searcher
        from .store import read_records

        self.prepare(edition)
        target = os.readlink(self.root / "current")
        with self._lock:
            if target != self._target or self._searcher is None:
                if self._searcher:
                    self._searcher.index.close()
                folder = self.root / target
                self._searcher = Searcher(self.engine.open(folder), read_records(folder))
                self._target = target
            return self._searcher

    def search(self, request: SearchRequest, edition: Edition) -> Results:
        searcher = self.searcher(edition)
        filters = tuple(sorted(request.filters.items()))
        asked = (request.lang, request.text, request.sort, request.page, filters)
        key = (self._target, edition.version, *asked, request.max_length)
        with self._lock:
            answer = self._answers.get(key)
        if answer is None:
            answer = searcher.search(request, edition.library)
            with self._lock:
                self._answers[key] = answer
        return answer


def search_index() -> SearchIndex:
    return current_app.extensions["search"]


def search(request: SearchRequest, edition: Edition) -> Results:
    return search_index().search(request, edition)


def health(edition: Edition) -> str:
    """ "ok", "empty" (nothing indexed) or "unavailable" (the index cannot be opened)."""
    try:
        return "ok" if search_index().searcher(edition).index.doc_count() else "empty"
    except Exception:
        current_app.logger.exception("health check: search index")
        return "unavailable"


def init_app(app: Flask) -> None:
    instance = Path(app.instance_path)
    engine = app.config["SEARCH_ENGINE"]
    check_name(engine)  # a mistyped engine stops the start, saying why
    # Each engine's indexes in a folder of its own: while the site is switched from one to
    # the other, processes of each can run side by side.
    root = Path(app.config["SEARCH_INDEX_DIR"] or instance / "search") / engine
    app.extensions["search"] = SearchIndex(root, instance, engine)
