"""An Atom feed per language of the recommendations and case studies (feedgen)."""

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from flask import current_app, g
from flask_babel import gettext as _

from ..core.content import Shown
from ..core.languages import HTML_LANG
from ..http.caching import from_edition, made_answer
from ..http.current import current_edition
from .labels import KIND_LABELS, PROGRESS_LABELS
from .licensing import site_licence
from .localized import localized_blueprint
from .urls import document_url, external_url

bp = localized_blueprint("feeds", __name__)


def _moment(day: dt.date) -> dt.datetime:
    """Content has dates, Atom wants instants: the start of the day, in UTC."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str
    summary: str
    published: dt.date
    updated: dt.date
    category: tuple[str, str]


def _document_entries(shown_documents: list[Shown]) -> list[Entry]:
    return [
        Entry(
            id=(url := document_url(shown.doc, external=True)),
            title=shown.doc.meta.title,
            url=url,
            summary=shown.doc.meta.summary,
            published=shown.doc.meta.date,
            updated=shown.doc.meta.last_modified,
            category=(shown.doc.kind, str(KIND_LABELS[shown.doc.kind])),
        )
        for shown in shown_documents
    ]


def _status_entries(shown_documents: list[Shown], lang: str) -> list[Entry]:
    """One entry per status event of each recommendation, dated by the event, so that a
    reader following the feed learns when one is adopted (or rejected)."""
    edition, entries = current_edition(), []
    for shown in shown_documents:
        url = document_url(shown.doc, external=True)
        for event in edition.timeline_of(shown.doc.kind, shown.doc.slug):
            label = str(PROGRESS_LABELS[event.status])
            entries.append(
                Entry(
                    id=f"{url}#status-{event.date}-{event.status}",
                    title=_("%(status)s: %(title)s", status=label, title=shown.doc.meta.title),
                    url=f"{url}#timeline-title",
                    summary=event.note.get(lang),
                    published=event.first_day,
                    updated=event.first_day,
                    category=("status", str(_("Status"))),
                )
            )
    return entries


def atom_feed(lang: str) -> bytes:
    """Every published document as a reader of `lang` finds it, and every step of each
    recommendation's status, the latest first."""
    shown_documents = list(current_edition().public_documents(lang))
    entries = sorted(
        _document_entries(shown_documents) + _status_entries(shown_documents, lang),
        key=lambda entry: entry.updated,
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
    if entries:
        feed.updated(_moment(entries[0].updated))
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate", type="text/html")
        entry.summary(item.summary)
        entry.published(_moment(item.published))
        entry.updated(_moment(item.updated))
        entry.category(term=item.category[0], label=item.category[1])
        entry.rights(rights)
    return feed.atom_str(pretty=True)


@bp.get("/feed.xml")
@from_edition
def feed():
    lang = g.lang
    return made_answer(
        ("feed", lang), lambda: atom_feed(lang), "application/atom+xml; charset=utf-8"
    )
