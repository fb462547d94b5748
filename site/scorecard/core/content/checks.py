"""Checks an editor runs before publishing, beyond what loading already reports."""

import datetime as dt
import re
from collections import defaultdict

from ..kinds import KINDS
from ..text import CJK
from .library import Document, Library, Problem
from .lines import body_lines, entry_line, front_matter_line
from .links import LinkChecker
from .text_checks import text_problems

# Contact details go out of date: a card older than this must be checked again.
VERIFY_EVERY = dt.timedelta(days=365)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# What is not prose: code, link targets, heading ids, footnote definitions (sources keep
# their own language), HTML comments.
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|\{#[^}]*\}|<!--.*?-->|https?://\S+")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:")
HEADING = re.compile(r"^(#{2,3})\s")
# What has a link of its own: sections, paragraphs and numbered items (see permalinks.py).
PASSAGE_ID = re.compile(r'class="permalink" href="#([^"]+)"')
# About how many Chinese characters carry what one English word does.
CHARACTERS_PER_WORD = 2
# A stub ("Draft body.") is too short to judge.
MIN_WORDS = 5


def stale_contact_cards(
    library: Library, shown_path: str, today: dt.date, text: str = ""
) -> list[Problem]:
    """Ministry cards never verified, or not verified for over a year.

    `text` is ministries.yaml's, to name each card's line."""
    problems = []
    for ministry in library.ministries.values():
        if ministry.verified is None:
            message = "never verified: check the card against its sources, then set 'verified'"
        elif ministry.verified > today:
            message = f"verified {ministry.verified.isoformat()} is in the future"
        elif today - ministry.verified > VERIFY_EVERY:
            message = (
                f"last verified {ministry.verified.isoformat()}, over a year ago: "
                "check the card against its sources, then update 'verified'"
            )
        else:
            continue
        line = entry_line(text, ministry.id)
        problems.append(Problem(shown_path, f"{ministry.id}.verified", message, line))
    return problems


def unsourced_remits(library: Library, shown_path: str, text: str = "") -> list[Problem]:
    """What a card says a body does is a fact like its address: it needs a source too."""
    return [
        Problem(
            shown_path,
            f"{ministry.id}.remit",
            "no source: add 'remit_sources' with a page that states what this body does",
            entry_line(text, ministry.id),
            severity="warning",
        )
        for ministry in library.ministries.values()
        if not ministry.remit_sources
    ]


def future_dates(doc: Document, shown: str, today: dt.date) -> list[Problem]:
    """A `date` or `updated` after today is almost always a typo; a status event cannot
    have happened yet."""
    problems = [
        Problem(
            shown,
            "timeline",
            f"{event.date} ({event.status}) is in the future: record an event once it has "
            "happened, with its evidence",
            front_matter_line(doc.source, "timeline"),
        )
        for event in doc.meta.timeline
        if event.first_day > today
    ]
    for field in ("date", "updated"):
        day = getattr(doc.meta, field)
        if day and day > today:
            problems.append(
                Problem(
                    shown,
                    field,
                    f"{day.isoformat()} is in the future: give the day it was "
                    f"{'published' if field == 'date' else 'last changed'}",
                    front_matter_line(doc.source, field),
                )
            )
    return problems


def _weights(text: str) -> tuple[float, int]:
    """How much of a text is Chinese and how much English, in English-word units."""
    prose = NOT_PROSE.sub(" ", text)
    return len(CJK.findall(prose)) / CHARACTERS_PER_WORD, len(LATIN_WORD.findall(prose))


def _mostly_other(lang: str, text: str) -> bool:
    chinese, english = _weights(text)
    expected, other = (chinese, english) if lang == "zh" else (english, chinese)
    return other > expected and other >= MIN_WORDS


def wrong_language(doc: Document, shown: str) -> list[Problem]:
    """A Chinese file whose prose is mostly English, or an English file mostly Chinese."""
    prose = [
        (number, line)
        for number, line in body_lines(doc.source)
        if line.strip() and not FOOTNOTE_DEFINITION.match(line)
    ]
    if not _mostly_other(doc.lang, "\n".join(line for _, line in prose)):
        return []
    # Point at the first line in the other language: usually where pasted text begins.
    line = next((n for n, text in prose if _mostly_other(doc.lang, text)), prose[0][0])
    language, found = ("Chinese", "English") if doc.lang == "zh" else ("English", "Chinese")
    return [
        Problem(
            shown,
            "body",
            f"the text is mostly {found}, but the file name says {language} (.{doc.lang}.md): "
            "translate it, or rename the file",
            line,
        )
    ]


def duplicate_slugs(library: Library, shown) -> list[Problem]:
    """One slug in two folders: readers and editors would mix the two documents up.

    The first folder (recommendations, case studies, pages) keeps the slug; the others are flagged.
    """
    kinds: defaultdict[str, list[str]] = defaultdict(list)
    for kind in KINDS:
        for doc in library.documents.values():
            if doc.kind == kind and kind not in kinds[doc.slug]:
                kinds[doc.slug].append(kind)
    return [
        Problem(
            shown(doc),
            "file name",
            f"the slug '{doc.slug}' is already used by a {kinds[doc.slug][0]}: "
            "rename this file (both languages) to another slug",
            1,
        )
        for doc in sorted(library.documents.values(), key=lambda d: d.path)
        if kinds[doc.slug][0] != doc.kind
    ]


def missing_timeline(doc: Document, shown: str) -> list[Problem]:
    """A published recommendation says where it stands; its original's file holds the
    timeline (a translation shows the original's)."""
    if doc.kind != "recommendation" or not doc.public or doc.meta.translated_from:
        return []
    if doc.meta.timeline:
        return []
    return [
        Problem(
            shown,
            "timeline",
            "a published recommendation needs its timeline: at least the 'proposed' event, "
            "with its date and the source that proposed it (docs/editing.md, 'Status')",
            1,
        )
    ]


def _heading_lines(doc: Document) -> list[int]:
    """The line of each ## and ### heading, in order (they are what the contents list)."""
    lines, in_fence = [], False
    for number, line in body_lines(doc.source):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and HEADING.match(line):
            lines.append(number)
    return lines


def _section_ids(doc: Document) -> list[str]:
    return [i for entry in doc.toc for i in (entry.id, *(c.id for c in entry.children))]


def unshared_sections(original: Document, translation: Document, shown: str) -> list[Problem]:
    """Section ids both languages must share, so links and the language toggle keep the place."""
    shared = set(_section_ids(original))
    lines = _heading_lines(translation)
    for position, section in enumerate(_section_ids(translation)):
        if section not in shared:
            line = lines[position] if position < len(lines) else None
            return [
                Problem(
                    shown,
                    "sections",
                    f"section id '{section}' is not in the {original.lang} version: give the "
                    "heading the id its counterpart has, e.g. '## 背景 {#context}'",
                    line,
                )
            ]
    return []


def _passages_per_section(doc: Document) -> dict[str, int]:
    """How many paragraphs and numbered items have a link, per section ("" before any)."""
    sections, current = set(_section_ids(doc)), ""
    counts: defaultdict[str, int] = defaultdict(int)
    for identifier in PASSAGE_ID.findall(str(doc.html)):
        if identifier in sections:
            current = identifier
        else:
            counts[current] += 1
    return dict(counts)


def unmatched_paragraphs(original: Document, translation: Document, shown: str) -> list[Problem]:
    """Paragraph links (`#why-p2`) open the same paragraph in the other language only where
    the translation keeps the original's paragraphs and numbered items, section by section."""
    theirs, ours = _passages_per_section(original), _passages_per_section(translation)
    sections = ["", *_section_ids(translation)]
    differing = [s for s in sections if ours.get(s, 0) != theirs.get(s, 0)]
    if not differing:
        return []
    section = differing[0]
    lines = _heading_lines(translation)
    where = f"section '{section}'" if section else "the text before the first heading"
    return [
        Problem(
            shown,
            "paragraphs",
            f"{where} has {ours.get(section, 0)} paragraphs and numbered items here and "
            f"{theirs.get(section, 0)} in the {original.lang} version: a link to one of them "
            "can open another paragraph in the other language. Keep the original's paragraphs.",
            lines[sections.index(section) - 1] if section else None,
            severity="warning",
        )
    ]


def document_problems(library: Library, links: LinkChecker, shown, today: dt.date) -> list[Problem]:
    """Every document rule, over every document file (drafts too: they are next to publish)."""
    problems = []
    for doc in sorted(library.documents.values(), key=lambda d: d.path):
        problems += one_document_problems(doc, shown(doc), library, links, today)
    return problems + duplicate_slugs(library, shown)


def one_document_problems(
    doc: Document, path: str, library: Library, links: LinkChecker, today: dt.date
) -> list[Problem]:
    """The document rules for one file: the check's, and the browser editor's as they type."""
    problems = [
        *links.problems(doc, path),
        *wrong_language(doc, path),
        *future_dates(doc, path, today),
        *missing_timeline(doc, path),
        *text_problems(doc, path, library),
    ]
    if doc.lang == "zh" and (original := library.documents.get((doc.kind, doc.slug, "en"))):
        problems += unshared_sections(original, doc, path) or unmatched_paragraphs(
            original, doc, path
        )
    return problems
