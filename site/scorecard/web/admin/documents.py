"""Editing in the browser: the content list, a document's form in each language (with its
live preview and the original beside a translation), new documents, and each one's history.

Every save is a commit by the editor (core/saving.py), published at once.
"""

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ...core.content import Document, Library, check_written
from ...core.content.composing import compose, written_fields
from ...core.content.history import body_sections, section_changes
from ...core.content.loader import FILENAME
from ...core.content.parsing import split_front_matter
from ...core.content.scaffold import ScaffoldError, new_files
from ...core.images import FOLDER as IMAGE_FOLDER
from ...core.images import ImageError, prepare
from ...core.kinds import FOLDER_OF_KIND, LISTED
from ...core.languages import LANGUAGES
from ...core.repository import RepositoryError
from ...core.saving import add_files, current_text, repository, save, text_version
from ...http.bodies import accepts_up_to
from ...http.current import current_edition
from ..render import render_page
from .document_form import ZONES, fields_from_form, form_values
from .views import bp

STATUSES = ("draft", "scheduled", "published")
# Why git could not save (core/repository.py), as the editor reads it: nothing was saved,
# their text is still in the form, and whom to tell.
SAVE_REFUSALS = {
    "no_git": _l("Git could not be run on the server. Please tell a developer."),
    "busy": _l("Another change was being saved at the same moment. Please save again."),
    "refused": _l(
        "Git refused the change. Please tell a developer: the server's log has git's message."
    ),
    "no_repository": _l(
        "The content is not in a git repository, so changes cannot be saved. Please tell a "
        "developer (docs/deploying.md, “Where the content's repository lives”)."
    ),
}
SCAFFOLD_REFUSALS = {
    "bad_slug": _l(
        "“%(slug)s” cannot be a slug: use lower-case letters a–z, digits and single hyphens, "
        "e.g. coal-worker-retraining."
    ),
    "slug_taken": _l("The slug “%(slug)s” is already used by another document: choose another."),
}


IMAGE_REFUSALS = {
    "missing": _l("Choose an image file first."),
    "alt": _l(
        "Describe the image in both languages, for readers who cannot see it (and for "
        "search engines)."
    ),
    "format": _l("Only JPEG, PNG and WebP images can be uploaded."),
    "not_an_image": _l(
        "This file is not a JPEG, PNG or WebP image, whatever its name says, or it is damaged."
    ),
    "pixels": _l("This image has too many pixels: make it smaller first."),
    "bytes": _l("This file is larger than %(num)s MB: make it smaller first."),
}
ALT_LENGTH = 300


def refusal(error: RepositoryError) -> str:
    """What the editor reads when git could not save; the log keeps git's own words."""
    current_app.logger.warning("content not saved: %s", error)
    return str(SAVE_REFUSALS[error.reason])


def _path(kind: str, slug: str, lang: str) -> Path:
    """The file of a document in a language; 404 for anything that could not be one (a kind
    we do not have, a slug with a path or a lookalike in it, another language)."""
    if (
        kind not in FOLDER_OF_KIND
        or lang not in LANGUAGES
        or not FILENAME.match(f"{slug}.{lang}.md")
    ):
        abort(404)
    return Path(current_app.config["CONTENT_DIR"]) / FOLDER_OF_KIND[kind] / f"{slug}.{lang}.md"


def in_text_box(problems, written: str) -> list[dict[str, Any]]:
    """The check's messages with their lines counted in the text box, as the editor sees
    it: the check counts lines in the file, whose front matter the form writes."""
    first = split_front_matter(written).body_line
    return [
        {
            "severity": problem.severity,
            "field": problem.field,
            "message": problem.message,
            "line": problem.line - first + 1 if problem.line and problem.line >= first else None,
        }
        for problem in sorted(problems, key=lambda problem: problem.severity)
    ]


def _library() -> Library:
    return current_edition().library


def _source(kind: str, slug: str, lang: str) -> Document | None:
    """The original a translation follows (None when `lang` is the original)."""
    status = current_edition().status_of(kind, slug)
    if status is None or status.source.lang == lang:
        return None
    return status.source


@bp.get("/documents")
@login_required
def documents():
    """Every document, its status and languages, and who changed it last."""
    edition = current_edition()
    wanted = {name: request.args.get(name, "") for name in ("kind", "status", "state")}
    unsaved = None
    try:
        last = repository(current_app).last_changes(Path(current_app.config["CONTENT_DIR"]))
    except RepositoryError as error:
        last, unsaved = {}, refusal(error)
    rows = []
    for status in edition.statuses.values():
        versions = status.versions
        statuses = {v.doc.meta.status for v in versions if v.doc}
        states = {v.state.value for v in versions}
        if wanted["kind"] and status.kind != wanted["kind"]:
            continue
        if wanted["status"] and wanted["status"] not in statuses:
            continue
        if wanted["state"] and wanted["state"] not in states:
            continue
        changes = [last[p] for v in versions if v.doc and (p := v.doc.path.resolve()) in last]
        rows.append((status, max(changes, key=lambda r: r.date) if changes else None))
    return render_template(
        "admin/documents.html",
        rows=rows,
        wanted=wanted,
        kinds=LISTED,
        statuses=STATUSES,
        unsaved=unsaved,
    )


# What the form does not edit, kept as the file has it: a translation's version, and a
# recommendation's timeline (edited in its file, each event with its evidence).
FILE_ONLY = ("translated_from", "timeline")


def _file_only(existing: str | None) -> dict[str, Any]:
    written = written_fields(existing)[0] if existing else {}
    return {name: written[name] for name in FILE_ONLY if name in written}


def _start_from(kind: str, slug: str, lang: str) -> tuple[dict[str, Any], str]:
    """A new translation's form: what does not change with the language, from its original."""
    source = _source(kind, slug, lang)
    if source is None:
        return {"status": "draft", "date": dt.date.today()}, ""
    fields, _ = written_fields(source.source)
    kept = ("date", "updated", "topics", "ministries", "metrics", "document_numbers", "period")
    return {name: fields[name] for name in kept if name in fields} | {"status": "draft"}, ""


def _page(kind, slug, lang, fields, body, base, theirs=None, error=None, uploaded=None, status=200):
    """The form, with the check's messages and the preview of what saving would write;
    `uploaded`, after an image upload: its Markdown for each language."""
    library = _library()
    source = _source(kind, slug, lang)
    existing = current_text(_path(kind, slug, lang))
    translated_from = _file_only(existing).get("translated_from")
    written = compose(fields, body)
    doc, problems = check_written(current_app, library, _path(kind, slug, lang), written)
    context = {
        "doc": doc,
        "kind": kind,
        "slug": slug,
        "doc_lang": lang,  # "lang" is the interface's language, which the editor chose
        "values": form_values(fields, library, lang),
        "body": body,
        "base": base,
        "problems": in_text_box(problems, written),
        "theirs": theirs,
        "difference": _difference(theirs, written) if theirs is not None else None,
        "error": error,
        "zones": ZONES,
        "statuses": STATUSES,
        "source": source,
        "source_sections": body_sections(source.source) if source else {},
        "source_changes": section_changes(source, translated_from) if source else None,
        "outdated": bool(source and translated_from != source.version),
        "message": request.form.get("message", ""),
        "uploaded": uploaded,
        "alts": {}
        if uploaded
        else {other: request.form.get(f"alt-{other}", "") for other in LANGUAGES},
    }
    return render_page("admin/document_edit.html", **context), status


def _difference(theirs: str | None, mine: str) -> list[tuple[str, str]]:
    marks = {"+": "added", "-": "removed"}
    lines = difflib.unified_diff((theirs or "").splitlines(), mine.splitlines(), lineterm="", n=2)
    return [(marks.get(line[:1], ""), line) for line in list(lines)[2:]]


@bp.route("/documents/<kind>/<slug>/<lang>", methods=["GET", "POST"])
@login_required
@accepts_up_to("DOCUMENT_FORM_MAX_BYTES")
def edit_document(kind: str, slug: str, lang: str):
    path = _path(kind, slug, lang)
    if request.method == "GET":
        text = current_text(path)
        if text is None:
            if not any(current_text(_path(kind, slug, other)) for other in LANGUAGES):
                abort(404)
            fields, body = _start_from(kind, slug, lang)
            return _page(kind, slug, lang, fields, body, "")
        fields, body = written_fields(text)
        return _page(kind, slug, lang, fields, body, text_version(text))
    existing = current_text(path)
    kept = _file_only(existing)
    source = _source(kind, slug, lang)
    if source and request.form.get("mark_translated"):
        kept["translated_from"] = source.version
    fields = fields_from_form(request.form, kind, kept)
    body = request.form.get("body", "")
    base = request.form.get("base", "")
    message = request.form.get("message", "").strip() or gettext(
        "Update %(slug)s (%(lang)s)", slug=slug, lang=lang
    )
    outcome = save(
        current_app,
        _library(),
        {path: compose(fields, body)},
        {path: base},
        current_user.name,
        message,
    )
    if outcome.saved:
        flash(
            gettext("Saved and published.")
            if fields["status"] == "published"
            else gettext("Saved.")
        )
        return redirect(url_for("admin.edit_document", kind=kind, slug=slug, lang=lang), code=303)
    if outcome.theirs:
        theirs = outcome.theirs[path]
        return _page(
            kind,
            slug,
            lang,
            fields,
            body,
            text_version(theirs),
            theirs,
            status=409,
        )
    if outcome.error:
        return _page(kind, slug, lang, fields, body, base, error=refusal(outcome.error), status=503)
    return _page(kind, slug, lang, fields, body, base, status=422)


@bp.post("/documents/<kind>/<slug>/<lang>/preview")
@login_required
@accepts_up_to("DOCUMENT_FORM_MAX_BYTES")
def preview_document(kind: str, slug: str, lang: str):
    """The document as the site would show it, and the check's messages: for the preview
    beside the form, as the editor types (htmx), or on its own page without JavaScript."""
    path = _path(kind, slug, lang)
    existing = current_text(path)
    fields = fields_from_form(request.form, kind, _file_only(existing))
    body = request.form.get("body", "")
    written = compose(fields, body)
    doc, problems = check_written(current_app, _library(), path, written)
    return render_page(
        "admin/preview.html",
        parts={"preview": "admin/preview_fragment.html"},
        doc=doc,
        problems=in_text_box(problems, written),
    )


@bp.route("/documents/new/<kind>", methods=["GET", "POST"])
@login_required
def new_document(kind: str):
    """A new document: its slug, then both language files as drafts, one commit."""
    if kind not in LISTED:
        abort(404)
    slug = request.form.get("slug", "").strip()
    error = None
    if request.method == "POST":
        content_dir = Path(current_app.config["CONTENT_DIR"])
        try:
            files = new_files(content_dir, kind, slug, dt.date.today())
        except ScaffoldError as refused:
            error = str(SCAFFOLD_REFUSALS[refused.reason] % {"slug": slug})
        else:
            message = gettext("New %(kind)s %(slug)s", kind=kind, slug=slug)
            outcome = save(
                current_app,
                _library(),
                files,
                dict.fromkeys(files, ""),
                current_user.name,
                message,
                action="document_created",
            )
            if outcome.saved:
                return redirect(
                    url_for("admin.edit_document", kind=kind, slug=slug, lang=LANGUAGES[0]),
                    code=303,
                )
            error = refusal(outcome.error) if outcome.error else None
    status = 422 if error else 200
    return render_template("admin/document_new.html", kind=kind, slug=slug, error=error), status


@bp.get("/documents/<kind>/<slug>/history")
@login_required
def document_history(kind: str, slug: str):
    """Who changed the document when, and what changed between any two versions."""
    paths = [_path(kind, slug, lang) for lang in LANGUAGES]
    if not any(path.exists() for path in paths):
        abort(404)
    try:
        revisions = repository(current_app).history(paths)
    except RepositoryError as error:
        return render_template(
            "admin/document_history.html", kind=kind, slug=slug, error=refusal(error)
        )
    older = request.args.get("from", "")
    newer = request.args.get("to", "")
    known = {revision.commit for revision in revisions}
    diffs = {}
    if older in known and newer in known:
        git = repository(current_app)
        for lang, path in zip(LANGUAGES, paths, strict=True):
            diffs[lang] = _difference(git.text_at(older, path), git.text_at(newer, path) or "")
    return render_template(
        "admin/document_history.html",
        kind=kind,
        slug=slug,
        revisions=revisions,
        diffs=diffs,
        older=older,
        newer=newer,
    )


@bp.post("/documents/<kind>/<slug>/restore/<commit>")
@login_required
def restore_document(kind: str, slug: str, commit: str):
    """Both language files as they were in `commit`, saved as a new commit."""
    paths = [_path(kind, slug, lang) for lang in LANGUAGES]
    try:
        git = repository(current_app)
        known = {revision.commit for revision in git.history(paths)}
    except RepositoryError as error:
        flash(refusal(error))
        return redirect(url_for("admin.document_history", kind=kind, slug=slug), code=303)
    if commit not in known:
        abort(404)
    changes = {path: text for path in paths if (text := git.text_at(commit, path)) is not None}
    bases = {path: text_version(current_text(path)) for path in changes}
    message = gettext(
        "Restore %(slug)s to the version of %(commit)s", slug=slug, commit=commit[:10]
    )
    outcome = save(
        current_app, _library(), changes, bases, current_user.name, message, "document_restored"
    )
    if outcome.saved:
        flash(gettext("Restored: the old version is now the current one."))
    else:
        flash(
            refusal(outcome.error)
            if outcome.error
            else gettext(
                "This version could not be restored: %(problems)s",
                problems="; ".join(str(p) for p in outcome.problems),
            )
        )
    return redirect(url_for("admin.document_history", kind=kind, slug=slug), code=303)


def _alt(text: str) -> str:
    """A description as Markdown's alt text: one line, brackets escaped."""
    one_line = " ".join(text.split())[:ALT_LENGTH]
    return one_line.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _inserted(body: str, snippet: str, cursor: str) -> str:
    """`snippet` as a paragraph of its own where the editor's cursor was (else at the end).

    The browser counts the cursor in the text as its script sees it: lines end in \\n (the
    form sends \\r\\n) and a character beyond the Basic Multilingual Plane (an emoji, a rare
    CJK ideograph) counts twice."""
    body = body.replace("\r\n", "\n")
    units = int(cursor) if cursor.isdigit() and len(cursor) < 9 else len(body) * 2
    at, counted = 0, 0
    while at < len(body) and counted < units:
        counted += 2 if ord(body[at]) > 0xFFFF else 1
        at += 1
    before, after = body[:at].rstrip("\n"), body[at:].lstrip("\n")
    return "\n\n".join(part for part in (before, snippet, after) if part)


@bp.post("/documents/<kind>/<slug>/<lang>/images")
@login_required
@accepts_up_to("IMAGE_UPLOAD_MAX_BYTES")
def upload_image(kind: str, slug: str, lang: str):
    """An image from the editor's computer or phone: checked, resized, stripped of its
    metadata and committed; its Markdown goes into the text where the cursor was. Nothing
    of the document is saved yet, and nothing the editor typed is lost."""
    path = _path(kind, slug, lang)
    existing = current_text(path)
    fields = fields_from_form(request.form, kind, _file_only(existing))
    body = request.form.get("body", "")
    base = request.form.get("base", "")
    alts = {other: _alt(request.form.get(f"alt-{other}", "")) for other in LANGUAGES}
    upload = request.files.get("image")
    reason = None
    if not upload or not upload.filename:
        reason = "missing"
    elif not all(alts.values()):
        reason = "alt"
    else:
        most = current_app.config["IMAGE_MAX_BYTES"]
        data = upload.stream.read(most + 1)
        try:
            if len(data) > most:
                raise ImageError("bytes", f"larger than {most} bytes")
            prepared = prepare(data, slug)
        except ImageError as refused:
            reason = refused.reason
    if reason:
        error = str(IMAGE_REFUSALS[reason]) % {"num": current_app.config["IMAGE_MAX_BYTES"] >> 20}
        return _page(kind, slug, lang, fields, body, base, error=error, status=422)
    folder = Path(current_app.config["CONTENT_DIR"]) / IMAGE_FOLDER
    outcome = add_files(
        current_app,
        {folder / name: data for name, data in prepared.files.items()},
        current_user.name,
        gettext("Image for %(slug)s: %(alt)s", slug=slug, alt=alts[lang]),
        "image_uploaded",
    )
    if outcome.error:
        return _page(kind, slug, lang, fields, body, base, error=refusal(outcome.error), status=503)
    snippets = {other: prepared.markdown(alt) for other, alt in alts.items()}
    body = _inserted(body, snippets[lang], request.form.get("cursor", ""))
    return _page(kind, slug, lang, fields, body, base, uploaded=snippets)
