"""Local motion: a camera move over the seed image, rendered by FFmpeg. Offline, deterministic.

The clip is rendered directly in the ad's normal form (`app.ffmpeg.form`): the final encoder
settings (`FFMPEG_PRESET`, `FFMPEG_CRF`) with keyframes where its crossfades begin and end, so
the composer copies its body and encodes only the crossfades: each frame is encoded once.

The seed image is probed first and read with the demuxer its content proved (a PNG, JPEG or
WebP pipe): a seed that is anything else is refused before FFmpeg opens it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.config import FFmpegSettings
from app.errors import InvalidRequest
from app.ffmpeg.args import encoding_of, motion_args
from app.ffmpeg.probe import media_input_async
from app.ffmpeg.runner import run_ffmpeg
from app.providers.base import MotionSpec, ProgressCallback


class LocalMotionProvider:
    name = "local"
    renders_normal_form = True
    """Its clips need no second encode: `spec.keyframes` and the final settings are honoured."""

    def __init__(self, settings: FFmpegSettings) -> None:
        self._settings = settings

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        _check(spec)
        still, _ = await media_input_async(spec.image, "image", "The seed image")
        await asyncio.to_thread(out.parent.mkdir, parents=True, exist_ok=True)
        # `out` is a partial path of the media store's, renamed into place once whole.
        args = motion_args(
            still,
            spec.camera_move.value,
            spec.duration,
            out,
            encoding_of(self._settings),
            width=spec.width,
            height=spec.height,
            fps=spec.fps,
            keyframes=spec.keyframes,
            overlay=spec.overlay,
        )
        await run_ffmpeg(
            args,
            self._settings,
            duration=spec.duration,
            on_progress=on_progress,
            failure="The clip could not be rendered from the seed image",
            env=dict(spec.overlay.env) if spec.overlay else None,
        )
        return out


def _check(spec: MotionSpec) -> None:
    if not spec.duration > 0:
        raise InvalidRequest(f"A clip must last a positive time, not {spec.duration:g} s.")
    if spec.width <= 0 or spec.height <= 0 or spec.width % 2 or spec.height % 2:
        raise InvalidRequest(
            f"A clip's width and height must be positive and even (H.264 4:2:0 needs it), "
            f"not {spec.width}x{spec.height}."
        )
    if spec.fps <= 0:
        raise InvalidRequest(f"A clip needs a positive frame rate, not {spec.fps}.")
