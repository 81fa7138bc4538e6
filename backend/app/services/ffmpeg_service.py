"""The composer: finished clips and a music track into the final 30-second vertical ad.

Segment by segment (see `app.ffmpeg.args.segment_args`): each clip's own frames plus its
crossfade into the next are encoded once, one segment at a time, then joined by stream copy
while the music is laid under them. Every output frame is encoded exactly once and at most two
clips are decoded at any moment, which keeps time near a plain encode and memory bounded.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import anyio

from app.config import FFmpegSettings
from app.ffmpeg.args import Encoding, concat_list, mux_args, segment_args, segment_frames
from app.ffmpeg.probe import probe_async
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.timing import FPS, clip_cuts
from app.providers.base import ProgressCallback

MUX_SHARE = 0.05
"""Share of the progress bar for the final join, which copies video and encodes only audio."""


@dataclass(frozen=True)
class ClipInput:
    path: Path
    duration: float
    """The scene's share of the ad, in seconds (the clip itself may be any length)."""


@dataclass(frozen=True)
class ComposedVideo:
    path: Path
    duration: float
    """As probed from the written file."""


async def compose_ad(
    clips: Sequence[ClipInput],
    music: Path | None,
    out: Path,
    settings: FFmpegSettings,
    on_progress: ProgressCallback | None = None,
) -> ComposedVideo:
    cuts = clip_cuts([clip.duration for clip in clips])
    total_frames = sum(segment_frames(cut) for cut in cuts)
    encoding = Encoding(preset=settings.preset, crf=settings.crf)
    report = on_progress or (lambda fraction: None)
    workdir = Path(await asyncio.to_thread(tempfile.mkdtemp, prefix=".compose-", dir=out.parent))
    try:
        segments: list[Path] = []
        frames_done = 0
        for index, cut in enumerate(cuts):
            segment = workdir / f"segment-{index:02d}.mp4"
            following = clips[index + 1].path if index + 1 < len(clips) else None
            before = frames_done

            def on_time(seconds: float, before: int = before) -> None:
                done = min(total_frames, before + seconds * FPS)
                report((1 - MUX_SHARE) * done / total_frames)

            await run_ffmpeg(
                segment_args(clips[index].path, cut, following, segment, encoding),
                settings,
                on_time=on_time,
            )
            segments.append(segment)
            frames_done += segment_frames(cut)

        listing = workdir / "segments.txt"
        await anyio.Path(listing).write_text(concat_list(segments))
        partial = out.with_name(f".{out.stem}.partial{out.suffix}")
        await run_ffmpeg(
            mux_args(listing, music, total_frames / FPS, partial),
            settings,
            on_time=lambda seconds: report(
                1 - MUX_SHARE + MUX_SHARE * min(1.0, seconds * FPS / total_frames)
            ),
        )
        await anyio.Path(partial).rename(out)
    finally:
        await asyncio.to_thread(shutil.rmtree, workdir, True)
    info = await probe_async(out)
    report(1.0)
    return ComposedVideo(path=out, duration=info.duration)
