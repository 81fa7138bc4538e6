"""Decode checks: a downloaded file is what it claims to be, or a `ProviderBadOutput`.

A model can succeed and still hand back an HTML error page, a truncated file or noise. Each
check opens the file with the library that will use it later (Pillow for images, PyAV, which
is FFmpeg, for video and audio) and decodes real data, so garbage is caught here, named, and not
deep inside the composer. They block: call them through `asyncio.to_thread`.
"""

from __future__ import annotations

from pathlib import Path

import av
from PIL import Image, UnidentifiedImageError

from app.errors import ProviderBadOutput


def check_image(path: Path, what: str = "image") -> tuple[int, int]:
    """Width and height of a fully decodable image."""
    try:
        with Image.open(path) as image:
            image.load()
            return image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ProviderBadOutput(f"The {what} the model returned is not a readable image.") from exc


def check_video(path: Path, what: str = "video clip") -> float:
    """Duration in seconds of a file with a decodable video stream."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise ProviderBadOutput(f"The {what} the model returned has no video stream.")
            stream = container.streams.video[0]
            next(container.decode(stream))
            if container.duration is not None:
                return float(container.duration / av.time_base)
            if stream.duration is not None and stream.time_base is not None:
                return float(stream.duration * stream.time_base)
            return 0.0
    except (av.FFmpegError, StopIteration, OSError, ValueError) as exc:
        raise ProviderBadOutput(f"The {what} the model returned is not a readable video.") from exc


def check_audio(path: Path, what: str = "music track") -> float:
    """Duration in seconds of a file with a decodable audio stream."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise ProviderBadOutput(f"The {what} the model returned has no audio stream.")
            next(container.decode(container.streams.audio[0]))
            return float(container.duration / av.time_base) if container.duration else 0.0
    except (av.FFmpegError, StopIteration, OSError, ValueError) as exc:
        raise ProviderBadOutput(f"The {what} the model returned is not readable audio.") from exc
