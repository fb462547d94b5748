"""Saving an editor's change from the browser: checked, committed, published.

A save is refused, with the check's messages and nothing written, when it would publish a
document with an error (a draft may be saved with problems, to finish later). It is
refused too when the file changed since the editor opened it (another editor saved, or a
`git pull` brought a change): the editor sees both versions and chooses, so that nothing
is overwritten silently. Otherwise the files are written and committed together, as the
editor, and the site publishes the new edition at once.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask

from .audit import record
from .content import Library, Problem, check_written
from .content.composing import written_fields
from .database import writing
from .publisher import publisher
from .repository import Repository, RepositoryError, find_repository


def text_version(text: str | None) -> str:
    """What a save compares to tell whether a file changed since it was opened ("" for a
    file that does not exist yet)."""
    if text is None:
        return ""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:16]


def current_text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        return path.read_bytes().decode("utf-8", "replace")


@dataclass
class Outcome:
    """What became of a save: the commit, or why not (problems, a conflict, git)."""

    commit: str | None = None
    problems: list[Problem] = field(default_factory=list)
    # The file as it is now, when it changed since the editor opened it.
    theirs: dict[Path, str | None] = field(default_factory=dict)
    error: RepositoryError | None = None

    @property
    def saved(self) -> bool:
        return self.commit is not None


def repository(app: Flask) -> Repository:
    return find_repository(
        Path(app.config["CONTENT_DIR"]),
        app.config["CONTENT_REPOSITORY"],
        Path(app.instance_path) / "repository.lock",
    )


def save(
    app: Flask,
    library: Library,
    changes: Mapping[Path, str],
    bases: Mapping[Path, str],
    author: str,
    message: str,
    action: str = "document_saved",
) -> Outcome:
    """Check, then commit `changes` (path -> new text) as `author`, unless a file's current
    version is no longer `bases[path]`; then publish, and record `action` in the audit log."""
    problems: list[Problem] = []
    refused = False
    for path, text in changes.items():
        _, found = check_written(app, library, path, text)
        problems += found
        # A draft is saved with its problems, to be finished later; a document about to be
        # published (or scheduled) is not, while it has an error.
        status = written_fields(text)[0].get("status")
        if status != "draft" and any(p.severity == "error" for p in found):
            refused = True
    if refused:
        return Outcome(problems=problems)
    theirs = {
        path: now
        for path in changes
        if text_version(now := current_text(path)) != bases.get(path, "")
    }
    if theirs:
        return Outcome(problems=problems, theirs=theirs)
    try:
        commit = repository(app).save(dict(changes), author, message)
    except RepositoryError as error:
        return Outcome(problems=problems, error=error)
    publisher().check_for_changes()  # these files, and what else changed since the last look
    files = ", ".join(f"{path.parent.name}/{path.name}" for path in changes)
    with writing():
        record(author, action, f"{files} @ {commit[:12]}")
    return Outcome(commit=commit, problems=problems)


def add_files(
    app: Flask, files: Mapping[Path, bytes], author: str, message: str, action: str
) -> Outcome:
    """Commit new files that no document check reads (uploaded images) as `author`. Their
    names come from their content, so a file already there holds the same bytes."""
    try:
        commit = repository(app).save(dict(files), author, message)
    except RepositoryError as error:
        return Outcome(error=error)
    with writing():
        record(author, action, f"{', '.join(path.name for path in files)} @ {commit[:12]}")
    return Outcome(commit=commit)
