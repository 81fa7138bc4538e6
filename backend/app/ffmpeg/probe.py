"""What a media file holds, read with PyAV (there is no ffprobe without system FFmpeg)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import av

from app.errors import RenderError


@dataclass(frozen=True)
class MediaInfo:
    duration: float
    """Seconds, as the container states it (the longest stream)."""
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    """Average frame rate of the first video stream."""
    video_codec: str | None = None
    pix_fmt: str | None = None
    frames: int | None = None
    """Frame count from the container, when it records one (MP4 does); never decoded."""
    audio_codec: str | None = None
    sample_rate: int | None = None
    channels: int | None = None

    @property
    def has_video(self) -> bool:
        return self.video_codec is not None

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None


def probe(path: Path) -> MediaInfo:
    """Read `path`'s streams (blocking: headers only, nothing is decoded)."""
    try:
        with av.open(str(path)) as container:
            info: dict[str, object] = {"duration": (container.duration or 0) / av.time_base}
            if container.streams.video:
                video = container.streams.video[0]
                rate = video.average_rate
                info.update(
                    width=video.codec_context.width,
                    height=video.codec_context.height,
                    fps=float(rate) if rate else None,
                    video_codec=video.codec_context.name,
                    pix_fmt=video.codec_context.pix_fmt,
                    frames=video.frames or None,
                )
            if container.streams.audio:
                audio = container.streams.audio[0]
                info.update(
                    audio_codec=audio.codec_context.name,
                    sample_rate=audio.codec_context.sample_rate,
                    channels=audio.codec_context.channels,
                )
            return MediaInfo(**info)  # type: ignore[arg-type]
    except (av.FFmpegError, OSError) as exc:
        raise RenderError(f"{path.name} is not a readable media file: {exc}") from exc


async def probe_async(path: Path) -> MediaInfo:
    """`probe` in a worker thread, so the event loop never waits on the disk."""
    return await asyncio.to_thread(probe, path)
