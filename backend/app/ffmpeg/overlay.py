"""Filters laid over a clip in the pass that renders it: the ad's words, when they are known
before the clips are (the pipeline speaks the lines first), so a frame with words is encoded
once instead of rendered, then decoded, burned and encoded again at compose time."""

from __future__ import annotations

from dataclasses import dataclass

from app.ffmpeg.inputs import FileInput

IN_LABEL = "base"
OUT_LABEL = "over"


@dataclass(frozen=True)
class Overlay:
    graph: str
    """A filter graph fragment from `[base]` (the clip's frames) to `[over]`; extra inputs are
    numbered from 1."""
    inputs: tuple[FileInput, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    """What FFmpeg's environment needs for it (libass's fontconfig)."""
    digest: str = ""
    """What it draws and where on the ad's timeline, recorded in the clip's form so that the
    composer knows the clip's frames already carry exactly these words."""
