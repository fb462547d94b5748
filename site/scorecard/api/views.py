"""/api/v1/: documents, ministries, metrics with their series, topics, and the description."""

from flask import Blueprint, abort, jsonify, request
from flask_babel import gettext as _

from ..addresses import external_url, site_root
from ..caching import revalidated
from ..content import library
from .errors import BadParameter
from .openapi import description
from .records import (
    DOCUMENT_KINDS,
    document_record,
    document_records,
    metric_record,
    ministry_record,
    topic_record,
)

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.after_request
def cacheable(response):
    """Content changes only on deploy: let clients and caches revalidate with the ETag."""
    if response.status_code == 200:
        response.cache_control.public = True
        response.cache_control.max_age = 300
        response = revalidated(response)
    return response


def _choice(name: str, allowed) -> str | None:
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
def index():
    return jsonify(
        {
            "documents": external_url("api.documents"),
            "ministries": external_url("api.ministries"),
            "metrics": external_url("api.metrics"),
            "topics": external_url("api.topics"),
            "openapi": external_url("api.openapi"),
        }
    )


@bp.get("/openapi.json")
def openapi():
    return jsonify(description(site_root()))


@bp.get("/documents")
def documents():
    lib = library()
    kind = _choice("kind", DOCUMENT_KINDS)
    topic = _choice("topic", lib.topics)
    ministry = _choice("ministry", lib.ministries)
    metric = _choice("metric", lib.metrics)
    records = [
        r
        for r in document_records(lib)
        if (not kind or r["kind"] == kind)
        and (not topic or topic in r["topics"])
        and (not ministry or any(m["id"] == ministry for m in r["ministries"]))
        and (not metric or metric in r["metrics"])
    ]
    return jsonify({"count": len(records), "documents": records})


@bp.get("/documents/<kind>/<slug>")
def document(kind: str, slug: str):
    return jsonify(document_record(library(), kind, slug) or abort(404))


@bp.get("/ministries")
def ministries():
    lib = library()
    return jsonify({"ministries": [ministry_record(lib, m) for m in lib.ministries.values()]})


@bp.get("/ministries/<ministry_id>")
def ministry(ministry_id: str):
    lib = library()
    found = lib.ministries.get(ministry_id) or abort(404)
    return jsonify(ministry_record(lib, found))


@bp.get("/metrics")
def metrics():
    lib = library()
    return jsonify({"metrics": [metric_record(lib, m) for m in lib.metrics.values()]})


@bp.get("/metrics/<metric_id>")
def metric(metric_id: str):
    lib = library()
    found = lib.metrics.get(metric_id) or abort(404)
    return jsonify(metric_record(lib, found))


@bp.get("/topics")
def topics():
    return jsonify({"topics": [topic_record(t) for t in library().topics.values()]})
