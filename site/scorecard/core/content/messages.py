"""The schema's complaints in an editor's words: what is wrong, and an example of the right form.

pydantic says "Input should be a valid dictionary or instance of MinistryRef"; an editor
needs "each ministry needs an id and a role, e.g. {id: mohrss, role: lead}".
"""

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

DATE_EXAMPLE = "2026-03-15"
DATETIME_EXAMPLE = "2026-12-01T09:00+08:00"
# What each field that holds entries expects, as an example to copy.
SHAPES = {
    "ministries": "each ministry needs an id and a role, e.g. - {id: mohrss, role: lead}",
    "sources": "each source needs at least a title, e.g. "
    '- {title: "...", publisher: ILO, year: 2021}',
    "contacts": "each contact needs a channel, a value and its source, e.g. "
    '- {channel: email, value: ..., source: {title: "..."}}',
    "observations": 'each figure needs a period, a value and its source, e.g. - {period: "2017", '
    'value: 2543, source: {title: "..."}}',
}
LISTS = {
    "topics": "topics: [employment, skills]",
    "metrics": "metrics: [workers-reemployed]",
    "document_numbers": "document_numbers: [国发〔2021〕23号]",
}
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _date_message(value: Any) -> str:
    written = f"'{value}'"
    if isinstance(value, str) and (match := ISO_DATE.match(value.strip())):
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            return f"{written} is not a date: there is no month {month}"
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            name = dt.date(year, month, 1).strftime("%B")
            return f"{written} is not a date: {name} {year} has {days} days"
    return f"{written} is not a date: write it as year-month-day, e.g. {DATE_EXAMPLE}"


def _field(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "front matter"


def _message(error: ErrorDetails, known_fields: Iterable[str]) -> str:
    kind, location, value = error["type"], error["loc"], error.get("input")
    name = next((part for part in reversed(location) if isinstance(part, str)), "")
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, list(known_fields), n=1)
        hint = f": did you mean '{close[0]}'?" if close else ": remove it, or correct its spelling"
        return f"unknown field '{name}'{hint}"
    if kind == "missing":
        return f"required field is missing: add a line '{name}: ...'"
    if kind.startswith("date_") or kind == "date_type":
        return _date_message(value)
    if kind.startswith("datetime_") or kind.startswith("timezone_"):
        return (
            f"'{value}' is not a date and time with its time zone: write it as "
            f"{DATETIME_EXAMPLE} (08:00 is China's time zone)"
        )
    if kind in ("model_type", "dict_type") and not location:
        return f"'{value}' is not an entry: each entry is fields, starting '- id: ...'"
    if kind in ("model_type", "dict_type") and isinstance(location[-1], int):
        parent = str(location[-2]) if len(location) > 1 else ""
        if parent in SHAPES:
            return f"'{value}': {SHAPES[parent]}"
    if kind in ("tuple_type", "list_type") and name in LISTS:
        return f"write a list in brackets, e.g. {LISTS[name]}"
    if kind == "literal_error":
        return f"'{value}' is not allowed here: write {(error.get('ctx') or {})['expected']}"
    if kind == "url_parsing" or kind.startswith("url_"):
        return f"'{value}' is not a complete web address: write it in full, starting https://"
    if kind in ("int_parsing", "int_type"):
        return f"'{value}' is not a whole number: write digits only, e.g. 2021"
    if kind in ("float_parsing", "float_type"):
        return f"'{value}' is not a number: write digits, e.g. 17000000 or 4.5"
    if kind in ("string_type",):
        return f"'{value}' should be text: put it in quotes"
    if kind == "string_too_long":
        return f"too long: at most {(error.get('ctx') or {})['max_length']} characters"
    if kind == "string_too_short":
        return "empty: write it, or remove the line"
    if kind == "string_pattern_mismatch" and name == "id":
        return f"'{value}' is not an id: lower-case letters, digits and hyphens, e.g. mohrss"
    if kind == "string_pattern_mismatch" and name == "translated_from":
        return (
            f"'{value}' is not a version: run `flask content translated SLUG` to record "
            "the source's version"
        )
    return error["msg"].removeprefix("Value error, ")


def validation_messages(
    error: ValidationError, known_fields: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """Each complaint as (field, message)."""
    known = list(known_fields)
    return [(_field(err["loc"]), _message(err, known)) for err in error.errors()]
