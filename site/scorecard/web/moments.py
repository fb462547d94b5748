"""Times of day (a comment's, a moderation's), in the page's zone and naming it: UTC on
English pages, Beijing time on Chinese ones. `data-moment` lets the site's script show
each in the reader's own zone instead, from the `datetime` attribute."""

from datetime import datetime

from flask_babel import format_datetime, get_timezone
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from .i18n import current_language

ZONE_NAMES = {"UTC": _l("UTC"), "Asia/Shanghai": _l("Beijing time")}
PATTERNS = {"en": "d MMM y, HH:mm", "zh": "y年M月d日 HH:mm"}


def moment(at: datetime) -> Markup:
    """A stored time (naive UTC) as a <time> element, in the page's zone, with its name."""
    lang = current_language()
    zone = str(get_timezone())
    shown = format_datetime(at, PATTERNS[lang])
    label = ZONE_NAMES[zone]
    text = f"{shown}（{label}）" if lang == "zh" else f"{shown} {label}"
    return Markup('<time datetime="{}Z" data-moment data-zone="{}">{}</time>').format(
        at.isoformat(timespec="seconds"), zone, text
    )
