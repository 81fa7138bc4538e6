"""An uploaded picture, checked and cleaned before anything keeps it.

The bytes name their format (`app.ffmpeg.sniff`, the one sniffer), Pillow decodes them with
that decoder alone, the header's size is checked before a pixel is decoded (a 20,000 px PNG of
a few kilobytes would take gigabytes), the whole image is decoded (a truncated file fails
here, not in a render), the camera's rotation is applied and the picture re-encoded, so no
EXIF, GPS position or colour-profile payload of the original survives.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from app.errors import ImageTooLarge, UnreadableImage, UnsupportedImageType, UploadTooLarge
from app.ffmpeg import sniff

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
"""A phone's full-resolution photo is 3-12 MB."""
MAX_SIDE = 8192
MAX_PIXELS = 40_000_000
"""A 48 MP phone sensor bins to 12 MP; nothing we render needs more than a few megapixels."""

_ACCEPTED = {sniff.PNG, sniff.JPEG, sniff.WEBP}


@dataclass(frozen=True)
class CleanImage:
    image: Image.Image
    """Upright, RGB or RGBA, no metadata."""
    has_alpha: bool
    """Some pixel is not fully opaque."""

    def encoded(self) -> tuple[bytes, str]:
        """The bytes to store and their suffix: PNG keeps transparency, JPEG keeps photos small."""
        out = io.BytesIO()
        if self.image.mode == "RGBA":
            self.image.save(out, format="PNG", compress_level=6)
            return out.getvalue(), ".png"
        self.image.save(out, format="JPEG", quality=92)
        return out.getvalue(), ".jpg"


def check(data: bytes) -> CleanImage:
    """The upload as a clean picture, or the reason it is refused (blocking: decodes)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadTooLarge(
            f"This file is larger than {MAX_UPLOAD_BYTES // 2**20} MB; upload a smaller photo."
        )
    container = sniff.sniff(data[: sniff.HEAD_BYTES])
    if container not in _ACCEPTED or container is None or container.pillow is None:
        raise UnsupportedImageType(
            "This file is not a photo we can use: upload a PNG, JPEG or WebP image."
        )
    try:
        with _opened(data, container.pillow) as opened:
            if max(opened.size) > MAX_SIDE or opened.width * opened.height > MAX_PIXELS:
                raise _too_large()
            opened.load()
            upright = ImageOps.exif_transpose(opened)
    except ImageTooLarge:
        raise
    except Image.DecompressionBombError as exc:  # Pillow's own, far larger cap
        raise _too_large() from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableImage(
            "This image could not be read whole (it may be cut short or damaged); export it "
            "again and upload the new file."
        ) from exc
    return _clean(upright)


def _opened(data: bytes, decoder: str) -> Image.Image:
    # Pillow warns about sizes between its two caps; ours is lower and refuses them anyway.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data), formats=[decoder])


def _too_large() -> ImageTooLarge:
    return ImageTooLarge(
        f"This image has too many pixels; upload one at most {MAX_SIDE} pixels on a side and "
        f"{MAX_PIXELS // 1_000_000} megapixels."
    )


def _min(channel: Image.Image) -> int:
    low, _ = channel.getextrema()
    return int(low)  # type: ignore[arg-type]  # one band: a pair of ints


def _clean(image: Image.Image) -> CleanImage:
    """A fresh image holding only pixels (no info, EXIF, ICC or text chunks)."""
    transparent = "A" in image.getbands() or "transparency" in image.info
    rgba = image.convert("RGBA") if transparent else image.convert("RGB")
    has_alpha = transparent and _min(rgba.getchannel("A")) < 255
    pixels = rgba if has_alpha else rgba.convert("RGB")
    fresh = Image.new(pixels.mode, pixels.size)
    fresh.paste(pixels)
    return CleanImage(fresh, has_alpha)
