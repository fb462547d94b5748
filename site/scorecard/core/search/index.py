"""The Whoosh index on disk: built from the library, swapped in atomically, kept fresh.

Layout under instance/search/:
    current -> ix-<fingerprint>   symlink to the index in use
    ix-<fingerprint>/             a complete index, with the fingerprint it was built from
    lock                          held while building, so concurrent start-ups build once
"""

import fcntl
import hashlib
import os
import pickle
import shutil
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from whoosh import index
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema

from ..content import Document, Library
from ..content.numbers import normalise_document_number
from ..kinds import LISTED
from .analysis import chinese_word_analyzer, english_analyzer

# Bump when the schema or the analysis changes: the fingerprint then forces a rebuild.
SCHEMA_VERSION = "6"
FINGERPRINT_FILE = "FINGERPRINT"
STORED_FILE = "stored.pickle"
# Few fields, because every field multiplies the matchers a query term needs.
# "outline" is the summary and the section headings.
TEXT_FIELDS = ("title", "outline", "body")
BOOSTS = {"title": 4.0, "outline": 2.0, "body": 1.0}
# English fields whose words feed "did you mean" (headings and summary use the same words).
SPELLING_FIELDS = ("title", "body")


def build_schema() -> Schema:
    fields = {
        "key": ID(stored=True, unique=True),
        "group": ID(stored=True),
        "digest": ID(stored=True),
        "kind": ID(stored=True),
        # The facets, named as in the search page's query string.
        "language": ID(stored=True),
        "topic": KEYWORD(stored=True),
        "ministry": KEYWORD(stored=True),
        "status": ID(stored=True),
        "numbers": KEYWORD(stored=True),
        "date": DATETIME(stored=True, sortable=True),
    }
    for name in TEXT_FIELDS:
        fields[f"{name}_en"] = TEXT(
            analyzer=english_analyzer(), field_boost=BOOSTS[name], spelling=name in SPELLING_FIELDS
        )
        fields[f"{name}_zh"] = TEXT(analyzer=chinese_word_analyzer(), field_boost=BOOSTS[name])
    return Schema(**fields)


def document_key(doc: Document) -> str:
    return f"{doc.kind}/{doc.slug}/{doc.lang}"


@dataclass(frozen=True)
class Indexed:
    """A document as the index holds it: with its recommendation's current status, which
    the original's file gives both language versions."""

    doc: Document
    status: str = ""

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.doc.digest}:{self.status}".encode()).hexdigest()[:32]


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


def fingerprint(documents: Iterable[Indexed]) -> str:
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for key, value in sorted((document_key(d.doc), d.digest) for d in documents):
        digest.update(f"{key}={value};".encode())
    return digest.hexdigest()


def index_fields(indexed: Indexed) -> dict:
    doc = indexed.doc
    meta = doc.meta
    headings = " ".join(entry.title.striptags() for entry in _flatten(doc.toc))
    texts = {
        "title": meta.title,
        "outline": f"{meta.summary} {headings}",
        "body": doc.text,
    }
    fields = {f"{name}_{doc.lang}": text for name, text in texts.items()}
    return fields | {
        "key": document_key(doc),
        "group": doc.id,
        "digest": indexed.digest,
        "kind": doc.kind,
        "language": doc.lang,
        "topic": " ".join(meta.topics),
        "ministry": " ".join(ref.id for ref in meta.ministries),
        "status": indexed.status,
        "numbers": " ".join(normalise_document_number(n) for n in meta.document_numbers),
        "date": _as_datetime(meta.date),
    }


def _flatten(entries):
    for entry in entries:
        yield entry
        yield from _flatten(entry.children)


def _as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def stored_fields(folder: Path, reader) -> dict[int, dict]:
    """Every indexed version's stored fields by docnum (what facets and grouping read), from
    a copy saved beside the index: four times faster to load at start-up than reading
    them from Whoosh. An index folder never changes once built, so neither does its copy."""
    saved = folder / STORED_FILE
    try:
        with open(saved, "rb") as file:
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError):
        stored = dict(reader.iter_docs())
    temporary = folder / f"{STORED_FILE}.{os.getpid()}"
    try:
        with open(temporary, "wb") as file:
            pickle.dump(stored, file, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(saved)
    except OSError:  # a read-only instance folder: read from Whoosh at each start
        temporary.unlink(missing_ok=True)
    return stored


def read_fingerprint(folder: Path) -> str | None:
    try:
        return (folder / FINGERPRINT_FILE).read_text().strip()
    except OSError:
        return None


@contextmanager
def _build_lock(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write_all(folder: Path, documents: list[Indexed]) -> None:
    ix = index.create_in(folder, build_schema())
    # One writer per core, each into its own segment: analysis is the bottleneck.
    processes = max(1, min(os.cpu_count() or 1, len(documents) // 500))
    options = {"procs": processes, "multisegment": True} if processes > 1 else {}
    with ix.writer(limitmb=128, **options) as writer:
        for doc in documents:
            writer.add_document(**index_fields(doc))


def _update_changed(folder: Path, documents: list[Indexed]) -> int:
    """Re-index only the documents whose digest changed; returns how many were touched."""
    ix = index.open_dir(folder)
    with ix.searcher() as searcher:
        indexed = {f["key"]: f["digest"] for f in searcher.all_stored_fields()}
    wanted = {document_key(item.doc): item for item in documents}
    touched = 0
    with ix.writer() as writer:
        for key in indexed.keys() - wanted.keys():
            writer.delete_by_term("key", key)
            touched += 1
        for key, item in wanted.items():
            if indexed.get(key) != item.digest:
                writer.update_document(**index_fields(item))
                touched += 1
    return touched


@dataclass(frozen=True)
class IndexUpdate:
    folder: Path
    built: bool  # False: the current index already matched the content
    changed: int  # documents written or deleted


def ensure_index(root: Path, library: Library, force: bool = False) -> IndexUpdate:
    """Make root/current an index of `library`.

    Reuses the current index when its fingerprint matches. Otherwise, under a lock,
    copies it and re-indexes what changed (or builds from scratch), then swaps the
    `current` link in one rename, so a reader never sees a half-built index.
    """
    documents = indexed_documents(library)
    wanted = fingerprint(documents)
    current = root / "current"
    if not force and read_fingerprint(current) == wanted:
        return IndexUpdate(current.resolve(), built=False, changed=0)
    with _build_lock(root):
        if not force and read_fingerprint(current) == wanted:
            # Another process built it while we waited for the lock.
            return IndexUpdate(current.resolve(), built=False, changed=0)
        building = root / f"building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        if not force and read_fingerprint(current) and _schema_matches(current):
            shutil.copytree(current.resolve(), building)
            (building / STORED_FILE).unlink(missing_ok=True)  # of the index being replaced
            changed = _update_changed(building, documents)
        else:
            building.mkdir()
            _write_all(building, documents)
            changed = len(documents)
        (building / FINGERPRINT_FILE).write_text(wanted)
        target = root / f"ix-{wanted[:16]}"
        shutil.rmtree(target, ignore_errors=True)
        building.rename(target)
        link = root / f"current-{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(target.name)
        link.replace(current)
        for old in root.glob("ix-*"):
            if old != target:
                shutil.rmtree(old, ignore_errors=True)
        return IndexUpdate(target, built=True, changed=changed)


def _schema_matches(folder: Path) -> bool:
    try:
        return index.open_dir(folder).schema.names() == build_schema().names()
    except Exception:  # an unreadable index is simply rebuilt
        return False
