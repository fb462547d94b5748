"""A source file's text as it was when a translation was made, from git.

Only editors' tools (the CLI and the admin page) use this, never a reader's page, and
git is optional: without git or without history, an outdated translation is reported
with no diff.
"""

import difflib
import subprocess
from pathlib import Path

from .library import Document, source_version

# How far back to look for the version a translation was made from.
MAX_COMMITS = 200
TIMEOUT_SECONDS = 10


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def text_at_version(path: Path, version: str) -> str | None:
    """The committed text of `path` whose version is `version`, or None if git has none."""
    commits = _git(path.parent, "log", f"-{MAX_COMMITS}", "--format=%H", "--", path.name)
    for commit in (commits or "").split():
        text = _git(path.parent, "show", f"{commit}:./{path.name}")
        if text is not None and source_version(text) == version:
            return text
    return None


def changes_since(source: Document, version: str | None) -> list[str] | None:
    """The source's changes since `version` as unified-diff lines; None when unknown."""
    old = text_at_version(source.path, version) if version else None
    if old is None:
        return None
    name = source.path.name
    return list(
        difflib.unified_diff(
            old.splitlines(),
            source.source.splitlines(),
            fromfile=f"{name} ({version})",
            tofile=f"{name} ({source.version})",
            lineterm="",
        )
    )
