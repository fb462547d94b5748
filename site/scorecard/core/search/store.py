"""The index on disk: built from the library, swapped in atomically, kept fresh.

Layout under instance/search/:
    current -> ix-<fingerprint>   symlink to the index in use
    ix-<fingerprint>/             a complete index, with the fingerprint it was built from,
                                  the engine that built it and its records
    lock                          held while building, so concurrent start-ups build once
"""

import fcntl
import os
import pickle
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..content import Library
from .documents import Record, fingerprint, indexed_documents
from .engines import Engine

FINGERPRINT_FILE = "FINGERPRINT"
ENGINE_FILE = "ENGINE"
RECORDS_FILE = "records.pickle"


def read_fingerprint(folder: Path) -> str | None:
    try:
        return (folder / FINGERPRINT_FILE).read_text().strip()
    except OSError:
        return None


def read_records(folder: Path) -> dict[int, Record]:
    """Each indexed version's record, by the ordinal the engine answers with."""
    with open(folder / RECORDS_FILE, "rb") as file:
        return pickle.load(file)


def _write_records(folder: Path, records: dict[int, Record]) -> None:
    with open(folder / RECORDS_FILE, "wb") as file:
        pickle.dump(records, file, protocol=pickle.HIGHEST_PROTOCOL)


@contextmanager
def _build_lock(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@dataclass(frozen=True)
class IndexUpdate:
    folder: Path
    built: bool  # False: the current index already matched the content
    changed: int  # documents written or deleted


def ensure_index(root: Path, library: Library, engine: Engine, force: bool = False) -> IndexUpdate:
    """Make root/current an index of `library`, by `engine`.

    Reuses the current index when its fingerprint matches. Otherwise, under a lock,
    copies it and re-indexes what changed (or builds from scratch), then swaps the
    `current` link in one rename, so a reader never sees a half-built index.
    """
    documents = indexed_documents(library)
    wanted = fingerprint(documents, engine.version)
    current = root / "current"
    if not force and read_fingerprint(current) == wanted:
        return IndexUpdate(current.resolve(), built=False, changed=0)
    with _build_lock(root):
        if not force and read_fingerprint(current) == wanted:
            # Another process built it while we waited for the lock.
            return IndexUpdate(current.resolve(), built=False, changed=0)
        building = root / f"building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        if not force and (records := _records_if_built_by(current, engine)):
            shutil.copytree(current.resolve(), building)
            indexed = {record.key: record.digest for record in records.values()}
            changed = [item for item in documents if indexed.get(item.key) != item.digest]
            removed = indexed.keys() - {item.key for item in documents}
            records = engine.update(building, records, changed, removed)
            touched = len(changed) + len(removed)
        else:
            building.mkdir()
            records = engine.write_all(building, documents)
            touched = len(documents)
        _write_records(building, records)
        (building / ENGINE_FILE).write_text(engine.version)
        (building / FINGERPRINT_FILE).write_text(wanted)
        target = root / f"ix-{wanted[:16]}"
        shutil.rmtree(target, ignore_errors=True)
        building.rename(target)
        link = root / f"current-{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(target.name)
        link.replace(current)
        for old in root.glob("ix-*"):
            if old != target:
                shutil.rmtree(old, ignore_errors=True)
        return IndexUpdate(target, built=True, changed=touched)


def _records_if_built_by(folder: Path, engine: Engine) -> dict[int, Record] | None:
    """The records of a complete index of this engine's version, to be updated; None for
    anything else (an unreadable index included), which is built again from scratch. Read
    once: with the snippet texts in them, 0.1 s at 10,000 documents."""
    try:
        if (folder / ENGINE_FILE).read_text() != engine.version:
            return None
        return read_records(folder) or None
    except (OSError, pickle.UnpicklingError, EOFError):
        return None
