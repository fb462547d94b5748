"""Where things are in a content file, so that every message can name a line."""

import re

FENCE = "---"


def front_matter_line(text: str, field: str) -> int | None:
    """The line of a front matter key (for "sources.0.url", the line of `sources:`)."""
    key = field.split(".")[0]
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if line.strip() == FENCE:
            return None
        if pattern.match(line):
            return number
    return None


def body_lines(text: str) -> list[tuple[int, str]]:
    """The body's lines with their line numbers in the file (after the closing '---')."""
    lines = text.splitlines()
    fences = [i for i, line in enumerate(lines) if line.strip() == FENCE][:2]
    start = fences[1] + 1 if len(fences) == 2 and fences[0] == 0 else 0
    return [(number + 1, lines[number]) for number in range(start, len(lines))]


def entry_line(text: str, entry_id: str, occurrence: int = 1) -> int | None:
    """The line of `id: <entry_id>` in a YAML list of entries (the n-th, for duplicates)."""
    pattern = re.compile(rf"^\s*-?\s*id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*(#.*)?$")
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            seen += 1
            if seen == occurrence:
                return number
    return None


def set_front_matter_field(text: str, field: str, value: str) -> str:
    """The file's text with `field: value` in its front matter: the field's line replaced
    (its comment kept), or a new line added before the closing '---'. Nothing else changes."""
    lines = text.splitlines(keepends=True)
    pattern = re.compile(rf"^{re.escape(field)}\s*:[^#\n]*?(?P<comment>\s+#.*)?$")
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            ending = "\n" if not line.endswith("\r\n") else "\r\n"
            lines.insert(number, f"{field}: {value}{ending}")
            return "".join(lines)
        if match := pattern.match(line.rstrip("\r\n")):
            ending = line[len(line.rstrip("\r\n")) :]
            lines[number] = f"{field}: {value}{match['comment'] or ''}{ending}"
            return "".join(lines)
    raise ValueError("the file has no front matter")


def entry_field_line(text: str, start: int | None, field: str) -> int | None:
    """The line of `field:` within the list entry that begins on line `start`."""
    if start is None:
        return None
    key = re.compile(rf"^[\s-]*{re.escape(field)}\s*:")
    lines = text.splitlines()
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if number > start and line.startswith("-"):
            return None  # the next entry
        if key.match(line):
            return number
    return None
