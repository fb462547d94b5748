"""Everything templates can name beyond what a view passes them, registered in one place.

Globals are functions and tables; filters format values in the page's language; the
context processor adds the page's language, the frame to extend, the link to the other
language and every vocabulary of labels.py.
"""

from flask import Flask
from flask_caching import Cache

from ..core.content import Document
from ..core.languages import HTML_LANG, NATIVE_NAMES, other_language
from ..http.current import current_edition
from . import charts, problems, quantities, share_pictures, sources, tracker, urls
from .i18n import bracketed, current_language
from .labels import template_labels
from .moments import moment
from .render import frame_template

# Open Graph names locales language_TERRITORY.
OG_LOCALES = {"en": "en_US", "zh": "zh_CN"}


def newer_original(doc: Document) -> Document | None:
    """The newer original of an outdated translation, for the notice that links to it."""
    return current_edition().newer_original(doc)


def original_of(doc: Document) -> Document | None:
    """The version a translation was made from; None for an original."""
    status = current_edition().status_of(doc.kind, doc.slug)
    return status.source if status and status.source.lang != doc.lang else None


def localized(text) -> str:
    """A {en: ..., zh: ...} text in the page's language."""
    return text.get(current_language())


def _page_context() -> dict:
    lang = current_language()
    return {
        "base_template": frame_template(),
        "lang": lang,
        "other_lang": other_language(lang),
        "toggle_url": urls.toggle_url(),
        "library": current_edition().library,
        **template_labels(),
    }


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        absolute=urls.absolute,
        chart_caption=charts.chart_caption,
        document_url=urls.document_url,
        html_lang=HTML_LANG,
        native_names=NATIVE_NAMES,
        newer_original=newer_original,
        original_of=original_of,
        og_locales=OG_LOCALES,
        page_links=urls.page_links,
        preview_picture=share_pictures.preview_picture,
        page_problems=problems.page_problems,
        parallel_url=urls.parallel_url,
        short_url=urls.short_url,
        source_citation=sources.citation,
        timeline_of=tracker.timeline_of,
        current_status=tracker.current_status,
        event_date=tracker.event_date,
        named_source=sources.named_source,
    )
    app.jinja_env.filters.update(
        localized=localized,
        value=quantities.format_value,
        observation=quantities.format_observation,
        amount=quantities.format_amount,
        bracketed=bracketed,
        count_text=quantities.format_count,
        period=quantities.display_period,
        moment=moment,
    )
    app.context_processor(_page_context)
    # `{% cache 0, name, lang %}` in the layouts: the header but its language toggle, the
    # footer and the head's links are the same on every page of a language, so each worker
    # renders them once (1.3 ms of every page it renders: 29 url_for and 24 translations).
    # Not where templates are reloaded as they are edited (development).
    backend = "NullCache" if app.jinja_env.auto_reload else "SimpleCache"
    Cache(app, config={"CACHE_TYPE": backend}, with_jinja2_ext=True)
