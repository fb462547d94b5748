"""Uploaded images in a page: each width of the picture offered to the browser (a phone
fetches the narrow file, a sharp wide screen the wide one), loaded when scrolled to."""

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..images import URL_PREFIX, srcset

# The text column is at most about 45rem wide; below that, the screen's width.
SIZES = "(min-width: 48rem) 45rem, 100vw"


class ResponsiveImages(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for image in root.iter("img"):
            image.set("loading", "lazy")
            image.set("decoding", "async")
            source = image.get("src", "")
            if source.startswith(URL_PREFIX) and (widths := srcset(source[len(URL_PREFIX) :])):
                image.set("srcset", widths)
                image.set("sizes", SIZES)


class PicturesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ResponsiveImages(md), "pictures", 3)
