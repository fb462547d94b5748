"""Which language versions of each document are complete, missing or outdated.

A translation records in its front matter the version of the source file it was made
from: `translated_from: <the source's version>` (a hash of what a translator translates
in the source: its title, summary, ask, region and body; see library.source_version).
The file without `translated_from` is the source. When the source's text changes, its
version changes, and the translation is outdated until a translator brings it up to date
and records the new version (`flask content translated SLUG`, or the button on
/admin/translations).
"""

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..languages import LANGUAGES
from .library import Document, Library
from .lines import set_front_matter_field


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


class TranslationError(ValueError):
    """Why a translation cannot be marked up to date; the message is for the editor."""


@dataclass(frozen=True)
class Recorded:
    path: Path
    before: str | None
    after: str


def record_translation(
    library: Library, slug: str, lang: str | None = None, kind: str | None = None
) -> list[Recorded]:
    """Record the source's current version in the translations of the document `slug`
    (only `lang`'s, if given), after an editor has checked that they follow it."""
    statuses = [
        s for s in all_statuses(library) if s.slug == slug and (kind is None or s.kind == kind)
    ]
    if not statuses:
        raise TranslationError(f"no document '{slug}': check the slug (flask content status)")
    status = statuses[0]
    wanted = [v for v in status.versions if v.doc and v.doc is not status.source]
    if lang:
        if lang == status.source.lang:
            raise TranslationError(
                f"the {lang} version is the source that the others translate: "
                "name a translation's language"
            )
        wanted = [v for v in wanted if v.lang == lang]
        if not wanted:
            raise TranslationError(f"'{slug}' has no {lang} version to mark as translated")
    recorded = []
    for version in wanted:
        doc = version.doc
        assert doc is not None
        # As bytes, so that the file's line endings stay as the editor's tools wrote them.
        text = doc.path.read_bytes().decode("utf-8")
        updated = set_front_matter_field(text, "translated_from", status.source.version)
        doc.path.write_bytes(updated.encode("utf-8"))
        recorded.append(Recorded(doc.path, doc.meta.translated_from, status.source.version))
    return recorded
