"""A document file written from what an editor filled in, in the browser.

The front matter comes out in one order, in the style docs/editing.md shows (lists of ids
in brackets, each ministry on a line of its own, sources as blocks), so that a file saved
from the browser reads like one written by hand, and a diff between two saves shows only
what changed.
"""

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml

from .parsing import ContentError, load_yaml, split_front_matter

FIELD_ORDER = (
    "title",
    "summary",
    "date",
    "updated",
    "kind",
    "status",
    "publish_at",
    "translated_from",
    "topics",
    "region",
    "period",
    "ministries",
    "metrics",
    "ask",
    "author",
    "written_by",
    "translated_by",
    "document_numbers",
    "sources",
    "timeline",
)
SOURCE_ORDER = ("title", "publisher", "year", "url", "accessed")


class _Inline(list):
    """A list written on one line: [employment, skills]."""


class _InlineMap(dict):
    """A mapping written on one line: {id: mohrss, role: lead}."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # A list under a key is indented, as editors write it: "ministries:\n  - {...}".
        return super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        # Quotes, where a value needs them, are double quotes, as docs/editing.md shows.
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


_Dumper.add_representer(
    _Inline, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, True)
)
_Dumper.add_representer(
    _InlineMap, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, True)
)


def _plain(value: Any) -> Any:
    """What YAML writes as it is: text, numbers and dates; anything else (an address) as text."""
    return value if isinstance(value, str | int | float | dt.date) else str(value)


def _present(value: Any) -> bool:
    return value not in (None, "", [], ())


def _as_written(value: Any) -> Any:
    """A value kept from the file, which reads dates as text (parsing.TextLoader), made
    what YAML writes plain again: 2026-11-28 and 2021 rather than "2026-11-28" and "2021"."""
    if isinstance(value, dict):
        return {key: _as_written(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_written(item) for item in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value):
        return int(value)
    return value


def _shaped(name: str, value: Any) -> Any:
    if name in ("topics", "metrics", "document_numbers"):
        return _Inline(value)
    if name == "ministries":
        return [_InlineMap(id=ref["id"], role=ref["role"]) for ref in value]
    if name == "sources":
        return [
            {key: _plain(source[key]) for key in SOURCE_ORDER if _present(source.get(key))}
            for source in value
        ]
    if name == "timeline":
        return _as_written(value)
    if name == "publish_at" and isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value


def compose(fields: Mapping[str, Any], body: str) -> str:
    """The file's text: the front matter's fields in FIELD_ORDER (empty ones left out), then
    the body, with its line endings made plain."""
    data = {name: _shaped(name, fields[name]) for name in FIELD_ORDER if _present(fields.get(name))}
    front_matter = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return f"---\n{front_matter}---\n{text}\n"


def written_fields(text: str) -> tuple[dict[str, Any], str]:
    """A file's front matter as written (every value as the editor typed it, unknown ids
    included) and its body; empty fields and the whole text as the body when the front
    matter cannot be read, so that nothing the editor wrote is lost."""
    try:
        part = split_front_matter(text)
        fields = load_yaml(part.yaml)
    except (ContentError, yaml.YAMLError):
        return {}, text
    return (fields if isinstance(fields, dict) else {}), part.body.strip("\n")
