"""The immutable, in-memory library that every request reads from."""

import hashlib
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from ..languages import LANGUAGES
from .markdown import TocEntry
from .schema import FrontMatter, GlossaryEntry, Metric, Ministry, Topic

# The definitions that glossary links carry (see glossary.py).
TOOLTIP = re.compile(r'<span class="term__tip"[^>]*>.*?</span>', re.DOTALL)
# The permalink anchors on headings and numbered paragraphs (see permalinks.py).
PERMALINK = re.compile(r'<a [^>]*class="permalink"[^>]*>#</a>')


def text_version(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of a file's text (line endings normalised)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Problem:
    """Something wrong in a content file, for the editor who wrote it."""

    path: str
    field: str
    message: str
    # The line in the file, where one can be named (editors' tools jump to path:line).
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Document:
    kind: str
    slug: str
    lang: str
    meta: FrontMatter
    html: str
    toc: tuple[TocEntry, ...]
    path: Path
    # The file's text as written; its version is what a translation records.
    source: str = ""

    @cached_property
    def version(self) -> str:
        """A short hash of the whole file: a translation's `translated_from` names it."""
        return text_version(self.source)

    @property
    def id(self) -> str:
        """The document whatever its language, "recommendation/community-employment":
        what search groups its versions by and what comments belong to."""
        return f"{self.kind}/{self.slug}"

    @property
    def public(self) -> bool:
        return self.meta.status == "published"

    @cached_property
    def text(self) -> str:
        """The body as plain text, for search; glossary pop-ups and anchors are not part of it."""
        return Markup(PERMALINK.sub("", TOOLTIP.sub("", self.html))).striptags()

    def __getstate__(self) -> dict:
        """A pickle (the content snapshot) holds the fields only: what cached_property
        computed from them is computed again on first use, so it cannot go stale."""
        return {name: value for name, value in vars(self).items() if name not in _CACHED}


_CACHED = frozenset(
    name for name, value in vars(Document).items() if isinstance(value, cached_property)
)


@dataclass(frozen=True)
class Shown:
    """A document as a reader of `lang` sees it: fallback when it is in the other language."""

    doc: Document
    lang: str

    @property
    def fallback(self) -> bool:
        return self.doc.lang != self.lang


@dataclass(frozen=True)
class Library:
    documents: Mapping[tuple[str, str, str], Document] = field(default_factory=dict)
    topics: Mapping[str, Topic] = field(default_factory=dict)
    ministries: Mapping[str, Ministry] = field(default_factory=dict)
    metrics: Mapping[str, Metric] = field(default_factory=dict)
    glossary: Mapping[str, GlossaryEntry] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    # When the files were read: the Last-Modified of pages made from them (caching.py).
    loaded_at: float = field(default_factory=time.time)

    @cached_property
    def version(self) -> str:
        """A hash of everything the pages show of the content: part of their ETags."""
        digest = hashlib.sha256()
        for key in sorted(self.documents):
            digest.update(f"{key}:{self.documents[key].version}\n".encode())
        for entries in (self.topics, self.ministries, self.metrics, self.glossary):
            digest.update(repr(sorted(entries.items())).encode())
        return digest.hexdigest()[:16]

    def show(self, kind: str, slug: str, lang: str, drafts: bool = False) -> Shown | None:
        """The public document in `lang`, else its public translation, else None.

        With `drafts` (an editor is signed in), drafts count as well."""
        for candidate in (lang, *(other for other in LANGUAGES if other != lang)):
            doc = self.documents.get((kind, slug, candidate))
            if doc and (doc.public or drafts):
                return Shown(doc, lang)
        return None
