"""Images that editors upload: checked from their content (never their name), turned the
right way up, resized to the widths pages need, stripped of their metadata (a phone's
photo carries where and when it was taken), and named after their content, so that a
name is never reused for another picture and a browser may keep a copy for good.
"""

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

FOLDER = "images"  # under the content folder
URL_PREFIX = "/images/"
# What Pillow calls each accepted format, and the extension its files get.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# A phone's column and a wide screen's (twice, for sharp screens); nothing is enlarged.
WIDTHS = (800, 1600)
# More pixels than any photo needs: a larger image is refused before it is decoded, so a
# small file that claims to be enormous cannot exhaust the server's memory.
MAX_PIXELS = 50_000_000
NAME = re.compile(
    r"^(?P<stem>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<digest>[0-9a-f]{10})-(?P<width>[0-9]{1,4})"
    r"\.(?P<ext>jpg|png|webp)$"
)
QUALITY = {"JPEG": {"quality": 82, "progressive": True, "optimize": True}, "WEBP": {"quality": 80}}


class ImageError(ValueError):
    """Why an upload is not an image this site takes: `reason` names the case (the web
    layer words it in the editor's language)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Prepared:
    files: dict[str, bytes]  # file name -> its bytes, each width of the picture
    name: str  # the widest, which the Markdown names

    def markdown(self, alt: str) -> str:
        return f"![{alt}]({URL_PREFIX}{self.name})"


def widths_of(width: int) -> list[int]:
    """The widths an image `width` pixels wide is kept at."""
    return [w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]


def srcset(name: str) -> str | None:
    """The srcset of an uploaded image named in Markdown (its widest file), else None."""
    match = NAME.match(name)
    if not match:
        return None
    widest = int(match["width"])
    stem = f"{match['stem']}-{match['digest']}"
    return ", ".join(
        f"{URL_PREFIX}{stem}-{width}.{match['ext']} {width}w" for width in widths_of(widest)
    )


def _open(data: bytes) -> Image.Image:
    """The picture in `data`, decoded; ImageError if it is not one we take."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if probe.format not in FORMATS:
                raise ImageError(
                    "format", f"{probe.format} images are not taken: use JPEG, PNG or WebP"
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageError("pixels", f"{probe.width}×{probe.height} pixels is too many")
            probe.verify()  # a truncated or corrupt file fails here, before decoding
            image = Image.open(io.BytesIO(data))
            image.load()
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageError("pixels", str(error)) from error
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise ImageError("not_an_image", f"not a JPEG, PNG or WebP image ({error})") from error
    return image


def _in_srgb(image: Image.Image) -> Image.Image:
    """The colours in sRGB, which browsers assume without a profile: a phone's photo in
    Display P3 would look dull once its profile is stripped."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        converted = ImageCms.profileToProfile(
            image, io.BytesIO(profile), ImageCms.createProfile("sRGB"), outputMode=image.mode
        )
    except (ImageCms.PyCMSError, OSError):
        return image  # a broken profile: the pixels as they are
    return converted or image


def prepare(data: bytes, stem: str) -> Prepared:
    """The files to store for an uploaded picture; `stem` (a slug) starts their names."""
    image = _open(data)
    kind = image.format or "PNG"
    upright = _in_srgb(ImageOps.exif_transpose(image))  # phones store photos sideways, tagged
    if kind == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    digest = hashlib.sha256(data).hexdigest()[:10]
    files = {}
    for width in widths_of(upright.width):
        height = max(1, round(upright.height * width / upright.width))
        sized = (
            upright
            if width == upright.width
            else upright.resize((width, height), Image.Resampling.LANCZOS)
        )
        out = io.BytesIO()
        # Only the pixels: no EXIF, no XMP, no comments, no colour profile.
        sized.info.clear()
        sized.save(out, kind, **QUALITY.get(kind, {"optimize": True}))
        files[f"{stem}-{digest}-{width}.{FORMATS[kind]}"] = out.getvalue()
    return Prepared(files, name=list(files)[-1])
