"""Reading YAML as editors write it, and saying what is wrong in words an editor knows.

- Dates stay text when the YAML is read: the schema turns them into dates, so that an
  impossible one (`2026-11-31`) is a message about that field, not a crash of the parser.
- A parser's error becomes one line: where it is, what it is, and what to write instead
  (a tab, a colon in an unquoted value, a quote or a bracket left open).
- A list of entries (ministries.yaml and the others) that does not parse is read again
  entry by entry, so one bad entry loses that entry, not the file.
"""

import re
from dataclasses import dataclass
from typing import Any

import yaml

FENCE = "---"
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class TextLoader(yaml.SafeLoader):
    """PyYAML's safe loader, without turning dates into date objects. Pure Python: its
    errors are the ones yaml_problem knows how to word."""


class FastTextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, parsed by libyaml where PyYAML has it: about eight times faster, which a
    cold start reading every file feels."""


for _loader in (TextLoader, FastTextLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


class ContentError(Exception):
    """One problem found while reading a file: the field it concerns, and where."""

    def __init__(self, field: str, message: str, line: int | None = None):
        super().__init__(message)
        self.field = field
        self.message = message
        self.line = line


def load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=FastTextLoader)
    except yaml.YAMLError:
        # Read again by the Python parser, for the error an editor's message is made from.
        return yaml.load(text, Loader=TextLoader)


# A value opened with a quote that the line does not close.
UNCLOSED_QUOTE = re.compile(r"""^\s*(?:-\s+)?[\w-]+\s*:\s*(["'])(?:(?!\1).)*$""")
# `key: value: more` outside quotes, brackets and comments.
COLON_IN_VALUE = re.compile(r"""^\s*(?:-\s+)?[\w-]+\s*:\s+[^"'\[{#\s][^#]*:\s""")


def _first_line(lines: list[str], pattern: re.Pattern) -> int | None:
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), None)


def yaml_problem(error: yaml.YAMLError, text: str, first_line: int = 1) -> tuple[str, int | None]:
    """An editor's message for a parser's error, and the file's line it names.

    `first_line` is the file's line where `text` begins (front matter starts on line 2)."""
    lines = text.splitlines()
    offset = first_line - 1
    tab = next((n for n, line in enumerate(lines, 1) if "\t" in line), None)
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    at = mark.line + 1 if mark else None
    if tab and "\\t" in problem:
        return "a tab character: indent with spaces, never tabs", tab + offset
    if (quote := _first_line(lines, UNCLOSED_QUOTE)) and (at is None or quote <= at):
        return (
            "a quote is opened and not closed on this line: close it at the end of the "
            'value, e.g. title: "Coal workers: retraining"',
            quote + offset,
        )
    if "mapping values are not allowed" in problem:
        line = _first_line(lines, COLON_IN_VALUE) or at
        return (
            "a colon followed by a space inside a value: put the whole value in quotes, "
            'e.g. title: "Coal workers: retraining"',
            (line + offset) if line else None,
        )
    if "expected ',' or ']'" in problem:
        opened = getattr(error, "context_mark", None)
        line = opened.line + 1 if opened else at
        return (
            "a list opened with [ is not closed: end it with ], e.g. topics: [employment, skills]",
            (line + offset) if line else None,
        )
    if "expected <block end>" in problem or "expected <block mapping start>" in problem:
        return (
            "this line is indented differently from the lines around it: indent each "
            "field of an entry by the same number of spaces (two)",
            (at + offset) if at else None,
        )
    if "expected ',' or '}'" in problem:
        opened = getattr(error, "context_mark", None)
        line = opened.line + 1 if opened else at
        return (
            "an entry opened with { is not closed: end it with }, e.g. {id: mohrss, role: lead}",
            (line + offset) if line else None,
        )
    message = f"broken YAML: {problem}"
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark:
        message += f" ({context} at line {context_mark.line + 1 + offset})"
    message += "; check the indentation and the quotes of this line and the one above"
    return message, (at + offset) if at else None


@dataclass(frozen=True)
class FrontMatterText:
    yaml: str  # the text between the fences
    body: str
    body_line: int  # the file's line where the body begins


def split_front_matter(text: str) -> FrontMatterText:
    """The front matter's YAML and the body; a file must start with a '---' line."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(
            "front matter",
            "the file must start with a line '---', then the front matter (title: ...), "
            "then another '---' line",
            1,
        )
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == FENCE), None)
    if closing is None:
        raise ContentError(
            "front matter",
            "the front matter is not closed: add a line '---' after its last field",
            1,
        )
    return FrontMatterText("".join(lines[1:closing]), "".join(lines[closing + 1 :]), closing + 2)


ENTRY_ID = re.compile(r"^-?\s*id:\s*['\"]?(?P<id>[\w-]+)", re.MULTILINE)


def entry_id(chunk: str) -> str | None:
    """The id an entry's text gives, even when the entry does not parse."""
    match = ENTRY_ID.search(chunk)
    return match["id"] if match else None


def list_entries(text: str) -> list[tuple[int, str]]:
    """A YAML list's top-level entries, each with the line it starts on: read one by one
    when the whole list does not parse. Comments and blank lines before the first entry
    are left out."""
    entries: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if line.startswith("-") and (len(line) == 1 or line[1] in " \t\r\n"):
            entries.append((number, [line]))
        elif entries:
            entries[-1][1].append(line)
    return [(start, "".join(chunk)) for start, chunk in entries]
