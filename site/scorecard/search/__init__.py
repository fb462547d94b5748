"""Search behind a narrow seam, `search(request)` and `rebuild()`: only here is Whoosh known."""

import os
import threading
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from whoosh.index import open_dir

from ..content import library
from .analysis import initialise_jieba
from .index import ensure_index
from .query import FACETS, PAGE_SIZE, SORTS, Results, Searcher, SearchRequest

__all__ = [
    "FACETS",
    "PAGE_SIZE",
    "SORTS",
    "Results",
    "SearchRequest",
    "open_before_fork",
    "rebuild",
    "search",
]


class SearchIndex:
    """One searcher per process, reopened when `current` points at a newer index."""

    def __init__(self, root: Path):
        self.root = root
        self._lock = threading.Lock()
        self._target: str | None = None
        self._searcher: Searcher | None = None

    def searcher(self) -> Searcher:
        target = os.readlink(self.root / "current")
        with self._lock:
            if target != self._target:
                if self._searcher:
                    self._searcher.whoosh.close()
                opened = open_dir(self.root / target).searcher()
                self._searcher = Searcher(opened, library())
                self._target = target
            return self._searcher


def search(request: SearchRequest) -> Results:
    return current_app.extensions["search"].searcher().search(request)


def rebuild(force: bool = False) -> bool:
    """Bring the index in line with the content; True if anything was rebuilt."""
    return ensure_index(current_app.extensions["search"].root, library(), force=force).built


def open_before_fork(app: Flask) -> None:
    """Open the index now, in gunicorn's master (gunicorn.conf.py), so that every worker
    shares its in-memory part instead of reading its own: Whoosh copies each segment's
    postings into memory (about 125 MB at 10,000 documents). Safe to fork: Whoosh reads
    segments through memory maps, not through file offsets that processes would share."""
    with app.app_context():
        app.extensions["search"].searcher()


search_cli = AppGroup("search", help="Manage the search index.")


@search_cli.command("rebuild")
def rebuild_command() -> None:
    """Rebuild the search index from content/ from scratch."""
    rebuild(force=True)
    click.echo("Search index rebuilt.")


def init_app(app: Flask) -> None:
    instance = Path(app.instance_path)
    initialise_jieba(instance)
    root = Path(app.config.get("SEARCH_INDEX_DIR") or instance / "search")
    app.extensions["search"] = SearchIndex(root)
    with app.app_context():
        rebuild()
    app.cli.add_command(search_cli)
