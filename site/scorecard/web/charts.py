"""Bar charts of a metric's series, laid out here and drawn as inline SVG by a template.

Drawn on the server so that readers get a chart without any script, that it prints,
and that its numbers stay in the page's language and next to a table of the same data.
"""

from dataclasses import dataclass

from ..core.content.schema import Metric
from ..http.current import current_edition
from .i18n import current_language
from .quantities import format_observation, format_period

WIDTH, HEIGHT = 560, 260
TOP, BOTTOM, SIDE = 28, 44, 16  # room for value labels above and period labels below
GAP = 0.35  # share of each slot left empty between bars


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
class Chart:
    id: str
    width: int
    height: int
    baseline: float
    bars: tuple[Bar, ...]

    @property
    def description(self) -> str:
        """What the chart shows, for readers who cannot see it."""
        return "; ".join(f"{bar.period}: {bar.value}" for bar in self.bars)


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
                period=format_period(observation.period),
            )
        )
    return Chart(f"chart-{metric.id}", WIDTH, HEIGHT, baseline, tuple(bars))


def chart_of(metric: Metric) -> Chart | None:
    """The metric's chart in the page's language, laid out once per edition."""
    lang = current_language()
    return current_edition().made.get(("chart", metric.id, lang), lambda: bar_chart(metric))
