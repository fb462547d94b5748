"""The library as last loaded, kept in the instance folder for the next start-up.

Reading and rendering every file takes about 20 s at 10,000 documents; loading the saved
library takes well under a second (see benchmarks/README.md, "Start-up"). A snapshot is
used only when its key still matches: the same content files, the same code and library
versions that render them, the same interface labels passed to the loader, and the same
FORMAT. Anything else (no snapshot, another key, a corrupt or unreadable file) means a
full load, which then writes a new snapshot.

The snapshot is a pickle. That is safe here because the app writes it itself, into its
own instance folder, which only the app's account can write to: loading it trusts no more
than importing the app's code does. Never point it at a file from elsewhere.
"""

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import fields
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .library import Library

# Bump when what is saved changes shape in a way the code hash would not catch.
FORMAT = "1"
FILENAME = "content-snapshot.pickle"
# The files the loader reads (the same as live reload watches).
WATCHED = (".md", ".yaml")
# What turns files into documents: this package, the languages it knows, and these libraries.
CODE = (
    *sorted(Path(__file__).parent.glob("*.py")),
    *(Path(__file__).parents[1] / name for name in ("kinds.py", "languages.py", "text.py")),
)
LIBRARIES = (
    "markdown",
    "pymdown-extensions",
    "pyyaml",
    "pydantic",
    "pydantic-core",
    "markupsafe",
)

log = logging.getLogger(__name__)

# The code's hash as this process imported it: during a deploy, a process still running
# the old code must not label its snapshot with the new files' hash (the new workers would
# then load objects of the old classes, lacking the new fields).
CODE_RUNNING = [(path.name, hashlib.sha256(path.read_bytes()).hexdigest()) for path in CODE]


def content_files(content_dir: Path) -> list[tuple[str, int, int]]:
    """Each content file's relative path, size and modification time (ns).

    Size and mtime rather than a hash of the bytes: at 10,000 files (40 MB) the stats
    take about 0.06 s, reading and hashing about 0.3 s with the files in the page cache
    (more after a reboot); and editors' saves, git checkouts and deploys all give a
    changed file a new mtime. (A copy that kept both sizes and mtimes while changing
    bytes would go unseen: delete the snapshot after such a copy.)
    """
    found = []

    def scan(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    # Not .git/ (content/ may be a repository of its own), nor any hidden folder.
                    if not entry.name.startswith("."):
                        scan(entry.path, f"{prefix}{entry.name}/")
                elif entry.name.endswith(WATCHED):
                    stat = entry.stat()
                    found.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))

    try:
        scan(str(content_dir), "")
    except FileNotFoundError:  # no content (yet): an empty site, not a failure
        return []
    return sorted(found)


def key(content_dir: Path, labels: object) -> str:
    """What the saved library depends on, hashed; computed before the files are read, so
    a file changed during a load makes the snapshot stale rather than wrong."""
    digest = hashlib.sha256()
    # Documents keep absolute paths; the pickle format follows Python's version.
    parts = [FORMAT, sys.version, str(Path(content_dir).resolve()), labels]
    parts += [(name, _version(name)) for name in LIBRARIES]
    parts += CODE_RUNNING
    digest.update(repr(parts).encode("utf-8"))
    digest.update(repr(content_files(Path(content_dir))).encode("utf-8"))
    return digest.hexdigest()


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        # Installed without metadata: its upgrades go unseen by the key, nothing else does.
        return None


def load(path: Path, wanted: str) -> Library | None:
    """The saved library if its key is `wanted`; None (and why, logged) otherwise."""
    try:
        with open(path, "rb") as file:
            # The key is pickled first, so a stale snapshot is not unpickled whole.
            saved = pickle.load(file)
            if saved != wanted:
                log.info("content snapshot not used: the content or the code changed")
                return None
            state = _unpickle(file)
        assert isinstance(state, dict)
        fields: dict[str, Any] = {
            name: MappingProxyType(value) if isinstance(value, dict) else value
            for name, value in state.items()
        }
        library = Library(**fields)
    except FileNotFoundError:
        log.info("content snapshot not used: there is none yet")
        return None
    except Exception as error:  # corrupt, truncated, unreadable: read the files instead
        log.info("content snapshot not used: %s: %s", type(error).__name__, error)
        return None
    log.info("content loaded from its snapshot (%d documents)", len(library.documents))
    return library


def _unpickle(file) -> Any:
    """pickle.load without the cyclic garbage collector, which would otherwise run again
    and again over the growing heap of new objects (1.1 to 1.6 s against 0.5 to 0.7 s
    at 10,000 documents): nothing unpickled is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(file)
    finally:
        if enabled:
            gc.enable()


def save(path: Path, key_: str, library: Library) -> None:
    """Write the snapshot atomically (a reader sees the old file or the new, never half),
    so concurrent start-ups are safe. Failing to write is logged, never fatal."""
    for doc in library.documents.values():  # computed now, so that they are saved
        doc.digest, doc.version, doc.file_version  # noqa: B018
    # MappingProxyType cannot be pickled: save plain dicts, wrap them again on load.
    state = {
        f.name: dict(value) if isinstance(value := getattr(library, f.name), Mapping) else value
        for f in fields(library)
    }
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as file:
            temporary = file.name
            pickle.dump(key_, file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(state, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception as error:  # a read-only instance folder, a full disk
        log.warning("content snapshot not saved: %s: %s", type(error).__name__, error)
        if temporary:
            Path(temporary).unlink(missing_ok=True)
