"""Links and images in a document's Markdown: do they lead anywhere on this site?"""

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from werkzeug.exceptions import HTTPException
from werkzeug.routing import MapAdapter, RequestRedirect

from ..images import FOLDER, NAME
from ..images import URL_PREFIX as UPLOADS
from ..kinds import SECTIONS
from ..languages import LANGUAGES
from .library import Document, Library, Problem
from .lines import body_lines

INLINE = re.compile(r"(?P<image>!?)\[[^\]]*\]\(\s*<?(?P<target>[^)\s>]+)")
REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<target>[^\s>]+)")
CODE_SPAN = re.compile(r"`[^`]*`")
IDS = re.compile(r'\bid="([^"]+)"')
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
IMAGE_FOLDER = "/static/images/"  # the site's own pictures, in the package


def _targets(doc: Document) -> Iterator[tuple[int, bool, str]]:
    """(line, is_image, address) for each link and image, outside code."""
    in_fence = False
    for number, line in body_lines(doc.source):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = CODE_SPAN.sub("", line)
        for match in INLINE.finditer(line):
            yield number, bool(match["image"]), match["target"]
        if reference := REFERENCE.match(line):
            yield number, False, reference["target"]


def anchors(doc: Document) -> set[str]:
    """The ids a link can point at inside a document: sections, footnotes."""
    return set(IDS.findall(doc.html))


class LinkChecker:
    """Resolves site addresses with the app's own URL map, so the check and the site agree."""

    def __init__(self, library: Library, urls: MapAdapter, static_folder: Path, uploads: Path):
        self.library = library
        self.urls = urls
        self.static_folder = static_folder
        self.uploads = uploads  # content/images/, where editors' uploads go

    def problems(self, doc: Document, shown: str) -> list[Problem]:
        found = []
        for line, is_image, target in _targets(doc):
            check = self._image if is_image else self._link
            if message := check(doc, target):
                field = "image" if is_image else "link"
                found.append(Problem(shown, field, message, line))
        return found

    def _image(self, doc: Document, target: str) -> str | None:
        if EXTERNAL.match(target):
            return (
                f"image '{target}' is on another site, which readers in China may not reach: "
                f"save it under site/scorecard/static/images/ and write {IMAGE_FOLDER}NAME"
            )
        path = target.split("#")[0].split("?")[0]
        if path.startswith(UPLOADS):
            name = path.removeprefix(UPLOADS)
            if not (NAME.match(name) and (self.uploads / name).is_file()):
                return (
                    f"image '{target}' is not among the uploaded images: upload it from the "
                    "edit page, which writes its address"
                )
            return None
        if not path.startswith(IMAGE_FOLDER):
            return (
                f"image '{target}': put images under site/scorecard/static/images/ "
                f"and write {IMAGE_FOLDER}NAME"
            )
        if not (self.static_folder / path.removeprefix("/static/")).is_file():
            return f"image '{target}' does not exist under site/scorecard/static/images/"
        return None

    def _link(self, doc: Document, target: str) -> str | None:
        if EXTERNAL.match(target):
            return None
        path, _, anchor = target.partition("#")
        if not path:
            return self._anchor(doc, anchor, "this document")
        if not path.startswith("/"):
            return f"link '{target}': write site addresses in full, starting /en/ or /zh/"
        try:
            endpoint, args = self.urls.match(path, method="GET")
        except RequestRedirect:  # /en/recommendations -> /en/recommendations/: it works
            return None
        except HTTPException:
            return f"link '{target}' leads to no page on this site: check the address"
        return self._exists(doc, target, path, endpoint, args, anchor)

    def _exists(
        self,
        doc: Document,
        target: str,
        path: str,
        endpoint: str,
        args: Mapping[str, Any],
        anchor: str,
    ) -> str | None:
        library = self.library
        if endpoint == "static":
            if not (self.static_folder / args["filename"]).is_file():
                return f"link '{target}': no file {args['filename']} under site/scorecard/static/"
            return None
        if endpoint == "pages.document":
            kind = SECTIONS[args["section"]]
            versions = [
                version
                for lang in (args["lang"], *LANGUAGES)
                if (version := library.documents.get((kind, args["slug"], lang)))
            ]
            if not versions:
                return f"link '{target}': no document '{args['slug']}' in {args['section']}/"
            if doc.public and not any(v.public for v in versions):
                return f"link '{target}' leads to a draft, which readers cannot open"
            return self._anchor(versions[0], anchor, path) if anchor else None
        if args.get("ministry_id", "") not in {"", *library.ministries}:
            return f"link '{target}': no ministry '{args['ministry_id']}' in ministries.yaml"
        if args.get("metric_id", "") not in {"", *library.metrics}:
            return f"link '{target}': no metric '{args['metric_id']}' in metrics.yaml"
        return None

    def _anchor(self, doc: Document, anchor: str, where: str) -> str | None:
        if not anchor or anchor in anchors(doc):
            return None
        return (
            f"anchor '#{anchor}' does not exist in {where}: link to a section's id "
            "(the {#id} after its heading)"
        )


def link_checker(library: Library, app) -> LinkChecker:
    """A checker for `app`'s addresses."""
    uploads = Path(app.config["CONTENT_DIR"]) / FOLDER
    return LinkChecker(library, app.url_map.bind("localhost"), Path(app.static_folder), uploads)
