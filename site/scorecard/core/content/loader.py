"""Reads content/ into a Library, reporting every problem instead of raising.

Nothing an editor writes can stop the load: each file, and each entry of a reference
file, is read on its own, and whatever goes wrong with it becomes a Problem with the
file, the line and what to write instead. What is broken is left out, but no more:

- a reference file (ministries.yaml...) with one bad entry loses that entry; one that
  does not parse at all is read again entry by entry;
- a document that names an unknown ministry, topic or metric is still published,
  without that link; when the name is unknown because its entry is broken, the problem
  is reported once, at the entry, not again in every document that names it;
- when the files are read again (live reload, a publish) and one that loaded before is
  broken now, the site keeps its last good version until it is fixed.
"""

import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

import yaml
from pydantic import ValidationError

from ..kinds import FOLDERS
from ..languages import LANGUAGES
from .cjk_typography import ChineseTypographyExtension
from .glossary import GlossaryExtension
from .library import Document, Library, Problem
from .lines import entry_field_line, entry_line, front_matter_line
from .markdown import Renderer
from .messages import validation_messages
from .parsing import (
    ContentError,
    entry_id,
    list_entries,
    load_yaml,
    split_front_matter,
    yaml_problem,
)
from .permalinks import PermalinkExtension, PermalinkLabels
from .pictures import PicturesExtension
from .schema import Entry, FrontMatter, GlossaryEntry, Metric, Ministry, Topic
from .tables import TablesExtension
from .unbroken_numbers import UnbrokenNumbersExtension

FILENAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[a-z]+)\.md$")
PERMALINK_LABELS = PermalinkLabels(
    "Link to this section",
    "Link to paragraph {}",
    "Link to this paragraph",
    "In the other language",
)
REFERENCE_FILES: dict[str, type[Entry]] = {
    "topics": Topic,
    "ministries": Ministry,
    "metrics": Metric,
    "glossary": GlossaryEntry,
}
# Front matter field -> the reference file its ids come from.
REFERENCES = {"topics": "topics", "ministries": "ministries", "metrics": "metrics"}
KEPT = " (the site keeps showing the last version that loaded until this is fixed)"


@dataclass
class Reference:
    """One reference file as loaded: its entries, and the ids of its broken entries (None:
    the whole file is unreadable, so any id may be one of them)."""

    entries: Mapping[str, Entry] = field(default_factory=dict)
    broken_ids: set[str] | None = field(default_factory=set)

    def explains(self, entry_id: str) -> bool:
        """Whether an unknown id is already reported, at its broken entry."""
        return self.broken_ids is None or entry_id in self.broken_ids


def _entry_problems(
    shown: str, text: str, number: int, entry: Any, error: ValidationError, line: int | None
) -> list[Problem]:
    named = entry.get("id") if isinstance(entry, dict) else None
    label = named if isinstance(named, str) and named else f"[{number}]"
    if isinstance(named, str) and named:
        line = entry_line(text, named) or line
    return [
        Problem(
            shown,
            f"{label}.{field_name}",
            message,
            entry_field_line(text, line, field_name.split(".")[0]) or line,
        )
        for field_name, message in validation_messages(error)
    ]


def _entries_of(
    text: str, shown: str, problems: list[Problem], lost: set[str]
) -> list[tuple[Any, int | None]]:
    """The file's entries with the line each starts on; a file that does not parse is read
    entry by entry, and only the entries that do not parse are lost (their ids go to
    `lost`)."""
    try:
        entries = load_yaml(text) or []
    except yaml.YAMLError as error:
        message, line = yaml_problem(error, text)
        problems.append(Problem(shown, "file", message, line))
        recovered: list[tuple[Any, int | None]] = []
        for start, chunk in list_entries(text):
            try:
                parsed = load_yaml(chunk)
            except yaml.YAMLError as chunk_error:
                chunk_message, chunk_line = yaml_problem(chunk_error, chunk, first_line=start)
                if chunk_line != line:  # the first error is reported already
                    problems.append(Problem(shown, "file", chunk_message, chunk_line))
                if lost_id := entry_id(chunk):
                    lost.add(lost_id)
                continue
            if isinstance(parsed, list):
                recovered += [(item, start) for item in parsed]
        return recovered
    if not isinstance(entries, list):
        problems.append(
            Problem(shown, "file", "expected a list of entries, each starting with '- id: ...'", 1)
        )
        return []
    return [(entry, None) for entry in entries]


def _load_reference(
    path: Path, model: type[Entry], shown: str, problems: list[Problem], previous: Mapping
) -> Reference:
    """A YAML list of entries, keyed by id; bad entries are reported and left out (or kept
    as they were before, when the file is read again)."""
    if not path.exists():
        return Reference(MappingProxyType({}))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, "file", f"cannot be read as UTF-8 text: {error}", 1))
        return Reference(MappingProxyType(dict(previous)), None)
    before = len(problems)
    broken: set[str] = set()
    parsed = _entries_of(text, shown, problems, broken)
    unreadable = len(problems) > before and not parsed and not broken
    found: dict[str, Entry] = {}
    for lost in broken & set(previous):
        found[lost] = previous[lost]
    for number, (entry, line) in enumerate(parsed):
        try:
            item = model.model_validate(entry)
        except ValidationError as error:
            problems += _entry_problems(shown, text, number, entry, error, line)
            named = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(named, str):
                broken.add(named)
                if named in previous:
                    found[named] = previous[named]
            continue
        if item.id in found:
            problems.append(
                Problem(
                    shown,
                    f"[{number}].id",
                    f"duplicate id '{item.id}': give one of the entries another id",
                    entry_line(text, item.id, occurrence=2),
                )
            )
            continue
        found[item.id] = item
    if unreadable:
        found = {**previous, **found}
    return Reference(MappingProxyType(found), None if unreadable else broken)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            "file", f"not UTF-8 text ({error.reason}): save the file as UTF-8", 1
        ) from error


# A front matter field, as it would stand on its own line.
FIELD_LINE = re.compile(rf"^(?:{'|'.join(FrontMatter.model_fields)})\s*:")


def _stray_fence(body: str, body_line: int) -> None:
    """Fields after the closing '---', then another '---': the first one came too early,
    and the fields below it would be printed as text."""
    fields = 0
    for line in body.splitlines():
        if FIELD_LINE.match(line):
            fields += 1
        elif line.strip() == "---" and fields:
            raise ContentError(
                "front matter",
                "an extra '---' line ends the front matter here, so the fields below it would "
                "be printed as text: remove this line",
                body_line - 1,
            )
        elif line.strip() and not line.startswith((" ", "\t", "#")):
            return


def _read_front_matter(text: str) -> tuple[FrontMatter, str, int]:
    """The validated front matter, the body and the line the body starts on."""
    part = split_front_matter(text)
    _stray_fence(part.body, part.body_line)
    try:
        fields = load_yaml(part.yaml)
    except yaml.YAMLError as error:
        message, line = yaml_problem(error, part.yaml, first_line=2)
        raise ContentError("front matter", message, line) from error
    if not isinstance(fields, dict):
        raise ContentError(
            "front matter", "the front matter must be fields, one a line: 'title: ...'", 2
        )
    return FrontMatter.model_validate(fields), part.body, part.body_line


def _unknown_references(
    meta: FrontMatter, reference: Mapping[str, Reference]
) -> tuple[FrontMatter, list[tuple[str, str]], list[str]]:
    """The front matter without its unknown references, the problems to report about them
    (field, message) and the fields that lost one."""
    reported, unavailable, update = [], [], {}
    for field_name, file_name in REFERENCES.items():
        known = reference[file_name]
        values = getattr(meta, field_name)
        ids = [value.id if hasattr(value, "id") else value for value in values]
        missing = [name_id for name_id in ids if name_id not in known.entries]
        if not missing:
            continue
        unavailable.append(field_name)
        update[field_name] = tuple(v for v, i in zip(values, ids, strict=True) if i not in missing)
        singular = {"topics": "topic", "ministries": "ministry", "metrics": "metric"}[field_name]
        for name_id in missing:
            if known.explains(name_id):
                continue  # its entry is broken: reported there, once
            valid = ", ".join(sorted(known.entries)[:12]) or "none yet"
            hint = " (ids are lower case)" if name_id.lower() in known.entries else ""
            reported.append(
                (
                    field_name,
                    f"unknown {singular} '{name_id}'{hint}: use an id from "
                    f"content/{file_name}.yaml ({valid})",
                )
            )
    return meta.model_copy(update=update), reported, unavailable


def _load_document(
    path: Path,
    kind: str,
    shown: str,
    reference: Mapping[str, Reference],
    renderers: Mapping[str, Renderer],
    written: str | None = None,
) -> tuple[Document | None, list[Problem]]:
    """The document in `path` (or, with `written`, the document that text would be)."""
    match = FILENAME.match(path.name)
    if not match or match["lang"] not in LANGUAGES:
        expected = f"<slug>.<{'|'.join(LANGUAGES)}>.md, slug in lower-case letters, digits, '-'"
        return None, [Problem(shown, "file name", f"expected {expected}")]
    text = ""
    try:
        text = _read_text(path) if written is None else written
        meta, body, _ = _read_front_matter(text)
    except ContentError as error:
        return None, [Problem(shown, error.field, error.message, error.line)]
    except ValidationError as error:
        known = FrontMatter.model_fields
        # A missing field is pointed at where to add it: the front matter's end.
        end = split_front_matter(text).body_line - 1
        return None, [
            Problem(shown, name, message, front_matter_line(text, name) or end)
            for name, message in validation_messages(error, known)
        ]
    if meta.kind != kind:
        message = f"'{meta.kind}' does not match its folder: write kind: {kind}, or move the file"
        return None, [Problem(shown, "kind", message, front_matter_line(text, "kind"))]
    meta, reported, unavailable = _unknown_references(meta, reference)
    problems = [
        Problem(shown, name, message, front_matter_line(text, name)) for name, message in reported
    ]
    rendered = renderers[match["lang"]].render(body)
    document = Document(
        kind=kind,
        slug=match["slug"],
        lang=match["lang"],
        meta=meta,
        html=rendered.html,
        toc=rendered.toc,
        path=path,
        source=text,
        unavailable=tuple(unavailable),
    )
    return document, problems


def _load_document_safely(path: Path, kind: str, shown: str, reference, renderers, written=None):
    """_load_document, with anything unforeseen reported as the file's problem."""
    try:
        return _load_document(path, kind, shown, reference, renderers, written)
    except Exception as error:  # a bug of ours must not take the site down with one file
        message = f"could not be read ({type(error).__name__}: {error}); please report this"
        return None, [Problem(shown, "file", message, 1)]


def _renderers(
    glossary: Mapping[str, GlossaryEntry],
    backlink_titles: Mapping[str, str],
    permalink_labels: Mapping[str, PermalinkLabels] | None,
) -> dict[str, Renderer]:
    permalink_labels = permalink_labels or {lang: PERMALINK_LABELS for lang in LANGUAGES}
    return {
        lang: Renderer(
            backlink_titles[lang],
            [
                GlossaryExtension(glossary, lang),
                PermalinkExtension(permalink_labels[lang], lang),
                PicturesExtension(),
                UnbrokenNumbersExtension(lang),
                TablesExtension(),
                *([ChineseTypographyExtension()] if lang == "zh" else []),
            ],
        )
        for lang in LANGUAGES
    }


def _key_of(path: Path) -> tuple[str, str, str] | None:
    """(kind, slug, lang) of a document file, from its folder and name."""
    match = FILENAME.match(path.name)
    kind = FOLDERS.get(path.parent.name)
    return (kind, match["slug"], match["lang"]) if match and kind else None


def _broken_ids(library: Library, name: str) -> set[str] | None:
    broken = library.broken_entries.get(name, frozenset())
    return None if broken is None else set(broken)


def _read_documents(
    paths: Iterable[tuple[Path, str]],
    content_dir: Path,
    reference: Mapping[str, Reference],
    renderers: Mapping[str, Renderer],
    previous: Library | None,
) -> tuple[dict[tuple[str, str, str], Document], list[Problem], set[tuple[str, str, str]]]:
    documents, problems, broken = {}, [], set()
    kept = {doc.path: doc for doc in previous.documents.values()} if previous else {}
    for path, kind in paths:
        shown = path.relative_to(content_dir.parent).as_posix()
        document, found = _load_document_safely(path, kind, shown, reference, renderers)
        if document is None and path in kept:
            document = kept[path]  # its last good version
            found = [replace(p, message=p.message + KEPT) for p in found]
        if document is None:
            if key := _key_of(path):
                broken.add(key)
        else:
            documents[(document.kind, document.slug, document.lang)] = document
        problems += found
    return documents, problems, broken


def _references(
    content_dir: Path, problems: list[Problem], previous: Library | None
) -> dict[str, Reference]:
    reference = {}
    for name, model in REFERENCE_FILES.items():
        path = content_dir / f"{name}.yaml"
        shown = path.relative_to(content_dir.parent).as_posix()
        before = getattr(previous, name) if previous else {}
        reference[name] = _load_reference(path, model, shown, problems, before)
    return reference


def load_library(
    content_dir: Path,
    backlink_titles: Mapping[str, str],
    permalink_labels: Mapping[str, PermalinkLabels] | None = None,
    previous: Library | None = None,
) -> Library:
    """Read and validate everything under content_dir; what is invalid is reported and left
    out (or, with `previous`, kept as it was there).

    backlink_titles gives, per language, the tooltip of a footnote's link back to the text,
    with {} for the footnote's number; permalink_labels the accessible names of the anchors
    (see permalinks.PermalinkLabels).
    """
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    reference = _references(content_dir, problems, previous)
    glossary = cast(Mapping[str, GlossaryEntry], reference["glossary"].entries)
    renderers = _renderers(glossary, backlink_titles, permalink_labels)
    paths = [
        (path, kind)
        for folder, kind in FOLDERS.items()
        for path in sorted((content_dir / folder).glob("*.md"))
    ]
    documents, found, broken = _read_documents(paths, content_dir, reference, renderers, previous)
    return Library(
        documents=MappingProxyType(documents),
        problems=tuple(problems + found),
        broken=frozenset(broken),
        broken_entries=MappingProxyType(
            {
                name: None if ref.broken_ids is None else frozenset(ref.broken_ids)
                for name, ref in reference.items()
            }
        ),
        topics=cast(Mapping[str, Topic], reference["topics"].entries),
        ministries=cast(Mapping[str, Ministry], reference["ministries"].entries),
        metrics=cast(Mapping[str, Metric], reference["metrics"].entries),
        glossary=cast(Mapping[str, GlossaryEntry], reference["glossary"].entries),
    )


def reload_documents(
    library: Library,
    content_dir: Path,
    paths: Iterable[Path],
    backlink_titles: Mapping[str, str],
    permalink_labels: Mapping[str, PermalinkLabels] | None = None,
) -> Library:
    """The library with these document files read again: changed, added or removed.

    Topics, ministries, metrics and the glossary are kept: when one of those files
    changes, load the whole library instead (with this one as `previous`).
    """
    content_dir = Path(content_dir)
    paths = [Path(p) for p in paths]
    shown = {p.relative_to(content_dir.parent).as_posix() for p in paths}
    reference = {
        name: Reference(getattr(library, name), _broken_ids(library, name))
        for name in REFERENCE_FILES
    }
    renderers = _renderers(library.glossary, backlink_titles, permalink_labels)
    documents = {key: doc for key, doc in library.documents.items() if doc.path not in paths}
    problems = [p for p in library.problems if p.path not in shown]
    existing = [(p, FOLDERS[p.parent.name]) for p in sorted(paths) if p.exists()]
    read, found, broken = _read_documents(existing, content_dir, reference, renderers, library)
    documents.update(read)
    read_again = {_key_of(path) for path in paths}
    kept_broken = {key for key in library.broken if key not in read_again}
    return replace(
        library,
        documents=MappingProxyType(documents),
        problems=tuple(problems + found),
        broken=frozenset(kept_broken | broken),
        loaded_at=time.time(),
    )


def read_written(
    library: Library,
    content_dir: Path,
    path: Path,
    text: str,
    backlink_titles: Mapping[str, str],
    permalink_labels: Mapping[str, PermalinkLabels] | None = None,
) -> tuple[Document | None, list[Problem]]:
    """The document `text` would be if it were saved as `path`, and its problems: what an
    editor's preview shows, and what a save checks first. Nothing is written."""
    content_dir = Path(content_dir)
    reference = {
        name: Reference(getattr(library, name), _broken_ids(library, name))
        for name in REFERENCE_FILES
    }
    renderers = _renderers(library.glossary, backlink_titles, permalink_labels)
    kind = FOLDERS.get(path.parent.name, "")
    shown = path.relative_to(content_dir.parent).as_posix()
    return _load_document_safely(path, kind, shown, reference, renderers, text)
