from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.ffmpeg.binary import ffmpeg_path


def make_clip(
    out: Path, colour: str, size: str = "320x568", fps: int = 30, seconds: float = 5.5
) -> Path:
    """A solid-colour H.264 clip, made quickly with FFmpeg's own test source."""
    subprocess.run(
        [
            ffmpeg_path(), "-v", "error", "-y",
            "-f", "lavfi", "-i", f"color=c={colour}:s={size}:r={fps}:d={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(out),
        ],
        check=True,
    )  # fmt: skip
    return out


def make_tone(out: Path, seconds: float) -> Path:
    subprocess.run(
        [
            ffmpeg_path(), "-v", "error", "-y",
            "-f", "lavfi", "-i", f"sine=frequency=330:sample_rate=44100:duration={seconds}",
            "-ac", "2", str(out),
        ],
        check=True,
    )  # fmt: skip
    return out


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
