"""An edition: one library of content and everything derived from it, worked out once.

When the content is loaded (at start-up, or again after an editor's change) the site
builds an Edition from the new Library and swaps it in whole (core/publisher.py). Views
only look things up in it, so a reader's request does no work that grows with the
archive (search aside).

What also depends on the site's address or on the reader's language (feeds, the sitemap,
the API's lists, chart layouts) is made on the first request that needs it and kept in
the edition (`made`), so that it goes when the next edition replaces this one. An
edition's `version` is the content part of every ETag, so a conditional request is
answered without making anything.
"""

import base64
import datetime as dt
import hashlib
import threading
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from cachetools import LRUCache

from .content import Document, Library, Problem, Shown
from .content.schema import StatusEvent
from .content.translations import State, TranslationStatus, all_statuses
from .kinds import LISTED
from .languages import LANGUAGES

T = TypeVar("T")
# Answers kept per edition: a few per site address and language (feeds, sitemap, API
# lists) and one per metric and language (charts). The bound only matters where no
# SCORECARD_SITE_URL is set and every Host header a client sends is an address.
MADE_MOST = 64


def short_id(doc_id: str) -> str:
    """Seven letters and digits derived from the document's id: the same on every start."""
    digest = hashlib.sha256(doc_id.encode()).digest()
    return base64.b32encode(digest).decode()[:7].lower()


class Made:
    """Answers made from one edition, by key; thread-safe for the development server."""

    def __init__(self) -> None:
        self._kept: LRUCache = LRUCache(MADE_MOST)
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._kept:
                return self._kept[key]
        value = make()
        with self._lock:
            self._kept[key] = value
        return value


@dataclass(frozen=True)
class Edition:
    # The library as readers see it at `made_at` (scheduled documents due by then published).
    library: Library
    # (kind, lang, drafts) -> every document of a listed kind, newest first, each in the
    # best language for a reader of lang (drafts too, for editors).
    listings: Mapping[tuple[str, str, bool], tuple[Shown, ...]]
    # (kind, slug) -> the languages it is published in.
    published_in: Mapping[tuple[str, str], tuple[str, ...]]
    # (kind, slug) -> which language versions are complete, outdated or missing.
    statuses: Mapping[tuple[str, str], TranslationStatus]
    # document id -> short id, and short id -> the document in its first published language.
    short_ids: Mapping[str, str]
    shared: Mapping[str, Document]
    # (ministry id, lang) -> the published documents naming it, each with the ministry's role.
    naming: Mapping[tuple[str, str], tuple[tuple[Shown, str], ...]]
    # (metric id, lang) -> the published documents it measures.
    measuring: Mapping[tuple[str, str], tuple[Shown, ...]]
    # A content file (its path below the content folder) -> its problems, for editors.
    problems: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)
    # When it was made, and when it stops being true: the next scheduled publication.
    made_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    expires_at: dt.datetime | None = None
    made: Made = field(default_factory=Made, compare=False, repr=False)

    @property
    def version(self) -> str:
        return self.library.version

    def show(self, kind: str, slug: str, lang: str, drafts: bool = False) -> Shown | None:
        return self.library.show(kind, slug, lang, drafts)

    def listing(self, kind: str, lang: str, drafts: bool = False) -> tuple[Shown, ...]:
        return self.listings.get((kind, lang, drafts), ())

    def public_documents(self, lang: str) -> tuple[Shown, ...]:
        """Every public recommendation and case study, each kind newest first."""
        return tuple(shown for kind in LISTED for shown in self.listing(kind, lang))

    def languages_of(self, kind: str, slug: str) -> tuple[str, ...]:
        return self.published_in.get((kind, slug), ())

    def addressing(self, ministry_id: str, lang: str) -> tuple[tuple[Shown, str], ...]:
        return self.naming.get((ministry_id, lang), ())

    def measured_by(self, metric_id: str, lang: str) -> tuple[Shown, ...]:
        return self.measuring.get((metric_id, lang), ())

    def status_of(self, kind: str, slug: str) -> TranslationStatus | None:
        return self.statuses.get((kind, slug))

    def timeline_of(self, kind: str, slug: str) -> tuple[StatusEvent, ...]:
        """A recommendation's status events, from its original's file (a translation shows
        the original's); other kinds have none."""
        status = self.status_of(kind, slug)
        return status.source.meta.timeline if status and kind == "recommendation" else ()

    def problems_of(self, *files: str) -> tuple[Problem, ...]:
        """The problems of these files (paths below the content folder)."""
        return tuple(problem for name in files for problem in self.problems.get(name, ()))

    def newer_original(self, doc: Document) -> Document | None:
        """For a reader of an outdated translation: the newer original, when it is published."""
        status = self.status_of(doc.kind, doc.slug)
        if status and status.of(doc.lang).state is State.OUTDATED and status.source.public:
            return status.source
        return None


def _listings(library: Library) -> dict[tuple[str, str, bool], tuple[Shown, ...]]:
    slugs = defaultdict(set)
    for kind, slug, _ in library.documents:
        slugs[kind].add(slug)
    listings = {}
    for kind in LISTED:
        for lang in LANGUAGES:
            for drafts in (False, True):
                found = (library.show(kind, slug, lang, drafts) for slug in sorted(slugs[kind]))
                shown = [s for s in found if s]
                # Stable sort: same-day documents keep their slug order.
                shown.sort(key=lambda s: s.doc.meta.date, reverse=True)
                listings[kind, lang, drafts] = tuple(shown)
    return listings


def _frozen(mapping: Mapping[Any, list]) -> Mapping[Any, tuple]:
    return MappingProxyType({key: tuple(values) for key, values in mapping.items()})


def build_edition(loaded: Library, now: dt.datetime | None = None) -> Edition:
    """Everything readers' requests look up, worked out once from `loaded` as it stands at
    `now` (a scheduled document is published from its publish_at on)."""
    now = now or dt.datetime.now(dt.UTC)
    library = loaded.as_of(now)
    listings = _listings(library)
    published_in = defaultdict(list)
    for lang in LANGUAGES:
        for (kind, slug, doc_lang), doc in library.documents.items():
            if doc_lang == lang and doc.public:
                published_in[kind, slug].append(lang)
    short_ids, shared = {}, {}
    for kind, slug in sorted(published_in):
        if kind in LISTED:
            doc = library.documents[kind, slug, published_in[kind, slug][0]]
            short_ids[doc.id] = short_id(doc.id)
            shared[short_ids[doc.id]] = doc
    problems = defaultdict(list)
    for problem in loaded.problems:
        problems[problem.path.split("/", 1)[-1]].append(problem)
    naming, measuring = defaultdict(list), defaultdict(list)
    for lang in LANGUAGES:
        for kind in LISTED:
            for shown in listings[kind, lang, False]:
                for ref in shown.doc.meta.ministries:
                    naming[ref.id, lang].append((shown, ref.role))
                for metric in shown.doc.meta.metrics:
                    measuring[metric, lang].append(shown)
    return Edition(
        library=library,
        listings=MappingProxyType(listings),
        published_in=_frozen(published_in),
        statuses=MappingProxyType({(s.kind, s.slug): s for s in all_statuses(library)}),
        short_ids=MappingProxyType(short_ids),
        shared=MappingProxyType(shared),
        naming=_frozen(naming),
        measuring=_frozen(measuring),
        problems=_frozen(problems),
        made_at=now,
        expires_at=library.next_publication(now),
    )
