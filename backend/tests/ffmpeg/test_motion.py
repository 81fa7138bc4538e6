"""The local motion provider, rendered for real at a small size and re-opened with PyAV."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from app.config import FFmpegSettings
from app.errors import InvalidRequest
from app.ffmpeg.args import Encoding
from app.ffmpeg.compose_copy import copy_plan
from app.ffmpeg.form import ClipForm
from app.ffmpeg.probe import probe
from app.ffmpeg.timing import clip_cuts
from app.models.scene import CameraMove
from app.providers.base import MotionSpec
from app.providers.local.motion import LocalMotionProvider
from app.services.normalise_service import record_form

pytestmark = pytest.mark.anyio
SIZE = (216, 384)


@pytest.fixture
def still(tmp_path: Path) -> Path:
    """Gradients in both directions and no repeating pattern, so every camera move shows."""
    x = np.linspace(0, 255, SIZE[0])[None, :]
    y = np.linspace(0, 255, SIZE[1])[:, None]
    pixels = np.stack([x + 0 * y, 255 - y + 0 * x, (x + y) / 2], axis=-1).astype(np.uint8)
    image = Image.fromarray(pixels)
    ImageDraw.Draw(image).ellipse([40, 120, 150, 230], fill=(250, 250, 250))
    path = tmp_path / "still.png"
    image.save(path)
    return path


@pytest.fixture
def dot(tmp_path: Path) -> Path:
    """One soft white dot off-centre on black: its centroid shows how the camera moved."""
    image = Image.new("L", SIZE, 0)
    ImageDraw.Draw(image).ellipse([140, 90, 156, 106], fill=255)
    path = tmp_path / "dot.png"
    image.filter(ImageFilter.GaussianBlur(2)).convert("RGB").save(path)
    return path


def _frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24").astype(float) for f in container.decode(video=0)]


async def _render(
    image: Path, out: Path, move: CameraMove, progress: list[float] | None = None
) -> Path:
    spec = MotionSpec(
        image=image,
        duration=2.0,
        prompt="",
        camera_move=move,
        seed=1,
        width=SIZE[0],
        height=SIZE[1],
    )
    callback = progress.append if progress is not None else None
    return await LocalMotionProvider(FFmpegSettings()).animate(spec, out, callback)


async def test_a_clip_is_h264_at_30fps_of_the_requested_size_and_length(
    tmp_path: Path,
) -> None:
    landscape = tmp_path / "wide.png"
    Image.new("RGB", (640, 360), "teal").save(landscape)  # any shape is cropped to cover
    progress: list[float] = []
    clip = await _render(landscape, tmp_path / "clips" / "push.mp4", CameraMove.PUSH_IN, progress)
    info = probe(clip)
    assert (info.width, info.height) == SIZE
    assert info.fps == pytest.approx(30)
    assert (info.video_codec, info.pix_fmt) == ("h264", "yuv420p")
    assert info.frames == 60
    assert info.duration == pytest.approx(2.0, abs=1 / 30)
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert [p.name for p in clip.parent.iterdir()] == ["push.mp4"], "no partial file left"


async def test_every_camera_move_moves_and_each_differently(still: Path, tmp_path: Path) -> None:
    last_frames = {}
    for move in CameraMove:
        frames = _frames(await _render(still, tmp_path / f"{move}.mp4", move))
        assert len(frames) == 60
        assert np.abs(frames[0] - frames[-1]).mean() > 3, f"{move} does not move"
        last_frames[move] = frames[-1]
    moves = list(CameraMove)
    for i, a in enumerate(moves):
        for b in moves[i + 1 :]:
            assert np.abs(last_frames[a] - last_frames[b]).mean() > 1, f"{a} ends like {b}"


def _centroids(frames: list[np.ndarray]) -> np.ndarray:
    centres = []
    for frame in frames:
        weight = np.clip(frame.mean(axis=2) - 40, 0, None)
        ys, xs = np.indices(weight.shape)
        centres.append(((xs * weight).sum() / weight.sum(), (ys * weight).sum() / weight.sum()))
    return np.array(centres)


@pytest.mark.parametrize(
    ("move", "measure", "direction"),
    [
        # Camera right: the picture slides left. Rise: the frame travels up, the picture down.
        (CameraMove.PAN_RIGHT, "x", -1),
        (CameraMove.PAN_LEFT, "x", 1),
        (CameraMove.RISE, "y", 1),
        (CameraMove.DESCEND, "y", -1),
        # Zooming in pushes an off-centre point away from the centre; zooming out pulls it in.
        (CameraMove.PUSH_IN, "radius", 1),
        (CameraMove.PULL_OUT, "radius", -1),
    ],
)
async def test_the_camera_glides_one_way_without_jitter(
    dot: Path, tmp_path: Path, move: CameraMove, measure: str, direction: int
) -> None:
    centres = _centroids(_frames(await _render(dot, tmp_path / "clip.mp4", move)))
    track = {
        "x": centres[:, 0],
        "y": centres[:, 1],
        "radius": np.hypot(centres[:, 0] - SIZE[0] / 2, centres[:, 1] - SIZE[1] / 2),
    }[measure]
    steps = np.diff(track) * direction
    assert track[-1] - track[0] == pytest.approx(direction * abs(track[-1] - track[0]))
    assert abs(track[-1] - track[0]) > 5, "the move travels visibly"
    # Never back and forth (what zoompan's rounding does), never a jump.
    assert steps.min() > -0.1, f"{move} steps backwards by {-steps.min():.2f} px"
    assert steps.max() < 1.5, f"{move} jumps by {steps.max():.2f} px in one frame"


async def test_impossible_clips_are_refused_before_rendering(still: Path, tmp_path: Path) -> None:
    provider = LocalMotionProvider(FFmpegSettings())
    odd = MotionSpec(still, 2.0, "", CameraMove.RISE, seed=1, width=215, height=384)
    with pytest.raises(InvalidRequest, match="even"):
        await provider.animate(odd, tmp_path / "odd.mp4")
    empty = MotionSpec(still, 0.0, "", CameraMove.RISE, seed=1)
    with pytest.raises(InvalidRequest, match="positive"):
        await provider.animate(empty, tmp_path / "empty.mp4")


async def test_a_clip_is_rendered_in_the_normal_form_so_the_composer_can_copy_it(
    still: Path, tmp_path: Path
) -> None:
    cuts = clip_cuts([2.0, 28.0])
    cut = cuts[0]  # 75 frames: 60 on its own, 15 fading out
    form = ClipForm.target(cut, Encoding(), *SIZE)
    spec = MotionSpec(
        image=still,
        duration=cut.length / 30,
        prompt="",
        camera_move=CameraMove.PAN_RIGHT,
        seed=1,
        width=SIZE[0],
        height=SIZE[1],
        keyframes=form.keyframes,
    )
    clip = await LocalMotionProvider(FFmpegSettings()).animate(spec, tmp_path / "c.mp4")
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        keys = {
            round(p.pts * stream.time_base * 30)
            for p in container.demux(stream)
            if p.is_keyframe and p.pts is not None
        }
    assert {0, 60} <= keys
    await record_form(clip, form)
    # Only the first clip is checked here: a plan for it alone has the same cut.
    single = copy_plan([clip], [cut], Encoding(), *SIZE)
    assert single == [replace(form, size_bytes=clip.stat().st_size)]
