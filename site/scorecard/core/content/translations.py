"""Which language versions of each document are complete, missing or outdated.

A translation records in its front matter the version of the source file it was made
from: `translated_from: <the source's version>` (the first 12 hex digits of the SHA-256
of the source file). The file without `translated_from` is the source. When the source
changes, its version changes, and the translation is outdated until a translator
brings it up to date and records the new version.
"""

from dataclasses import dataclass
from enum import StrEnum

from ..languages import LANGUAGES
from .library import Document, Library


class State(StrEnum):
    SOURCE = "source"
    COMPLETE = "complete"
    OUTDATED = "outdated"  # the source changed after the translation was made
    UNRECORDED = "unrecorded"  # no `translated_from`: which source it follows is unknown
    MISSING = "missing"


@dataclass(frozen=True)
class Version:
    lang: str
    state: State
    doc: Document | None


@dataclass(frozen=True)
class TranslationStatus:
    kind: str
    slug: str
    source: Document
    versions: tuple[Version, ...]

    @property
    def id(self) -> str:
        return self.source.id

    def of(self, lang: str) -> Version:
        return next(v for v in self.versions if v.lang == lang)


def _source(docs: dict[str, Document]) -> Document:
    """The version the others translate: the one without `translated_from` (English first)."""
    originals = [
        docs[lang] for lang in LANGUAGES if lang in docs and not docs[lang].meta.translated_from
    ]
    return (originals or [docs[lang] for lang in LANGUAGES if lang in docs])[0]


def _state(doc: Document | None, source: Document) -> State:
    if doc is None:
        return State.MISSING
    if doc is source:
        return State.SOURCE
    if not doc.meta.translated_from:
        return State.UNRECORDED
    return State.COMPLETE if doc.meta.translated_from == source.version else State.OUTDATED


def status_of(library: Library, kind: str, slug: str) -> TranslationStatus | None:
    docs = {lang: doc for lang in LANGUAGES if (doc := library.documents.get((kind, slug, lang)))}
    if not docs:
        return None
    source = _source(docs)
    versions = tuple(
        Version(lang, _state(docs.get(lang), source), docs.get(lang)) for lang in LANGUAGES
    )
    return TranslationStatus(kind, slug, source, versions)


def all_statuses(library: Library) -> list[TranslationStatus]:
    """Every document, drafts included, by kind then slug."""
    keys = sorted({(kind, slug) for (kind, slug, _) in library.documents})
    return [status for kind, slug in keys if (status := status_of(library, kind, slug))]
