"""The reader's pages, all under /<lang>/."""

from flask import abort, g, render_template, request, url_for
from flask_babel import format_number
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from . import search as site_search
from .addresses import absolute, document_path
from .comments.store import approved_counts
from .content import SECTIONS, Document, library
from .content.translations import newer_original, status_of
from .document_page import render_document
from .i18n import LANGUAGE_NAMES, LANGUAGES, current_language
from .localized import SECTION, SECTION_OF_KIND, localized_blueprint
from .paging import requested_page
from .parallel import aligned_rows

bp = localized_blueprint("pages", __name__)

SECTION_TITLES = {"recommendations": _l("Recommendations"), "case-studies": _l("Case studies")}
KIND_LABELS = {"recommendation": _l("Recommendation"), "case-study": _l("Case study")}
MINISTRY_PANEL_TITLES = {
    "recommendation": _l("Ministries addressed"),
    "case-study": _l("Government bodies involved"),
}
ROLE_LABELS = {"lead": _l("Lead"), "partner": _l("Partner")}
SORT_LABELS = {"relevance": _l("Relevance"), "date": _l("Newest first")}
FACET_TITLES = {
    "kind": _l("Type"),
    "language": _l("Language"),
    "topic": _l("Topic"),
    "ministry": _l("Ministry"),
}


@bp.app_template_global()
def document_url(doc: Document, lang: str | None = None, external: bool = False) -> str:
    """A document's address, in the page's language unless `lang` says otherwise."""
    path = document_path(doc, lang)
    return absolute(path) if external else path


def editor_signed_in() -> bool:
    """Signed-in editors also see drafts (marked as such), to preview them."""
    return current_user.is_authenticated


@bp.app_template_global()
def parallel_url(doc: Document) -> str | None:
    """The side-by-side view of a document, when the reader can open both languages."""
    versions = [library().documents.get((doc.kind, doc.slug, lang)) for lang in LANGUAGES]
    if not all(v and (v.public or editor_signed_in()) for v in versions):
        return None
    if doc.kind == "page":
        return url_for(f"pages.{doc.slug}_parallel")
    return url_for("pages.parallel", section=SECTION_OF_KIND[doc.kind], slug=doc.slug)


@bp.app_template_global("newer_original")
def newer_original_of(doc: Document) -> Document | None:
    """The newer original of an outdated translation, for the notice that links to it."""
    return newer_original(library(), doc)


@bp.app_context_processor
def labels() -> dict:
    return {
        "kind_labels": KIND_LABELS,
        "section_titles": SECTION_TITLES,
        "ministry_panel_titles": MINISTRY_PANEL_TITLES,
        "role_labels": ROLE_LABELS,
        "sort_labels": SORT_LABELS,
        "facet_titles": FACET_TITLES,
        "library": library(),
    }


# The home page shows the newest of each kind; the lists have the rest.
HOME_NEWEST = 6
ALL_OF_SECTION = {
    "recommendations": _l("All %(count)s recommendations"),
    "case-studies": _l("All %(count)s case studies"),
}


def _comment_counts(*listings) -> dict[str, int]:
    return approved_counts(s.doc.id for listing in listings for s in listing)


@bp.get("/")
def home():
    recommendations = library().listing("recommendation", g.lang, editor_signed_in())
    case_studies = library().listing("case-study", g.lang, editor_signed_in())
    sections = {"recommendations": recommendations, "case-studies": case_studies}
    newest = {section: listing[:HOME_NEWEST] for section, listing in sections.items()}
    all_links = {
        section: ALL_OF_SECTION[section] % {"count": format_number(len(listing))}
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
def document_list(section: str):
    page = requested_page(library().listing(SECTIONS[section], g.lang, editor_signed_in()))
    return render_template(
        "document_list.html",
        section=section,
        page=page,
        documents=page.items,
        comment_counts=_comment_counts(page.items),
    )


@bp.get(f"/{SECTION}/<slug>")
def document(section: str, slug: str):
    shown = library().show(SECTIONS[section], slug, g.lang, drafts=editor_signed_in())
    return render_document(shown or abort(404), document_url)


@bp.get(f"/{SECTION}/<slug>/parallel")
def parallel(section: str, slug: str):
    return render_parallel(SECTIONS[section], slug)


def render_parallel(kind: str, slug: str) -> str:
    """Both languages side by side, section by section; drafts too, for editors."""
    status = status_of(library(), kind, slug) or abort(404)
    versions = {
        lang: version.doc
        for lang in LANGUAGES
        if (version := status.of(lang)).doc and (version.doc.public or editor_signed_in())
    }
    if len(versions) < len(LANGUAGES):
        abort(404)
    rows = aligned_rows(versions, status.source.lang)
    return render_template("parallel.html", versions=versions, rows=rows, doc=versions[g.lang])


@bp.get("/about")
def about():
    shown = library().show("page", "about", g.lang) or abort(404)
    return render_template("page.html", shown=shown, doc=shown.doc)


@bp.get("/about/parallel")
def about_parallel():
    return render_parallel("page", "about")


@bp.get("/glossary")
def glossary():
    return render_template("glossary.html", entries=library().glossary.values())


@bp.app_template_global()
def facet_label(name: str, value: str) -> str:
    """How a facet value reads in the reader's language."""
    lang = current_language()
    if name == "kind":
        return str(KIND_LABELS.get(value, value))
    if name == "language":
        return str(LANGUAGE_NAMES.get(value, value))
    entries = {"topic": library().topics, "ministry": library().ministries}[name]
    entry = entries.get(value)
    if entry is None:
        return value
    return (entry.label if name == "topic" else entry.name).get(lang)


@bp.get("/search")
def search():
    results = site_search.search(site_search.SearchRequest.from_args(request.args, g.lang))
    # Live search swaps only the results; the toggle and plain requests get the page.
    only_results = request.htmx.target == "search-results"
    template = "partials/search_results.html" if only_results else "search.html"
    return render_template(template, results=results, search=results.request)
