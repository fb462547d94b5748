"""/admin/translations: every document's languages, and what changed in outdated sources."""

from flask import render_template
from flask_login import login_required

from ...core.content.history import changes_since
from ...core.content.translations import State
from ...http.current import current_edition
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
