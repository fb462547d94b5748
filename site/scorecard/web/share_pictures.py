"""Each document's link-preview picture (core/share_pictures.py), at an address named after
what it shows: /en/recommendations/<slug>/share-<name>.png, kept by browsers and caches
for good. Pages that are not documents keep the site's own picture."""

from dataclasses import dataclass
from pathlib import Path

from flask import Response, current_app, redirect, url_for
from flask_babel import force_locale

from ..core.content import Shown
from ..core.kinds import PAGE, SECTION_OF_KIND
from ..core.share_pictures import Card, picture
from ..http.caching import IMMUTABLE
from .labels import KIND_LABELS
from .urls import absolute

SITE_PICTURE = "img/share.png"


def card_of(shown: Shown) -> Card:
    """What a document's picture shows, in the document's own language."""
    doc = shown.doc
    with force_locale(doc.lang):
        kind = str(KIND_LABELS[doc.kind])
    return Card(
        kind=kind, title=doc.meta.title, site=current_app.config["SITE_NAME"], lang=doc.lang
    )


@dataclass(frozen=True)
class PreviewPicture:
    url: str  # absolute: previews are made by other sites
    alt: str


def preview_picture(shown: Shown | None) -> PreviewPicture:
    """The picture a link to this page previews with: a document's own, else the site's."""
    if shown is None or shown.doc.kind == PAGE:
        url = url_for("static", filename=SITE_PICTURE)
        return PreviewPicture(absolute(url), current_app.config["SITE_NAME"])
    url = url_for(
        "pages.share_picture",
        section=SECTION_OF_KIND[shown.doc.kind],
        slug=shown.doc.slug,
        name=card_of(shown).name.removesuffix(".png"),
    )
    return PreviewPicture(absolute(url), shown.doc.meta.title)


def send_share_picture(shown: Shown, name: str):
    """The picture, drawn on first request; an outdated name (the title changed) is sent on
    to the current one, and without the font, to the site's own picture."""
    card = card_of(shown)
    if f"{name}.png" != card.name:
        return redirect(preview_picture(shown).url)
    folder = Path(current_app.instance_path) / "share-pictures"
    path = picture(card, folder, Path(current_app.config["SHARE_PICTURE_FONT"]))
    if path is None:
        return redirect(url_for("static", filename=SITE_PICTURE))
    return Response(path.read_bytes(), mimetype="image/png", headers={"Cache-Control": IMMUTABLE})
