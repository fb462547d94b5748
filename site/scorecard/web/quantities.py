"""Figures as a reader of each language expects them: 17 million, 1700万, 2543, over 4%.

A figure and its unit are joined by no-break spaces ("17 million jobs" never ends a line
after "17"); a narrow table may still wrap after "nearly". Chinese figures have no spaces,
and the stylesheet keeps them whole.
"""

import re
from functools import lru_cache

from babel.numbers import format_compact_decimal, format_decimal
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from ..core.content.schema import Localized, Metric, Observation
from ..core.text import NO_BREAK_SPACE

# The source's own hedging, kept with the figure.
QUALIFIED = {
    "about": _l("about %(value)s"),
    "nearly": _l("nearly %(value)s"),
    "over": _l("over %(value)s"),
    "under": _l("under %(value)s"),
}


def format_count(number: int) -> str:
    """A count (documents found, comments): 1,234 in either language. The same few counts
    recur on every page, so each is formatted once per language, not by babel each time."""
    return _formatted_count(number, str(get_locale()))


@lru_cache(maxsize=4096)
def _formatted_count(number: int, locale: str) -> str:
    return format_decimal(number, locale=locale)


def format_value(value: float, percent: bool = False) -> str:
    """A number in the reader's locale. On Chinese pages, as our Chinese articles write
    them: large ones in 万 and 亿, smaller ones without a thousands separator (2543家)."""
    locale = get_locale()
    chinese = locale.language == "zh"
    if percent:
        return format_decimal(value, locale=locale, group_separator=not chinese) + "%"
    if chinese and abs(value) >= 10_000:
        return format_compact_decimal(value, locale=locale, fraction_digits=2)
    if chinese:
        return format_decimal(value, locale=locale, group_separator=False)
    if abs(value) >= 1_000_000:
        compact = format_compact_decimal(
            value, format_type="long", locale=locale, fraction_digits=2
        )
        return compact.replace(" ", NO_BREAK_SPACE)
    return format_decimal(value, locale=locale)


def format_observation(observation: Observation, percent: bool = False) -> str:
    """A figure with the source's qualifier: "nearly 17 million"."""
    value = format_value(observation.value, percent)
    if observation.qualifier:
        return str(QUALIFIED[observation.qualifier]) % {"value": value}
    return value


def format_amount(observation: Observation, metric: Metric) -> str:
    """A figure with its qualifier and unit: "nearly 17 million jobs", "近1700万个"."""
    figure = format_observation(observation, metric.percent)
    if not metric.unit or metric.percent:
        return figure
    separator = "" if get_locale().language == "zh" else NO_BREAK_SPACE
    return f"{figure}{separator}{metric.unit.get(get_locale().language)}"


def format_period(period: Localized | str) -> str:
    """A period as the data gives it, in the reader's language (downloads keep it so)."""
    return period if isinstance(period, str) else period.get(get_locale().language)


YEAR = re.compile(r"^(\d{4})$")
YEARS = re.compile(r"^(\d{4})\s*[-–—~至]\s*(\d{4})$")


def display_period(period: Localized | str) -> str:
    """A period as a reader of each language writes it, the same everywhere on the site:
    a year is 2017 or 2017年, a range 2008–2010 or 2008—2010年."""
    text = format_period(period)
    chinese = get_locale().language == "zh"
    if match := YEAR.match(text):
        return f"{match[1]}年" if chinese else text
    if match := YEARS.match(text):
        return f"{match[1]}—{match[2]}年" if chinese else f"{match[1]}–{match[2]}"
    return text
