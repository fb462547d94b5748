"""Tables that a phone can read: each cell carries its column's heading (`data-label`), so
that on a narrow screen the stylesheet can set each row out as a card of labelled lines
instead of a grid too wide for the screen. The roles keep it a table for screen readers
once the stylesheet has changed how it is displayed."""

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

ROLES = {
    "table": "table",
    "thead": "rowgroup",
    "tbody": "rowgroup",
    "tr": "row",
    "th": "columnheader",
    "td": "cell",
}


def _words(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class LabelledCells(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            headings = [_words(th) for th in table.findall("./thead/tr/th")]
            for element in table.iter():
                if element.tag in ROLES:
                    element.set("role", ROLES[element.tag])
            for row in table.findall("./tbody/tr"):
                for cell, heading in zip(row.findall("td"), headings, strict=False):
                    if heading:
                        cell.set("data-label", heading)


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(LabelledCells(md), "labelled_cells", 2.5)
