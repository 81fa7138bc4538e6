from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from app.ffmpeg.binary import ffmpeg_path


def make_clip(
    out: Path,
    colour: str,
    size: str = "320x568",
    fps: int = 30,
    seconds: float = 5.5,
    with_audio: bool = False,
) -> Path:
    """A solid-colour H.264 clip, made quickly with FFmpeg's own test source."""
    audio = ["-f", "lavfi", "-i", f"sine=frequency=880:duration={seconds}"] if with_audio else []
    subprocess.run(
        [
            ffmpeg_path(), "-v", "error", "-y",
            "-f", "lavfi", "-i", f"color=c={colour}:s={size}:r={fps}:d={seconds}", *audio,
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


def ffmpeg_children() -> list[int]:
    """Live (not zombie) FFmpeg processes whose parent is this test process."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :]
        state, ppid = rest.split()[0], int(rest.split()[1])
        if ppid == os.getpid() and name.startswith("ffmpeg") and state != "Z":
            children.append(int(entry))
    return children


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
