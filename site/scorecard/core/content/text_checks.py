"""What readers would see wrong in a document's text, found before they do.

Errors: a footnote used but never written, the scaffold's placeholders left in a document
about to be published, an image without a description. Warnings: a footnote
written but never used, English punctuation inside Chinese sentences, and a figure the
text gives that content/metrics.yaml does not have (so the site cannot show or chart it).
Each names the line and column, and shows the right form.
"""

import re
from collections.abc import Iterator

from ..text import CJK
from .library import Document, Library, Problem
from .lines import body_lines
from .scaffold import PLACEHOLDERS

FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<id>[^\]]+)\]:")
FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<id>[^\]\s]+)\](?!:)")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(")
CODE_SPAN = re.compile(r"`[^`]*`")
# What is not prose: code, link targets, heading ids, footnote marks, comments, addresses.
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|\{#[^}]*\}|\[\^[^\]]*\]|<!--.*?-->|https?://\S+")
# ASCII punctuation (wrong when it stands against a Chinese character), and its full-width form.
ASCII_PUNCTUATION = re.compile(r"[,;:?!().]")
FULL_WIDTH = dict(zip(",;:?!().", "，；：？！（）。", strict=True))
# A figure with its scale or unit: "17 million", "4.5%", "1700万", "2.3亿".
FIGURE = re.compile(
    r"(?<![\d.,])(?P<number>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<unit>%|per ?cent|million|billion|万|亿)",
    re.IGNORECASE,
)
SCALES = {"million": 1e6, "billion": 1e9, "万": 1e4, "亿": 1e8}


def _prose_lines(doc: Document) -> Iterator[tuple[int, str]]:
    """The body's lines outside code blocks, with their numbers in the file."""
    in_fence = False
    for number, line in body_lines(doc.source):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def footnote_problems(doc: Document, shown: str) -> list[Problem]:
    defined: dict[str, int] = {}
    used: dict[str, tuple[int, int]] = {}
    for number, line in _prose_lines(doc):
        if match := FOOTNOTE_DEFINITION.match(line):
            defined.setdefault(match["id"], number)
        for match in FOOTNOTE_REFERENCE.finditer(CODE_SPAN.sub(lambda m: " " * len(m[0]), line)):
            used.setdefault(match["id"], (number, match.start() + 1))
    problems = [
        Problem(
            shown,
            "footnote",
            f"[^{name}] is used but never written: add a line at the end, "
            f"[^{name}]: The source's title (publisher, year).",
            line,
            column,
        )
        for name, (line, column) in used.items()
        if name not in defined
    ]
    problems += [
        Problem(
            shown,
            "footnote",
            f"[^{name}] is written but never used: cite it after the figure it sources, "
            f"...17 million jobs.[^{name}], or remove it",
            line,
            1,
            "warning",
        )
        for name, line in defined.items()
        if name not in used
    ]
    return problems


def placeholders_left(doc: Document, shown: str) -> list[Problem]:
    if doc.meta.status == "draft":
        return []
    problems = []
    for number, line in enumerate(doc.source.splitlines(), 1):
        for placeholder in PLACEHOLDERS:
            if placeholder in line:
                problems.append(
                    Problem(
                        shown,
                        "text",
                        f"'{placeholder.strip()}' is the new file's placeholder, not yet "
                        "replaced: write the real text, or keep status: draft",
                        number,
                        line.index(placeholder) + 1,
                    )
                )
    return problems


def images_without_description(doc: Document, shown: str) -> list[Problem]:
    return [
        Problem(
            shown,
            "image",
            "an image needs a description for readers who cannot see it: "
            "![Jobs created each year, 2010 to 2020](/static/images/jobs-by-year.png)",
            number,
            match.start() + 1,
        )
        for number, line in _prose_lines(doc)
        for match in IMAGE.finditer(line)
        if not match["alt"].strip()
    ]


def mixed_punctuation(doc: Document, shown: str) -> list[Problem]:
    """In a Chinese file, English punctuation against a Chinese character (the first on
    each line)."""
    if doc.lang != "zh":
        return []
    problems = []
    for number, line in _prose_lines(doc):
        if FOOTNOTE_DEFINITION.match(line) or line.lstrip().startswith("|"):
            continue  # sources keep their own language; tables hold figures
        prose = NOT_PROSE.sub(lambda m: " " * len(m[0]), line)
        for match in ASCII_PUNCTUATION.finditer(prose):
            before = prose[match.start() - 1] if match.start() else ""
            after = prose[match.end() : match.end() + 1]
            if not (CJK.match(before) or CJK.match(after)):
                continue
            mark = match[0]
            problems.append(
                Problem(
                    shown,
                    "punctuation",
                    f"'{mark}' in Chinese text: write the full-width '{FULL_WIDTH[mark]}'",
                    number,
                    match.start() + 1,
                    "warning",
                )
            )
            break
    return problems


def _value(number: str, unit: str) -> float:
    value = float(number.replace(",", ""))
    return value * SCALES.get(unit.lower(), 1)


def _known_values(library: Library) -> set[float]:
    known = set()
    for metric in library.metrics.values():
        for observation in (metric.baseline, metric.target, *metric.observations):
            if observation:
                known.add(round(observation.value, 6))
    return known


def unknown_figures(doc: Document, shown: str, library: Library) -> list[Problem]:
    """Figures with a scale or unit that no metric holds."""
    known = _known_values(library)
    problems = []
    for number, line in _prose_lines(doc):
        if FOOTNOTE_DEFINITION.match(line):
            continue
        prose = NOT_PROSE.sub(lambda m: " " * len(m[0]), line)
        for match in FIGURE.finditer(prose):
            if round(_value(match["number"], match["unit"]), 6) in known:
                continue
            problems.append(
                Problem(
                    shown,
                    "figure",
                    f"'{match[0].strip()}' is not in content/metrics.yaml: add it there, "
                    "with its source, so that the site can show it in a table and a chart",
                    number,
                    match.start() + 1,
                    "warning",
                )
            )
    return problems


def text_problems(doc: Document, shown: str, library: Library) -> list[Problem]:
    """Every rule above, for one document file."""
    return [
        *footnote_problems(doc, shown),
        *placeholders_left(doc, shown),
        *images_without_description(doc, shown),
        *mixed_punctuation(doc, shown),
        *unknown_figures(doc, shown, library),
    ]
