"""The bodies our documents address: a directory, a page each, and their cards as vCards."""

from flask import Response, abort, g, render_template
from flask_babel import lazy_gettext as _l

from .contact import vcard
from .content import library
from .localized import localized_blueprint

bp = localized_blueprint("ministries", __name__)

CHANNEL_LABELS = {
    "email": _l("E-mail"),
    "phone": _l("Telephone"),
    "fax": _l("Fax"),
    "address": _l("Postal address"),
    "web-form": _l("Online form"),
}
LETTER_TITLES = {"en": _l("Letter in English"), "zh": _l("Letter in Chinese")}


@bp.app_context_processor
def labels() -> dict:
    return {"channel_labels": CHANNEL_LABELS, "letter_titles": LETTER_TITLES}


def _ministry(ministry_id: str):
    return library().ministries.get(ministry_id) or abort(404)


@bp.get("/ministries/")
def directory():
    entries = [(m, library().addressing(m.id, g.lang)) for m in library().ministries.values()]
    return render_template("ministries.html", entries=entries)


@bp.get("/ministries/<ministry_id>")
def ministry(ministry_id: str):
    found = _ministry(ministry_id)
    linked = library().addressing(found.id, g.lang)
    return render_template("ministry.html", ministry=found, linked=linked)


@bp.get("/ministries/<ministry_id>.vcf")
def ministry_vcard(ministry_id: str):
    found = _ministry(ministry_id)
    return Response(
        vcard(found, g.lang),
        mimetype="text/vcard",
        headers={"Content-Disposition": f'attachment; filename="{found.id}.vcf"'},
    )
