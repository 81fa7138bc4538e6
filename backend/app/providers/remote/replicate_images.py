"""`ImageProvider` on Replicate (default `black-forest-labs/flux-schnell`, 9:16).

With the user's product photos in the spec, the image comes from a model that takes a reference
image instead (default `black-forest-labs/flux-kontext-pro`, `input_image`): the cut-out is
uploaded through Replicate's files API (a photo is far over the 256 KB inline limit), flattened
onto a neutral grey, and the prompt asks for that exact product in the shot.

Text-to-image models return their own sizes (FLUX: about one megapixel at the asked aspect
ratio, 768×1344 for 9:16) and formats. The result is fitted to the spec's exact frame and
format, so what the rest of the product reads is the same as from the local painter: a
1080×1920 PNG seed, a 720×1280 mood reference.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from PIL import Image, ImageOps

from app.config import Settings
from app.config_models import InputRole
from app.fetching import IMAGE, Fetcher, build_fetcher
from app.providers.base import ImageSpec
from app.providers.remote.model_inputs import aspect_ratio
from app.providers.remote.predictions import Sleep
from app.providers.remote.replicate_runner import ReplicateRunner
from app.storage.partials import partial_path

_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


class ReplicateImageProvider:
    def __init__(
        self, settings: Settings, sleep: Sleep = asyncio.sleep, fetcher: Fetcher | None = None
    ) -> None:
        self._runner = ReplicateRunner(
            settings.replicate,
            settings.replicate.image,
            "images",
            fetcher or build_fetcher(settings),
            sleep,
        )
        self._reference = ReplicateRunner(
            settings.replicate,
            settings.replicate.reference_image,
            "images",
            fetcher or build_fetcher(settings),
            sleep,
        )
        self.name = self._runner.name

    async def generate(self, spec: ImageSpec, out: Path) -> Path:
        runner = self._reference if spec.product_photos else self._runner
        model = runner.model
        values: dict[InputRole, object] = {
            InputRole.PROMPT: reference_prompt(spec) if spec.product_photos else spec.prompt,
            InputRole.ASPECT_RATIO: aspect_ratio(spec.width, spec.height, model.aspect_ratios),
            InputRole.WIDTH: spec.width,
            InputRole.HEIGHT: spec.height,
            InputRole.SEED: spec.seed,
        }
        async with runner.slots:
            if spec.product_photos:
                photo = await asyncio.to_thread(reference_png, spec.product_photos[0])
                async with runner.upload(
                    photo, "product.png", "image/png", "the product photo"
                ) as url:
                    urls = await runner.predict({**values, InputRole.IMAGE: url})
            else:
                urls = await runner.predict(values)
            raw = partial_path(out)
            try:
                await runner.fetch(urls[0], raw, IMAGE)
                await asyncio.to_thread(fit_image, raw, out, spec.width, spec.height)
            finally:
                await asyncio.to_thread(raw.unlink, missing_ok=True)
        return out

    async def aclose(self) -> None:
        await self._runner.aclose()
        await self._reference.aclose()


REFERENCE_SIDE = 1024
"""The reference photo's long side: the model works at about a megapixel anyway."""


def reference_prompt(spec: ImageSpec) -> str:
    """Ask for the photographed product itself, unchanged, in the shot the spec describes."""
    return (
        f"{spec.prompt} The product is exactly the one in the reference image: keep its shape, "
        "colours, materials and any label or text unchanged, and place it naturally in this "
        "scene with matching light and a soft contact shadow."
    )


def reference_png(cutout: Path, max_side: int = REFERENCE_SIDE) -> bytes:
    """The cut-out flattened onto neutral grey, as PNG (blocking): a reference with no alpha
    reads the same to every model."""
    with Image.open(cutout, formats=["PNG"]) as image:
        rgba = image.convert("RGBA")
    rgba.thumbnail((max_side, max_side))
    flat = Image.new("RGB", rgba.size, (200, 200, 200))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    buffer = io.BytesIO()
    flat.save(buffer, format="PNG")
    return buffer.getvalue()


def fit_image(source: Path, out: Path, width: int, height: int) -> Path:
    """Scale to cover `width`×`height`, crop the centre, save in the format `out` names."""
    with Image.open(source) as image:
        rgb = image.convert("RGB")
    fitted = rgb if rgb.size == (width, height) else ImageOps.fit(rgb, (width, height))
    fmt = _FORMATS.get(out.suffix.lower(), "PNG")
    partial = partial_path(out)
    options = {"compress_level": 1} if fmt == "PNG" else {"quality": 92}
    fitted.save(partial, format=fmt, **options)
    partial.replace(out)
    return out
