"""`MusicProvider` on Replicate (default `meta/musicgen`, stereo-large, WAV).

Music models take a text description and a length; the track comes back at its own sample rate
and loudness, and the composer trims, fades and loudness-normalises it like any other.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.config import Settings
from app.config_models import InputRole
from app.fetching import AUDIO, Fetcher, build_fetcher
from app.providers.base import MusicSpec
from app.providers.remote.model_inputs import choose_duration
from app.providers.remote.predictions import Sleep
from app.providers.remote.pricing import Estimate
from app.providers.remote.replicate_runner import ReplicateRunner


class ReplicateMusicProvider:
    def __init__(
        self, settings: Settings, sleep: Sleep = asyncio.sleep, fetcher: Fetcher | None = None
    ) -> None:
        self._runner = ReplicateRunner(
            settings.replicate,
            settings.replicate.music,
            "music",
            fetcher or build_fetcher(settings),
            sleep,
        )
        self.name = self._runner.name

    def quote(self, duration: float) -> Estimate:
        """The expected cost of one track of `duration` seconds, chosen as `compose` does."""
        return self._runner.quote(float(self._seconds(duration)))

    def _seconds(self, duration: float) -> float | int:
        """The length to ask the model for: the one it bills."""
        model = self._runner.model
        return choose_duration(duration, model.durations, model.shortfall_seconds)

    async def compose(self, spec: MusicSpec, out: Path) -> Path:
        seconds = self._seconds(spec.duration)
        values: dict[InputRole, object] = {
            InputRole.PROMPT: music_prompt(spec),
            InputRole.DURATION: seconds,
            InputRole.SEED: spec.seed,
        }
        async with self._runner.slots:
            urls = None
            if spec.remote is not None:  # a prediction an earlier process started (or finished)
                urls = await self._runner.reattach(spec.remote, media_seconds=float(seconds))
            if urls is None:
                urls = await self._runner.predict(
                    values, media_seconds=float(seconds), remote=spec.remote
                )
            return await self._runner.fetch(urls[0], out, AUDIO)

    async def aclose(self) -> None:
        await self._runner.aclose()


def music_prompt(spec: MusicSpec) -> str:
    if spec.prompt:
        return spec.prompt
    words = [*spec.emotional_tone, *spec.style_keywords]
    return f"{', '.join(words) or 'uplifting'} instrumental background music for an ad"
