"""Finding 2: a clip that is really a manifest must not make FFmpeg read a local file.

Left to choose its demuxer from the content, FFmpeg reads a "clip" holding a DASH manifest as
DASH and fetches its `BaseURL`, a local path, into the ad; an ffconcat list naming a neighbour
file does the same. Each hostile file here is named like a clip (`.mp4`) and points at a secret
video whose magenta frames are the marker: none may reach FFmpeg, let alone an output.
"""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from app.config import FFmpegSettings
from app.errors import UnsupportedMedia
from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.compose import ClipInput, compose_ad
from tests.fakes.manifests import KINDS, manifest
from tests.ffmpeg.conftest import make_clip

pytestmark = pytest.mark.anyio

MAGENTA = np.array([255, 0, 255])
MARKER = b"REELSMITH-SECRET-MARKER"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """Someone else's video beside the hostile clip (in the store, another user's clip)."""
    folder = tmp_path / "clips"
    folder.mkdir()
    path = make_clip(folder / "secret.mp4", "magenta", size="64x114", seconds=2)
    with path.open("ab") as sink:  # bytes a leak of the raw file would carry along
        sink.write(MARKER)
    return path


@pytest.fixture
def recording_ffmpeg(tmp_path: Path) -> tuple[FFmpegSettings, Path]:
    """The real FFmpeg behind a script that writes down every run: a fake that counts hits."""
    log = tmp_path / "ffmpeg-runs.log"
    script = tmp_path / "bin" / "ffmpeg-recorded"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{ffmpeg_path()}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return FFmpegSettings(binary=str(script), preset="ultrafast"), log


def _files_holding(marker: bytes, folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and marker in p.read_bytes()]


def _has_magenta(video: Path) -> bool:
    with av.open(str(video)) as container:
        for frame in container.decode(video=0):
            mean = frame.to_ndarray(format="rgb24").reshape(-1, 3).mean(axis=0)
            if np.abs(mean - MAGENTA).max() < 40:
                return True
    return False


@pytest.mark.parametrize("kind", ["dash", "ffconcat"])
def test_ffmpeg_left_to_guess_puts_the_local_file_into_the_video(
    kind: str, secret: Path, tmp_path: Path
) -> None:
    """The attack is real: these files do leak when the demuxer is not forced."""
    hostile = secret.parent / "hostile.mp4"
    hostile.write_text(manifest(kind, secret))
    out = tmp_path / "leak.mp4"
    subprocess.run(
        [ffmpeg_path(), "-v", "error", "-y", "-i", str(hostile), "-frames:v", "5", str(out)],
        check=True,
    )
    assert _has_magenta(out)


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
async def test_a_manifest_posing_as_a_clip_is_refused_before_ffmpeg_runs(
    kind: str, secret: Path, tmp_path: Path, recording_ffmpeg: tuple[FFmpegSettings, Path]
) -> None:
    settings, runs = recording_ffmpeg
    honest = make_clip(tmp_path / "honest.mp4", "gray", size="64x114", seconds=15.5)
    hostile = secret.parent / "3f2a9c.mp4"
    hostile.write_text(manifest(kind, secret))
    out = tmp_path / "ads" / "ad.mp4"
    clips = [ClipInput(honest, 15.0), ClipInput(hostile, 15.0)]
    with pytest.raises(UnsupportedMedia) as refused:
        await compose_ad(clips, None, out, settings)
    assert refused.value.code == "unsupported_media"
    assert refused.value.message.startswith("The clip for scene 2 could not be read as a video")
    assert str(tmp_path) not in refused.value.message and "3f2a9c" not in refused.value.message
    assert not runs.exists(), "FFmpeg never ran"
    assert not out.exists()
    assert _files_holding(MARKER, tmp_path) == [secret]
