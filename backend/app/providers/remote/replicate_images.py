"""`ImageProvider` on Replicate (default `black-forest-labs/flux-schnell`, 9:16).

Text-to-image models return their own sizes (FLUX: about one megapixel at the asked aspect
ratio, 768×1344 for 9:16) and formats. The result is fitted to the spec's exact frame and
format, so what the rest of the product reads is the same as from the local painter: a
1080×1920 PNG seed, a 720×1280 mood reference.
"""

from __future__ import annotations

import asyncio
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
        self.name = self._runner.name

    async def generate(self, spec: ImageSpec, out: Path) -> Path:
        model = self._runner.model
        values: dict[InputRole, object] = {
            InputRole.PROMPT: spec.prompt,
            InputRole.ASPECT_RATIO: aspect_ratio(spec.width, spec.height, model.aspect_ratios),
            InputRole.WIDTH: spec.width,
            InputRole.HEIGHT: spec.height,
            InputRole.SEED: spec.seed,
        }
        async with self._runner.slots:
            urls = await self._runner.predict(values)
            raw = partial_path(out)
            try:
                await self._runner.fetch(urls[0], raw, IMAGE)
                await asyncio.to_thread(fit_image, raw, out, spec.width, spec.height)
            finally:
                await asyncio.to_thread(raw.unlink, missing_ok=True)
        return out

    async def aclose(self) -> None:
        await self._runner.aclose()


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
