"""Where words may show, in the ad's frames: the windows of `app.words.windows`, on the frame grid.
Pure functions.

A crossfade mixes two scenes' pictures; a word laid over it would be re-encoded twice or cut in
half by the copy that makes the ad (`app.ffmpeg.stitch`). So each scene has a window: the frames
it holds the screen alone (its body, `app.ffmpeg.timing.ClipCut`), and every caption, title and
the end card is placed inside one window. The rule itself (the crossfades, the titles' margin,
the end card) lives in `app.words.windows`, in seconds on the frame grid; here it is only
counted in frames.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from app.ffmpeg.timing import FPS, TOTAL_SECONDS
from app.words import windows as rule

TITLE_MARGIN_FRAMES = math.ceil(rule.TITLE_MARGIN * FPS - 1e-9)
"""`app.words.windows.TITLE_MARGIN` in whole frames: a title keeps at least this far from any
crossfade."""


@dataclass(frozen=True)
class Window:
    """Output frames [start, end) that belong to one scene alone."""

    scene_number: int
    start: int
    end: int

    def clamp(self, start: int, end: int) -> tuple[int, int] | None:
        """[start, end) cut to this window, or None when nothing of it is left."""
        start, end = max(start, self.start), min(end, self.end)
        return (start, end) if end > start else None


def scene_windows(
    durations: Sequence[float], total: float = TOTAL_SECONDS, fps: int = FPS
) -> list[Window]:
    """Each scene's body in the ad's frames: `clear_spans`, counted in frames."""
    return [
        Window(number, to_frame(span.start, fps), to_frame(span.end, fps))
        for number, span in enumerate(rule.clear_spans(durations, total, fps), start=1)
    ]


def title_windows(
    durations: Sequence[float],
    total: float = TOTAL_SECONDS,
    fps: int = FPS,
    end_card: bool = True,
) -> list[Window]:
    """Where each scene's title may show: `app.words.windows.title_windows` in frames, and an
    empty window where a scene is too short for a title."""
    bodies = scene_windows(durations, total, fps)
    placed = []
    for body, window in zip(
        bodies, rule.title_windows(durations, total, end_card, fps), strict=True
    ):
        if window is None:
            placed.append(Window(body.scene_number, body.start, body.start))
        else:
            placed.append(
                Window(body.scene_number, to_frame(window.start, fps), to_frame(window.end, fps))
            )
    return placed


def window_at(windows: Sequence[Window], frame: int) -> Window | None:
    """The window holding `frame`, else the next one (a frame inside a crossfade belongs to
    the scene that follows it), else None past the end."""
    for window in windows:
        if frame < window.end:
            return window
    return None


def place(windows: Sequence[Window], start: int, end: int) -> tuple[int, int] | None:
    """[start, end) moved inside the window it starts in (or the next one), cut to fit."""
    window = window_at(windows, start)
    return window.clamp(start, end) if window else None


def to_frame(seconds: float, fps: int = FPS) -> int:
    return round(seconds * fps)
