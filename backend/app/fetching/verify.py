"""Decode checks: a file is one plain image, video or audio stream, or a `ProviderBadOutput`.

A model can succeed and still hand back an HTML error page, a truncated file or noise, and a
link a client gives us can name anything at all. Each check first sniffs the container from the
leading bytes (`app.ffmpeg.sniff`) and opens the file with that demuxer forced, never letting
FFmpeg choose one from the content (a DASH or HLS manifest would have it read the files it
names); then it decodes real data with the library that will use the file later (Pillow for
images, PyAV, which is FFmpeg, for video and audio). They block: call them through
`asyncio.to_thread`.
"""

from __future__ import annotations

from pathlib import Path

import av
from PIL import Image, UnidentifiedImageError

from app.errors import ProviderBadOutput
from app.ffmpeg.probe import open_forced
from app.ffmpeg.sniff import Container, Family, sniff_file

MAX_IMAGE_PIXELS = 40_000_000
"""Larger than any camera or model output we take (8K is 33 Mpx), small enough to decode."""
MAX_VIDEO_PIXELS = 4096 * 4096
_IMAGE_FORMATS = ("PNG", "JPEG", "WEBP")


def check_image(path: Path, what: str = "image") -> tuple[int, int]:
    """Width and height of a fully decodable PNG, JPEG or WebP image."""
    unreadable = ProviderBadOutput(f"The {what} the model returned is not a readable image.")
    container = _sniff(path)
    if container is None or Family.IMAGE not in container.families:
        raise unreadable
    try:
        # Only these decoders: Pillow would otherwise try every format it knows (EPS included,
        # which runs Ghostscript).
        with Image.open(path, formats=[container.pillow or ""]) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ProviderBadOutput(f"The {what} the model returned is too large to use.")
            image.load()
            return image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise unreadable from exc


def check_video(path: Path, what: str = "video clip") -> float:
    """Duration in seconds of an MP4/MOV or WebM/Matroska file with one decodable video stream."""
    container = _sniff(path)
    if container is not None and container.families == {Family.AUDIO}:
        raise ProviderBadOutput(f"The {what} the model returned has no video stream.")
    unreadable = ProviderBadOutput(f"The {what} the model returned is not a readable video.")
    if container is None or Family.VIDEO not in container.families:
        raise unreadable
    try:
        with _open(path, container) as media:
            videos = [s for s in media.streams.video if not _is_cover_art(s)]
            if not videos:
                raise ProviderBadOutput(f"The {what} the model returned has no video stream.")
            if len(videos) > 1:
                raise ProviderBadOutput(f"The {what} the model returned has several video streams.")
            stream = videos[0]
            if stream.width * stream.height > MAX_VIDEO_PIXELS:
                raise ProviderBadOutput(f"The {what} the model returned is too large to use.")
            next(media.decode(stream))
            if media.duration is not None:
                return float(media.duration / av.time_base)
            if stream.duration is not None and stream.time_base is not None:
                return float(stream.duration * stream.time_base)
            return 0.0
    except (av.FFmpegError, StopIteration, OSError, ValueError) as exc:
        raise unreadable from exc


def check_audio(path: Path, what: str = "music track") -> float:
    """Duration in seconds of a WAV, MP3, FLAC, Ogg or M4A file with one audio stream."""
    unreadable = ProviderBadOutput(f"The {what} the model returned is not readable audio.")
    container = _sniff(path)
    if container is None or Family.AUDIO not in container.families:
        raise unreadable
    try:
        with _open(path, container) as media:
            if not media.streams.audio:
                raise ProviderBadOutput(f"The {what} the model returned has no audio stream.")
            if len(media.streams) != 1:
                raise ProviderBadOutput(f"The {what} the model returned is not plain audio.")
            next(media.decode(media.streams.audio[0]))
            return float(media.duration / av.time_base) if media.duration else 0.0
    except (av.FFmpegError, StopIteration, OSError, ValueError) as exc:
        raise unreadable from exc


def _sniff(path: Path) -> Container | None:
    try:
        return sniff_file(path)
    except OSError:
        return None


def _open(path: Path, container: Container) -> av.container.InputContainer:
    return open_forced(path, container)


def _is_cover_art(stream: av.VideoStream) -> bool:
    return bool(stream.disposition & av.stream.Disposition.attached_pic)
