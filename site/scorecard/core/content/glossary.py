"""Links the first use of each glossary term in a document to its definition."""

import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .schema import GlossaryEntry

# Terms are not linked inside these: links, code, headings, footnote markers.
SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "abbr"}


def _pattern(terms: list[str], lang: str) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    # Chinese has no spaces between words, so only English terms need word boundaries.
    return re.compile(rf"\b(?:{alternatives})\b" if lang == "en" else alternatives, re.IGNORECASE)


class GlossaryLinks(Treeprocessor):
    def __init__(self, md: Markdown, glossary: Mapping[str, GlossaryEntry], lang: str):
        super().__init__(md)
        self.lang = lang
        # Only the terms marked to be linked, with a definition for the link to show.
        self.entries = {
            term.lower(): entry
            for entry in glossary.values()
            if entry.link and entry.definition
            for term in entry.terms.get(lang)
        }
        self.pattern = _pattern(list(self.entries), lang)
        self.seen: set[str] = set()

    def run(self, root: etree.Element) -> None:
        if self.pattern:
            self.seen = set()
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP:
            return
        lead, nodes = self._split(element.text)
        element.text = lead
        for offset, node in enumerate(nodes):
            element.insert(offset, node)
        for child in list(element)[len(nodes) :]:
            self._walk(child)
            tail, tail_nodes = self._split(child.tail)
            child.tail = tail
            position = list(element).index(child) + 1
            for offset, node in enumerate(tail_nodes):
                element.insert(position + offset, node)

    def _split(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """Text before the first new term, and a node per term whose tail is the text after it."""
        if not text or self.pattern is None:
            return text, []
        pieces, position = [], 0
        for match in self.pattern.finditer(text):
            entry = self.entries[match.group().lower()]
            if entry.id in self.seen:
                continue
            self.seen.add(entry.id)
            pieces.append((text[position : match.start()], match.group(), entry))
            position = match.end()
        if not pieces:
            return text, []
        nodes: list[etree.Element] = []
        for before, term, entry in pieces:
            if nodes:
                nodes[-1].tail = before
            nodes.append(self._node(term, entry))
        nodes[-1].tail = text[position:]
        return pieces[0][0], nodes

    def _node(self, term: str, entry: GlossaryEntry) -> etree.Element:
        wrapper = etree.Element("span", {"class": "term"})
        tip_id = f"term-{entry.id}"
        link = etree.SubElement(
            wrapper,
            "a",
            {"href": f"/{self.lang}/glossary#{entry.id}", "aria-describedby": tip_id},
        )
        link.text = term
        tip = etree.SubElement(
            wrapper, "span", {"class": "term__tip", "role": "tooltip", "id": tip_id}
        )
        tip.text = entry.definition.get(self.lang) if entry.definition else None
        return wrapper


class GlossaryExtension(Extension):
    def __init__(self, glossary: Mapping[str, GlossaryEntry], lang: str):
        super().__init__()
        self.glossary = glossary
        self.lang = lang

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline parsing (priority 20), so terms inside links are already links.
        md.treeprocessors.register(GlossaryLinks(md, self.glossary, self.lang), "glossary", 15)
