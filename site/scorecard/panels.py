"""What a document page shows beside its text: whom to contact, and the figures it links to."""

from flask import url_for

from .charts import Chart, bar_chart
from .contact import letters
from .content import Document, Library, Shown
from .content.schema import Metric


def absolute_document_url(doc: Document, lang: str) -> str:
    section = "recommendations" if doc.kind == "recommendation" else "case-studies"
    return url_for("pages.document", section=section, slug=doc.slug, lang=lang, _external=True)


def _charts(metrics: list[Metric]) -> list[tuple[Metric, Chart]]:
    return [(metric, chart) for metric in metrics if (chart := bar_chart(metric))]


def document_panels(shown: Shown, library: Library) -> dict:
    """The template values for a document's panels."""
    meta = shown.doc.meta
    metrics = [library.metrics[metric_id] for metric_id in meta.metrics]
    indicators = [m for m in metrics if m.type == "indicator"]
    context = [m for m in metrics if m.type == "context"]
    advocacy = shown.doc.kind == "recommendation" and meta.ministries
    return {
        "indicators": indicators,
        "indicator_charts": _charts(indicators),
        "context_figures": context,
        "context_charts": _charts(context),
        "letters": letters(shown, library, absolute_document_url) if advocacy else [],
    }
