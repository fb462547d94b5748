"""/api/v1/: documents, ministries, metrics with their series, topics, and the description.

Every answer is made from the request's edition; the lists, which grow with the archive,
are made once per edition and site address (http/caching.made_answer), so asking again
costs a lookup.
"""

from collections.abc import Callable, Collection

from flask import Blueprint, abort, current_app, jsonify, request
from flask_babel import gettext as _

from ...core import search as site_search
from ...core.content.schema import STATUSES
from ...core.kinds import LISTED
from ...core.languages import DEFAULT_LANGUAGE, LANGUAGES
from ...core.search.results import SORTS, SearchRequest
from ...core.text import small_number
from ...http.caching import from_edition, made_answer
from ...http.current import current_edition
from ..licensing import licence_record
from ..urls import external_url, site_root
from .errors import BadParameter
from .openapi import description
from .records import (
    document_record,
    document_records,
    metric_record,
    ministry_record,
    search_record,
    topic_record,
)

bp = Blueprint("api", __name__, url_prefix="/api/v1")
JSON = "application/json"


def _json(data: object) -> bytes:
    return jsonify(data).get_data()


def _answer(key: tuple, make: Callable[[], object]):
    return made_answer(key, lambda: _json(make()), JSON)


def _choice(name: str, allowed: Collection[str]) -> str | None:
    """An optional filter, refused with the values it accepts when it is not one of them."""
    value = request.args.get(name)
    if value is None or value in allowed:
        return value
    raise BadParameter(
        _(
            "'%(value)s' is not a valid %(name)s. Use one of: %(allowed)s.",
            value=value,
            name=name,
            allowed=", ".join(sorted(allowed)),
        )
    )


@bp.get("/")
@from_edition
def index():
    return _answer(
        ("api",),
        lambda: {
            "documents": external_url("api.documents"),
            "ministries": external_url("api.ministries"),
            "metrics": external_url("api.metrics"),
            "topics": external_url("api.topics"),
            "search": external_url("api.search"),
            "openapi": external_url("api.openapi"),
        },
    )


@bp.get("/openapi.json")
@from_edition
def openapi():
    return _answer(
        ("api", "openapi"),
        lambda: description(site_root(), current_app.config["SITE_NAME"], licence_record()),
    )


@bp.get("/documents")
@from_edition
def documents():
    library = current_edition().library
    kind = _choice("kind", LISTED)
    topic = _choice("topic", library.topics)
    ministry = _choice("ministry", library.ministries)
    metric = _choice("metric", library.metrics)

    def listed() -> dict:
        every = current_edition().made.get(
            ("api", "records", site_root()), lambda: document_records(current_edition())
        )
        records = [
            r
            for r in every
            if (not kind or r["kind"] == kind)
            and (not topic or topic in r["topics"])
            and (not ministry or any(m["id"] == ministry for m in r["ministries"]))
            and (not metric or metric in r["metrics"])
        ]
        return {"count": len(records), "documents": records}

    return _answer(("api", "documents", kind, topic, ministry, metric), listed)


@bp.get("/documents/<kind>/<slug>")
@from_edition
def document(kind: str, slug: str):
    return jsonify(document_record(current_edition(), kind, slug) or abort(404))


@bp.get("/ministries")
@from_edition
def ministries():
    edition = current_edition()
    return _answer(
        ("api", "ministries"),
        lambda: {
            "ministries": [ministry_record(edition, m) for m in edition.library.ministries.values()]
        },
    )


@bp.get("/ministries/<ministry_id>")
@from_edition
def ministry(ministry_id: str):
    edition = current_edition()
    found = edition.library.ministries.get(ministry_id) or abort(404)
    return jsonify(ministry_record(edition, found))


@bp.get("/metrics")
@from_edition
def metrics():
    edition = current_edition()
    return _answer(
        ("api", "metrics"),
        lambda: {"metrics": [metric_record(edition, m) for m in edition.library.metrics.values()]},
    )


@bp.get("/metrics/<metric_id>")
@from_edition
def metric(metric_id: str):
    edition = current_edition()
    found = edition.library.metrics.get(metric_id) or abort(404)
    return jsonify(metric_record(edition, found))


@bp.get("/search")
@from_edition
def search():
    """The site's search, as data: the same parameters as /<lang>/search, plus `lang`
    (the reader's language: which version each result shows, and its snippet)."""
    library = current_edition().library
    lang = _choice("lang", LANGUAGES) or DEFAULT_LANGUAGE
    _choice("kind", LISTED)
    _choice("language", LANGUAGES)
    _choice("topic", library.topics)
    _choice("ministry", library.ministries)
    _choice("status", STATUSES)
    _choice("sort", SORTS)
    if "page" in request.args and not small_number(request.args["page"]):
        raise BadParameter(_("'page' must be a whole number from 1."))
    max_length = current_app.config["SEARCH_MAX_CHARACTERS"]
    asked = SearchRequest.from_args(request.args, lang, max_length)
    results = site_search.search(asked, current_edition())
    return jsonify(
        search_record(
            results,
            lambda number: external_url("api.search", **asked.args(page=number), lang=lang),
        )
    )


@bp.get("/topics")
@from_edition
def topics():
    library = current_edition().library
    return _answer(
        ("api", "topics"), lambda: {"topics": [topic_record(t) for t in library.topics.values()]}
    )
