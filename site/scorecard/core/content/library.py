"""The immutable, in-memory library that every request reads from."""

import datetime as dt
import hashlib
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import yaml
from markupsafe import Markup

from ..languages import LANGUAGES
from ..text import WORD_JOINER
from .markdown import TocEntry
from .parsing import ContentError, load_yaml, split_front_matter
from .schema import FrontMatter, GlossaryEntry, Metric, Ministry, Topic

# The definitions that glossary links carry (see glossary.py).
TOOLTIP = re.compile(r'<span class="term__tip"[^>]*>.*?</span>', re.DOTALL)
# The permalink anchors and the links to the other language beside them (see permalinks.py).
PERMALINK = re.compile(
    r'<a [^>]*class="permalink"[^>]*>\u2060#</a><a [^>]*class="in-other-language"[^>]*>[^<]*</a>'
)
# What a search snippet leaves out: headings, footnote marks and the footnotes themselves.
HEADING = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>", re.DOTALL)
FOOTNOTE_MARK = re.compile(r"<sup id=\"fnref[^>]*>.*?</sup>", re.DOTALL)
FOOTNOTES = re.compile(r'<div class="footnote">.*</div>', re.DOTALL)
# A space between two Chinese characters or marks is only where a paragraph ended.
CHINESE_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
)


# What a translator translates; the other fields (status, dates, topics...) are the
# same in every language, so changing them leaves a translation complete.
TRANSLATED_FIELDS = ("title", "summary", "ask", "region")


def _digest(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


def source_version(text: str) -> str:
    """The version a translation records in `translated_from`: the first 12 hex digits of
    the SHA-256 of what a translator translates in the source file (the fields above and
    the body, headings included). A file whose front matter cannot be read is hashed whole."""
    try:
        part = split_front_matter(text)
        fields = load_yaml(part.yaml)
    except (ContentError, yaml.YAMLError):
        return _digest(text)
    if not isinstance(fields, dict):
        return _digest(text)
    translated = [str(fields.get(name) or "") for name in TRANSLATED_FIELDS]
    return _digest("\x00".join([*translated, part.body.strip()]))


@dataclass(frozen=True)
class Problem:
    """Something wrong in a content file, for the editor who wrote it."""

    path: str
    field: str
    message: str
    # Where in the file, when it can be named (editors' tools jump to path:line:column).
    line: int | None = None
    column: int | None = None
    # An error stops `flask content check`; a warning asks the editor to look.
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}: {label}{self.field}: {self.message}"


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
    # Front matter fields that named something unknown (a ministry, a topic, a metric):
    # the document is published without those links, which the page says are unavailable.
    unavailable: tuple[str, ...] = ()

    @cached_property
    def version(self) -> str:
        """What a translation of this file records in `translated_from` (source_version)."""
        return source_version(self.source)

    @cached_property
    def digest(self) -> str:
        """A hash of what the document shows (its fields and its HTML): what the search
        index compares. Kept in the content snapshot (__getstate__), so that a restart
        need not hash every document again."""
        return _digest(self.meta.model_dump_json() + self.html)

    @cached_property
    def file_version(self) -> str:
        """A short hash of the whole file, for what changes with any of its fields."""
        return _digest(self.source)

    @property
    def id(self) -> str:
        """The document whatever its language, "recommendation/community-employment":
        what search groups its versions by and what comments belong to."""
        return f"{self.kind}/{self.slug}"

    @property
    def public(self) -> bool:
        return self.meta.status == "published"

    @property
    def scheduled(self) -> bool:
        return self.meta.status == "scheduled"

    @cached_property
    def text(self) -> str:
        """The body as plain text, for search; glossary pop-ups and anchors are not part of it."""
        text = Markup(PERMALINK.sub("", TOOLTIP.sub("", self.html))).striptags()
        return text.replace(WORD_JOINER, "")

    @property
    def running_text(self) -> str:
        """The body's paragraphs as one text, for search snippets: no headings, footnote
        marks or footnotes, which read as part of the sentence once the tags are gone.
        Made when the document is indexed, and kept with the index (search/documents.py)."""
        html = FOOTNOTES.sub("", FOOTNOTE_MARK.sub("", HEADING.sub("", self.html)))
        text = Markup(PERMALINK.sub("", TOOLTIP.sub("", html))).striptags().replace(WORD_JOINER, "")
        return CHINESE_GAP.sub("", text) if self.lang == "zh" else text

    def __getstate__(self) -> dict:
        """A pickle (the content snapshot) holds the fields, and the hashes start-up needs
        (the snapshot's key ties them to the files and the code that made them); the
        texts cached_property made are large, and made again on first use."""
        return {name: value for name, value in vars(self).items() if name not in _CACHED}


# Computed at start-up for every document: the index's fingerprint (digest), the
# translations' states (version: it reads the front matter again) and the pages' version.
_HASHES = {"digest", "version", "file_version"}
_CACHED = frozenset(
    name
    for name, value in vars(Document).items()
    if isinstance(value, cached_property) and name not in _HASHES
)


@dataclass(frozen=True)
class Shown:
    """A document as a reader of `lang` sees it: fallback when it is in the other language."""

    doc: Document
    lang: str
    # The reader's language has a version, but its file cannot be read just now.
    being_corrected: bool = False

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
    # Document files that are there but could not be read: (kind, slug, lang).
    broken: frozenset[tuple[str, str, str]] = frozenset()
    # Reference file name -> the ids of its entries that could not be read (None: the
    # whole file could not be); a document naming one of them is not blamed for it.
    broken_entries: Mapping[str, frozenset[str] | None] = field(default_factory=dict)
    # When the files were read: the Last-Modified of pages made from them (caching.py).
    loaded_at: float = field(default_factory=time.time)

    @cached_property
    def version(self) -> str:
        """A hash of everything the pages show of the content: part of their ETags."""
        digest = hashlib.sha256()
        for key in sorted(self.documents):
            doc = self.documents[key]
            digest.update(f"{key}:{doc.file_version}:{doc.meta.status}\n".encode())
        for entries in (self.topics, self.ministries, self.metrics, self.glossary):
            digest.update(repr(sorted(entries.items())).encode())
        return digest.hexdigest()[:16]

    def show(self, kind: str, slug: str, lang: str, drafts: bool = False) -> Shown | None:
        """The public document in `lang`, else its public translation, else None.

        With `drafts` (an editor is signed in), drafts count as well."""
        for candidate in (lang, *(other for other in LANGUAGES if other != lang)):
            doc = self.documents.get((kind, slug, candidate))
            if doc and (doc.public or drafts):
                return Shown(doc, lang, being_corrected=(kind, slug, lang) in self.broken)
        return None

    def as_of(self, now: dt.datetime) -> "Library":
        """The library as readers see it at `now`: a scheduled document whose time has
        come is published."""
        due = {
            key: replace(doc, meta=doc.meta.model_copy(update={"status": "published"}))
            for key, doc in self.documents.items()
            if doc.scheduled and doc.meta.publish_at and doc.meta.publish_at <= now
        }
        if not due:
            return self
        return replace(self, documents=MappingProxyType({**self.documents, **due}))

    def next_publication(self, now: dt.datetime) -> dt.datetime | None:
        """When the next scheduled document is due, if one is."""
        times = [
            doc.meta.publish_at
            for doc in self.documents.values()
            if doc.scheduled and doc.meta.publish_at and doc.meta.publish_at > now
        ]
        return min(times, default=None)
