"""sitemap.xml (every public page, its language versions, when it last changed) and robots.txt."""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from flask import Blueprint, url_for

from ..core.edition import Edition
from ..core.kinds import PAGE, SECTIONS
from ..core.languages import DEFAULT_LANGUAGE, HTML_LANG, LANGUAGES
from ..http.caching import from_edition, made_answer
from ..http.current import current_edition
from .urls import absolute, document_url, short_url

bp = Blueprint("sitemap", __name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


@dataclass(frozen=True)
class SitemapEntry:
    """One page in each language it exists in: {lang: absolute address}."""

    addresses: dict[str, str]
    lastmod: dt.date | None = None
    default: str | None = None  # x-default, where it differs from the English page


def _latest(days: Iterable[dt.date | None]) -> dt.date | None:
    known = [day for day in days if day]
    return max(known) if known else None


def _interface_page(endpoint: str, lastmod: dt.date | None = None, **args) -> SitemapEntry:
    return SitemapEntry(
        {lang: absolute(url_for(endpoint, lang=lang, **args)) for lang in LANGUAGES}, lastmod
    )


def _document_pages(edition: Edition) -> Iterator[SitemapEntry]:
    for (kind, slug), languages in sorted(edition.published_in.items()):
        docs = {lang: edition.library.documents[(kind, slug, lang)] for lang in languages}
        default = None
        if kind != PAGE and len(languages) == len(LANGUAGES):
            default = short_url(docs[DEFAULT_LANGUAGE])
        yield SitemapEntry(
            {lang: document_url(doc, lang=lang, external=True) for lang, doc in docs.items()},
            _latest(doc.meta.last_modified for doc in docs.values()),
            default,
        )


def public_pages() -> list[SitemapEntry]:
    """Every page a reader or a search engine should find; drafts and search results are not."""
    edition = current_edition()
    documents = edition.public_documents(DEFAULT_LANGUAGE)

    def newest(shown_documents) -> dt.date | None:
        return _latest(s.doc.meta.last_modified for s in shown_documents)

    pages = [_interface_page("pages.home", newest(documents))]
    for section, kind in SECTIONS.items():
        listing = edition.listing(kind, DEFAULT_LANGUAGE)
        pages.append(_interface_page("pages.document_list", newest(listing), section=section))
    pages.extend(_document_pages(edition))
    pages.append(_interface_page("pages.glossary"))
    pages.append(_interface_page("tracker.tracker"))
    pages.append(_interface_page("ministries.directory"))
    for ministry in edition.library.ministries.values():
        named_in = [s for s, _ in edition.addressing(ministry.id, DEFAULT_LANGUAGE)]
        lastmod = _latest([ministry.verified, newest(named_in)])
        pages.append(_interface_page("ministries.ministry", lastmod, ministry_id=ministry.id))
    pages.append(_interface_page("metrics.overview"))
    for metric in edition.library.metrics.values():
        lastmod = newest(edition.measured_by(metric.id, DEFAULT_LANGUAGE))
        pages.append(_interface_page("metrics.metric", lastmod, metric_id=metric.id))
    return pages


def sitemap_xml(entries: list[SitemapEntry]) -> bytes:
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in entries:
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
@from_edition
def sitemap():
    return made_answer(
        ("sitemap",), lambda: sitemap_xml(public_pages()), "application/xml; charset=utf-8"
    )


def robots_txt() -> bytes:
    lines = ["User-agent: *", "Disallow: /admin/"]
    # Search results are endless and repeat the documents: let crawlers follow the sitemap.
    lines += [f"Disallow: {url_for('pages.search', lang=lang)}" for lang in LANGUAGES]
    lines += ["", f"Sitemap: {absolute(url_for('sitemap.sitemap'))}", ""]
    return "\n".join(lines).encode()


@bp.get("/robots.txt")
@from_edition
def robots():
    return made_answer(("robots",), robots_txt, "text/plain; charset=utf-8")
