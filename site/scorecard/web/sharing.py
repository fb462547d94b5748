"""Sharing a document: short links, links that open each network's own share form, a QR code.

Nothing here loads another site's script: the share links are plain links, and the QR
code (how WeChat shares a web page) is drawn on the server as inline SVG.
"""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlencode

import segno
from flask import Blueprint, abort, redirect
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from ..core.content import Shown
from ..http.current import current_edition
from .i18n import current_language, preferred_language
from .urls import document_links, document_path, short_url

bp = Blueprint("sharing", __name__)


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


# The networks in the order readers of each language reach for them: X and LinkedIn are
# blocked on the mainland, so Chinese pages start with Weibo (WeChat shares by QR code).
NETWORK_ORDER = {
    "en": ("email", "x", "linkedin", "weibo"),
    "zh": ("weibo", "email", "x", "linkedin"),
}


def share_links(url: str, title: str, summary: str, lang: str) -> list[ShareLink]:
    """Links that open a prefilled message or post; the reader still decides to send it."""
    mail = "mailto:?" + urlencode(
        {"subject": title, "body": f"{summary}\n\n{url}"}, quote_via=quote
    )
    links = {
        "email": ShareLink("email", str(_l("E-mail")), mail),
        "x": ShareLink(
            "x", "X", "https://x.com/intent/tweet?" + urlencode({"text": title, "url": url})
        ),
        "linkedin": ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        "weibo": ShareLink(
            "weibo",
            str(_l("Weibo")),
            "https://service.weibo.com/share/share.php?" + urlencode({"url": url, "title": title}),
        ),
    }
    return [links[network] for network in NETWORK_ORDER[lang]]


@lru_cache(maxsize=512)
def qr_svg(url: str, title: str) -> Markup:
    """The address as a QR code, inline SVG sized by the stylesheet (no style attributes).

    A white background and the quiet zone are kept so that phones read it on any theme.
    """
    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=1, border=4, omitsize=True, light="#fff", dark="#000", svgclass="qr", title=title
    )
    return Markup(svg)


@bp.get("/r/<code>")
def short_link(code: str):
    """A document's short link: to the reader's language, else the only one it has."""
    edition = current_edition()
    doc = edition.shared.get(code) or abort(404)
    lang = preferred_language()
    if lang not in edition.languages_of(doc.kind, doc.slug):
        lang = doc.lang  # no translation: the original beats a notice
    response = redirect(document_path(doc, lang=lang))
    response.vary.update(("Cookie", "Accept-Language"))
    response.cache_control.private = True
    return response


def share_context(shown: Shown) -> dict:
    """What the share panel shows: the page's permanent address, short link, links and QR code."""
    doc = shown.doc
    url = document_links(shown).canonical
    return {
        "share_url": url,
        "share_short_url": short_url(doc),
        "share_links": share_links(url, doc.meta.title, doc.meta.summary, current_language()),
        "share_qr": qr_svg(url, str(_l("QR code of this page's address"))),
    }
