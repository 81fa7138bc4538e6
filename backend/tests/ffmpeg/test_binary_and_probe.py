from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from app.config import FFmpegSettings
from app.errors import MediaNotFound, RenderError, UnsupportedMedia
from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.probe import media_input, probe, probe_async
from tests.ffmpeg.conftest import make_clip, make_tone


def test_ffmpeg_is_found_without_any_system_setup() -> None:
    found = ffmpeg_path(FFmpegSettings())
    assert os.access(found, os.X_OK)
    assert ffmpeg_path() == found


def test_a_wrong_binary_names_the_setting_to_fix_and_logs_the_path(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert ffmpeg_path(FFmpegSettings(binary=ffmpeg_path())) == ffmpeg_path()
    wrong = tmp_path / "nowhere" / "ffmpeg"
    with pytest.raises(RenderError, match="FFMPEG_BINARY") as failure:
        ffmpeg_path(FFmpegSettings(binary=str(wrong)))
    assert str(tmp_path) not in failure.value.message
    assert str(wrong) in caplog.text, "the operator finds the path in the log"


def test_probe_reads_video_and_audio_streams(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "c.mp4", "red", "64x114", fps=24, seconds=2, with_audio=True)
    info = probe(clip)
    assert (info.width, info.height, info.fps, info.frames) == (64, 114, 24.0, 48)
    assert (info.video_codec, info.pix_fmt) == ("h264", "yuv420p")
    assert info.has_video and info.has_audio and info.audio_codec == "aac"
    assert info.duration == pytest.approx(2.0, abs=0.05)
    assert info.demuxer == "mov"


@pytest.mark.anyio
async def test_probe_reads_audio_only_files_off_the_event_loop(tmp_path: Path) -> None:
    info = await probe_async(make_tone(tmp_path / "t.wav", 1.5))
    assert not info.has_video and info.has_audio
    assert (info.sample_rate, info.channels) == (44100, 2)
    assert info.duration == pytest.approx(1.5, abs=0.01)


def _encode(source: Path, out: Path, *codec: str) -> Path:
    subprocess.run(
        [ffmpeg_path(), "-v", "error", "-y", "-i", str(source), *codec, str(out)], check=True
    )
    return out


def test_every_accepted_format_is_read_with_the_demuxer_its_content_proves(
    tmp_path: Path,
) -> None:
    clip = make_clip(tmp_path / "c.mp4", "red", "64x114", seconds=1)
    tone = make_tone(tmp_path / "t.wav", 1.0)
    Image.new("RGB", (32, 56), "teal").save(tmp_path / "s.png")
    # Names that lie about the content: the bytes decide, not the extension.
    Image.new("RGB", (32, 56), "teal").save(tmp_path / "s.png.mp4", format="JPEG")
    Image.new("RGB", (32, 56), "teal").save(tmp_path / "s.webp", format="WEBP")
    cases: list[tuple[Path, str, str]] = [
        (clip, "video", "mov"),
        (_encode(clip, tmp_path / "c.webm.mp4", "-c:v", "libvpx", "-f", "webm"), "video", "matroska"),
        (_encode(clip, tmp_path / "c.mkv", "-c", "copy"), "video", "matroska"),
        (tone, "audio", "wav"),
        (_encode(tone, tmp_path / "t.mp3"), "audio", "mp3"),
        (_encode(tone, tmp_path / "t.flac"), "audio", "flac"),
        (_encode(tone, tmp_path / "t.ogg", "-c:a", "libvorbis"), "audio", "ogg"),
        (_encode(tone, tmp_path / "t.m4a"), "audio", "mov"),
        (tmp_path / "s.png", "image", "png_pipe"),
        (tmp_path / "s.png.mp4", "image", "jpeg_pipe"),
        (tmp_path / "s.webp", "image", "webp_pipe"),
    ]  # fmt: skip
    for path, kind, demuxer in cases:
        source, info = media_input(path, kind, "The file")  # type: ignore[arg-type]
        assert source == FileInput(path.resolve(), demuxer), path.name
        assert info.demuxer == demuxer


def test_a_relative_path_becomes_the_absolute_one_ffmpeg_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_clip(tmp_path / "-i.mp4", "red", "64x114", seconds=1)
    monkeypatch.chdir(tmp_path)
    source, _ = media_input(Path("-i.mp4"), "video", "The clip")
    assert source.path == tmp_path.resolve() / "-i.mp4"
    assert source.args()[-2:] == ["-i", f"file:{tmp_path.resolve()}/-i.mp4"]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"not a video", "video"),
        (b"", "video"),
        (b"#EXTM3U\n#EXTINF:2,\n/etc/passwd\n", "video"),
        (b"<?xml version='1.0'?><MPD><BaseURL>/etc/passwd</BaseURL></MPD>", "video"),
        (b"ffconcat version 1.0\nfile secret.mp4\n", "video"),
        (b"v=0\nm=video 5004 RTP/AVP 96\n", "audio"),
        (b"\x00\x00\x00\x18ftypisom" + bytes(64), "video"),  # the right magic, then garbage
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "image"),
    ],
)
def test_anything_else_is_unsupported_media_in_the_users_terms(
    tmp_path: Path, content: bytes, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "3f2a9c.mp4"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING), pytest.raises(UnsupportedMedia) as refused:
        media_input(path, kind, "The clip for scene 3")  # type: ignore[arg-type]
    message = refused.value.message
    assert message.startswith("The clip for scene 3 could not be read as ")
    assert "3f2a9c" not in message and "/" not in message.split(": use")[0]
    assert refused.value.code == "unsupported_media" and refused.value.status_code == 422
    assert str(path) in caplog.text, "the log keeps the path"


def test_a_file_of_the_wrong_kind_is_refused(tmp_path: Path) -> None:
    tone = make_tone(tmp_path / "t.wav", 1.0)
    clip = make_clip(tmp_path / "c.mp4", "red", "64x114", seconds=1)
    Image.new("RGB", (32, 56), "teal").save(tmp_path / "s.png")
    with pytest.raises(UnsupportedMedia, match="could not be read as a video: use an MP4"):
        media_input(tone, "video", "The clip for scene 1")
    with pytest.raises(UnsupportedMedia, match="could not be read as audio"):
        media_input(clip, "audio", "The music track")  # a video with no sound
    with pytest.raises(UnsupportedMedia, match="could not be read as an image"):
        media_input(clip, "image", "The seed image")
    with pytest.raises(UnsupportedMedia, match="could not be read as a video"):
        media_input(tmp_path / "s.png", "video", "The clip for scene 1")
    with pytest.raises(UnsupportedMedia):
        media_input(tmp_path, "video", "The clip for scene 1")  # a folder


def test_a_missing_file_is_named_in_the_users_terms(tmp_path: Path) -> None:
    with pytest.raises(MediaNotFound) as missing:
        media_input(tmp_path / "gone.mp4", "video", "The clip for scene 2")
    assert missing.value.message == "The clip for scene 2 is missing."
