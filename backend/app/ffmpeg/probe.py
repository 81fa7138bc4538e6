"""What a media file holds, read with PyAV, and the one way it may then be handed to FFmpeg.

The demuxer comes from the file's first bytes (`app.ffmpeg.sniff`), PyAV opens the file with
that demuxer and the file protocol only, and `media_input` turns the result into the
`FileInput` FFmpeg will read: the same demuxer, never a guess. A file that is not one plain
video, image or audio file of a format we accept is an `UnsupportedMedia` (a missing one a
`MediaNotFound`) naming it in the user's terms ("The clip for scene 3"); the path and PyAV's
words go to the log only.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

import av

from app.errors import MediaNotFound, UnsupportedMedia
from app.ffmpeg.inputs import DEMUXERS, PROTOCOLS, FileInput, MediaKind
from app.ffmpeg.sniff import Container, sniff_file

logger = logging.getLogger(__name__)

_NOUNS: dict[MediaKind, tuple[str, str]] = {
    "video": ("a video", "an MP4, MOV, MKV or WebM file"),
    "image": ("an image", "a PNG, JPEG or WebP file"),
    "audio": ("audio", "a WAV, MP3, FLAC, Ogg or M4A file"),
}


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
    demuxer: str | None = None
    """The demuxer the file's content proved (a key of `app.ffmpeg.inputs.DEMUXERS`)."""

    @property
    def has_video(self) -> bool:
        return self.video_codec is not None

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None


def probe(path: Path, what: str = "The file", kind: MediaKind = "video") -> MediaInfo:
    """Read `path`'s streams (blocking: headers only, nothing is decoded).

    `what` and `kind` only word the error: "{what} could not be read as {a video}".
    """
    try:
        container = sniff_file(path)
        if container is None:
            raise _unsupported(path, what, kind, "no accepted format starts this way")
        with open_forced(path, container) as media:
            return _info(media, container.demuxer)
    except FileNotFoundError as exc:
        logger.warning("missing %s (%s)", path, what)
        raise MediaNotFound(f"{what} is missing.") from exc
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise _unsupported(path, what, kind, repr(exc)) from exc


def open_forced(path: Path, container: Container) -> av.container.InputContainer:
    """Open `path` with PyAV as exactly `container` (blocking), or raise ValueError.

    `file:` and the whitelist: whatever the demuxer meets, it reads this one file only.
    """
    media = av.open(
        f"file:{path}", format=container.demuxer, options={"protocol_whitelist": PROTOCOLS}
    )
    if container.pyav_names and media.format.name not in container.pyav_names:
        media.close()
        raise ValueError(f"opened as {media.format.name}, not {container.demuxer}")
    return media


def media_input(path: Path, kind: MediaKind, what: str) -> tuple[FileInput, MediaInfo]:
    """`path` as FFmpeg may read it, if it is a plain `kind` file; else `UnsupportedMedia`."""
    resolved = path.resolve()
    info = probe(resolved, what, kind)
    if info.demuxer not in DEMUXERS or kind not in DEMUXERS[info.demuxer]:
        raise _unsupported(path, what, kind, f"{info.demuxer} cannot hold {kind}")
    if kind == "audio" and not info.has_audio:
        raise _unsupported(path, what, kind, "it has no audio stream")
    if kind != "audio" and not (info.has_video and info.width and info.height):
        raise _unsupported(path, what, kind, "it has no video stream of a known size")
    return FileInput(resolved, info.demuxer), info


async def probe_async(path: Path, what: str = "The file") -> MediaInfo:
    """`probe` in a worker thread, so the event loop never waits on the disk."""
    return await asyncio.to_thread(probe, path, what)


async def media_input_async(path: Path, kind: MediaKind, what: str) -> tuple[FileInput, MediaInfo]:
    return await asyncio.to_thread(media_input, path, kind, what)


def _info(container: av.container.InputContainer, demuxer: str) -> MediaInfo:
    info: dict[str, object] = {
        "duration": (container.duration or 0) / av.time_base,
        "demuxer": demuxer,
    }
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


def _unsupported(path: Path, what: str, kind: MediaKind, why: str) -> UnsupportedMedia:
    logger.warning("refused %s (%s): %s", path, what, why)
    noun, formats = _NOUNS[kind]
    return UnsupportedMedia(f"{what} could not be read as {noun}: use {formats}.")
