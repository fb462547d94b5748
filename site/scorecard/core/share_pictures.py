"""A link preview's picture for each document: its kind and title on the site's colours,
1200 × 630 pixels (the size WeChat, Weibo, X and LinkedIn crop least), drawn with Pillow in
Noto Sans CJK so that a Chinese title comes out in Chinese glyphs, not boxes.

A picture is named after what it shows (`Card.name`), so its address changes when the title
does and a browser or cache may keep it for good. It is drawn the first time it is asked
for and kept on disk: starting the site draws nothing.
"""

import hashlib
import io
import json
import logging
import os
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# The colours of the site-wide picture (static/img/share.png).
BACKGROUND = (7, 71, 52)
TEXT = (255, 255, 255)
QUIET = (163, 203, 184)
# Bump when the drawing changes: every picture then gets a new name.
DESIGN = "1"
# In a collection of faces, the one for Simplified Chinese (it draws Latin text too).
FACE = "Noto Sans CJK SC"
# Title sizes tried in turn until the title fits in MAX_LINES.
TITLE_SIZES = (68, 60, 52)
MAX_LINES = 4

# What a line may break between: a Chinese character (with the punctuation that must not
# start a line), a word with its spaces, or spaces. Numbers stay whole.
HAN = r"\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
NO_LINE_START = r"\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u300d\u300f\u3009\u300b\uff09\u3011"
TOKEN = re.compile(rf"[{HAN}][{NO_LINE_START}]*|[^\s{HAN}]+\s*|\s+")


@dataclass(frozen=True)
class Card:
    """What one picture shows."""

    kind: str  # "Recommendation", "政策建议"...
    title: str
    site: str
    lang: str

    @property
    def name(self) -> str:
        """The picture's file name: a digest of what it shows and how it is drawn."""
        described = json.dumps({**asdict(self), "design": DESIGN}, sort_keys=True)
        return f"{hashlib.sha256(described.encode()).hexdigest()[:16]}.png"


@cache
def _face(path: Path, size: int) -> ImageFont.FreeTypeFont:
    if path.suffix == ".ttc":
        for index in range(16):
            try:
                font = ImageFont.truetype(str(path), size, index=index)
            except OSError:  # past the last face
                break
            if font.getname()[0] == FACE:
                return font
    return ImageFont.truetype(str(path), size)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The text in lines no wider than `width`, broken where a reader would break it."""
    lines, current = [], ""
    for token in TOKEN.findall(" ".join(text.split())):
        if current and font.getlength((current + token).rstrip()) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    return [*lines, current.rstrip()] if current.strip() else lines


def _title_lines(title: str, path: Path) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        font = _face(path, size)
        lines = wrap(title, font, width)
        if len(lines) <= MAX_LINES:
            return font, lines
    # Still too long at the smallest size: the last line ends with an ellipsis, after a
    # whole word or character.
    kept = lines[:MAX_LINES]
    tokens = TOKEN.findall(kept[-1])
    while tokens and font.getlength("".join(tokens).rstrip() + "…") > width:
        tokens.pop()
    kept[-1] = "".join(tokens).rstrip() + "…"
    return font, kept


def draw(card: Card, path: Path) -> bytes:
    """The picture as PNG bytes."""
    picture = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(picture)
    pen.text((MARGIN, MARGIN), card.kind, font=_face(path, 34), fill=QUIET)
    font, lines = _title_lines(card.title, path)
    line_height = round(font.size * (1.4 if card.lang == "zh" else 1.25))
    top = MARGIN + 80
    for number, line in enumerate(lines):
        pen.text((MARGIN, top + number * line_height), line, font=font, fill=TEXT)
    # The site's name, and the falling bars of its emblem, along the foot.
    foot = HEIGHT - MARGIN
    pen.text((MARGIN, foot), card.site, font=_face(path, 32), fill=TEXT, anchor="ls")
    for number, height in enumerate((60, 50, 41, 32, 24, 17)):
        left = WIDTH - MARGIN - 6 * 26 + number * 26
        pen.rectangle((left, foot - height, left + 17, foot), fill=QUIET)
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def picture(card: Card, folder: Path, font: Path) -> Path | None:
    """The card's picture on disk, drawn the first time; None where the font is missing."""
    target = folder / card.name
    if target.is_file():
        return target
    if not font.is_file():
        log.warning("share pictures: no font at %s (SCORECARD_SHARE_PICTURE_FONT)", font)
        return None
    folder.mkdir(parents=True, exist_ok=True)
    # Written aside, then renamed: another worker drawing the same card never reads half.
    partial = target.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(draw(card, font))
    partial.replace(target)
    return target
