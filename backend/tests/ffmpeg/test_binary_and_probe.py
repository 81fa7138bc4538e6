from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import FFmpegSettings
from app.errors import RenderError
from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.probe import probe, probe_async
from tests.ffmpeg.conftest import make_clip, make_tone


def test_ffmpeg_is_found_without_any_system_setup() -> None:
    found = ffmpeg_path(FFmpegSettings())
    assert os.access(found, os.X_OK)
    assert ffmpeg_path() == found


def test_an_explicit_binary_wins_and_a_wrong_one_is_named(tmp_path: Path) -> None:
    assert ffmpeg_path(FFmpegSettings(binary=ffmpeg_path())) == ffmpeg_path()
    with pytest.raises(RenderError, match="nowhere/ffmpeg"):
        ffmpeg_path(FFmpegSettings(binary=str(tmp_path / "nowhere" / "ffmpeg")))


def test_probe_reads_video_and_audio_streams(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "c.mp4", "red", "64x114", fps=24, seconds=2, with_audio=True)
    info = probe(clip)
    assert (info.width, info.height, info.fps, info.frames) == (64, 114, 24.0, 48)
    assert (info.video_codec, info.pix_fmt) == ("h264", "yuv420p")
    assert info.has_video and info.has_audio and info.audio_codec == "aac"
    assert info.duration == pytest.approx(2.0, abs=0.05)


@pytest.mark.anyio
async def test_probe_reads_audio_only_files_off_the_event_loop(tmp_path: Path) -> None:
    info = await probe_async(make_tone(tmp_path / "t.wav", 1.5))
    assert not info.has_video and info.has_audio
    assert (info.sample_rate, info.channels) == (44100, 2)
    assert info.duration == pytest.approx(1.5, abs=0.01)


def test_probe_refuses_what_is_not_media(tmp_path: Path) -> None:
    junk = tmp_path / "notes.mp4"
    junk.write_text("not a video")
    with pytest.raises(RenderError, match=r"notes\.mp4 is not a readable media file"):
        probe(junk)
