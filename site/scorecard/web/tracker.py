"""Where each recommendation stands: its timeline of status events, kept in the original's
front matter (a translation shows the original's), and the tracker page that lists every
recommendation with its current status."""

from dataclasses import dataclass

from flask import g, render_template, request
from flask_babel import format_date

from ..core.content import Document, Shown
from ..core.content.schema import STATUSES, Ministry, StatusEvent
from ..http.caching import reader_page
from ..http.current import current_edition
from .access import editor_signed_in
from .i18n import current_language
from .localized import localized_blueprint

bp = localized_blueprint("tracker", __name__)

# How an event's date is written, by how much of it the source gives.
DATE_FORMATS = {
    "en": {"year": "y", "month": "MMMM y", "day": "d MMMM y"},
    "zh": {"year": "y年", "month": "y年M月", "day": "y年M月d日"},
}


def timeline_of(doc: Document) -> tuple[StatusEvent, ...]:
    return current_edition().timeline_of(doc.kind, doc.slug)


def current_status(doc: Document) -> StatusEvent | None:
    timeline = timeline_of(doc)
    return timeline[-1] if timeline else None


def event_date(event: StatusEvent) -> str:
    """ "February 2021", "2021年2月": no more precise than the source."""
    pattern = DATE_FORMATS[current_language()][event.precision]
    return format_date(event.first_day, pattern)


@dataclass(frozen=True)
class Row:
    shown: Shown
    status: StatusEvent | None
    leads: tuple[Ministry, ...]


def _rows(lang: str) -> list[Row]:
    edition = current_edition()
    ministries = edition.library.ministries
    rows = []
    for shown in edition.listing("recommendation", lang, editor_signed_in()):
        leads = tuple(ministries[ref.id] for ref in shown.doc.meta.leads if ref.id in ministries)
        rows.append(Row(shown, current_status(shown.doc), leads))
    return rows


def _chosen(name: str, allowed: set[str]) -> str | None:
    value = request.args.get(name)
    return value if value in allowed else None


@bp.get("/tracker")
@reader_page
def tracker():
    """Every recommendation with its current status, lead body and last change; filtered by
    status and by ministry, with or without JavaScript (a plain GET form)."""
    rows = _rows(g.lang)
    status = _chosen("status", set(STATUSES))
    ministry = _chosen("ministry", set(current_edition().library.ministries))
    shown = [
        row
        for row in rows
        if (status is None or (row.status and row.status.status == status))
        and (ministry is None or ministry in {ref.id for ref in row.shown.doc.meta.ministries})
    ]
    counts = {s: sum(1 for row in rows if row.status and row.status.status == s) for s in STATUSES}
    return render_template(
        "tracker.html",
        rows=shown,
        total=len(rows),
        counts=counts,
        chosen_status=status,
        chosen_ministry=ministry,
    )
