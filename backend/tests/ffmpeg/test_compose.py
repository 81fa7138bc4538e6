"""Real compositions, re-opened with PyAV: what the user downloads is what is checked.

The output is always 1080×1920, so each compose costs seconds; the module renders one ad from
deliberately awkward clips and every test reads that same file.
"""

from __future__ import annotations

import asyncio
import itertools
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from app.config import FFmpegSettings
from app.errors import MediaNotFound
from app.ffmpeg.compose import ClipInput, ComposedVideo, compose_ad
from app.ffmpeg.probe import probe
from app.ffmpeg.timing import transition_offsets
from tests.ffmpeg.conftest import ffmpeg_children, make_clip, make_tone

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

DURATIONS = [4.0, 6.0, 5.0, 7.0, 8.0]
COLOURS = ["red", "blue", "lime", "white", "black"]
RGB = {
    "red": (255, 0, 0),
    "blue": (0, 0, 255),
    "lime": (0, 255, 0),
    "white": (255, 255, 255),
    "black": (0, 0, 0),
}
# Clips that match nothing about the output: other sizes, other frame rates, too short, too
# long, one with its own sound, one in Matroska; and names FFmpeg could take for a URL or an
# option if it were handed them bare.
NAMES = ["http:clip0.mp4", "-i clip1.mp4", "clip2.mkv", "clip3.mp4", "data:clip4.mp4"]
SHAPES: list[dict[str, object]] = [
    {"size": "640x360", "fps": 24, "seconds": 4.5, "with_audio": True},
    {"size": "1920x1080", "fps": 60, "seconds": 3.0},  # too short: its last frame is held
    {"size": "320x568", "fps": 30, "seconds": 12.0},  # too long: it is cut
    {"size": "720x1280", "fps": 25, "seconds": 7.5},
    {"size": "500x500", "fps": 30, "seconds": 8.0},
]


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("compose")


@pytest.fixture(scope="module")
async def composed(folder: Path) -> ComposedVideo:
    clips = [
        ClipInput(make_clip(folder / name, colour, **shape), duration)  # type: ignore[arg-type]
        for name, colour, shape, duration in zip(NAMES, COLOURS, SHAPES, DURATIONS, strict=True)
    ]
    music = make_tone(folder / "music.wav", 10.0)  # shorter than the ad on purpose
    progress: list[float] = []
    result = await compose_ad(
        clips, music, folder / "out" / "ad.mp4", FFmpegSettings(), progress.append
    )
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert len(progress) > 5, "progress moves while segments encode, not only at the end"
    return result


def _frames(path: Path, indices: set[int]) -> dict[int, np.ndarray]:
    found = {}
    with av.open(str(path)) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index in indices:
                found[index] = frame.to_ndarray(format="rgb24").astype(float)
    return found


def _samples(path: Path) -> np.ndarray:
    """Mono samples (the mean of both channels) of the first audio stream."""
    with av.open(str(path)) as container:
        return np.concatenate([f.to_ndarray().mean(axis=0) for f in container.decode(audio=0)])


async def test_the_ad_is_thirty_seconds_vertical_h264_aac_at_30fps(composed: ComposedVideo) -> None:
    info = probe(composed.path)
    assert composed.duration == pytest.approx(30.0, abs=1 / 30)
    assert info.duration == pytest.approx(30.0, abs=1 / 30)
    assert (info.width, info.height) == (1080, 1920)
    assert info.fps == pytest.approx(30.0)
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", "aac")
    assert (info.sample_rate, info.channels) == (48000, 2)
    with av.open(str(composed.path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert video.average_rate == Fraction(30)
        assert video.sample_aspect_ratio in (None, Fraction(1))
        pts = [frame.pts or 0 for frame in container.decode(video=0)]
        assert audio.duration is not None and audio.time_base is not None
        assert float(audio.duration * audio.time_base) == pytest.approx(30.0, abs=0.05)
    assert len(pts) == 900
    steps = {b - a for a, b in itertools.pairwise(pts)}
    assert len(steps) == 1, "constant frame rate: every frame lasts the same"


async def test_the_clips_own_sound_is_dropped_and_nothing_is_left_behind(
    composed: ComposedVideo, folder: Path
) -> None:
    with av.open(str(composed.path)) as container:
        assert len(container.streams.audio) == 1 and len(container.streams.video) == 1
    assert sorted(p.name for p in composed.path.parent.iterdir()) == ["ad.mp4"]


async def test_the_moov_atom_comes_first_so_playback_starts_at_once(
    composed: ComposedVideo,
) -> None:
    data = composed.path.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")


async def test_scenes_appear_in_order_and_every_transition_is_a_real_crossfade(
    composed: ComposedVideo,
) -> None:
    offsets = transition_offsets(DURATIONS)
    mids = [round((offset + 0.25) * 30) for offset in offsets]
    befores = [round(offset * 30) - 1 for offset in offsets]  # the last frame before the fade
    afters = [round((offset + 0.5) * 30) for offset in offsets]  # the first frame after it
    frames = _frames(composed.path, {0, 899, *mids, *befores, *afters})
    assert np.abs(frames[0].mean(axis=(0, 1)) - RGB[COLOURS[0]]).max() < 20
    assert np.abs(frames[899].mean(axis=(0, 1)) - RGB[COLOURS[-1]]).max() < 20
    for k, (mid, before, after) in enumerate(zip(mids, befores, afters, strict=True)):
        outgoing, incoming = np.array(RGB[COLOURS[k]]), np.array(RGB[COLOURS[k + 1]])
        assert np.abs(frames[before].mean(axis=(0, 1)) - outgoing).max() < 20
        assert np.abs(frames[after].mean(axis=(0, 1)) - incoming).max() < 20
        blend = frames[mid].mean(axis=(0, 1))
        # Inside the fade the frame is neither scene but a mix of both.
        assert np.abs(blend - outgoing).max() > 40 and np.abs(blend - incoming).max() > 40
        assert np.abs(blend - (outgoing + incoming) / 2).max() < 70
        # And the whole picture fades at once: one colour across the frame, no cut line.
        assert frames[mid].std(axis=(0, 1)).max() < 8


async def test_short_music_fades_in_then_is_padded_with_silence(composed: ComposedVideo) -> None:
    samples = np.abs(_samples(composed.path))
    rate = 48000
    start = samples[: rate // 20].mean()
    middle = samples[5 * rate : 6 * rate].mean()
    after_the_music = samples[12 * rate : 29 * rate].max()
    assert middle > 0.01
    assert middle > 10 * start, "the music fades in"
    # The 10 s track is padded, not looped or stretched: silence once it ends.
    assert after_the_music < 1e-3
    assert len(samples) == pytest.approx(30 * rate, abs=1024)


async def test_without_music_the_ad_has_a_silent_track(tmp_path: Path) -> None:
    clips = [
        ClipInput(make_clip(tmp_path / f"c{i}.mp4", "gray", size="64x114", seconds=6.5), 6.0)
        for i in range(5)
    ]
    # The fastest preset: this test is about the audio track, not the picture.
    settings = FFmpegSettings(preset="ultrafast")
    result = await compose_ad(clips, None, tmp_path / "ad.mp4", settings)
    info = probe(result.path)
    assert (info.audio_codec, info.sample_rate, info.channels) == ("aac", 48000, 2)
    assert result.duration == pytest.approx(30.0, abs=1 / 30)
    assert np.abs(_samples(result.path)).max() < 1e-4


async def test_a_missing_clip_is_named_by_its_scene(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "real.mp4", "red", size="64x114", seconds=1.0)
    clips = [ClipInput(clip, 15.0), ClipInput(tmp_path / "gone.mp4", 15.0)]
    with pytest.raises(MediaNotFound, match=r"^The clip for scene 2 is missing\.$"):
        await compose_ad(clips, None, tmp_path / "ad.mp4", FFmpegSettings())
    assert not (tmp_path / "ad.mp4").exists()


async def test_cancelling_a_compose_stops_ffmpeg_and_cleans_up(tmp_path: Path) -> None:
    clips = [
        ClipInput(make_clip(tmp_path / f"c{i}.mp4", "gray", size="64x114", seconds=10.5), 10.0)
        for i in range(3)
    ]
    started = asyncio.Event()
    task = asyncio.create_task(
        compose_ad(
            clips, None, tmp_path / "out" / "ad.mp4", FFmpegSettings(), lambda f: started.set()
        )
    )
    await asyncio.wait_for(started.wait(), 60)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert ffmpeg_children() == []
    assert list((tmp_path / "out").iterdir()) == [], "no work folder, no partial ad"
