"""The document form of the editors' pages: a file's front matter as form controls, and back.

Plain HTML form fields, so that it works without JavaScript: checkboxes for topics and
metrics, a role per ministry, a row per source (two empty rows to add more), a line per
document number. What the editor typed is kept exactly, even when it is wrong, so that
the form comes back with it and the check's messages beside it.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MultiDict

from ...core.content import Library
from ...core.content.composing import SOURCE_ORDER

EMPTY_SOURCE_ROWS = 2
# A recommendation's timeline in the form: each event's fields, flat (the note in both
# languages, the evidence's source and its official number).
EVENT_FIELDS = ("status", "date", "note_en", "note_zh", *SOURCE_ORDER, "document_number")
# The time zones an editor picks for a scheduled publication.
ZONES = {"+08:00": "UTC+08:00 (Beijing)", "+00:00": "UTC"}
TEXT_FIELDS = (
    "title",
    "summary",
    "ask",
    "region",
    "period",
    "author",
    "written_by",
    "translated_by",
)


def _date(value: str) -> dt.date | str:
    """A date from a date control (2026-11-28); anything else is kept as typed, for the check."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def _year(value: str) -> int | str:
    return int(value) if value.isascii() and value.isdigit() else value


def fields_from_form(form: MultiDict, kind: str, kept: Mapping[str, Any]) -> dict[str, Any]:
    """The front matter the form describes, as compose() takes it, with the fields the form
    does not edit (`kept`, from the file)."""
    fields: dict[str, Any] = {name: form.get(name, "").strip() for name in TEXT_FIELDS}
    fields["kind"] = kind
    fields["status"] = form.get("status", "draft")
    for name in ("date", "updated"):
        if value := form.get(name, "").strip():
            fields[name] = _date(value)
    if fields["status"] == "scheduled" and (moment := form.get("publish_at", "").strip()):
        fields["publish_at"] = f"{moment}{form.get('publish_zone', '+08:00')}"
    fields.update(kept)
    fields["topics"] = form.getlist("topics")
    fields["metrics"] = form.getlist("metrics")
    fields["ministries"] = [
        {"id": name.removeprefix("ministry-"), "role": role}
        for name, role in form.items()
        if name.startswith("ministry-") and role in ("lead", "partner")
    ]
    numbers = form.get("document_numbers", "")
    fields["document_numbers"] = [line.strip() for line in numbers.splitlines() if line.strip()]
    sources = []
    for row in range(int(form.get("source_rows", "0") or 0)):
        source = {key: form.get(f"source-{row}-{key}", "").strip() for key in SOURCE_ORDER}
        if not any(source.values()):
            continue
        if source["year"]:
            source["year"] = _year(source["year"])
        if source["accessed"]:
            source["accessed"] = _date(source["accessed"])
        sources.append(source)
    fields["sources"] = sources
    if "timeline_rows" in form:  # only an original recommendation's form edits its timeline
        fields["timeline"] = _timeline_from_form(form)
    return fields


def _timeline_from_form(form: MultiDict) -> list[dict[str, Any]]:
    """The events the rows describe, as the file writes them; empty rows add nothing."""
    events = []
    for row in range(int(form.get("timeline_rows", "0") or 0)):
        given = {key: form.get(f"event-{row}-{key}", "").strip() for key in EVENT_FIELDS}
        if not any(given.values()):
            continue
        evidence = {key: given[key] for key in (*SOURCE_ORDER, "document_number") if given[key]}
        if "year" in evidence:
            evidence["year"] = _year(evidence["year"])
        if "accessed" in evidence:
            evidence["accessed"] = _date(evidence["accessed"])
        events.append(
            {
                "status": given["status"],
                "date": given["date"],
                "note": {"en": given["note_en"], "zh": given["note_zh"]},
                "evidence": evidence,
            }
        )
    return events


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    chosen: str  # "" when not chosen; for a ministry, its role
    known: bool = True  # an id the file names but the reference file does not have


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _in_order(
    chosen: list[str], known: dict[str, Choice], roles: Mapping[str, str] | None = None
) -> list[Choice]:
    """The chosen ones first, in the file's order (so that a save keeps it), then the rest;
    an id the reference file does not have is kept, marked unknown."""
    first = [known.get(i) or Choice(i, i, (roles or {}).get(i, i), known=False) for i in chosen]
    return first + [choice for i, choice in known.items() if i not in chosen]


def form_values(fields: Mapping[str, Any], library: Library, lang: str) -> dict[str, Any]:
    """What the form shows for these fields: text for every control, and the choices."""
    values: dict[str, Any] = {
        name: _text(fields.get(name)) for name in (*TEXT_FIELDS, "date", "updated")
    }
    values["status"] = _text(fields.get("status")) or "draft"
    moment = _text(fields.get("publish_at"))
    zone = next((z for z in ZONES if moment.endswith(z)), "+08:00")
    values["publish_at"] = moment.removesuffix(zone)[:16]
    values["publish_zone"] = zone
    topics = [str(t) for t in fields.get("topics") or []]
    metrics = [str(m) for m in fields.get("metrics") or []]
    roles = {
        str(ref.get("id")): str(ref.get("role", ""))
        for ref in fields.get("ministries") or []
        if isinstance(ref, dict)
    }
    values["topics"] = _in_order(
        topics,
        {
            t.id: Choice(t.id, t.label.get(lang), t.id if t.id in topics else "")
            for t in library.topics.values()
        },
    )
    values["metrics"] = _in_order(
        metrics,
        {
            m.id: Choice(m.id, m.label.get(lang), m.id if m.id in metrics else "")
            for m in library.metrics.values()
        },
    )
    values["ministries"] = _in_order(
        list(roles),
        {
            m.id: Choice(m.id, m.name.get(lang), roles.get(m.id, ""))
            for m in library.ministries.values()
        },
        roles,
    )
    values["document_numbers"] = "\n".join(str(n) for n in fields.get("document_numbers") or [])
    sources = [s for s in fields.get("sources") or [] if isinstance(s, dict)]
    values["sources"] = [
        {key: _text(source.get(key)) for key in SOURCE_ORDER}
        for source in [*sources, *({} for _ in range(EMPTY_SOURCE_ROWS))]
    ]
    events = [e for e in fields.get("timeline") or [] if isinstance(e, dict)]
    values["timeline"] = [_event_values(event) for event in [*events, {}]]
    return values


def _event_values(event: Mapping[str, Any]) -> dict[str, str]:
    note: Mapping[str, Any] = event.get("note") or {}
    evidence: Mapping[str, Any] = event.get("evidence") or {}
    if not isinstance(note, dict):
        note = {}
    if not isinstance(evidence, dict):
        evidence = {}
    return {
        "status": _text(event.get("status")),
        "date": _text(event.get("date")),
        "note_en": _text(note.get("en")),
        "note_zh": _text(note.get("zh")),
        **{key: _text(evidence.get(key)) for key in (*SOURCE_ORDER, "document_number")},
    }
