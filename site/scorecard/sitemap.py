"""sitemap.xml (every public page, its language versions, when it last changed) and robots.txt."""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, url_for

from .addresses import absolute, document_path, short_url
from .caching import revalidated
from .content import SECTIONS, library
from .i18n import DEFAULT_LANGUAGE, HTML_LANG, LANGUAGES

bp = Blueprint("sitemap", __name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


@dataclass(frozen=True)
class Page:
    """One page in each language it exists in: {lang: absolute address}."""

    addresses: dict[str, str]
    lastmod: dt.date | None = None
    default: str | None = None  # x-default, where it differs from the English page


def _latest(days: Iterable[dt.date | None]) -> dt.date | None:
    known = [day for day in days if day]
    return max(known) if known else None


def _interface_page(endpoint: str, lastmod: dt.date | None = None, **args) -> Page:
    return Page(
        {lang: absolute(url_for(endpoint, lang=lang, **args)) for lang in LANGUAGES}, lastmod
    )


def _document_pages() -> Iterator[Page]:
    lib = library()
    for kind, slug in sorted({(kind, slug) for kind, slug, _ in lib.documents}):
        languages = lib.languages_of(kind, slug)
        if not languages:
            continue  # drafts only
        docs = {lang: lib.documents[(kind, slug, lang)] for lang in languages}
        default = None
        if kind != "page" and len(languages) == len(LANGUAGES):
            default = short_url(docs[DEFAULT_LANGUAGE])
        yield Page(
            {lang: absolute(document_path(doc, lang=lang)) for lang, doc in docs.items()},
            _latest(doc.meta.last_modified for doc in docs.values()),
            default,
        )


def public_pages() -> list[Page]:
    """Every page a reader or a search engine should find; drafts and search results are not."""
    lib = library()
    documents = lib.public_documents(DEFAULT_LANGUAGE)

    def newest(shown_documents) -> dt.date | None:
        return _latest(s.doc.meta.last_modified for s in shown_documents)

    pages = [_interface_page("pages.home", newest(documents))]
    for section, kind in SECTIONS.items():
        listing = lib.listing(kind, DEFAULT_LANGUAGE)
        pages.append(_interface_page("pages.document_list", newest(listing), section=section))
    pages.extend(_document_pages())
    pages.append(_interface_page("pages.glossary"))
    pages.append(_interface_page("ministries.directory"))
    for ministry in lib.ministries.values():
        named_in = [s for s, _ in lib.addressing(ministry.id, DEFAULT_LANGUAGE)]
        lastmod = _latest([ministry.verified, newest(named_in)])
        pages.append(_interface_page("ministries.ministry", lastmod, ministry_id=ministry.id))
    pages.append(_interface_page("metrics.overview"))
    for metric in lib.metrics.values():
        lastmod = newest(lib.measured_by(metric.id, DEFAULT_LANGUAGE))
        pages.append(_interface_page("metrics.metric", lastmod, metric_id=metric.id))
    return pages


def sitemap_xml(pages: list[Page]) -> bytes:
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in pages:
        alternates = []
        if len(page.addresses) > 1:
            alternates = [(HTML_LANG[lang], url) for lang, url in page.addresses.items()]
            alternates.append(("x-default", page.default or page.addresses[DEFAULT_LANGUAGE]))
        for url in page.addresses.values():
            entry = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = url
            if page.lastmod:
                ET.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = page.lastmod.isoformat()
            for hreflang, href in alternates:
                link = {"rel": "alternate", "hreflang": hreflang, "href": href}
                ET.SubElement(entry, f"{{{XHTML_NS}}}link", link)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)


@bp.get("/sitemap.xml")
def sitemap():
    body = sitemap_xml(public_pages())
    return revalidated(Response(body, content_type="application/xml; charset=utf-8"))


@bp.get("/robots.txt")
def robots():
    lines = ["User-agent: *", "Disallow: /admin/"]
    # Search results are endless and repeat the documents: let crawlers follow the sitemap.
    lines += [f"Disallow: {url_for('pages.search', lang=lang)}" for lang in LANGUAGES]
    lines += ["", f"Sitemap: {absolute(url_for('sitemap.sitemap'))}", ""]
    return revalidated(Response("\n".join(lines), content_type="text/plain; charset=utf-8"))
