"""Where words may go on the ad's timeline: each scene's span clear of its crossfades, and the
windows for its spoken line, its title and the end card. Pure functions.

Scene i holds the screen from boundary T(i-1) to T(i) (whole frames, `app.ffmpeg.timing`); the
crossfade into it covers its first 0.5 s, so the picture is its own only from T(i-1) + 0.5 (the
first scene from 0) to T(i). Voice and titles stay inside that, a little clear of its edges, so
neither is heard or seen across a transition.

This module is the one home of these rules; `app.words.titles` is the same windows counted in
the ad's frames, for the burner and the caption files.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.ffmpeg.timing import CROSSFADE_SECONDS, FPS, TOTAL_SECONDS, scene_frames

SPEECH_MARGIN = 0.2
"""Quiet kept between a line and the crossfade on either side of it, in seconds."""
TITLE_MARGIN = 0.25
"""A title is gone this long before a crossfade starts and comes in this long after one ends."""
END_CARD_SECONDS = 2.5
"""The end card holds the last 2.5 s (less when the last scene is shorter)."""
MIN_TITLE_SECONDS = 1.0
"""A title shorter than this cannot be read; the scene then shows none."""


@dataclass(frozen=True)
class Window:
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return max(0.0, self.end - self.start)


def clear_spans(
    durations: Sequence[float], total: float = TOTAL_SECONDS, fps: int = FPS
) -> list[Window]:
    """Each scene's time on screen with no crossfade over it, on the frame grid."""
    frames = scene_frames(durations, total, fps)
    spans, start = [], 0
    for index, count in enumerate(frames):
        end = start + count
        first = start / fps + (CROSSFADE_SECONDS if index else 0.0)
        spans.append(Window(round(first, 6), round(end / fps, 6)))
        start = end
    return spans


def speech_windows(durations: Sequence[float], total: float = TOTAL_SECONDS) -> list[Window]:
    """Where each scene's voiceover may sound: its clear span less a quiet margin each side."""
    return [
        Window(span.start + SPEECH_MARGIN, span.end - SPEECH_MARGIN)
        for span in clear_spans(durations, total)
    ]


def end_card_window(
    durations: Sequence[float], total: float = TOTAL_SECONDS, fps: int = FPS
) -> Window:
    """The last seconds of the last scene, never over the crossfade into it."""
    last = clear_spans(durations, total, fps)[-1]
    return Window(max(last.start, last.end - END_CARD_SECONDS), last.end)


def title_windows(
    durations: Sequence[float],
    total: float = TOTAL_SECONDS,
    end_card: bool = True,
    fps: int = FPS,
) -> list[Window | None]:
    """Each scene's title window, inside the scene and clear of the crossfades on both sides
    (and, for the last scene, ended before the end card); None where too short to read."""
    spans = clear_spans(durations, total, fps)
    card = end_card_window(durations, total, fps) if end_card else None
    windows: list[Window | None] = []
    for index, span in enumerate(spans):
        end = span.end - (TITLE_MARGIN if index < len(spans) - 1 else 0.0)
        if card is not None and index == len(spans) - 1:
            end = card.start - TITLE_MARGIN
        start = span.start + (TITLE_MARGIN if index else 0.0)
        window = Window(_on_grid(start, fps, math.ceil), _on_grid(end, fps, math.floor))
        windows.append(window if window.seconds >= MIN_TITLE_SECONDS else None)
    return windows


def _on_grid(seconds: float, fps: int, rounding: Callable[[float], int]) -> float:
    """`seconds` moved onto a whole frame, inwards (the margin grows, never shrinks), so the
    title's frames (`app.words.titles`) are exactly this window."""
    return round(rounding(round(seconds * fps, 6)) / fps, 6)
