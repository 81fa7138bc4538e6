"""`MotionProvider` on Replicate (default `kwaivgi/kling-v2.1`): the seed image becomes a clip.

The seed is sent inline as a JPEG data URI, at most 1280 px on its long side and under 1 MB as
Replicate recommends for data URIs: our media URLs are on localhost, which Replicate cannot
reach. The director's camera move becomes words in the prompt, since image-to-video models take
their direction from text. The clip comes back at the model's own size, frame rate and length
(Kling: 720p, 24 fps, 5 or 10 s); the composer normalises all three.
"""

from __future__ import annotations

import asyncio
import base64
import io
from pathlib import Path

from PIL import Image

from app.config import Settings
from app.config_models import InputRole
from app.errors import InvalidRequest
from app.fetching import VIDEO, Fetcher, build_fetcher
from app.models.scene import CameraMove
from app.providers.base import MotionSpec, ProgressCallback
from app.providers.remote.model_inputs import aspect_ratio, choose_duration
from app.providers.remote.predictions import Sleep
from app.providers.remote.replicate_runner import ReplicateRunner

MAX_SIDE = 1280
MAX_DATA_URI_BYTES = 1_000_000

CAMERA_WORDS: dict[CameraMove, str] = {
    CameraMove.PUSH_IN: "slow camera push-in towards the subject",
    CameraMove.PULL_OUT: "slow camera pull-back revealing the scene",
    CameraMove.PAN_LEFT: "smooth camera pan to the left",
    CameraMove.PAN_RIGHT: "smooth camera pan to the right",
    CameraMove.RISE: "camera slowly tilts up",
    CameraMove.DESCEND: "camera slowly tilts down",
}


class ReplicateMotionProvider:
    def __init__(
        self, settings: Settings, sleep: Sleep = asyncio.sleep, fetcher: Fetcher | None = None
    ) -> None:
        self._runner = ReplicateRunner(
            settings.replicate,
            settings.replicate.motion,
            "motion",
            fetcher or build_fetcher(settings),
            sleep,
        )
        self.name = self._runner.name

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        if not spec.duration > 0:
            raise InvalidRequest(f"A clip must last a positive time, not {spec.duration:g} s.")
        model = self._runner.model
        seconds = choose_duration(spec.duration, model.durations, model.shortfall_seconds)
        async with self._runner.slots:
            image = await asyncio.to_thread(jpeg_data_uri, spec.image)
            values: dict[InputRole, object] = {
                InputRole.PROMPT: motion_prompt(spec),
                InputRole.IMAGE: image,
                InputRole.DURATION: seconds,
                InputRole.ASPECT_RATIO: aspect_ratio(spec.width, spec.height, model.aspect_ratios),
                InputRole.WIDTH: spec.width,
                InputRole.HEIGHT: spec.height,
                InputRole.SEED: spec.seed,
            }
            urls = await self._runner.predict(
                values, media_seconds=float(seconds), on_progress=on_progress
            )
            return await self._runner.fetch(urls[0], out, VIDEO)

    async def aclose(self) -> None:
        await self._runner.aclose()


def motion_prompt(spec: MotionSpec) -> str:
    return f"{spec.prompt.rstrip('. ')}. {CAMERA_WORDS[spec.camera_move].capitalize()}."


def jpeg_data_uri(path: Path, max_side: int = MAX_SIDE, limit: int = MAX_DATA_URI_BYTES) -> str:
    """The image as a `data:image/jpeg;base64,...` URI of at most `limit` bytes (blocking)."""
    with Image.open(path) as source:
        image = source.convert("RGB")
    image.thumbnail((max_side, max_side))
    for quality in (90, 80, 70, 60, 50):
        uri = _jpeg_uri(image, quality)
        if len(uri) <= limit:
            return uri
    # A very noisy frame stays large at any quality: halve it once more.
    image.thumbnail((max_side // 2, max_side // 2))
    return _jpeg_uri(image, 50)


def _jpeg_uri(image: Image.Image, quality: int) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
