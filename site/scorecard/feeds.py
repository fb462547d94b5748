"""An Atom feed per language of the recommendations and case studies (feedgen)."""

import datetime as dt

from feedgen.feed import FeedGenerator
from flask import Response, current_app, g
from flask_babel import gettext as _

from .addresses import absolute, document_path, external_url
from .caching import revalidated
from .content import library
from .i18n import HTML_LANG
from .localized import localized_blueprint
from .pages import KIND_LABELS

bp = localized_blueprint("feeds", __name__)


def _moment(day: dt.date) -> dt.datetime:
    """Content has dates, Atom wants instants: the start of the day, in UTC."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def atom_feed(lang: str) -> bytes:
    """Every published document as a reader of `lang` finds it, last updated first."""
    shown_documents = sorted(
        library().public_documents(lang), key=lambda s: s.doc.meta.last_modified, reverse=True
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
    if shown_documents:
        feed.updated(_moment(shown_documents[0].doc.meta.last_modified))
    for shown in shown_documents:
        meta, url = shown.doc.meta, absolute(document_path(shown.doc))
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(meta.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(meta.summary)
        entry.published(_moment(meta.date))
        entry.updated(_moment(meta.last_modified))
        entry.category(term=shown.doc.kind, label=str(KIND_LABELS[shown.doc.kind]))
    return feed.atom_str(pretty=True)


@bp.get("/feed.xml")
def feed():
    response = Response(atom_feed(g.lang), content_type="application/atom+xml; charset=utf-8")
    return revalidated(response)
