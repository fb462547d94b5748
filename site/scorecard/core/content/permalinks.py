"""Permalink anchors: on every section heading, numbered item and paragraph of a document.

Heading ids come from the toc extension (the editor's `{#id}`, else the heading's text), so
they are the same in both languages. The rest are counted from their section's heading:
`what-we-recommend-2` is item 2 of the first numbered list under "What we recommend",
`what-we-recommend-p3` its third paragraph, `p1` the first paragraph above any heading.
Editing a paragraph never moves another's id, and a translation that keeps the source's
paragraphs has the same ids, so a link to a paragraph works in either language. An editor
can pin an id with `{: #id}` under a paragraph.

Each anchor is a plain link to the fragment (site JavaScript only adds copying). Beside it,
shown only while its element is the page's target, a link to the same place in the other
language: `?lang=zh#id`, which the site answers with the same page in Chinese; the browser
keeps the fragment through the redirect, so without JavaScript too the reader stays put.
"""

import xml.etree.ElementTree as etree
from typing import NamedTuple

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..languages import HTML_LANG, NATIVE_NAMES, other_language
from ..text import WORD_JOINER

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


class PermalinkLabels(NamedTuple):
    """The anchors' accessible names, in the document's language."""

    section: str
    item: str  # {} stands for the item's number
    paragraph: str
    other_language: str  # the link to the same place in the other language


class PermalinkAnchors(Treeprocessor):
    def __init__(self, md: Markdown, labels: PermalinkLabels, lang: str):
        super().__init__(md)
        self.labels = labels
        self.other = other_language(lang)

    def run(self, root: etree.Element) -> None:
        taken = {element.get("id", "") for element in root.iter()} - {""}
        section, lists, paragraphs = "", 0, 0
        for element in list(root):
            if element.tag in HEADINGS and (heading_id := element.get("id")):
                section, lists, paragraphs = heading_id, 0, 0
                self._mark(element, heading_id, self.labels.section)
            elif element.tag == "ol":
                lists += 1
                prefix = section or "item"
                self._number(element, prefix if lists == 1 else f"{prefix}-{lists}", taken)
            elif element.tag == "p" and _has_words(element):
                paragraphs += 1
                identifier = element.get("id") or _free(
                    f"{section}-p{paragraphs}" if section else f"p{paragraphs}", taken
                )
                if identifier:
                    element.set("id", identifier)
                    self._mark(element, identifier, self.labels.paragraph)

    def _number(self, ordered: etree.Element, prefix: str, taken: set[str]) -> None:
        start = int(ordered.get("start", "1"))
        for offset, item in enumerate(i for i in ordered if i.tag == "li"):
            number = start + offset
            if item.get("id") or not (identifier := _free(f"{prefix}-{number}", taken)):
                continue
            item.set("id", identifier)
            self._mark(item, identifier, self.labels.item.format(number))

    def _mark(self, element: etree.Element, identifier: str, label: str) -> None:
        """The anchor at the element's end, then the link to the same place in the other
        language; each starts with a word joiner, so neither begins a line of its own."""
        link = etree.SubElement(
            element, "a", {"class": "permalink", "href": f"#{identifier}", "aria-label": label}
        )
        link.text = f"{WORD_JOINER}#"
        other = etree.SubElement(
            element,
            "a",
            {
                "class": "in-other-language",
                "href": f"?lang={self.other}#{identifier}",
                "hreflang": HTML_LANG[self.other],
                "lang": HTML_LANG[self.other],
                "aria-label": self.labels.other_language,
            },
        )
        other.text = WORD_JOINER + NATIVE_NAMES[self.other]


def _has_words(paragraph: etree.Element) -> bool:
    """A paragraph of text, not one that only holds a picture."""
    return bool((paragraph.text or "").strip()) or any(
        child.tag != "img" or (child.tail or "").strip() for child in paragraph
    )


def _free(identifier: str, taken: set[str]) -> str | None:
    """The id, claimed, unless something on the page already has it."""
    if identifier in taken:
        return None
    taken.add(identifier)
    return identifier


class PermalinkExtension(Extension):
    def __init__(self, labels: PermalinkLabels, lang: str):
        super().__init__()
        self.labels = labels
        self.lang = lang

    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (priority 5), which gives the headings their ids.
        md.treeprocessors.register(PermalinkAnchors(md, self.labels, self.lang), "permalinks", 4)
