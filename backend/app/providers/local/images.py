"""The offline image provider: every picture the product shows, painted procedurally.

Rendering is CPU-bound (numpy and Pillow), so it runs in a worker thread and never blocks the
event loop. The same spec always produces the same file, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from app.errors import ProviderError
from app.providers.base import ImageSpec
from app.providers.local.painting import render
from app.utils.threads import run_to_end

MAX_SIDE = 4096
"""Larger frames are refused: they would take seconds and nothing in the product asks for them."""


class LocalImageProvider:
    name = "local"

    async def generate(self, spec: ImageSpec, out: Path) -> Path:
        if not (0 < spec.width <= MAX_SIDE and 0 < spec.height <= MAX_SIDE):
            raise ProviderError(
                f"Cannot paint a {spec.width}x{spec.height} image: each side must be 1 to "
                f"{MAX_SIDE} pixels."
            )
        return await run_to_end(_paint, spec, out)


def _paint(spec: ImageSpec, out: Path) -> Path:
    try:
        image = render(spec)
    except Exception as exc:  # a rendering bug must reach the user as a readable failure
        raise ProviderError(f"The local image renderer failed: {exc}") from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    _save(image, out)  # a partial path of the media store's, renamed when whole
    return out


def _save(image: Image.Image, out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix in (".jpg", ".jpeg"):
        image.save(out, format="JPEG", quality=92)
    elif suffix == ".webp":
        image.save(out, format="WEBP", quality=90)
    else:  # PNG; level 1 keeps a 1080x1920 write near 0.15 s instead of 0.5 s
        image.save(out, format="PNG", compress_level=1)
