"""A source file's text as it was when a translation was made, from git.

Only editors' tools (the CLI and the admin page) use this, never a reader's page, and
git is optional: without git or without history, an outdated translation is reported
with no diff.
"""

import difflib
import re
import subprocess
from pathlib import Path

from .library import Document, source_version
from .markdown import heading_id
from .parsing import ContentError, split_front_matter

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


SECTION_HEADING = re.compile(r"^##\s+(?P<title>.*?)(?:\s*\{#(?P<id>[^}\s]+)\})?\s*$")
INTRODUCTION = "introduction"


def body_sections(text: str) -> dict[str, str]:
    """A file's body cut at each ## heading, keyed by the heading's id (as the site gives
    it), in order; what comes before the first heading is the introduction."""
    try:
        body = split_front_matter(text).body
    except ContentError:
        body = text
    sections: dict[str, list[str]] = {INTRODUCTION: []}
    current = INTRODUCTION
    for line in body.splitlines():
        if match := SECTION_HEADING.match(line):
            current = match["id"] or heading_id(match["title"])
            sections.setdefault(current, [])
        sections[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in sections.items() if lines}


def section_changes(source: Document, version: str | None) -> dict[str, list[str]] | None:
    """The source's changes since `version`, section by section (unified-diff lines for each
    section that changed); None when that version is not in the git history."""
    old = text_at_version(source.path, version) if version else None
    if old is None:
        return None
    before, after = body_sections(old), body_sections(source.source)
    changes = {}
    for key in [*after, *(k for k in before if k not in after)]:
        if before.get(key, "") != after.get(key, ""):
            changes[key] = list(
                difflib.unified_diff(
                    before.get(key, "").splitlines(),
                    after.get(key, "").splitlines(),
                    lineterm="",
                    n=1,
                )
            )[2:]
    return changes
