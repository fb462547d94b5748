"""Editors upload images from the edit page: checked from their content, resized, stripped
of their metadata, committed as the editor, and put in the text; bad files are refused in
the editor's language with everything they typed kept."""

import io
import os
import struct
import zlib

from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from test_editing_in_the_browser import DOC, form_of, last_commit

from conftest import git, soup

GPS = 0x8825
ORIENTATION = 0x0112


def photo(width=3000, height=2000) -> bytes:
    """A phone's photo: stored sideways with an orientation tag, and where it was taken."""
    image = Image.new("RGB", (width, height), (180, 40, 40))
    image.paste((40, 40, 180), (0, 0, width // 2, height))
    exif = image.getexif()
    exif[ORIENTATION] = 6  # turn 90° clockwise to show
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS).update({1: "N", 2: (39.0, 54.0, 0.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def stored_image(path) -> Image.Image:
    return Image.open(io.BytesIO(path.read_bytes()))


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (600, 400), (0, 120, 60, 255)).save(out, "PNG")
    return out.getvalue()


def claims_enormous() -> bytes:
    """A valid PNG that claims 100,000 × 100,000 pixels, in a few bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes(1000))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload(
    client,
    data: bytes,
    filename: str,
    alts=("Workers at a training centre", "培训中心的工人"),
    **changes,
):
    action, form = form_of(client, f"{DOC}/en")
    form.update(changes)
    form["alt-en"], form["alt-zh"] = alts
    fields = MultiDict(form)
    fields["image"] = FileStorage(io.BytesIO(data), filename=filename)
    # Encoded in memory: the test client would spool a large body to a file it never closes.
    boundary, body = encode_multipart(fields)
    return client.post(
        f"{DOC}/en/images",
        data=body,
        content_type=f'multipart/form-data; boundary="{boundary}"',
    )


def test_an_uploaded_photo_is_resized_stripped_committed_and_put_in_the_text(workspace):
    content, app, client = workspace
    done = upload(
        client, photo(), "IMG_2041.JPG", body="First paragraph.\n\nLast paragraph.", cursor="17"
    )
    assert done.status_code == 200
    page = soup(done)
    body = page.select_one("textarea#body").get_text()
    names = sorted(p.name for p in (content / "images").iterdir())
    assert len(names) == 2 and names[0].endswith("-1600.jpg") and names[1].endswith("-800.jpg")
    widest = next(n for n in names if n.endswith("-1600.jpg"))
    # In the text where the cursor was, as a paragraph of its own; the rest kept as typed.
    assert body.startswith(
        f"First paragraph.\n\n![Workers at a training centre](/images/{widest})\n\nLast paragraph."
    )
    assert f"![培训中心的工人](/images/{widest})" in page.select_one("code.snippet").get_text()
    for name in names:
        stored = stored_image(content / "images" / name)
        assert stored.format == "JPEG"
        assert not stored.getexif()  # no place, no camera, no orientation tag
        assert stored.height > stored.width  # turned the right way up
    assert stored_image(content / "images" / widest).width == 1600
    author, message = last_commit(content)
    assert author == "lin" and "Workers at a training centre" in message
    assert git(content, "status", "--porcelain") == ""
    # Served for a year under its address, which always means these bytes.
    with app.test_client().get(f"/images/{widest}") as served:
        assert served.status_code == 200 and served.mimetype == "image/jpeg"
        assert "immutable" in served.headers["Cache-Control"]


def test_a_saved_image_is_on_the_page_with_each_width_offered(workspace):
    content, app, client = workspace
    done = soup(upload(client, photo(), "photo.jpg", status="published"))
    action, form = form_of(client, f"{DOC}/en")
    form["body"] = done.select_one("textarea#body").get_text().removeprefix("\n")
    form["alt-en"] = form["alt-zh"] = ""
    assert client.post(action, data=form).status_code == 303
    page = soup(app.test_client().get("/en/recommendations/community-employment"))
    image = page.select_one(".document__body img")
    assert image["alt"] == "Workers at a training centre"
    assert image["loading"] == "lazy"
    assert "-800.jpg 800w" in image["srcset"] and "-1600.jpg 1600w" in image["srcset"]


def test_the_type_comes_from_the_content_not_the_name(workspace):
    content, _, client = workspace
    assert upload(client, png(), "chart.jpg").status_code == 200
    (name,) = [p.name for p in (content / "images").iterdir()]
    assert name.endswith("-600.png")  # small: kept at its own width, never enlarged


def test_bad_files_are_refused_in_the_editors_language_with_the_text_kept(workspace):
    content, app, client = workspace
    client.set_cookie("lang", "zh")
    before = git(content, "rev-parse", "HEAD")
    typed = "我刚写的文字，不能丢。"
    cases = [
        (b"<?php echo 'hi'; ?>", "photo.jpg", None, "不是 JPEG、PNG 或 WebP 图片"),
        (photo()[:2000], "cut.jpg", None, "不是 JPEG、PNG 或 WebP 图片"),
        (claims_enormous(), "huge.png", None, "图片像素过多"),
        (b"GIF89a" + bytes(40), "anim.gif", None, "不是 JPEG、PNG 或 WebP 图片"),
        (photo(), "photo.jpg", ("", "培训中心的工人"), "请用中英文两种语言描述图片内容"),
        (b"", "", None, "请先选择图片文件。"),
    ]
    for data, filename, alts, message in cases:
        extra = {"alts": alts} if alts else {}
        refused = upload(client, data, filename, body=typed, **extra)
        assert refused.status_code == 422, filename
        page = soup(refused)
        assert message in page.select_one("[role=alert]").get_text(), filename
        assert page.select_one("textarea#body").get_text().strip() == typed
    assert git(content, "rev-parse", "HEAD") == before
    assert not (content / "images").exists()


def test_a_file_over_the_limit_is_refused_with_the_form_kept(workspace):
    content, app, client = workspace
    app.config["IMAGE_MAX_BYTES"] = 1024 * 1024
    noise = Image.frombytes("RGB", (1500, 1000), os.urandom(1500 * 1000 * 3))
    out = io.BytesIO()
    noise.save(out, "JPEG", quality=95)
    assert len(out.getvalue()) > 1024 * 1024
    refused = upload(client, out.getvalue(), "photo.jpg", body="Kept.")
    assert refused.status_code == 422
    page = soup(refused)
    assert "This file is larger than 1 MB" in page.select_one("[role=alert]").get_text()
    assert "Kept." in page.select_one("textarea#body").get_text()
    assert not (content / "images").exists()


def test_only_uploaded_names_are_served(workspace):
    content, app, client = workspace
    upload(client, png(), "chart.png")
    reader = app.test_client()
    for address in (
        "/images/../recommendations/community-employment.en.md",
        "/images/x.png",
        "/images/%2e%2e%2fsecret-0123456789-1.png",
    ):
        assert reader.get(address).status_code == 404, address


def test_the_check_names_an_image_address_that_was_never_uploaded(workspace):
    _, _, client = workspace
    action, form = form_of(client, f"{DOC}/en")
    form["body"] = "Text.\n\n![A chart](/images/chart-0123456789-800.png)\n"
    preview = client.post(f"{DOC}/en/preview", data=form)
    assert "is not among the uploaded images" in preview.get_data(as_text=True)


def test_the_cursor_is_counted_as_the_browsers_script_counts_it():
    from scorecard.web.admin.documents import _inserted

    # The form sends \r\n; the script counts \n, and an emoji as two.
    assert _inserted("Line 😀 one.\r\nLine two.", "IMG", "13") == "Line 😀 one.\n\nIMG\n\nLine two."
    assert _inserted("Text.", "IMG", "") == "Text.\n\nIMG"
    assert _inserted("Text.", "IMG", "99999999999999") == "Text.\n\nIMG"


def test_the_uploads_file_name_is_never_used(workspace):
    content, _, client = workspace
    assert upload(client, png(), "../../recommendations/evil.en.md\x00.png").status_code == 200
    (stored,) = (content / "images").iterdir()
    assert stored.name.startswith("community-employment-") and stored.suffix == ".png"
    assert not (content / "recommendations" / "evil.en.md").exists()
