"""Specs, settings and a recording clock shared by the Replicate provider tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PIL import Image

from app.config import FetchSettings, MediaSettings, ReplicateSettings, Settings
from app.models.scene import CameraMove
from app.providers.base import ImageSpec, MotionSpec
from tests.conftest import BASE_URL


def settings_for(media_root: Path, replicate: ReplicateSettings) -> Settings:
    return Settings(
        media=MediaSettings(root=media_root, public_base_url=BASE_URL),
        fetch=FetchSettings(allowed_hosts=["127.0.0.1"]),  # the fake serves outputs on loopback
        replicate=replicate,
    )


def image_spec(
    prompt: str = "A serum bottle on marble", width: int = 1080, height: int = 1920
) -> ImageSpec:
    return ImageSpec(
        prompt=prompt, subject=prompt, style_keywords=("gold",), palette=("#FFFFFF",),
        width=width, height=height, seed=7,
    )  # fmt: skip


def seed_png(tmp_path: Path) -> Path:
    path = tmp_path / "seed.png"
    Image.new("RGB", (1080, 1920), "#D4AF37").save(path)
    return path


def motion_spec(
    image: Path, prompt: str = "The serum bottle on marble", duration: float = 5.5
) -> MotionSpec:
    return MotionSpec(
        image=image, duration=duration, prompt=prompt, camera_move=CameraMove.PUSH_IN, seed=3
    )


class RecordingSleep:
    """A clock for retry waits: remembers each wait and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)
