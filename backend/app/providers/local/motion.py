"""Local motion: a camera move over the seed image, rendered by FFmpeg. Offline, deterministic."""

from __future__ import annotations

from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.args import Encoding, motion_args
from app.ffmpeg.runner import run_ffmpeg
from app.providers.base import MotionSpec, ProgressCallback


class LocalMotionProvider:
    name = "local"

    def __init__(self, settings: FFmpegSettings) -> None:
        self._settings = settings

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        out.parent.mkdir(parents=True, exist_ok=True)
        args = motion_args(
            spec.image,
            spec.camera_move.value,
            spec.duration,
            out,
            Encoding(preset=self._settings.preset, crf=self._settings.crf),
            width=spec.width,
            height=spec.height,
            fps=spec.fps,
        )
        await run_ffmpeg(
            args,
            self._settings,
            on_time=(lambda seconds: on_progress(min(1.0, seconds / spec.duration)))
            if on_progress
            else None,
        )
        return out
