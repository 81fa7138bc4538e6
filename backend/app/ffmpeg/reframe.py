"""The ad's other formats, reframed from the composed 9:16 ad in one FFmpeg run (the builders
are `app.ffmpeg.formats`)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.args import HEIGHT, WIDTH, Encoding
from app.ffmpeg.formats import reframe_args
from app.ffmpeg.probe import media_input_async
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.timing import TOTAL_SECONDS
from app.providers.base import ProgressCallback
from app.storage.partials import partial_path


async def reframe_ad(
    ad: Path,
    outputs: Mapping[str, Path],
    settings: FFmpegSettings,
    on_progress: ProgressCallback | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> dict[str, Path]:
    """Write the `width`×`height` 9:16 `ad` in each format of `outputs` (format → file)."""
    if not outputs:
        return {}
    source, _ = await media_input_async(ad, "video", "The composed ad")
    partials = {name: partial_path(out) for name, out in outputs.items()}
    try:
        await run_ffmpeg(
            reframe_args(
                source,
                list(partials.items()),
                Encoding(preset=settings.formats_preset, crf=settings.crf),
                width,
                height,
            ),
            settings,
            duration=TOTAL_SECONDS,
            on_progress=on_progress,
            failure="The ad could not be made in the other formats",
        )
        for name, partial in partials.items():
            await asyncio.to_thread(partial.replace, outputs[name])
    finally:
        for partial in partials.values():
            await asyncio.to_thread(partial.unlink, missing_ok=True)
    return dict(outputs)
