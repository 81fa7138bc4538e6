"""What a media file holds, read with PyAV (no ffprobe is needed)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import av

from app.errors import RenderError


@dataclass(frozen=True)
class MediaInfo:
    duration: float
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    video_codec: str | None = None
    pix_fmt: str | None = None
    audio_codec: str | None = None
    frames: int | None = None
    """Frame count from the container, when it records one."""


def probe(path: Path) -> MediaInfo:
    try:
        with av.open(str(path)) as container:
            duration = (container.duration or 0) / av.time_base
            info: dict[str, object] = {"duration": duration}
            if container.streams.video:
                video = container.streams.video[0]
                rate = video.average_rate
                info.update(
                    width=video.width,
                    height=video.height,
                    fps=float(rate) if rate else None,
                    video_codec=video.codec_context.name,
                    pix_fmt=video.codec_context.pix_fmt,
                    frames=video.frames or None,
                )
            if container.streams.audio:
                info["audio_codec"] = container.streams.audio[0].codec_context.name
            return MediaInfo(**info)  # type: ignore[arg-type]
    except (av.FFmpegError, OSError) as exc:
        raise RenderError(f"{path.name} is not a readable media file: {exc}") from exc


async def probe_async(path: Path) -> MediaInfo:
    return await asyncio.to_thread(probe, path)
