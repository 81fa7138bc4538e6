from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image, ImageDraw

from app.config import FFmpegSettings
from app.ffmpeg.probe import probe
from app.models.scene import CameraMove
from app.providers.base import MotionSpec
from app.providers.local.motion import LocalMotionProvider

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


def _first_and_last(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with av.open(str(path)) as container:
        frames = [f.to_ndarray(format="rgb24").astype(float) for f in container.decode(video=0)]
    return frames[0], frames[-1]


async def _render(still: Path, out: Path, move: CameraMove, progress: list[float]) -> Path:
    spec = MotionSpec(
        image=still,
        duration=2.0,
        prompt="",
        camera_move=move,
        seed=1,
        width=SIZE[0],
        height=SIZE[1],
    )
    return await LocalMotionProvider(FFmpegSettings()).animate(spec, out, progress.append)


async def test_a_clip_is_h264_at_30fps_of_the_requested_length(still: Path, tmp_path: Path) -> None:
    progress: list[float] = []
    clip = await _render(still, tmp_path / "clips" / "push.mp4", CameraMove.PUSH_IN, progress)
    info = probe(clip)
    assert (info.width, info.height) == SIZE
    assert info.fps == pytest.approx(30)
    assert info.video_codec == "h264" and info.pix_fmt == "yuv420p"
    assert info.duration == pytest.approx(2.0, abs=1 / 30)
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0, abs=0.05)


async def test_every_camera_move_moves_and_each_differently(still: Path, tmp_path: Path) -> None:
    last_frames = {}
    for move in CameraMove:
        first, last = _first_and_last(await _render(still, tmp_path / f"{move}.mp4", move, []))
        assert np.abs(first - last).mean() > 3, f"{move} does not move"
        last_frames[move] = last
    moves = list(CameraMove)
    for i, a in enumerate(moves):
        for b in moves[i + 1 :]:
            assert np.abs(last_frames[a] - last_frames[b]).mean() > 1, f"{a} ends like {b}"
