"""Absolute addresses: the site's root, canonical links and each page's language versions.

Previews, feeds, the sitemap and QR codes leave the site, so their links must be absolute.
SCORECARD_SITE_URL names the public address; unset, the request's own host is used.
"""

import base64
import hashlib
from dataclasses import dataclass

from flask import current_app, request, url_for
from jinja2 import pass_context

from .content import Document, Shown, library
from .i18n import DEFAULT_LANGUAGE, HTML_LANG, LANGUAGES
from .localized import SECTION_OF_KIND, is_localized_request

# Open Graph names locales language_TERRITORY.
OG_LOCALES = {"en": "en_US", "zh": "zh_CN"}


def site_root() -> str:
    """The scheme and host that every absolute link starts with, without a final slash."""
    return current_app.config["SITE_URL"] or request.host_url.rstrip("/")


def absolute(path: str) -> str:
    return site_root() + path


def external_url(endpoint: str, **values) -> str:
    return absolute(url_for(endpoint, **values))


def document_path(doc: Document, lang: str | None = None) -> str:
    """A document's address, in the page's language unless `lang` says otherwise."""
    options = {"lang": lang} if lang else {}
    if doc.kind == "page":
        return url_for(f"pages.{doc.slug}", **options)
    return url_for("pages.document", section=SECTION_OF_KIND[doc.kind], slug=doc.slug, **options)


@dataclass(frozen=True)
class PageLinks:
    """Where a page lives for good, and its versions in each language (hreflang, address)."""

    canonical: str
    alternates: tuple[tuple[str, str], ...] = ()


def document_links(shown: Shown) -> PageLinks:
    doc = shown.doc
    languages = library().languages_of(doc.kind, doc.slug)
    if shown.fallback:
        # The text is the other language's page, under this interface: that page is the original.
        return PageLinks(absolute(document_path(doc, lang=doc.lang)))
    canonical = absolute(document_path(doc))
    if len(languages) < len(LANGUAGES):
        return PageLinks(canonical)
    alternates = [(HTML_LANG[lang], absolute(document_path(doc, lang=lang))) for lang in LANGUAGES]
    if doc.kind == "page":
        default = absolute(document_path(doc, lang=DEFAULT_LANGUAGE))
    else:
        # The short link sends each reader to their own language: what x-default means.
        default = short_url(doc)
    return PageLinks(canonical, (*alternates, ("x-default", default)))


def interface_links() -> PageLinks:
    """A page made of interface text and data exists in every language at the same path."""
    endpoint, args = request.endpoint, request.view_args or {}
    alternates = [
        (HTML_LANG[lang], external_url(endpoint, **args, lang=lang)) for lang in LANGUAGES
    ]
    if endpoint == "pages.home":
        default = external_url("entry.index")
    else:
        default = external_url(endpoint, **args, lang=DEFAULT_LANGUAGE)
    return PageLinks(external_url(endpoint, **args), (*alternates, ("x-default", default)))


@pass_context
def page_links(context) -> PageLinks | None:
    """The current page's canonical address and language versions; None off the /<lang>/ pages."""
    if not is_localized_request():
        return None
    shown = context.get("shown")
    return document_links(shown) if isinstance(shown, Shown) else interface_links()


def short_id(doc_id: str) -> str:
    """Seven letters and digits derived from the document's id: the same on every start."""
    digest = hashlib.sha256(doc_id.encode()).digest()
    return base64.b32encode(digest).decode()[:7].lower()


def short_url(doc: Document) -> str:
    """/r/<short id>: sends each reader to the document in their own language."""
    return external_url("sharing.short_link", code=short_id(doc.id))


def init_app(app) -> None:
    app.jinja_env.globals.update(
        page_links=page_links, absolute=absolute, short_url=short_url, og_locales=OG_LOCALES
    )
