"""What a signed-in editor is told about the content behind the page they are reading:
the problems of its files, until they are fixed (readers see the page as it can be shown)."""

from flask import request
from jinja2 import pass_context

from ..core.content import Problem, Shown
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


@pass_context
def page_problems(context) -> tuple[Problem, ...]:
    """The problems of the files this page is made from; none for readers."""
    if not editor_signed_in():
        return ()
    edition = current_edition()
    shown = context.get("shown")
    if isinstance(shown, Shown):
        files = document_files(shown.doc.kind, shown.doc.slug)
        if shown.doc.kind != "page":
            files += [f"{name}.yaml" for name in shown.doc.unavailable]
        return edition.problems_of(*files)
    source = SOURCES.get(request.endpoint or "") or SOURCES.get(request.blueprint or "")
    return edition.problems_of(source) if source else ()
