"""What a document page shows beside its text: whom to contact, and the figures it links to."""

from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from ..core.content import Shown
from ..core.content.schema import Metric
from ..core.kinds import RECOMMENDATION
from ..http.current import current_edition
from .charts import Chart, chart_of
from .contact import letters

# Metric type -> the panel's id, title and table caption.
METRIC_PANELS = {
    "indicator": (
        "metrics",
        _l("How success would be measured"),
        _l("Measures this recommendation proposes"),
    ),
    "context": ("context", _l("Figures in context"), _l("Published figures this document cites")),
}


@dataclass(frozen=True)
class MetricPanel:
    id: str
    title: LazyString
    caption: LazyString
    metrics: list[Metric]
    charts: list[tuple[Metric, Chart]]


def metric_panels(metrics: list[Metric]) -> list[MetricPanel]:
    """A panel per type of metric the document links to: proposed measures, then context."""
    panels = []
    for metric_type, (panel_id, title, caption) in METRIC_PANELS.items():
        chosen = [m for m in metrics if m.type == metric_type]
        if chosen:
            charts = [(m, chart) for m in chosen if (chart := chart_of(m))]
            panels.append(MetricPanel(panel_id, title, caption, chosen, charts))
    return panels


def document_panels(shown: Shown) -> dict:
    """The template values for a document's panels."""
    meta = shown.doc.meta
    library = current_edition().library
    advocacy = shown.doc.kind == RECOMMENDATION and meta.ministries
    return {
        "metric_panels": metric_panels([library.metrics[m] for m in meta.metrics]),
        "letters": letters(shown, library) if advocacy else [],
    }
