"""Markdown to HTML, done once per document at load time."""

from collections.abc import Sequence
from dataclasses import dataclass

import markdown
from markdown import Extension
from markupsafe import Markup
from pymdownx.slugs import slugify

# Keeps Chinese characters in heading ids: the default slugify turns every
# Chinese heading into "_1", "_2", which breaks as soon as a heading is added.
_slugify = slugify(case="lower")


def heading_id(title: str) -> str:
    """The id a heading without `{#id}` gets: its text, lower case, Chinese kept."""
    return _slugify(title, "-")


EXTENSIONS = ["attr_list", "footnotes", "sane_lists", "tables", "toc"]


@dataclass(frozen=True)
class TocEntry:
    id: str
    title: Markup
    children: tuple["TocEntry", ...] = ()


@dataclass(frozen=True)
class Rendered:
    html: Markup
    toc: tuple[TocEntry, ...]


def _toc_entries(tokens: list[dict]) -> tuple[TocEntry, ...]:
    return tuple(
        # "name" is already HTML-escaped text.
        TocEntry(id=t["id"], title=Markup(t["name"]), children=_toc_entries(t["children"]))
        for t in tokens
    )


class Renderer:
    """One configured Markdown converter, reset between documents.

    Building a converter costs more than converting a typical document, so each
    language gets one for the whole load.
    """

    def __init__(self, backlink_title: str, extensions: Sequence[Extension] = ()):
        self.md = markdown.Markdown(
            extensions=[*EXTENSIONS, *extensions],
            extension_configs={
                "toc": {"slugify": _slugify, "toc_depth": "2-3"},
                "footnotes": {"SEPARATOR": "-", "BACKLINK_TITLE": backlink_title},
            },
        )

    def render(self, text: str) -> Rendered:
        """Render one document's body; headings get stable ids, footnotes link back."""
        self.md.reset()
        html = self.md.convert(text)
        return Rendered(html=Markup(html), toc=_toc_entries(self.md.toc_tokens))


def render(text: str, backlink_title: str, extensions: Sequence[Extension] = ()) -> Rendered:
    """Render one text with a converter of its own."""
    return Renderer(backlink_title, extensions).render(text)
