"""A metric's series as files to download: CSV for spreadsheets, JSON for programs."""

import csv
import io

from flask import jsonify
from flask_babel import lazy_gettext as _l

from ..core.content.schema import Metric
from ..http.current import current_edition
from .api.records import metric_record
from .quantities import format_period

QUALIFIER_WORDS = {
    "about": _l("about"),
    "nearly": _l("nearly"),
    "over": _l("over"),
    "under": _l("under"),
}
CSV_HEADER = {
    "en": ["metric", "period", "value", "qualifier", "unit", "source", "publisher", "year"],
    "zh": ["指标", "时期", "数值", "限定", "单位", "出处", "发布机构", "年份"],
}


def _plain_number(value: float) -> str:
    """17000000, not 1.7e+07: spreadsheets read it as the number it is."""
    return str(int(value)) if value.is_integer() else str(value)


def metric_csv(metric: Metric, lang: str) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese labels right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER[lang])
    unit = metric.unit.get(lang) if metric.unit else ("%" if metric.percent else "")
    for observation in metric.observations:
        source = observation.source
        writer.writerow(
            [
                metric.label.get(lang),
                format_period(observation.period),
                _plain_number(observation.value),
                str(QUALIFIER_WORDS[observation.qualifier]) if observation.qualifier else "",
                unit,
                source.title,
                source.publisher or "",
                source.year or "",
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def metric_json(metric: Metric, lang: str):
    """The metric as the open data API gives it, both languages and every source."""
    return jsonify(metric_record(current_edition(), metric) | {"language": lang})
