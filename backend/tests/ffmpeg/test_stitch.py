"""Composing normalised clips: bodies copied packet for packet, only the crossfades encoded.

Real encodes at a small size (the form takes any size), re-opened with PyAV. The clips are as
odd as providers make them; once normalised, the ad is exact all the same.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import shutil
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from app.config import FFmpegSettings
from app.ffmpeg.args import encoding_of
from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.compose import MUX_SHARE, ClipInput, ComposedVideo, compose_ad
from app.ffmpeg.form import ClipForm, sidecar_path
from app.ffmpeg.formats import format_size
from app.ffmpeg.reframe import reframe_ad
from app.ffmpeg.timing import clip_cuts
from app.services.normalise_service import normalise_clip
from tests.ffmpeg.conftest import make_tone

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

W, H = 180, 320
DURATIONS = [4.0, 6.0, 5.0, 7.0, 8.0]
COLOURS = ["red", "blue", "lime", "white", "black"]
RGB = {
    "red": (255, 0, 0),
    "blue": (0, 0, 255),
    "lime": (0, 255, 0),
    "white": (255, 255, 255),
    "black": (0, 0, 0),
}
# 720p at 24 fps with its own sound; variable frame rate; too short; too long; keyframes every
# 7 frames and none where the cuts are.
SHAPES: list[tuple[str, int, float, list[str], list[str]]] = [
    ("1280x720", 24, 4.5, [], ["-bf", "3"]),
    ("320x568", 30, 6.5, ["-vf", "select='lt(mod(n\\,7)\\,4)'", "-fps_mode", "vfr"], []),
    ("500x500", 25, 2.0, [], []),
    ("320x568", 30, 12.0, [], []),
    ("240x426", 30, 8.0, [], ["-g", "7", "-keyint_min", "7", "-sc_threshold", "0"]),
]


def _clip(out: Path, colour: str, shape: tuple[str, int, float, list[str], list[str]]) -> Path:
    size, fps, seconds, filters, codec = shape
    sound = ["-f", "lavfi", "-i", f"sine=frequency=880:duration={seconds}"] if fps == 24 else []
    # A moving pattern over the colour, so a copied frame and a re-encoded one differ.
    source = f"color=c={colour}:s={size}:r={fps}:d={seconds}"
    subprocess.run(
        [
            ffmpeg_path(), "-v", "error", "-y", "-f", "lavfi", "-i", source, *sound, *filters,
            "-c:v", "libx264", "-preset", "ultrafast", *codec, "-pix_fmt", "yuv420p", str(out),
        ],
        check=True,
    )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
async def normalised(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("stitch")
    cuts = clip_cuts(DURATIONS)
    clips = []
    for index, (colour, shape, cut) in enumerate(zip(COLOURS, SHAPES, cuts, strict=True)):
        clip = _clip(folder / f"clip{index}.mp4", colour, shape)
        form = ClipForm.target(cut, encoding_of(FFmpegSettings()), W, H)
        await normalise_clip(clip, form, FFmpegSettings(), f"The clip for scene {index + 1}")
        clips.append(clip)
    return clips


@pytest.fixture(scope="module")
async def stitched(normalised: list[Path]) -> tuple[ComposedVideo, list[float], list[str]]:
    progress: list[float] = []
    logger = logging.getLogger("app.ffmpeg.compose")
    said: list[str] = []
    handler = _Collect(said)
    logger.addHandler(handler)
    try:
        out = normalised[0].parent / "out" / "ad.mp4"
        music = make_tone(normalised[0].parent / "music.wav", 10.0)
        result = await compose_ad(
            [ClipInput(p, d) for p, d in zip(normalised, DURATIONS, strict=True)],
            music,
            out,
            FFmpegSettings(),
            progress.append,
            width=W,
            height=H,
        )
    finally:
        logger.removeHandler(handler)
    return result, progress, said


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


def _packets(path: Path) -> list[bytes]:
    """The video packets' bytes in presentation order: frame i is entry i."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        packets = [(p.pts, bytes(p)) for p in container.demux(stream) if p.pts is not None]
    return [data for _, data in sorted(packets)]


def decode_errors(path: Path) -> str:
    """What `ffmpeg -v error -i ad.mp4 -f null -` prints: nothing for a clean file."""
    done = subprocess.run(
        [ffmpeg_path(), "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stderr


def _slices(packet: bytes) -> bytes:
    """A packet's NAL units without SPS and PPS (types 7, 8), which the concat demuxer repeats
    in front of each piece's first packet; what is left is the coded picture itself."""
    kept, at = [], 0
    while at + 4 <= len(packet):
        size = int.from_bytes(packet[at : at + 4], "big")
        unit = packet[at : at + 4 + size]
        if unit[4] & 0x1F not in (7, 8):
            kept.append(unit)
        at += 4 + size
    assert at == len(packet), "four-byte length-prefixed NAL units"
    return b"".join(kept)


def _digest(packets: list[bytes]) -> list[str]:
    return [hashlib.sha256(_slices(p)).hexdigest()[:16] for p in packets]


def _frame(path: Path, index: int) -> np.ndarray:
    with av.open(str(path)) as container:
        for n, frame in enumerate(container.decode(video=0)):
            if n == index:
                return frame.to_ndarray(format="rgb24").astype(float).mean(axis=(0, 1))
    raise AssertionError(f"no frame {index}")


async def test_every_normalised_clip_is_in_the_form_it_records(normalised: list[Path]) -> None:
    for clip, cut in zip(normalised, clip_cuts(DURATIONS), strict=True):
        form = ClipForm.from_json(sidecar_path(clip).read_text())
        with av.open(str(clip)) as container:
            stream = container.streams.video[0]
            assert (stream.width, stream.height, stream.average_rate) == (W, H, 30)
            assert not container.streams.audio, "a clip's own sound is dropped"
            keys = {
                round(p.pts * stream.time_base * 30)
                for p in container.demux(stream)
                if p.is_keyframe and p.pts is not None
            }
            frames = stream.frames
        assert frames == cut.length == form.frames
        assert set(form.keyframes) <= keys, "a keyframe where every crossfade begins and ends"


async def test_the_stitched_ad_is_exactly_900_frames_and_30_s_with_no_decode_error(
    stitched: tuple[ComposedVideo, list[float], list[str]],
) -> None:
    result, progress, said = stitched
    assert not [line for line in said if "encoding every frame" in line], said
    with av.open(str(result.path)) as container:
        video = container.streams.video[0]
        assert (video.width, video.height) == (W, H)
        assert container.streams.audio[0].codec_context.name == "aac"
        decoded = sum(1 for _ in container.decode(video=0))
    assert decoded == 900
    assert result.duration == pytest.approx(30.0, abs=1 / 30)
    assert await asyncio.to_thread(decode_errors, result.path) == ""
    assert progress == sorted(progress) and progress[-1] == 1.0 and len(progress) > 5
    # Frames done over frames to make: copied bodies and encoded crossfades add up to all 900
    # before the last 2 % (the join), never more.
    assert max(p for p in progress if p < 1.0) == pytest.approx(1 - MUX_SHARE)


async def test_bodies_are_the_clips_own_packets_copied_not_encoded_again(
    stitched: tuple[ComposedVideo, list[float], list[str]], normalised: list[Path]
) -> None:
    ad = _digest(_packets(stitched[0].path))
    position = 0
    for clip, cut in zip(normalised, clip_cuts(DURATIONS), strict=True):
        start, end = cut.body
        own = _digest(_packets(clip))[start:end]
        assert ad[position : position + end - start] == own
        position += end - start + (15 if cut.tail else 0)
    assert position == 900


async def test_every_transition_blends_the_two_clips(
    stitched: tuple[ComposedVideo, list[float], list[str]],
) -> None:
    path, position = stitched[0].path, 0
    cuts = clip_cuts(DURATIONS)
    for index, cut in enumerate(cuts[:-1]):
        position += cut.body[1] - cut.body[0]
        before, after = np.array(RGB[COLOURS[index]]), np.array(RGB[COLOURS[index + 1]])
        mid = _frame(path, position + 7)
        assert np.abs(_frame(path, position - 1) - before).max() < 20, "the body holds its clip"
        for channel in np.flatnonzero(np.abs(before - after) > 100):
            low, high = sorted((before[channel], after[channel]))
            assert low + 40 < mid[channel] < high - 40, (index, mid)
        position += 15


async def test_a_clip_not_in_the_form_falls_back_to_encoding_and_says_why(
    normalised: list[Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clips = [shutil.copy(p, tmp_path / p.name) for p in normalised]
    for clip, original in zip(clips, normalised, strict=True):
        if clip != clips[1]:
            shutil.copy(sidecar_path(original), sidecar_path(Path(clip)))
    caplog.set_level(logging.INFO, "app.ffmpeg.compose")
    result = await compose_ad(
        [ClipInput(Path(p), d) for p, d in zip(clips, DURATIONS, strict=True)],
        None,
        tmp_path / "ad.mp4",
        FFmpegSettings(),
        width=W,
        height=H,
    )
    assert "scene 2 was not normalised" in caplog.text
    with av.open(str(result.path)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 900


async def test_every_other_format_is_reframed_from_the_same_ad_at_its_size_and_length(
    stitched: tuple[ComposedVideo, list[float], list[str]],
) -> None:
    ad = stitched[0].path
    names = ("1:1", "4:5", "16:9")
    outputs = {name: ad.with_name(f"ad-{name.replace(':', 'x')}.mp4") for name in names}
    progress: list[float] = []
    made = await reframe_ad(ad, outputs, FFmpegSettings(), progress.append, width=W, height=H)
    assert made == outputs and progress[-1] == 1.0
    for name, path in made.items():
        with av.open(str(path)) as container:
            video = container.streams.video[0]
            assert (video.width, video.height) == format_size(name, W, H)
            assert container.streams.audio, "the sound is copied into every format"
            assert container.duration / av.time_base == pytest.approx(30.0, abs=1 / 30)
            frames = sum(1 for _ in container.decode(video=0))
        assert frames == 900, name
        assert await asyncio.to_thread(decode_errors, path) == ""
    # 16:9: in the middle of scene 1 (red) the picture is red in the centre, and the fill at
    # the sides is red too, but darker.
    wide = made["16:9"]
    with av.open(str(wide)) as container:
        frame = next(f for n, f in enumerate(container.decode(video=0)) if n == 60)
        pixels = frame.to_ndarray(format="rgb24").astype(float)
    centre = pixels[:, W - 30 : W + 30].mean(axis=(0, 1))
    side = pixels[:, :20].mean(axis=(0, 1))
    assert centre[0] > 200 and centre[2] < 40
    assert 60 < side[0] < centre[0] - 60 and side[2] < 40
