"""The reader's pages, all under /<lang>/: home, lists, documents, About, glossary, search."""

from collections.abc import Sequence

from flask import abort, current_app, g, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from ..core import search as site_search
from ..core.comments.store import approved_counts
from ..core.content import Shown
from ..core.kinds import PAGE, SECTIONS
from ..core.languages import LANGUAGES
from ..http.caching import reader_page
from ..http.current import current_edition
from .access import editor_signed_in
from .document_page import render_document
from .localized import SECTION, localized_blueprint
from .paging import requested_page
from .parallel import aligned_rows
from .quantities import format_count
from .render import render_page
from .search_filters import search_filters
from .share_pictures import send_share_picture

bp = localized_blueprint("pages", __name__)

# The home page shows the newest of each kind; the lists have the rest.
HOME_NEWEST = 6
ALL_OF_SECTION = {
    "recommendations": _l("All %(count)s recommendations"),
    "case-studies": _l("All %(count)s case studies"),
}


def _comment_counts(*listings: Sequence[Shown]) -> dict[str, int]:
    return approved_counts(s.doc.id for listing in listings for s in listing)


@bp.get("/")
@reader_page
def home():
    edition = current_edition()
    sections = {
        section: edition.listing(kind, g.lang, editor_signed_in())
        for section, kind in SECTIONS.items()
    }
    newest = {section: listing[:HOME_NEWEST] for section, listing in sections.items()}
    all_links = {
        section: ALL_OF_SECTION[section] % {"count": format_count(len(listing))}
        for section, listing in sections.items()
        if len(listing) > HOME_NEWEST
    }
    return render_template(
        "home.html",
        newest=newest,
        all_links=all_links,
        comment_counts=_comment_counts(*newest.values()),
    )


@bp.get(f"/{SECTION}/")
@reader_page
def document_list(section: str):
    listing = current_edition().listing(SECTIONS[section], g.lang, editor_signed_in())
    page = requested_page(listing)
    return render_template(
        "document_list.html",
        section=section,
        page=page,
        page_url=lambda number: url_for(
            "pages.document_list", section=section, page=number if number > 1 else None
        ),
        documents=page.items,
        comment_counts=_comment_counts(page.items),
    )


@bp.get(f"/{SECTION}/<slug>")
@reader_page
def document(section: str, slug: str):
    shown = current_edition().show(SECTIONS[section], slug, g.lang, drafts=editor_signed_in())
    return render_document(shown or abort(404))


@bp.get(f"/{SECTION}/<slug>/share-<name>.png")
def share_picture(section: str, slug: str, name: str):
    shown = current_edition().show(SECTIONS[section], slug, g.lang)
    return send_share_picture(shown or abort(404), name)


@bp.get(f"/{SECTION}/<slug>/parallel")
@reader_page
def parallel(section: str, slug: str):
    return render_parallel(SECTIONS[section], slug)


def render_parallel(kind: str, slug: str) -> str:
    """Both languages side by side, section by section, the page's language first;
    drafts too, for editors."""
    status = current_edition().status_of(kind, slug) or abort(404)
    reader_first = (g.lang, *(lang for lang in LANGUAGES if lang != g.lang))
    versions = {
        lang: version.doc
        for lang in reader_first
        if (version := status.of(lang)).doc and (version.doc.public or editor_signed_in())
    }
    if len(versions) < len(LANGUAGES):
        abort(404)
    rows = aligned_rows(versions, status.source.lang)
    return render_template("parallel.html", versions=versions, rows=rows, doc=versions[g.lang])


@bp.get("/about")
@reader_page
def about():
    shown = current_edition().show(PAGE, "about", g.lang) or abort(404)
    return render_template("page.html", shown=shown, doc=shown.doc)


@bp.get("/about/parallel")
@reader_page
def about_parallel():
    return render_parallel(PAGE, "about")


@bp.get("/glossary")
@reader_page
def glossary():
    entries = current_edition().library.glossary.values()
    return render_template(
        "glossary.html",
        terms=[entry for entry in entries if entry.definition],
        names=[entry for entry in entries if not entry.definition],
    )


@bp.get("/search")
@reader_page(per_query=True)
def search():
    max_length = current_app.config["SEARCH_MAX_CHARACTERS"]
    request_ = site_search.SearchRequest.from_args(request.args, g.lang, max_length)
    results = site_search.search(request_, current_edition())
    # Live search swaps only the results; the toggle and plain requests get the page.
    return render_page(
        "search.html",
        parts={"search-results": "partials/search_results.html"},
        results=results,
        search=results.request,
        filters=search_filters(results),
        page_url=lambda number: url_for("pages.search", **results.request.args(page=number)),
    )
