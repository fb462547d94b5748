"""Each document's link preview shows its own picture: its kind and title, drawn in a CJK
font, at an address that changes when the title does."""

import io
import re
import shutil

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from scorecard.core.share_pictures import HEIGHT, MARGIN, WIDTH, _face, wrap

from conftest import SITE_CONTENT, build_app, edit, soup, unavailable

ARTICLE = "/recommendations/community-employment"
PICTURE = re.compile(
    r"^http://localhost(/(en|zh)/recommendations/community-employment/share-[0-9a-f]{16}\.png)$"
)


@pytest.fixture(autouse=True)
def cjk_font(site_app):
    if not site_app.config["SHARE_PICTURE_FONT"].is_file():
        unavailable("fonts-noto-cjk is not installed", "install fonts-noto-cjk")


def preview(client, path: str) -> dict[str, str]:
    page = soup(client.get(path))
    found = {tag["property"]: tag["content"] for tag in page.select("meta[property^='og:image']")}
    found["twitter:image"] = page.select_one("meta[name='twitter:image']")["content"]
    found["title"] = page.select_one("h1").get_text(strip=True) if page.select_one("h1") else ""
    return found


def title_ink(png: bytes) -> tuple[int, int, int, int] | None:
    """Where the white title text lies in a picture (between the kind and the site name)."""
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    assert picture.size == (WIDTH, HEIGHT)
    band = picture.crop((0, MARGIN + 70, WIDTH, HEIGHT - MARGIN - 50))
    red, green, blue = band.split()
    lightest = ImageChops.darker(ImageChops.darker(red, green), blue)
    return lightest.point(lambda value: 255 if value > 200 else 0).getbbox()


def glyph(font: ImageFont.FreeTypeFont, character: str) -> bytes:
    drawn = Image.new("L", (48, 48))
    ImageDraw.Draw(drawn).text((4, 0), character, font=font, fill=255)
    return drawn.tobytes()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_document_previews_with_a_picture_of_its_own_title(site_app, site_client, lang):
    tags = preview(site_client, f"/{lang}{ARTICLE}")
    assert PICTURE.match(tags["og:image"]) and tags["twitter:image"] == tags["og:image"]
    assert tags["og:image:alt"] == tags["title"]
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")

    response = site_client.get(PICTURE.match(tags["og:image"])[1])
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert "immutable" in response.headers["Cache-Control"]
    # The title's lines, as wrapped, are what is drawn in white.
    font = _face(site_app.config["SHARE_PICTURE_FONT"], 68)
    lines = wrap(tags["title"], font, WIDTH - 2 * MARGIN)
    left, top, right, bottom = title_ink(response.data)
    assert left == pytest.approx(MARGIN, abs=12)
    assert right - left == pytest.approx(max(font.getlength(line) for line in lines), abs=16)
    assert (bottom - top) / font.size == pytest.approx(len(lines) * 1.3, abs=0.6)


def test_the_font_draws_every_character_of_every_title(site_app, site_client):
    """No title character falls back to the font's empty box (.notdef)."""
    font = _face(site_app.config["SHARE_PICTURE_FONT"], 40)
    assert font.getname()[0] == "Noto Sans CJK SC"
    missing = glyph(font, "\U000f0000")
    for lang in ("en", "zh"):
        title = preview(site_client, f"/{lang}{ARTICLE}")["title"]
        assert not [c for c in title if not c.isspace() and glyph(font, c) == missing]


def test_a_new_title_gets_a_new_picture_and_the_old_address_leads_to_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    app = build_app(content, tmp_path / "instance", CONTENT_LIVE_RELOAD=True)
    client = app.test_client()
    before = PICTURE.match(preview(client, f"/en{ARTICLE}")["og:image"])[1]
    assert client.get(before).status_code == 200
    path = content / "recommendations" / "community-employment.en.md"
    title = re.search(r"^title: (.*)$", path.read_text(encoding="utf-8"), re.M)[1]
    edit(path, f"title: {title}", "title: A new title for the programme")

    after = PICTURE.match(preview(client, f"/en{ARTICLE}")["og:image"])[1]
    assert after != before
    old = client.get(before)
    assert old.status_code == 302 and old.headers["Location"].endswith(after)
    assert "immutable" not in old.headers.get("Cache-Control", "")


def test_pages_that_are_not_documents_keep_the_sites_picture(site_client):
    for path in ("/en/", "/zh/about", "/en/search?q=coal"):
        image = preview(site_client, path)["og:image"]
        assert re.search(r"/static/img/share\.[0-9a-f]{12}\.png$", image), path


def test_without_the_font_the_preview_falls_back_to_the_sites_picture(tmp_path):
    app = build_app(SITE_CONTENT, tmp_path, SHARE_PICTURE_FONT=tmp_path / "no-such-font.ttc")
    client = app.test_client()
    address = PICTURE.match(preview(client, f"/zh{ARTICLE}")["og:image"])[1]
    response = client.get(address)
    assert response.status_code == 302
    assert re.search(r"/static/img/share\.[0-9a-f]{12}\.png$", response.headers["Location"])
