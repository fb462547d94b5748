"""What is indexed, whichever engine indexes it: the documents readers can find, their
texts, and the record of each indexed version that grouping and facets read."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from ..content import Document, Library
from ..content.numbers import normalise_document_number
from ..kinds import LISTED

# The texts of a document, most telling first: "outline" is the summary and the headings.
TEXT_FIELDS = ("title", "outline", "body")
BOOSTS = {"title": 4.0, "outline": 2.0, "body": 1.0}


def document_key(doc: Document) -> str:
    return f"{doc.kind}/{doc.slug}/{doc.lang}"


@dataclass(frozen=True)
class Indexed:
    """A document as the index holds it: with its recommendation's current status, which
    the original's file gives both language versions."""

    doc: Document
    status: str = ""

    @property
    def key(self) -> str:
        return document_key(self.doc)

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.doc.digest}:{self.status}".encode()).hexdigest()[:32]

    def texts(self) -> dict[str, str]:
        """Each of TEXT_FIELDS, in the document's language."""
        meta = self.doc.meta
        headings = " ".join(entry.title.striptags() for entry in _flatten(self.doc.toc))
        return {"title": meta.title, "outline": f"{meta.summary} {headings}", "body": self.doc.text}

    @property
    def numbers(self) -> list[str]:
        return [normalise_document_number(n) for n in self.doc.meta.document_numbers]

    @property
    def date(self) -> datetime:
        day: date = self.doc.meta.date
        return datetime(day.year, day.month, day.day)

    def record(self) -> "Record":
        meta = self.doc.meta
        return Record(
            key=self.key,
            group=self.doc.id,
            language=self.doc.lang,
            kind=self.doc.kind,
            topic=tuple(meta.topics),
            ministry=tuple(ref.id for ref in meta.ministries),
            status=self.status,
            digest=self.digest,
            running_text=self.doc.running_text,
        )


class Record(NamedTuple):
    """One indexed version, as grouping, facets and snippets read it. The facets are named
    as in the search page's query string."""

    key: str
    group: str  # the document, whatever its language
    language: str
    kind: str
    topic: tuple[str, ...]
    ministry: tuple[str, ...]
    status: str
    digest: str
    # What snippets are cut from, made once with the index: gunicorn's master reads the
    # records before it forks, so the workers share these texts instead of each making
    # its own on first use (0.25 ms a document; 100 MB and more at 20,000 versions).
    running_text: str

    def values(self, facet: str) -> tuple[str, ...]:
        value = getattr(self, facet)
        return value if isinstance(value, tuple) else (value,) if value else ()


def _flatten(entries):
    for entry in entries:
        yield entry
        yield from _flatten(entry.children)


def indexed_documents(library: Library) -> list[Indexed]:
    """What readers can find: published recommendations and case studies."""
    statuses = {
        doc.id: now.status
        for doc in library.documents.values()
        if (now := doc.meta.current_status) and not doc.meta.translated_from
    }
    return [
        Indexed(doc, statuses.get(doc.id, ""))
        for doc in library.documents.values()
        if doc.public and doc.kind in LISTED
    ]


def fingerprint(documents: Iterable[Indexed], engine_version: str) -> str:
    """Of the documents as indexed, and of the engine and its schema: a change of either
    makes a new index."""
    digest = hashlib.sha256(engine_version.encode())
    for key, value in sorted((d.key, d.digest) for d in documents):
        digest.update(f"{key}={value};".encode())
    return digest.hexdigest()
