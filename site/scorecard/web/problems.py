"""What a signed-in editor is told about the content behind the page they are reading:
the problems of its files, until they are fixed (readers see the page as it can be shown)."""

from pathlib import Path

from flask import current_app, request
from jinja2 import pass_context

from ..core.content import Document, Problem, Shown
from ..core.content.text_checks import text_problems
from ..core.edition import Edition
from ..core.kinds import FOLDER_OF_KIND
from ..core.languages import LANGUAGES
from ..http.current import current_edition
from .access import editor_signed_in

# The reference file behind the pages of a blueprint, or of one page.
SOURCES = {
    "ministries": "ministries.yaml",
    "metrics": "metrics.yaml",
    "pages.glossary": "glossary.yaml",
    "pages.home": "topics.yaml",
    "pages.document_list": "topics.yaml",
}


def document_files(kind: str, slug: str) -> list[str]:
    """A document's files, in every language, as paths below the content folder."""
    return [f"{FOLDER_OF_KIND[kind]}/{slug}.{lang}.md" for lang in LANGUAGES]


def _text_problems(edition: Edition, doc: Document) -> list[Problem]:
    """What `flask content check` says of a document's text (footnotes, placeholders...)."""
    content_dir = Path(current_app.config["CONTENT_DIR"])
    shown = doc.path.relative_to(content_dir.parent).as_posix()
    return text_problems(doc, shown, edition.library)


def every_problem(edition: Edition) -> dict[str, list[Problem]]:
    """Every problem the files of this edition have, by file."""
    found: dict[str, list[Problem]] = {name: list(p) for name, p in edition.problems.items()}
    for doc in edition.library.documents.values():
        for problem in _text_problems(edition, doc):
            found.setdefault(problem.path.split("/", 1)[-1], []).append(problem)
    return dict(sorted(found.items()))


@pass_context
def page_problems(context) -> tuple[Problem, ...]:
    """The problems of the files this page is made from; none for readers."""
    if not editor_signed_in():
        return ()
    edition = current_edition()
    shown = context.get("shown")
    if isinstance(shown, Shown):
        doc = shown.doc
        files = document_files(doc.kind, doc.slug) + [f"{name}.yaml" for name in doc.unavailable]
        versions = [edition.library.documents.get((doc.kind, doc.slug, lang)) for lang in LANGUAGES]
        found = [p for version in versions if version for p in _text_problems(edition, version)]
        return (*edition.problems_of(*files), *found)
    source = SOURCES.get(request.endpoint or "") or SOURCES.get(request.blueprint or "")
    return edition.problems_of(source) if source else ()
