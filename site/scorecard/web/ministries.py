"""The bodies our documents address: a directory, a page each, and their cards as vCards."""

from flask import Response, abort, g, render_template

from ..core.content.schema import Ministry
from ..http.caching import reader_page
from ..http.current import current_edition
from .contact import vcard
from .localized import localized_blueprint

bp = localized_blueprint("ministries", __name__)


def _ministry(ministry_id: str) -> Ministry:
    return current_edition().library.ministries.get(ministry_id) or abort(404)


@bp.get("/ministries/")
@reader_page
def directory():
    edition = current_edition()
    entries = [(m, edition.addressing(m.id, g.lang)) for m in edition.library.ministries.values()]
    return render_template("ministries.html", entries=entries)


@bp.get("/ministries/<ministry_id>")
@reader_page
def ministry(ministry_id: str):
    found = _ministry(ministry_id)
    linked = current_edition().addressing(found.id, g.lang)
    return render_template("ministry.html", ministry=found, linked=linked)


@bp.get("/ministries/<ministry_id>.vcf")
@reader_page
def ministry_vcard(ministry_id: str):
    found = _ministry(ministry_id)
    return Response(
        vcard(found, g.lang),
        mimetype="text/vcard",
        headers={"Content-Disposition": f'attachment; filename="{found.id}.vcf"'},
    )
