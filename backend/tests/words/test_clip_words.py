"""Words laid over each clip as it is rendered (the pipeline's way): the composer copies the
bodies as they are, and the ad shows what burning the words at compose time shows.

Real renders at a small size through the local motion provider, re-opened with PyAV and
compared with the same ad whose words are burned at compose time from clean clips.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from app.config import FFmpegSettings
from app.errors import InvalidRequest
from app.ffmpeg.args import encoding_of
from app.ffmpeg.compose import ClipInput
from app.ffmpeg.form import ClipForm, keyframes_for, sidecar_path
from app.ffmpeg.timing import FPS, clip_cuts, scene_frames
from app.models.scene import CameraMove
from app.providers.base import MotionSpec
from app.providers.local.motion import LocalMotionProvider
from app.services.normalise_service import record_form
from app.words.ass import logo_box
from app.words.clip_words import clip_overlays
from app.words.compose import compose_with_words
from app.words.layout import layout_for
from app.words.plan import plan_words
from app.words.timeline import AdWords
from tests.ffmpeg.conftest import make_tone
from tests.ffmpeg.test_stitch import _digest, _packets, decode_errors
from tests.words.factories import DURATIONS, ad_words
from tests.words.test_burned import _logo

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

W, H = 270, 480
COLOURS = ["navy", "darkgreen", "maroon", "purple", "teal"]


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


async def _clips(folder: Path, words: AdWords | None) -> list[ClipInput]:
    """The five scenes rendered by the local motion provider, with `words` laid over them in
    the same pass (None: clean clips)."""
    settings = FFmpegSettings()
    cuts = clip_cuts(DURATIONS)
    overlays = [None] * len(cuts)
    if words is not None:
        plan = plan_words(words, DURATIONS)
        overlays = clip_overlays(plan, DURATIONS, cuts, folder / "words", W, H)  # type: ignore[assignment]
    clips = []
    for index, (colour, cut, overlay) in enumerate(zip(COLOURS, cuts, overlays, strict=True)):
        still = folder / f"still{index}.png"
        Image.new("RGB", (W, H), colour).save(still)
        clip = folder / f"clip{index}.mp4"
        spec = MotionSpec(
            still, cut.length / FPS, "", CameraMove.PUSH_IN, seed=index, width=W, height=H,
            keyframes=keyframes_for(cut), overlay=overlay,
        )  # fmt: skip
        await LocalMotionProvider(settings).animate(spec, clip)
        digest = overlay.digest if overlay else ""
        await record_form(clip, ClipForm.target(cut, encoding_of(settings), W, H, words=digest))
        clips.append(ClipInput(clip, DURATIONS[index]))
    return clips


@pytest.fixture(scope="module")
async def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("clip-words")
    words = ad_words(logo=_logo(folder / "logo.png"))
    music = make_tone(folder / "music.wav", 30.0)
    settings = FFmpegSettings()
    (folder / "clean").mkdir()
    (folder / "worded").mkdir()
    clean = await _clips(folder / "clean", None)
    worded = await _clips(folder / "worded", words)
    burned, carried = folder / "burned.mp4", folder / "carried.mp4"
    await compose_with_words(clean, music, {"9:16": burned}, words, settings, width=W, height=H)
    await compose_with_words(worded, music, {"9:16": carried}, words, settings, width=W, height=H)
    return {
        "burned": burned, "carried": carried, "clips": worded, "music": music, "words": words
    }  # fmt: skip


def _frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24").astype(int) for f in container.decode(video=0)]


async def test_each_clip_records_the_words_it_carries(made: dict[str, object]) -> None:
    clips = made["clips"]
    assert isinstance(clips, list)
    forms = [ClipForm.from_json(sidecar_path(clip.path).read_text()) for clip in clips]
    digests = [form.words for form in forms]
    assert all(digests) and len(set(digests)) == len(digests), "each clip's own place in the ad"


async def test_the_bodies_are_copied_from_the_clips_as_they_are(made: dict[str, object]) -> None:
    carried, clips = made["carried"], made["clips"]
    assert isinstance(carried, Path) and isinstance(clips, list)
    ad = _digest(_packets(carried))
    assert len(ad) == 900
    assert await asyncio.to_thread(decode_errors, carried) == ""
    first = 0
    for clip, cut, frames in zip(clips, clip_cuts(DURATIONS), scene_frames(DURATIONS), strict=True):
        own = _digest(_packets(clip.path))
        start, end = cut.body
        assert ad[first + start : first + end] == own[start:end], "slices copied, not encoded"
        first += frames


async def test_the_ad_shows_what_burning_at_compose_time_shows(made: dict[str, object]) -> None:
    carried, burned = made["carried"], made["burned"]
    assert isinstance(carried, Path) and isinstance(burned, Path)
    ours, theirs = _frames(carried), _frames(burned)
    assert len(ours) == len(theirs) == 900
    plan = plan_words(ad_words(), DURATIONS)
    worded = {c.start + 1 for c in plan.cues} | {(t.start + t.end) // 2 for t in plan.titles}
    worded |= {899}
    box = logo_box(layout_for(W, H))
    above = ours[899][box.bottom - 8 : box.bottom - 2, box.x - 3 : box.x + 3]
    assert above.min() > 200, "the white logo sits above the product's name on the card"
    for n in sorted(worded):
        differs = np.abs(ours[n] - theirs[n]).max(axis=2) > 48
        assert differs.mean() < 0.01, f"frame {n} shows the same words in the same place"
    # And the words are really there: the burned frames differ from the clean picture.
    clean = np.abs(theirs[899] - theirs[0]).max(axis=2) > 48
    assert clean.mean() > 0.3, "the end card covers the last frame"


async def test_clips_carrying_other_words_are_refused_not_burned_twice(
    made: dict[str, object], tmp_path: Path
) -> None:
    clips, music, words = made["clips"], made["music"], made["words"]
    assert isinstance(clips, list) and isinstance(music, Path) and isinstance(words, AdWords)
    settings = FFmpegSettings()
    other = AdWords(titles=ad_words().titles[:1])
    with pytest.raises(InvalidRequest, match="another ad's words"):
        await compose_with_words(
            clips, music, {"9:16": tmp_path / "a.mp4"}, other, settings, width=W, height=H
        )
    with pytest.raises(InvalidRequest, match="other formats"):
        await compose_with_words(
            clips, music, {"9:16": tmp_path / "b.mp4", "1:1": tmp_path / "c.mp4"}, words,
            settings, width=W, height=H,
        )  # fmt: skip
