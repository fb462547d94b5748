"""The parallel view: a document's English and Chinese texts, section beside section.

Sections are aligned by their ids, which both languages share (`## 背景 {#context}`).
"""

import re
from dataclasses import dataclass

from markupsafe import Markup

from ..core.content import Document
from ..core.languages import LANGUAGES

SECTION_START = re.compile(r'(?=<h2 id="[^"]+")')
SECTION_ID = re.compile(r'^<h2 id="([^"]+)"')
FOOTNOTES = re.compile(r'(?=<div class="footnote">)')
# Ids and references to them inside one column, made unique on a page that holds both texts.
ID_ATTRIBUTE = re.compile(r'\b(id|aria-describedby)="')
LOCAL_LINK = re.compile(r'\bhref="#')
INTRODUCTION, NOTES = "introduction", "notes"


@dataclass(frozen=True)
class Row:
    """One section in every language; a language without it has None."""

    id: str
    cells: dict[str, Markup | None]


def _column_ids(html: str, lang: str) -> Markup:
    html = ID_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{lang}-', html)
    return Markup(LOCAL_LINK.sub(f'href="#{lang}-', html))


def sections(doc: Document) -> dict[str, Markup]:
    """The document's text cut at each ## heading, keyed by the heading's id, in order.

    Text before the first heading is the introduction; the footnotes are a section of their own.
    """
    body, *notes = FOOTNOTES.split(str(doc.html), maxsplit=1)
    found = {}
    for part in SECTION_START.split(body):
        if not part.strip():
            continue
        match = SECTION_ID.match(part)
        found[match.group(1) if match else INTRODUCTION] = _column_ids(part, doc.lang)
    if notes:
        found[NOTES] = _column_ids(notes[0], doc.lang)
    return found


def aligned_rows(versions: dict[str, Document], source_lang: str) -> list[Row]:
    """Rows in the source's order; a section only one language has gets a row of its own."""
    by_lang = {lang: sections(doc) for lang, doc in versions.items()}
    order = list(by_lang[source_lang])
    for lang in LANGUAGES:
        order += [key for key in by_lang.get(lang, {}) if key not in order]
    if NOTES in order:  # the notes stay last
        order.remove(NOTES)
        order.append(NOTES)
    return [Row(key, {lang: by_lang[lang].get(key) for lang in by_lang}) for key in order]
