"""An Atom feed per language of the recommendations and case studies (feedgen)."""

import datetime as dt

from feedgen.feed import FeedGenerator
from flask import current_app, g
from flask_babel import gettext as _

from ..core.languages import HTML_LANG
from ..http.caching import from_edition, made_answer
from ..http.current import current_edition
from .labels import KIND_LABELS
from .licensing import site_licence
from .localized import localized_blueprint
from .urls import document_url, external_url

bp = localized_blueprint("feeds", __name__)


def _moment(day: dt.date) -> dt.datetime:
    """Content has dates, Atom wants instants: the start of the day, in UTC."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def atom_feed(lang: str) -> bytes:
    """Every published document as a reader of `lang` finds it, last updated first."""
    shown_documents = sorted(
        current_edition().public_documents(lang),
        key=lambda s: s.doc.meta.last_modified,
        reverse=True,
    )
    site_name = current_app.config["SITE_NAME"]
    feed = FeedGenerator()
    feed.id(external_url("feeds.feed"))
    feed.title(_("%(site)s: recommendations and case studies", site=site_name))
    feed.subtitle(
        _(
            "Recommendations for climate mitigation in China and case studies of what has "
            "been tried, in English and Chinese."
        )
    )
    feed.link(href=external_url("feeds.feed"), rel="self", type="application/atom+xml")
    feed.link(href=external_url("pages.home"), rel="alternate", type="text/html")
    feed.language(HTML_LANG[lang])
    feed.author({"name": site_name})
    licence = site_licence()
    rights = _("Under %(licence)s: %(url)s", licence=licence.name, url=licence.url)
    feed.rights(rights)
    if shown_documents:
        feed.updated(_moment(shown_documents[0].doc.meta.last_modified))
    for shown in shown_documents:
        meta, url = shown.doc.meta, document_url(shown.doc, external=True)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(meta.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(meta.summary)
        entry.published(_moment(meta.date))
        entry.updated(_moment(meta.last_modified))
        entry.category(term=shown.doc.kind, label=str(KIND_LABELS[shown.doc.kind]))
        entry.rights(rights)
    return feed.atom_str(pretty=True)


@bp.get("/feed.xml")
@from_edition
def feed():
    lang = g.lang
    return made_answer(
        ("feed", lang), lambda: atom_feed(lang), "application/atom+xml; charset=utf-8"
    )
