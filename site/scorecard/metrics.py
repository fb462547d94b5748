"""Programme metrics and context figures: an overview, a page each, and CSV and JSON files."""

from flask import Response, abort, g, render_template
from flask_babel import lazy_gettext as _l

from .charts import bar_chart
from .content import library
from .localized import localized_blueprint
from .metric_files import metric_csv, metric_json

bp = localized_blueprint("metrics", __name__)

METRIC_TYPES = {"indicator": _l("Proposed measure"), "context": _l("Figure in context")}
BETTER_LABELS = {"higher": _l("Higher"), "lower": _l("Lower")}


@bp.app_context_processor
def labels() -> dict:
    return {"metric_types": METRIC_TYPES, "better_labels": BETTER_LABELS}


def _metric(metric_id: str):
    return library().metrics.get(metric_id) or abort(404)


@bp.get("/metrics/")
def overview():
    metrics = list(library().metrics.values())
    return render_template(
        "metrics.html",
        indicators=[m for m in metrics if m.type == "indicator"],
        context=[m for m in metrics if m.type == "context"],
    )


@bp.get("/metrics/<metric_id>")
def metric(metric_id: str):
    found = _metric(metric_id)
    return render_template(
        "metric.html",
        metric=found,
        chart=bar_chart(found),
        documents=library().measured_by(found.id, g.lang),
    )


@bp.get("/metrics/<metric_id>.csv")
def metric_as_csv(metric_id: str):
    found = _metric(metric_id)
    return Response(
        metric_csv(found, g.lang),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{found.id}.{g.lang}.csv"'},
    )


@bp.get("/metrics/<metric_id>.json")
def metric_as_json(metric_id: str):
    return metric_json(_metric(metric_id), g.lang)
