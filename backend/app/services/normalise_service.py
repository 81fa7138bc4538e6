"""Bring a finished clip to the normal form (`app.ffmpeg.form`) and record that it is.

Run by the clip job as each clip arrives, while the others still render, so the composer finds
every clip ready to copy. The local motion provider renders in the form directly (its clip is
only recorded); any other provider's clip (720p, 24 fps, any length) is encoded once more here.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.args import encoding_of
from app.ffmpeg.form import ClipForm, normalise_args, sidecar_path
from app.ffmpeg.probe import media_input_async
from app.ffmpeg.runner import run_ffmpeg
from app.providers.base import ProgressCallback
from app.storage.partials import partial_path


async def normalise_clip(
    clip: Path,
    form: ClipForm,
    settings: FFmpegSettings,
    what: str,
    on_progress: ProgressCallback | None = None,
    sidecar: Path | None = None,
) -> None:
    """Re-encode `clip` in place into `form`, then record the form (at `sidecar`, by default
    beside the clip)."""
    source, _ = await media_input_async(clip, "video", what)
    partial = partial_path(clip)
    try:
        await run_ffmpeg(
            normalise_args(source, form, partial, encoding_of(settings)),
            settings,
            duration=form.frames / form.fps,
            on_progress=on_progress,
            failure=f"{what} could not be brought to the ad's format",
        )
        await asyncio.to_thread(partial.replace, clip)
    finally:
        await asyncio.to_thread(partial.unlink, missing_ok=True)
    await record_form(clip, form, sidecar)


async def record_form(clip: Path, form: ClipForm, sidecar: Path | None = None) -> None:
    """Write `clip`'s form, bound to the file's current size, at `sidecar` (by default beside
    the clip, where the composer looks). A clip in a store batch passes the batch's own
    partial for its sidecar, so both appear together."""
    await asyncio.to_thread(_write_sidecar, clip, form, sidecar)


def _write_sidecar(clip: Path, form: ClipForm, sidecar: Path | None) -> None:
    text = replace(form, size_bytes=clip.stat().st_size).to_json()
    if sidecar is not None:
        sidecar.write_text(text)
        return
    final = sidecar_path(clip)
    partial = partial_path(final)
    partial.write_text(text)
    partial.replace(final)
