"""Addresses: of documents and pages, absolute ones, and each page's language versions.

Previews, feeds, the sitemap and QR codes leave the site, so their links must be absolute.
SCORECARD_SITE_URL names the public address; unset, the request's own host is used.
"""

from dataclasses import dataclass
from typing import Any

from flask import current_app, request, url_for
from jinja2 import pass_context

from ..core.content import Document, Shown
from ..core.edition import short_id
from ..core.kinds import PAGE, SECTION_OF_KIND
from ..core.languages import DEFAULT_LANGUAGE, HTML_LANG, LANGUAGES, other_language
from ..core.search.results import FACETS
from ..http.current import current_edition
from .access import editor_signed_in
from .i18n import current_language
from .localized import is_localized_request

# What the reader's place on a page is made of: a search and its filters, a list's page, the
# comment list's settings. The toggle to the other language keeps these, and only these.
KEPT_ON_TOGGLE = frozenset({"q", "sort", "page", *FACETS, "order", "comments", "shown"})


def site_root() -> str:
    """The scheme and host that every absolute link starts with, without a final slash."""
    return current_app.config["SITE_URL"] or request.host_url.rstrip("/")


def absolute(path: str) -> str:
    return site_root() + path


def external_url(endpoint: str, **values) -> str:
    return absolute(url_for(endpoint, **values))


def document_path(doc: Document, lang: str | None = None) -> str:
    """A document's address, in the page's language unless `lang` says otherwise."""
    options: dict[str, Any] = {"lang": lang} if lang else {}
    if doc.kind == PAGE:
        return url_for(f"pages.{doc.slug}", **options)
    return url_for("pages.document", section=SECTION_OF_KIND[doc.kind], slug=doc.slug, **options)


def document_url(doc: Document, lang: str | None = None, external: bool = False) -> str:
    """A document's address (absolute with `external`), in the page's language unless
    `lang` says otherwise."""
    path = document_path(doc, lang)
    return absolute(path) if external else path


def short_url(doc: Document) -> str:
    """/r/<short id>: sends each reader to the document in their own language."""
    return external_url("sharing.short_link", code=short_id(doc.id))


def parallel_url(doc: Document) -> str | None:
    """The side-by-side view of a document, when the reader can open both languages."""
    documents = current_edition().library.documents
    versions = [documents.get((doc.kind, doc.slug, lang)) for lang in LANGUAGES]
    if not all(v and (v.public or editor_signed_in()) for v in versions):
        return None
    if doc.kind == PAGE:
        return url_for(f"pages.{doc.slug}_parallel")
    return url_for("pages.parallel", section=SECTION_OF_KIND[doc.kind], slug=doc.slug)


def is_local_path(target: str | None) -> bool:
    """Whether `target` is a path on this site, safe to send a browser to: not another host
    (//host, or \\host, which browsers read alike), and no control character (a line break
    would end the Location header)."""
    return bool(
        target
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and target.isprintable()
    )


def toggle_url() -> str:
    """The language toggle: through /language/<other>, which remembers the choice, to this
    page in the other language."""
    target = other_language(current_language())
    return url_for("entry.choose_language", lang=target, next=this_page_in(target))


def this_page_in(target: str) -> str:
    """The same page in `target`: the slug is shared, only the prefix changes."""
    view_args = request.view_args or {}
    if is_localized_request() and request.endpoint:
        # Only what the page itself reads is carried over (never anything posing as a part
        # of the address, or as one of url_for's own options such as _scheme or _anchor).
        args: dict[str, Any] = {
            key: values
            for key, values in request.args.to_dict(flat=False).items()
            if key in KEPT_ON_TOGGLE
        }
        return url_for(request.endpoint, **view_args, **args, lang=target)
    return url_for("pages.home", lang=target)


@dataclass(frozen=True)
class PageLinks:
    """Where a page lives for good, and its versions in each language (hreflang, address)."""

    canonical: str
    alternates: tuple[tuple[str, str], ...] = ()


def document_links(shown: Shown) -> PageLinks:
    doc = shown.doc
    languages = current_edition().languages_of(doc.kind, doc.slug)
    if shown.fallback:
        # The text is the other language's page, under this interface: that page is the original.
        return PageLinks(document_url(doc, lang=doc.lang, external=True))
    canonical = document_url(doc, external=True)
    if len(languages) < len(LANGUAGES):
        return PageLinks(canonical)
    alternates = [
        (HTML_LANG[lang], document_url(doc, lang=lang, external=True)) for lang in LANGUAGES
    ]
    if doc.kind == PAGE:
        default = document_url(doc, lang=DEFAULT_LANGUAGE, external=True)
    else:
        # The short link sends each reader to their own language: what x-default means.
        default = short_url(doc)
    return PageLinks(canonical, (*alternates, ("x-default", default)))


def interface_links() -> PageLinks:
    """A page made of interface text and data exists in every language at the same path."""
    endpoint, args = request.endpoint or "pages.home", request.view_args or {}
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
    """The current page's canonical address and language versions; None off the /<lang>/
    pages. A document's page passes the document as `shown`."""
    if not is_localized_request():
        return None
    shown = context.get("shown")
    return document_links(shown) if isinstance(shown, Shown) else interface_links()
