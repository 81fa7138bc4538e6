"""The words in the picture: only the scenes that carry them encoded again, the rest copied.

Real renders at a small size from normalised clips, re-opened with PyAV and compared frame by
frame (and packet by packet) with the same ad made without words.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image, ImageDraw

from app.config import FFmpegSettings
from app.ffmpeg.args import Encoding
from app.ffmpeg.compose import ClipInput, compose_ad
from app.ffmpeg.form import ClipForm
from app.ffmpeg.formats import format_size
from app.ffmpeg.timing import CROSSFADE_FRAMES, FPS, clip_cuts, transition_offsets
from app.services.normalise_service import normalise_clip
from app.words.ass import logo_box
from app.words.compose import compose_with_words
from app.words.layout import layout_for
from app.words.plan import plan_words
from app.words.timeline import AdWords
from app.words.titles import scene_windows
from tests.ffmpeg.conftest import make_clip, make_tone
from tests.ffmpeg.test_stitch import _digest, _packets, decode_errors
from tests.words.factories import DURATIONS, ad_words

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

W, H = 270, 480
COLOURS = ["navy", "darkgreen", "maroon", "purple", "teal"]
ACCENT = (0xE4, 0x57, 0x2E)


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


def _logo(out: Path) -> Path:
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((0, 0, 199, 199), fill=(255, 255, 255, 255))
    image.save(out)
    return out


@pytest.fixture(scope="module")
async def ads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("words")
    clips = []
    for index, (colour, cut) in enumerate(zip(COLOURS, clip_cuts(DURATIONS), strict=True)):
        clip = make_clip(folder / f"clip{index}.mp4", colour, f"{W}x{H}", seconds=9.0)
        form = ClipForm.target(cut, Encoding(), W, H)
        await normalise_clip(clip, form, FFmpegSettings(), f"The clip for scene {index + 1}")
        clips.append(ClipInput(clip, DURATIONS[index]))
    music = make_tone(folder / "music.wav", 30.0)
    settings = FFmpegSettings()
    made = {
        "plain": folder / "plain.mp4",
        "empty": folder / "empty.mp4",
        "words": folder / "words.mp4",
        "square": folder / "square.mp4",
    }
    await compose_ad(clips, music, made["plain"], settings, width=W, height=H)
    await compose_with_words(
        clips, music, {"9:16": made["empty"]}, AdWords(), settings, width=W, height=H
    )
    progress: list[float] = []
    await compose_with_words(
        clips,
        music,
        {"9:16": made["words"], "1:1": made["square"]},
        ad_words(logo=_logo(folder / "logo.png")),
        settings,
        progress.append,
        width=W,
        height=H,
    )
    assert progress == sorted(progress) and progress[-1] == 1.0
    return made


def _frames(path: Path, wanted: set[int]) -> dict[int, np.ndarray]:
    found = {}
    with av.open(str(path)) as container:
        for n, frame in enumerate(container.decode(video=0)):
            if n in wanted:
                found[n] = frame.to_ndarray(format="rgb24").astype(int)
    return found


def _accent(frame: np.ndarray) -> np.ndarray:
    """Where the frame shows the brand colour of the lit word (within encoding's error)."""
    return np.abs(frame - np.array(ACCENT)).max(axis=2) < 40


async def test_without_words_the_ad_is_exactly_todays(ads: dict[str, Path]) -> None:
    plain, empty = _packets(ads["plain"]), _packets(ads["empty"])
    assert len(empty) == 900
    assert _digest(empty) == _digest(plain), "every frame copied or encoded as before"


async def test_with_words_it_is_still_900_frames_and_only_scenes_with_words_are_encoded(
    ads: dict[str, Path],
) -> None:
    plain, worded = _digest(_packets(ads["plain"])), _digest(_packets(ads["words"]))
    assert len(worded) == 900
    assert await asyncio.to_thread(decode_errors, ads["words"]) == ""
    with av.open(str(ads["words"])) as container:
        assert container.streams.audio, "the sound is kept"
        assert container.duration / av.time_base == pytest.approx(30, abs=1 / 30)
    third = scene_windows(DURATIONS)[2]
    frames = range(third.start, third.end)
    assert [worded[i] for i in frames] == [plain[i] for i in frames], "scene 3 still copied"
    for start in (round(t * FPS) for t in transition_offsets(DURATIONS)):
        fade = range(start, start + CROSSFADE_FRAMES)
        assert [worded[i] for i in fade] == [plain[i] for i in fade], "crossfades untouched"
    first = scene_windows(DURATIONS)[0]
    assert worded[first.start : first.end] != plain[first.start : first.end]


async def test_titles_show_in_their_scene_and_never_on_a_transition_frame(
    ads: dict[str, Path],
) -> None:
    plan = plan_words(ad_words(), DURATIONS)
    title = plan.titles[1]
    middle = (title.start + title.end) // 2
    fades = [round(t * FPS) + k for t in transition_offsets(DURATIONS) for k in (0, 7, 14)]
    wanted = {middle, *fades}
    plain, worded = _frames(ads["plain"], wanted), _frames(ads["words"], wanted)
    layout = layout_for(W, H)
    band = slice(layout.top, layout.top + 3 * layout.title_size)
    changed = np.abs(worded[middle][band] - plain[middle][band]).max(axis=2) > 60
    assert changed.sum() > 50, "the title is drawn at the top of the safe area"
    for frame in fades:
        assert np.abs(worded[frame] - plain[frame]).max() == 0, f"frame {frame} is a transition"


async def test_the_spoken_word_is_lit_and_the_light_moves_with_the_voice(
    ads: dict[str, Path],
) -> None:
    cue = next(c for c in plan_words(ad_words(), DURATIONS).cues if len(c.words) >= 3)
    first, third = cue.marks[0] + 1, cue.marks[2] + 1
    frames = _frames(ads["words"], {first, third})
    centres = []
    for n in (first, third):
        lit = _accent(frames[n])
        assert lit.sum() > 10, f"a word is lit at frame {n}"
        ys, xs = np.nonzero(lit)
        assert ys.min() >= H * 0.12 and ys.max() < H * 0.80, "inside the 9:16 safe area"
        centres.append(xs.mean())
    assert centres[1] > centres[0] + 10, "the lit word moved right as the voice went on"


async def test_the_ad_ends_on_a_card_in_the_brand_colour_with_the_logo(
    ads: dict[str, Path],
) -> None:
    last = _frames(ads["words"], {899})[899]
    share = _accent(last).mean()
    assert share > 0.6, "the card fills the frame with the brand colour"
    box = logo_box(layout_for(W, H))
    above = last[box.bottom - 8 : box.bottom - 2, box.x - 3 : box.x + 3]
    assert above.min() > 200, "the white logo sits above the product's name"


async def test_other_formats_carry_their_own_words_at_their_size(ads: dict[str, Path]) -> None:
    cue = plan_words(ad_words(), DURATIONS).cues[0]
    size = format_size("1:1", W, H)
    with av.open(str(ads["square"])) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height, stream.frames) == (*size, 900)
    frame = _frames(ads["square"], {cue.start + 1})[cue.start + 1]
    ys, _ = np.nonzero(_accent(frame))
    layout = layout_for(*size)
    assert len(ys) > 10 and ys.max() < size[1] - layout.bottom and ys.min() >= layout.top
    card = _frames(ads["square"], {899})[899]
    assert _accent(card).mean() > 0.6
