"""Where the ffmpeg executable lives.

No step may need apt or brew (DESIGN decision 5), so the last resort is the static FFmpeg that
the `imageio-ffmpeg` wheel ships. The answer is cached: looking it up spawns nothing, but it is
asked for on every render.
"""

from __future__ import annotations

import logging
import shutil
from functools import lru_cache

from app.config import FFmpegSettings
from app.errors import RenderError

logger = logging.getLogger(__name__)


def ffmpeg_path(settings: FFmpegSettings | None = None) -> str:
    """The ffmpeg to run: the explicit setting, else `ffmpeg` on PATH, else imageio-ffmpeg's."""
    return _locate(settings.binary if settings else None)


@lru_cache(maxsize=8)
def _locate(explicit: str | None) -> str:
    if explicit:
        found = shutil.which(explicit)
        if found is None:
            # The path is the operator's to see, in the log; a client only learns what to fix.
            logger.error("FFMPEG_BINARY=%r does not exist or is not executable", explicit)
            raise RenderError(
                "The video renderer is not set up: the configured FFmpeg (FFMPEG_BINARY) does "
                "not exist or is not executable."
            )
        return found
    on_path = shutil.which("ffmpeg")
    if on_path:
        return on_path
    try:
        import imageio_ffmpeg
    except ImportError as exc:  # pragma: no cover - it is a hard dependency
        raise RenderError(
            "FFmpeg is not installed: put ffmpeg on PATH or install the imageio-ffmpeg package."
        ) from exc
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError as exc:
        logger.error("imageio-ffmpeg's binary could not be found: %s", exc)
        raise RenderError(
            "The video renderer is not set up: the bundled FFmpeg is missing."
        ) from exc
