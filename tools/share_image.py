"""Draws static/img/share.png, the picture link previews show (1200 x 630, as Open Graph asks).

Run once after changing it: .venv/bin/python tools/share_image.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

TARGET = Path(__file__).resolve().parents[1] / "site/scorecard/static/img/share.png"
WIDTH, HEIGHT = 1200, 630
ACCENT_DARK, PAPER, TINT = "#064734", "#fdfdfb", "#9fcbb8"


def main() -> None:
    image = Image.new("RGB", (WIDTH, HEIGHT), ACCENT_DARK)
    draw = ImageDraw.Draw(image)
    # A bar chart falling to the right: the site's subject, without words to translate.
    for number, height in enumerate((300, 250, 205, 160, 120, 85)):
        left = 720 + number * 72
        draw.rectangle((left, 470 - height, left + 48, 470), fill=TINT)
    draw.line((700, 472, 1150, 472), fill=PAPER, width=4)
    font = ImageFont.load_default(size=84)
    draw.text((90, 200), "Climate", font=font, fill=PAPER)
    draw.text((90, 300), "Scorecard", font=font, fill=PAPER)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    image.save(TARGET, optimize=True)


if __name__ == "__main__":
    main()
