"""Editors' content: Markdown and YAML files read into an immutable Library."""

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from flask import Flask
from flask_babel import force_locale, gettext

from ..languages import LANGUAGES, other_language
from . import snapshot
from .checks import one_document_problems
from .library import Document, Library, Problem, Shown
from .links import link_checker
from .loader import load_library, read_written, reload_documents
from .permalinks import PermalinkLabels

__all__ = [
    "Document",
    "Library",
    "Problem",
    "Shown",
    "check_written",
    "labels",
    "load",
    "reload",
    "start_up_library",
]

Labels = tuple[dict[str, str], dict[str, PermalinkLabels]]


def labels(app: Flask) -> Labels:
    """Footnote tooltips and permalink names, in each document's language; the link to the
    other language is named in that language, as its text is."""
    backlink_titles, permalink_labels, passage_in = {}, {}, {}
    with app.app_context():
        for lang in LANGUAGES:
            with force_locale(lang):
                # {} stands for the footnote's or the paragraph's number.
                backlink_titles[lang] = gettext(
                    "Back to footnote %(number)s in the text", number="{}"
                )
                permalink_labels[lang] = (
                    gettext("Link to this section"),
                    gettext("Link to paragraph %(number)s", number="{}"),
                    gettext("Link to this paragraph"),
                )
                # Translators: names the language the interface is in.
                passage_in[lang] = gettext("Read this passage in English")
    return backlink_titles, {
        lang: PermalinkLabels(*names, other_language=passage_in[other_language(lang)])
        for lang, names in permalink_labels.items()
    }


def load(app: Flask, previous: Library | None = None) -> Library:
    """Read app.config["CONTENT_DIR"]; with `previous`, a file that no longer loads keeps
    its version there."""
    return load_library(app.config["CONTENT_DIR"], *labels(app), previous=previous)


def reload(app: Flask, library: Library, paths: Iterable[Path]) -> Library:
    """The library with only these document files read again (see core/publisher.py)."""
    return reload_documents(library, app.config["CONTENT_DIR"], paths, *labels(app))


def start_up_library(app: Flask) -> Library:
    """The snapshot saved by an earlier start, when nothing it depends on changed; else a
    full load, saved for the next start. `flask content check` and live reload always
    read the files themselves."""
    texts = labels(app)
    path = Path(app.instance_path) / snapshot.FILENAME
    key = snapshot.key(app.config["CONTENT_DIR"], texts)
    library = snapshot.load(path, key)
    if library is None:
        library = load_library(app.config["CONTENT_DIR"], *texts)
        snapshot.save(path, key, library)
    return library


def check_written(
    app: Flask, library: Library, path: Path, text: str
) -> tuple[Document | None, list[Problem]]:
    """What `flask content check` would say of `text` saved as `path`, and the document it
    would be; nothing is written."""
    doc, problems = read_written(library, app.config["CONTENT_DIR"], path, text, *labels(app))
    if doc is not None:
        shown = path.relative_to(Path(app.config["CONTENT_DIR"]).parent).as_posix()
        links = link_checker(library, app)
        problems += one_document_problems(doc, shown, library, links, dt.date.today())
    return doc, problems
