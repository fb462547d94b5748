"""The README and docs/ stay true: what they name exists, and what exists is named there."""

import re
from pathlib import Path

import pytest

from scorecard.config import PROJECT_ROOT, Config

DOCUMENTS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
PACKAGE = PROJECT_ROOT / "site" / "scorecard"
# Where a path a document names may be relative to: the checkout, the package and its
# layers (docs/architecture.md names modules within their layer), the templates.
BASES = [
    PROJECT_ROOT,
    PACKAGE,
    *(PACKAGE / layer for layer in ("core", "http", "web", "cli")),
    PROJECT_ROOT / "templates",
]
# A path in backquotes: folders and a file, or a folder ending in a slash.
PATH = re.compile(r"`((?:\.?[\w.-]+/)+[\w.*-]*|[\w-]+\.(?:py|md|toml|txt|conf|yaml|json|cfg))`")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# Named but not part of a checkout: what the site, the tests and the tools write, the
# examples of an editor's new files and of backups, and nginx's own folders.
MADE_LATER = (
    "instance/",
    "build/",
    ".venv/",
    "backups/",
    "node_modules/",
    "content-snapshot",
    "sites-enabled/",
    "sites-available/",
    "content/images/",  # made by the first image an editor uploads
    ".git/",
)
EXAMPLES = ("coal-worker-retraining", "shanxi-mine-closures", "site.3f2a9c1b7e4d.css")
# Our own commands: flask-migrate's `db` group has more, documented by flask-migrate.
OWN_DB_COMMANDS = ("upgrade", "backup", "restore")


def named_paths(document: Path) -> list[str]:
    text = document.read_text(encoding="utf-8")
    found = PATH.findall(text)
    # Links to other documents; not to the web (https:) nor to the site's own pages (/en/...).
    found += [link for link in LINK.findall(text) if not re.match(r"[a-z]+:|/", link)]
    return [
        path
        for path in found
        if not path.startswith(MADE_LATER)
        and not any(example in path for example in EXAMPLES)
        and "<" not in path
    ]


def exists(path: str, document: Path) -> bool:
    bases = [document.parent, *BASES]
    if "*" in path:
        return any(any(base.glob(path)) for base in bases)
    return any((base / path).exists() for base in bases)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_path_a_document_names_exists(document):
    paths = named_paths(document)
    assert paths, "the pattern found no path at all: is it still right?"
    assert [path for path in paths if not exists(path, document)] == []


def test_the_path_check_would_see_a_stale_path(tmp_path):
    stale = tmp_path / "stale.md"
    stale.write_text("The old `site/scorecard/layout.py` and [a guide](docs/gone.md).\n")
    assert named_paths(stale) == ["site/scorecard/layout.py", "docs/gone.md"]
    assert not any(exists(path, stale) for path in named_paths(stale))


def test_every_command_is_in_the_readme(app):
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    commands = [
        f"flask {group} {name}"
        for group in ("content", "search", "comments", "editors")
        for name in app.cli.commands[group].commands
    ]
    commands += [f"flask db {name}" for name in OWN_DB_COMMANDS]
    assert len(commands) >= 10
    assert [command for command in commands if not re.search(rf"{command}\b", readme)] == []


def test_every_setting_and_variable_is_in_the_deploying_guide():
    guide = (PROJECT_ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    settings = [name for name in vars(Config) if name.isupper()]
    source = (PROJECT_ROOT / "site" / "scorecard" / "config.py").read_text(encoding="utf-8")
    variables = re.findall(r'(?:environ\.get|_path)\("([A-Z_]+)"', source)
    assert len(settings) > 20 and len(variables) > 10
    missing = [name for name in settings + variables if f"`{name}`" not in guide]
    assert missing == []
