"""The content's git repository: every change made in the browser is a commit by its editor.

The repository is the one that holds content/ (by default the project's own checkout;
CONTENT_REPOSITORY names another, for a deployment where content/ is a repository of its
own that several servers pull). A save writes its files and commits exactly those, under
a lock, so that two saves never mix; when git refuses, the files are put back as they were,
so the repository is never left half-committed.
"""

import fcntl
import os
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 20
# The addresses git records for editors, who sign in with a name only (RFC 2606: .invalid
# is never a real domain).
EMAIL_DOMAIN = "editors.invalid"
SEPARATOR = "\x1f"


class RepositoryError(Exception):
    """Why a change could not be saved. `reason` names the case (the web layer words it
    in the editor's language); the message, with git's own words, is for the command line
    and the logs."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Revision:
    commit: str
    author: str
    date: str  # ISO 8601, as git gives it
    message: str

    @property
    def short(self) -> str:
        return self.commit[:10]


@dataclass(frozen=True)
class Repository:
    root: Path
    lock_file: Path

    def _git(self, *args: str, check: bool = True) -> str:
        try:
            done = subprocess.run(
                ["git", *args],
                cwd=self.root,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=TIMEOUT_SECONDS,
                check=False,
                env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise RepositoryError("no_git", f"git could not be run: {error}") from error
        if check and done.returncode != 0:
            said = (done.stderr or done.stdout).strip().splitlines()
            detail = said[-1] if said else f"exit status {done.returncode}"
            if "index.lock" in done.stderr:
                raise RepositoryError(
                    "busy", "another change is being saved right now: please save again"
                )
            raise RepositoryError("refused", f"git refused the change: {detail}")
        return done.stdout

    def relative(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root).as_posix()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One save at a time, across the processes of this machine."""
        self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_file, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def save(self, changes: Mapping[Path, str | bytes | None], author: str, message: str) -> str:
        """Write each file (text, bytes, or None to delete it) and commit exactly these, as
        `author`.
        Returns the commit. If the commit fails, every file is put back as it was."""
        with self.locked():
            before = {path: path.read_bytes() if path.exists() else None for path in changes}
            try:
                for path, text in changes.items():
                    if text is None:
                        path.unlink(missing_ok=True)
                    else:
                        _write_atomically(path, text)
                names = [self.relative(path) for path in changes]
                self._git("add", "--all", "--", *names)
                if self._staged_nothing(names):  # the same text again: nothing to commit
                    return self._git("rev-parse", "HEAD").strip()
                email = f"{_address(author)}@{EMAIL_DOMAIN}"
                self._git(
                    "-c",
                    f"user.name={author}",
                    "-c",
                    f"user.email={email}",
                    "commit",
                    "--quiet",
                    f"--author={author} <{email}>",
                    "--message",
                    message,
                    "--",
                    *names,
                )
            except Exception:
                for path, data in before.items():
                    if data is None:
                        path.unlink(missing_ok=True)
                    else:
                        path.write_bytes(data)
                self._git(
                    "reset", "--quiet", "--", *[self.relative(p) for p in before], check=False
                )
                raise
            return self._git("rev-parse", "HEAD").strip()

    def _staged_nothing(self, names: list[str]) -> bool:
        done = subprocess.run(
            ["git", "diff", "--cached", "--quiet", "--", *names],
            cwd=self.root,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        return done.returncode == 0

    def history(self, paths: Sequence[Path], limit: int = 100) -> list[Revision]:
        """The commits that changed these files, newest first."""
        names = [self.relative(path) for path in paths]
        fields = SEPARATOR.join(["%H", "%an", "%aI", "%s"])
        out = self._git("log", f"-{limit}", f"--format={fields}", "--", *names, check=False)
        return [Revision(*line.split(SEPARATOR, 3)) for line in out.split("\n") if line]

    def last_changes(self, folder: Path, limit: int = 2000) -> dict[Path, Revision]:
        """Each file under `folder` with the last commit that changed it (among the newest
        `limit` commits)."""
        fields = SEPARATOR.join(["%H", "%an", "%aI", "%s"])
        out = self._git(
            "log",
            f"-{limit}",
            f"--format=\x1e{fields}",
            "--name-only",
            "--",
            self.relative(folder),
            check=False,
        )
        found: dict[Path, Revision] = {}
        revision = None
        # split("\n"), not splitlines(): the latter also splits at the record separator.
        for line in out.split("\n"):
            if line.startswith("\x1e"):
                revision = Revision(*line[1:].split(SEPARATOR, 3))
            elif line and revision:
                found.setdefault(self.root / line, revision)
        return found

    def text_at(self, commit: str, path: Path) -> str | None:
        """The file as it was in `commit`; None if it did not exist then."""
        if not commit.isalnum():
            return None
        try:
            return self._git("show", f"{commit}:{self.relative(path)}")
        except RepositoryError:
            return None


def _address(author: str) -> str:
    return "".join(char if char.isalnum() or char in "-_." else "-" for char in author) or "editor"


def _write_atomically(path: Path, content: str | bytes) -> None:
    """The new text (UTF-8) or bytes, or the old: never half a file for the site to read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as file:
        file.write(data)
    os.chmod(file.name, 0o644)  # as any file git checks out; a temporary file is private
    os.replace(file.name, path)


def find_repository(content_dir: Path, configured: str | None, lock_file: Path) -> Repository:
    """The repository that holds the content: the configured one, else the one content/ is in."""
    if configured:
        root = Path(configured)
    else:
        try:
            done = subprocess.run(
                ["git", "rev-parse", "--show-toplevel"],
                cwd=content_dir,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise RepositoryError("no_git", f"git could not be run: {error}") from error
        if done.returncode != 0:
            raise RepositoryError(
                "no_repository",
                "content/ is not in a git repository, so changes cannot be saved: ask a "
                "developer to run `git init` there (or to set SCORECARD_CONTENT_REPOSITORY)",
            )
        root = Path(done.stdout.strip())
    root = root.resolve()
    if not (root / ".git").exists():
        raise RepositoryError(
            "no_repository", f"{root} is not a git repository, so changes cannot be saved"
        )
    return Repository(root, lock_file)
