"""Real compositions, re-opened with PyAV: what the user downloads is what is checked."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from app.config import FFmpegSettings
from app.ffmpeg.probe import probe
from app.ffmpeg.timing import transition_offsets
from app.services.ffmpeg_service import ClipInput, ComposedVideo, compose_ad
from tests.ffmpeg.conftest import make_clip, make_tone

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
# Clips that match nothing about the output: other sizes, other frame rates, too short, too long.
SHAPES = [
    {"size": "640x360", "fps": 24, "seconds": 4.5},
    {"size": "1920x1080", "fps": 60, "seconds": 3.0},  # too short: its last frame is held
    {"size": "320x568", "fps": 30, "seconds": 12.0},  # too long: it is cut
    {"size": "720x1280", "fps": 25, "seconds": 7.5},
    {"size": "500x500", "fps": 30, "seconds": 8.0},
]


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
async def composed(tmp_path_factory: pytest.TempPathFactory) -> ComposedVideo:
    folder = tmp_path_factory.mktemp("compose")
    clips = [
        ClipInput(make_clip(folder / f"clip{i}.mp4", colour, **shape), duration)  # type: ignore[arg-type]
        for i, (colour, shape, duration) in enumerate(zip(COLOURS, SHAPES, DURATIONS, strict=True))
    ]
    music = make_tone(folder / "music.wav", 10.0)  # shorter than the ad on purpose
    progress: list[float] = []
    result = await compose_ad(clips, music, folder / "ad.mp4", FFmpegSettings(), progress.append)
    assert progress == sorted(progress) and progress[-1] == 1.0
    return result


def _frames(path: Path, indices: set[int]) -> dict[int, np.ndarray]:
    found = {}
    with av.open(str(path)) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index in indices:
                found[index] = frame.to_ndarray(format="rgb24").astype(float)
    return found


async def test_the_ad_is_thirty_seconds_vertical_h264_aac_at_30fps(composed: ComposedVideo) -> None:
    info = probe(composed.path)
    assert composed.duration == pytest.approx(30.0, abs=1 / 30)
    assert (info.width, info.height) == (1080, 1920)
    assert info.fps == pytest.approx(30.0)
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", "aac")
    with av.open(str(composed.path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert video.average_rate == Fraction(30)
        assert sum(1 for _ in container.decode(video=0)) == 900
        assert audio.sample_rate == 48000
        assert float(audio.duration * audio.time_base) == pytest.approx(30.0, abs=0.05)


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
    befores = [round((offset - 0.5) * 30) for offset in offsets]
    afters = [round((offset + 1.0) * 30) for offset in offsets]
    frames = _frames(composed.path, {*mids, *befores, *afters})
    for k, (mid, before, after) in enumerate(zip(mids, befores, afters, strict=True)):
        outgoing, incoming = np.array(RGB[COLOURS[k]]), np.array(RGB[COLOURS[k + 1]])
        assert np.abs(frames[before].mean(axis=(0, 1)) - outgoing).max() < 20
        assert np.abs(frames[after].mean(axis=(0, 1)) - incoming).max() < 20
        blend = frames[mid].mean(axis=(0, 1))
        # Inside the fade the frame is neither scene but a mix of both.
        assert np.abs(blend - outgoing).max() > 40 and np.abs(blend - incoming).max() > 40
        assert np.abs(blend - (outgoing + incoming) / 2).max() < 70


async def test_music_is_faded_in_and_never_silent_in_the_middle(composed: ComposedVideo) -> None:
    with av.open(str(composed.path)) as container:
        samples = np.concatenate(
            [frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)]
        )
    rate = 48000 * 2  # interleaved stereo samples per second (planar arrays are flattened)
    start = np.abs(samples[: rate // 10]).mean()
    middle = np.abs(samples[5 * rate : 6 * rate]).mean()
    tail_of_short_music = np.abs(samples[20 * rate : 21 * rate]).mean()
    assert middle > 10 * start, "the music fades in"
    assert middle > 0.01
    # The 10 s track is padded, not looped or stretched: silence after it ends.
    assert tail_of_short_music < middle / 10


async def test_without_music_the_ad_has_a_silent_track(tmp_path: Path) -> None:
    clips = [
        ClipInput(make_clip(tmp_path / f"c{i}.mp4", "gray", seconds=6.5), 6.0) for i in range(5)
    ]
    result = await compose_ad(clips, None, tmp_path / "ad.mp4", FFmpegSettings())
    info = probe(result.path)
    assert info.audio_codec == "aac"
    assert result.duration == pytest.approx(30.0, abs=1 / 30)
