"""/admin/translations and /admin/content: the state of the content, for editors.

Every document's languages (complete, outdated with what changed in the original, or
missing), a button that marks a translation up to date, and every problem in the files.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import login_required

from ...core.content.history import changes_since
from ...core.content.translations import State, TranslationError, record_translation
from ...core.languages import LANGUAGES
from ...core.publisher import publisher
from ...http.current import current_edition
from ..problems import every_problem
from .views import bp


def _marked(diff: list[str] | None) -> list[tuple[str, str]] | None:
    """Each diff line with how it is shown: added, removed, or context."""
    if diff is None:
        return None
    marks = {"+": "added", "-": "removed"}
    return [("" if line[:3] in ("+++", "---") else marks.get(line[:1], ""), line) for line in diff]


@bp.get("/translations")
@login_required
def translations():
    statuses = list(current_edition().statuses.values())
    # git is asked only here, for editors; without it a diff is simply unavailable.
    changes = {
        (entry.id, version.lang): _marked(
            changes_since(entry.source, version.doc.meta.translated_from)
        )
        for entry in statuses
        for version in entry.versions
        if version.state is State.OUTDATED and version.doc
    }
    return render_template("admin/translations.html", statuses=statuses, changes=changes)


@bp.post("/translations/<kind>/<slug>/<lang>/translated")
@login_required
def mark_translated(kind: str, slug: str, lang: str):
    """Record the original's current version in a translation, then publish it."""
    edition = current_edition()
    if lang not in LANGUAGES or edition.status_of(kind, slug) is None:
        abort(404)
    try:
        recorded = record_translation(edition.library, slug, lang, kind=kind)
    except TranslationError as error:
        flash(str(error))
    else:
        publisher().reload(change.path for change in recorded)
        flash(gettext("Marked as translated: the translation now follows the original."))
    return redirect(url_for("admin.translations", _anchor=f"{kind}-{slug}"), code=303)


@bp.get("/content")
@login_required
def content():
    """Every problem in the content files, by file."""
    return render_template("admin/content.html", problems=every_problem(current_edition()))
