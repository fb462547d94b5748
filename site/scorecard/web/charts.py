"""Bar charts of a metric's series, laid out here and drawn as inline SVG by a template.

Drawn on the server so that readers get a chart without any script, that it prints,
and that its numbers stay in the page's language and next to a table of the same data.

Each chart is laid out twice: columns for a wide screen and paper, and rows for a phone,
each period's label on a line of its own above its bar. The stylesheet shows one. An SVG
scales its text with its width, so a phone gets a layout drawn at about its own width, not
the wide one shrunk: its labels stay at least 12 px on a 390 px screen.
"""

from dataclasses import dataclass

from flask_babel import gettext

from ..core.content.schema import Metric
from ..http.current import current_edition
from .i18n import current_language
from .quantities import display_period, format_observation

WIDTH, HEIGHT = 560, 260
TOP, BOTTOM, SIDE = 28, 44, 16  # room for value labels above and period labels below
GAP = 0.35  # share of each slot left empty between bars
# The phone's layout: about the width of a phone's text column, one row per period.
NARROW_WIDTH = 320
VALUE_ROOM = 88  # right of the longest bar, for its value
LABEL_HEIGHT, BAR_HEIGHT, ROW_GAP = 20, 22, 14


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: str
    period: str

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Row:
    """A period's bar in the phone's layout: its label above, its value after it."""

    label_y: float
    y: float
    length: float
    value: str
    period: str

    @property
    def value_y(self) -> float:
        return self.y + BAR_HEIGHT - 6


@dataclass(frozen=True)
class Chart:
    id: str
    width: int
    height: int
    baseline: float
    bars: tuple[Bar, ...]
    narrow_height: int
    rows: tuple[Row, ...]
    # What the chart shows, for readers who cannot see it, punctuated in their language.
    description: str

    narrow_width = NARROW_WIDTH
    bar_height = BAR_HEIGHT


def bar_chart(metric: Metric) -> Chart | None:
    """The metric's observations as bars, or None when there is no series to draw."""
    observations = metric.observations
    if len(observations) < 2:
        return None
    highest = max(max(o.value for o in observations), 0) or 1
    baseline = HEIGHT - BOTTOM
    slot = (WIDTH - 2 * SIDE) / len(observations)
    width = slot * (1 - GAP)
    bars = []
    for index, observation in enumerate(observations):
        height = max(observation.value, 0) / highest * (baseline - TOP)
        bars.append(
            Bar(
                x=round(SIDE + index * slot + (slot - width) / 2, 1),
                y=round(baseline - height, 1),
                width=round(width, 1),
                height=round(height, 1),
                value=format_observation(observation, metric.percent),
                period=display_period(observation.period),
            )
        )
    step = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    rows = tuple(
        Row(
            label_y=index * step + LABEL_HEIGHT - 6,
            y=index * step + LABEL_HEIGHT,
            length=round(max(bar.height, 0) / (baseline - TOP) * (NARROW_WIDTH - VALUE_ROOM), 1),
            value=bar.value,
            period=bar.period,
        )
        for index, bar in enumerate(bars)
    )
    narrow_height = len(rows) * step - ROW_GAP + 2
    pair, separator = ("{}：{}", "；") if current_language() == "zh" else ("{}: {}", "; ")
    description = separator.join(pair.format(bar.period, bar.value) for bar in bars)
    return Chart(
        f"chart-{metric.id}", WIDTH, HEIGHT, baseline, tuple(bars), narrow_height, rows, description
    )


def chart_caption(metric: Metric) -> str:
    """Under a chart: what it measures, in what unit, and where its figures are in words."""
    lang = current_language()
    measure = metric.label.get(lang)
    if metric.unit:
        measure = gettext("%(label)s (%(unit)s)", label=measure, unit=metric.unit.get(lang))
    return gettext("%(measure)s. The figures are also given in the table.", measure=measure)


def chart_of(metric: Metric) -> Chart | None:
    """The metric's chart in the page's language, laid out once per edition."""
    lang = current_language()
    return current_edition().made.get(("chart", metric.id, lang), lambda: bar_chart(metric))
