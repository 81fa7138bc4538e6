"""Fake providers: the real Protocols, tiny real files, and failures on demand.

They keep API tests fast (a 1080×1920 render is not what a status-code test is about) while the
files they write are genuine PNG, MP4 and WAV, so composition downstream runs for real.
"""

from __future__ import annotations

import asyncio
import subprocess
import wave
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import imageio_ffmpeg
import numpy as np
from PIL import Image

from app.errors import ProviderError
from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodDirection, MoodStyle
from app.models.scene import ScenePlan
from app.providers.base import ImageSpec, MotionSpec, MusicSpec, ProgressCallback
from app.providers.local.director import LocalDirector
from app.utils.threads import run_to_end

FAKE_CLIP_SIZE = (144, 256)


class FakeImages:
    """A flat image in the palette's first colour, at the asked size or at a fixed `size`
    (a thumbnail, for tests that make hundreds of requests)."""

    name = "fake"

    def __init__(self, size: tuple[int, int] | None = None) -> None:
        self.size = size
        self.specs: list[ImageSpec] = []

    async def generate(self, spec: ImageSpec, out: Path) -> Path:
        self.specs.append(spec)
        colour = spec.palette[0] if spec.palette else "#808080"
        image = Image.new("RGB", self.size or (spec.width, spec.height), colour)
        await run_to_end(image.save, out, compress_level=1)
        return out


class FakeMotion:
    """Renders a small still clip. A scene whose prompt contains `fail_marker` fails, every time
    or, with `fail_once`, only the first time (as a flaky model would)."""

    name = "fake"
    fail_marker = "[refuse]"

    def __init__(self, fail_once: bool = False) -> None:
        self.fail_once = fail_once
        self.failed_prompts: set[str] = set()
        self.specs: list[MotionSpec] = []

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        self.specs.append(spec)
        already_failed = self.fail_once and spec.prompt in self.failed_prompts
        if self.fail_marker in spec.prompt and not already_failed:
            self.failed_prompts.add(spec.prompt)
            raise ProviderError("The motion model refused this image.")
        if on_progress:
            on_progress(0.5)
        width, height = FAKE_CLIP_SIZE
        command = [
            imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y",
            "-loop", "1", "-i", str(spec.image),
            "-t", f"{spec.duration:.3f}", "-r", "30",
            "-vf", f"scale={width}:{height},format=yuv420p",
            "-c:v", "libx264", "-preset", "ultrafast", str(out),
        ]  # fmt: skip
        await asyncio.to_thread(subprocess.run, command, check=True)
        return out


class FakeMusic:
    name = "fake"

    async def compose(self, spec: MusicSpec, out: Path) -> Path:
        rate = 44100
        t = np.arange(int(spec.duration * rate)) / rate
        tone = (0.2 * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2")
        stereo = np.repeat(tone[:, None], 2, axis=1)
        with wave.open(str(out), "wb") as sink:
            sink.setnchannels(2)
            sink.setsampwidth(2)
            sink.setframerate(rate)
            sink.writeframes(stereo.tobytes())
        return out


class BrokenDirector(LocalDirector):
    """Talks fine but fails when asked to plan, like a model returning garbage."""

    name = "broken"

    async def plan_scenes(self, brief: CreativeBrief, mood: MoodStyle) -> ScenePlan:
        raise ProviderError("The director returned a plan that could not be read.")

    async def propose_moods(
        self, brief: CreativeBrief, count: int, avoid: Sequence[str] = ()
    ) -> list[MoodDirection]:
        raise ProviderError("The director is unavailable.")

    async def reply(  # type: ignore[override]
        self,
        messages: list[ChatMessage],
        current: BriefFields | None = None,
        updated: BriefFields | None = None,
    ) -> AsyncIterator[str]:
        yield "Let me think"
        raise ProviderError("The director lost its train of thought.")
