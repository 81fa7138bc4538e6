"""`MotionProvider` on Replicate (default `kwaivgi/kling-v2.1`): the seed image becomes a clip.

The seed goes up as a JPEG, at most 1280 px on its long side, through Replicate's files API (a
frame is larger than the 256 KB Replicate documents for inline data URLs, and our own media URLs
are not for Replicate to reach); the upload is deleted once the prediction is over. The
director's camera move becomes words in the prompt, since image-to-video models take their
direction from text. The clip comes back at the model's own size, frame rate and length
(Kling: 720p, 24 fps, 5 or 10 s); the composer normalises all three.
"""

from __future__ import annotations

import asyncio
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
from app.providers.remote.pricing import Estimate
from app.providers.remote.replicate_runner import ReplicateRunner

MAX_SIDE = 1280
JPEG_QUALITY = 90

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

    def quote(self, duration: float) -> Estimate:
        """The expected cost of one clip of `duration` seconds: billed for the length asked of
        the model, which `animate` chooses the same way."""
        return self._runner.quote(float(self._seconds(duration)))

    def _seconds(self, duration: float) -> float | int:
        """The length to ask the model for: the one it bills."""
        model = self._runner.model
        return choose_duration(duration, model.durations, model.shortfall_seconds)

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        if not spec.duration > 0:
            raise InvalidRequest(f"A clip must last a positive time, not {spec.duration:g} s.")
        seconds = self._seconds(spec.duration)
        async with self._runner.slots:
            urls = None
            if spec.remote is not None:  # a prediction an earlier process left running
                urls = await self._runner.reattach(
                    spec.remote, media_seconds=float(seconds), on_progress=on_progress
                )
            if urls is None:
                urls = await self._create(spec, seconds, on_progress)
            return await self._runner.fetch(urls[0], out, VIDEO)

    async def _create(
        self, spec: MotionSpec, seconds: float, on_progress: ProgressCallback | None
    ) -> list[str]:
        model = self._runner.model
        jpeg = await asyncio.to_thread(seed_jpeg, spec.image)
        async with self._runner.upload(jpeg, "seed.jpg", "image/jpeg", "the seed image") as url:
            values: dict[InputRole, object] = {
                InputRole.PROMPT: motion_prompt(spec),
                InputRole.IMAGE: url,
                InputRole.DURATION: seconds,
                InputRole.ASPECT_RATIO: aspect_ratio(spec.width, spec.height, model.aspect_ratios),
                InputRole.WIDTH: spec.width,
                InputRole.HEIGHT: spec.height,
                InputRole.SEED: spec.seed,
            }
            return await self._runner.predict(
                values, media_seconds=float(seconds), on_progress=on_progress, remote=spec.remote
            )

    async def aclose(self) -> None:
        await self._runner.aclose()


def motion_prompt(spec: MotionSpec) -> str:
    return f"{spec.prompt.rstrip('. ')}. {CAMERA_WORDS[spec.camera_move].capitalize()}."


def seed_jpeg(path: Path, max_side: int = MAX_SIDE) -> bytes:
    """The seed as JPEG bytes, at most `max_side` px on its long side (blocking)."""
    with Image.open(path) as source:
        image = source.convert("RGB")
    image.thumbnail((max_side, max_side))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()
