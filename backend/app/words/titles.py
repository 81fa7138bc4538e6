"""Where words may show: inside a scene's own frames, never across a crossfade. Pure functions.

A crossfade mixes two scenes' pictures; a word laid over it would be re-encoded twice or cut in
half by the copy that makes the ad (`app.ffmpeg.stitch`). So each scene has a window: the frames
it holds the screen alone (its body, `app.ffmpeg.timing.ClipCut`), and every caption, title and
the end card is placed inside one window. Titles keep a little further from the edges, so
that their fade in and out happens over a still picture, not over the crossfade.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.ffmpeg.timing import FPS, TOTAL_SECONDS, clip_cuts

TITLE_MARGIN_FRAMES = 6
"""A title starts at least 0.2 s after a crossfade ends and ends 0.2 s before the next one."""


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
    """Each scene's body in the ad's frames: segment k is clip k's body, then its crossfade."""
    windows, offset = [], 0
    for number, cut in enumerate(clip_cuts(durations, total, fps), start=1):
        length = cut.body[1] - cut.body[0]
        windows.append(Window(number, offset, offset + length))
        offset += cut.segment_frames
    return windows


def title_windows(
    durations: Sequence[float], total: float = TOTAL_SECONDS, fps: int = FPS
) -> list[Window]:
    """Where each scene's title may show: its body, kept `TITLE_MARGIN_FRAMES` from any
    crossfade (the ad's first and last frames are no crossfade and need no margin)."""
    windows = scene_windows(durations, total, fps)
    last = len(windows) - 1
    placed = []
    for index, window in enumerate(windows):
        start = window.start + (TITLE_MARGIN_FRAMES if index > 0 else 0)
        end = window.end - (TITLE_MARGIN_FRAMES if index < last else 0)
        placed.append(Window(window.scene_number, start, max(start, end)))
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
