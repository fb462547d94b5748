"""Permalink anchors: on every section heading, and on every numbered paragraph of a list.

Heading ids come from the toc extension (the editor's `{#id}`, else the heading's text), so
they are the same in both languages. A numbered item takes its section's id and its number,
`what-we-recommend-2`, so "paragraph 2 of what we recommend" has a link in either language.
The anchor is a plain link to the fragment; site JavaScript only adds copying.
"""

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def anchor(target: str, label: str) -> etree.Element:
    link = etree.Element("a", {"class": "permalink", "href": f"#{target}", "aria-label": label})
    link.text = "#"
    return link


class PermalinkAnchors(Treeprocessor):
    def __init__(self, md: Markdown, labels: tuple[str, str]):
        super().__init__(md)
        self.section_label, self.item_label = labels

    def run(self, root: etree.Element) -> None:
        section, lists_in_section, taken = "item", 0, set[str]()
        for element in list(root):
            if element.tag in HEADINGS and (heading_id := element.get("id")):
                section, lists_in_section = heading_id, 0
                element.append(anchor(section, self.section_label))
            elif element.tag == "ol":
                lists_in_section += 1
                prefix = section if lists_in_section == 1 else f"{section}-{lists_in_section}"
                self._number(element, prefix, taken)

    def _number(self, ordered: etree.Element, prefix: str, taken: set[str]) -> None:
        start = int(ordered.get("start", "1"))
        for offset, item in enumerate(i for i in ordered if i.tag == "li"):
            number = start + offset
            identifier = f"{prefix}-{number}"
            if item.get("id") or identifier in taken:
                continue
            taken.add(identifier)
            item.set("id", identifier)
            item.append(anchor(identifier, self.item_label.format(number)))


class PermalinkExtension(Extension):
    """labels: the anchors' accessible names, for a section and a numbered item ({} its number)."""

    def __init__(self, labels: tuple[str, str]):
        super().__init__()
        self.labels = labels

    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (priority 5), which gives the headings their ids.
        md.treeprocessors.register(PermalinkAnchors(md, self.labels), "permalinks", 4)
