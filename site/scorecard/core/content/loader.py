"""Reads content/ into a Library, reporting every problem instead of raising."""

import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import frontmatter
import yaml
from pydantic import ValidationError

from ..kinds import FOLDERS
from ..languages import LANGUAGES
from .glossary import GlossaryExtension
from .library import Document, Library, Problem
from .lines import entry_line, front_matter_line
from .markdown import Renderer
from .permalinks import PermalinkExtension
from .schema import Entry, FrontMatter, GlossaryEntry, Metric, Ministry, Topic

FILENAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[a-z]+)\.md$")
PERMALINK_LABELS = ("Link to this section", "Link to paragraph {}")
REFERENCE_FILES: dict[str, type[Entry]] = {
    "topics": Topic,
    "ministries": Ministry,
    "metrics": Metric,
    "glossary": GlossaryEntry,
}


class ContentError(Exception):
    """One problem found while reading a file."""

    def __init__(self, field: str, message: str, line: int | None = None):
        super().__init__(message)
        self.field = field
        self.message = message
        self.line = line


def _validation_problems(path: str, error: ValidationError) -> list[Problem]:
    messages = {
        "extra_forbidden": "unknown field: remove it, or correct its spelling",
        "missing": "required field is missing: add it",
    }
    return [
        Problem(
            path,
            ".".join(str(part) for part in err["loc"]) or "front matter",
            messages.get(err["type"], err["msg"].removeprefix("Value error, ")),
        )
        for err in error.errors()
    ]


def _yaml_message(error: yaml.YAMLError) -> str:
    """One line an editor can act on: where the parser stopped, and where the construct began."""
    if not isinstance(error, yaml.MarkedYAMLError) or not error.problem_mark:
        return f"broken YAML: {error}"
    message = f"broken YAML at line {error.problem_mark.line + 1}: {error.problem}"
    if error.context and error.context_mark:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    return message


def _load_reference(
    path: Path, model: type[Entry], shown: str, problems: list[Problem]
) -> Mapping[str, Entry]:
    """A YAML list of entries, keyed by id; bad entries are reported and left out."""
    if not path.exists():
        return MappingProxyType({})
    try:
        text = path.read_text(encoding="utf-8")
        entries = yaml.safe_load(text) or []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        message = _yaml_message(error) if isinstance(error, yaml.YAMLError) else str(error)
        problems.append(Problem(shown, "file", message))
        return MappingProxyType({})
    if not isinstance(entries, list):
        problems.append(Problem(shown, "file", "expected a list of entries"))
        return MappingProxyType({})
    found = {}
    for number, entry in enumerate(entries):
        try:
            item = model.model_validate(entry)
        except ValidationError as error:
            # Editors know an entry by its id; the position is for one without a usable id.
            named = entry.get("id") if isinstance(entry, dict) else None
            label = named if isinstance(named, str) and named else f"[{number}]"
            line = entry_line(text, named) if isinstance(named, str) else None
            problems.extend(
                Problem(p.path, f"{label}.{p.field}", p.message, line)
                for p in _validation_problems(shown, error)
            )
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
    return MappingProxyType(found)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError("file", f"not UTF-8 text ({error.reason})") from error


def _read_front_matter(text: str) -> tuple[FrontMatter, str]:
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        # python-frontmatter hands YAML the text from the opening '---' line on,
        # so the parser's line numbers are already the file's.
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ContentError("front matter", _yaml_message(error), line) from error
    if not post.metadata:
        raise ContentError("front matter", "missing: the file must start with a '---' block", 1)
    return FrontMatter.model_validate(post.metadata), post.content


def _at_line(problem: Problem, text: str) -> Problem:
    """The problem with the line of the front matter field it concerns; for a missing
    field, the front matter's first line."""
    return replace(problem, line=front_matter_line(text, problem.field) or 1)


def _references(meta: FrontMatter, library: Mapping[str, Mapping]) -> Iterable[ContentError]:
    for topic in meta.topics:
        if topic not in library["topics"]:
            yield ContentError("topics", f"unknown topic '{topic}' (see topics.yaml)")
    for ref in meta.ministries:
        if ref.id not in library["ministries"]:
            yield ContentError("ministries", f"unknown ministry '{ref.id}' (see ministries.yaml)")
    for metric in meta.metrics:
        if metric not in library["metrics"]:
            yield ContentError("metrics", f"unknown metric '{metric}' (see metrics.yaml)")


def _load_document(
    path: Path, kind: str, shown: str, reference: Mapping[str, Mapping], renderers
) -> tuple[Document | None, list[Problem]]:
    match = FILENAME.match(path.name)
    if not match or match["lang"] not in LANGUAGES:
        expected = f"<slug>.<{'|'.join(LANGUAGES)}>.md, slug in lower-case letters, digits, '-'"
        return None, [Problem(shown, "file name", f"expected {expected}")]
    text = ""
    try:
        text = _read_text(path)
        meta, body = _read_front_matter(text)
    except ContentError as error:
        return None, [Problem(shown, error.field, error.message, error.line)]
    except ValidationError as error:
        return None, [_at_line(p, text) for p in _validation_problems(shown, error)]
    errors = list(_references(meta, reference))
    if meta.kind != kind:
        errors.append(ContentError("kind", f"'{meta.kind}' does not match its folder ({kind})"))
    if errors:
        return None, [_at_line(Problem(shown, e.field, e.message), text) for e in errors]
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
    )
    return document, []


def _renderers(
    reference: Mapping[str, Mapping],
    backlink_titles: Mapping[str, str],
    permalink_labels: Mapping[str, tuple[str, str]] | None,
) -> dict:
    permalink_labels = permalink_labels or {lang: PERMALINK_LABELS for lang in LANGUAGES}
    return {
        lang: Renderer(
            backlink_titles[lang],
            [
                GlossaryExtension(reference["glossary"], lang),
                PermalinkExtension(permalink_labels[lang]),
            ],
        )
        for lang in LANGUAGES
    }


def reload_documents(
    library: Library,
    content_dir: Path,
    paths: Iterable[Path],
    backlink_titles: Mapping[str, str],
    permalink_labels: Mapping[str, tuple[str, str]] | None = None,
) -> Library:
    """The library with these document files read again: changed, added or removed.

    Topics, ministries, metrics and the glossary are kept: when one of those files
    changes, load the whole library instead.
    """
    content_dir = Path(content_dir)
    paths = [Path(p) for p in paths]
    shown = {p: p.relative_to(content_dir.parent).as_posix() for p in paths}
    reference = {
        "topics": library.topics,
        "ministries": library.ministries,
        "metrics": library.metrics,
        "glossary": library.glossary,
    }
    renderers = _renderers(reference, backlink_titles, permalink_labels)
    documents = {key: doc for key, doc in library.documents.items() if doc.path not in paths}
    problems = [p for p in library.problems if p.path not in shown.values()]
    for path in sorted(paths):
        if not path.exists():
            continue
        document, found = _load_document(
            path, FOLDERS[path.parent.name], shown[path], reference, renderers
        )
        problems.extend(found)
        if document:
            documents[(document.kind, document.slug, document.lang)] = document
    return replace(
        library,
        documents=MappingProxyType(documents),
        problems=tuple(problems),
        loaded_at=time.time(),
    )


def load_library(
    content_dir: Path,
    backlink_titles: Mapping[str, str],
    permalink_labels: Mapping[str, tuple[str, str]] | None = None,
) -> Library:
    """Read and validate everything under content_dir; what is invalid is reported and left out.

    backlink_titles gives, per language, the tooltip of a footnote's link back to the text,
    with {} for the footnote's number; permalink_labels the accessible names of the anchors
    on a section and on a numbered paragraph ({} its number).
    """
    content_dir = Path(content_dir)

    def shown(path: Path) -> str:
        return path.relative_to(content_dir.parent).as_posix()

    problems: list[Problem] = []
    reference: dict[str, Mapping[str, Any]] = {}
    for name, model in REFERENCE_FILES.items():
        path = content_dir / f"{name}.yaml"
        reference[name] = _load_reference(path, model, shown(path), problems)
    renderers = _renderers(reference, backlink_titles, permalink_labels)
    documents = {}
    for folder, kind in FOLDERS.items():
        for path in sorted((content_dir / folder).glob("*.md")):
            document, found = _load_document(path, kind, shown(path), reference, renderers)
            problems.extend(found)
            if document:
                documents[(document.kind, document.slug, document.lang)] = document
    return Library(
        documents=MappingProxyType(documents),
        problems=tuple(problems),
        topics=reference["topics"],
        ministries=reference["ministries"],
        metrics=reference["metrics"],
        glossary=reference["glossary"],
    )
