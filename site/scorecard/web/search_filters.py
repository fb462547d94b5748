"""The search page's filters as the reader sees them: each value's label, count and link.

Made here, once per page, rather than in the template: a search over many documents lists
dozens of values, and building each link with `url_for` and each label and count in
Jinja was the larger part of the page's time (benchmarks/README.md, "Search under load").
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import url_for

from ..core.content import Library
from ..core.search import Results, SearchRequest
from ..http.current import current_edition
from .i18n import current_language
from .labels import FACET_TITLES, KIND_LABELS, LANGUAGE_NAMES, PROGRESS_LABELS
from .quantities import format_count

# The characters werkzeug leaves as they are in a query string, so that these links read
# as the ones url_for builds.
SAFE_IN_QUERY = "!$'()*,/:;?@"


@dataclass(frozen=True)
class FilterValue:
    label: str
    count: str  # formatted for the page's language
    href: str  # the search with this value chosen, or without it when it is on
    active: bool


@dataclass(frozen=True)
class Filter:
    title: str
    values: list[FilterValue]


def _label(name: str, value: str, library: Library, lang: str) -> str:
    """How a facet's value reads in the reader's language."""
    if name == "kind":
        return str(KIND_LABELS.get(value, value))
    if name == "language":
        return str(LANGUAGE_NAMES.get(value, value))
    if name == "topic" and (topic := library.topics.get(value)):
        return topic.label.get(lang)
    if name == "ministry" and (ministry := library.ministries.get(value)):
        return ministry.name.get(lang)
    if name == "status" and value in PROGRESS_LABELS:
        return str(PROGRESS_LABELS[value])
    return value


def _search_link(search: SearchRequest):
    base = url_for("pages.search")

    def link(**changes) -> str:
        query = urlencode(search.args(page=None, **changes), safe=SAFE_IN_QUERY)
        return f"{base}?{query}" if query else base

    return link


def search_filters(results: Results) -> list[Filter]:
    """Each facet that has values (or a filter on), in the order the search gives them."""
    search = results.request
    link = _search_link(search)
    library, lang = current_edition().library, current_language()
    shown = []
    for name, values in results.facets.items():
        chosen = search.filters.get(name)
        if not values and not chosen:
            continue
        options = [
            FilterValue(
                label=_label(name, value, library, lang),
                count=format_count(count),
                href=link(**{name: None if value == chosen else value}),
                active=value == chosen,
            )
            for value, count in values
        ]
        shown.append(Filter(title=str(FACET_TITLES[name]), values=options))
    return shown
