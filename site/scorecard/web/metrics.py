"""Programme metrics and context figures: an overview, a page each, and CSV and JSON files."""

from flask import Response, abort, g, render_template

from ..core.content.schema import Metric
from ..http.caching import reader_page
from ..http.current import current_edition
from .charts import chart_of
from .localized import localized_blueprint
from .metric_files import metric_csv, metric_json

bp = localized_blueprint("metrics", __name__)


def _metric(metric_id: str) -> Metric:
    return current_edition().library.metrics.get(metric_id) or abort(404)


@bp.get("/metrics/")
@reader_page
def overview():
    metrics = list(current_edition().library.metrics.values())
    return render_template(
        "metrics.html",
        indicators=[m for m in metrics if m.type == "indicator"],
        context=[m for m in metrics if m.type == "context"],
    )


@bp.get("/metrics/<metric_id>")
@reader_page
def metric(metric_id: str):
    found = _metric(metric_id)
    return render_template(
        "metric.html",
        metric=found,
        chart=chart_of(found),
        documents=current_edition().measured_by(found.id, g.lang),
    )


@bp.get("/metrics/<metric_id>.csv")
@reader_page
def metric_as_csv(metric_id: str):
    found = _metric(metric_id)
    return Response(
        metric_csv(found, g.lang),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{found.id}.{g.lang}.csv"'},
    )


@bp.get("/metrics/<metric_id>.json")
@reader_page
def metric_as_json(metric_id: str):
    return metric_json(_metric(metric_id), g.lang)
