"""Timing arithmetic for crossfaded ads, in whole frames so nothing drifts.

Scenes have durations d_1..d_N summing to 30 s. Every clip but the last carries a 0.5 s tail
that crossfades into the next clip's first 0.5 s, so clip i runs d_i + 0.5 s (the last one d_N)
and transition k starts at T_k = d_1 + … + d_k. The final video is then exactly sum(d_i) = 30 s:

    clip 1  |------ d1 ------|xx|
    clip 2                   |xx|---- d2 - 0.5 ----|xx|
    clip 3                                         |xx|-- d3 - 0.5 --|
    output  |------ d1 ------|xx|---- d2 - 0.5 ----|xx|-- d3 - 0.5 --|   (xx = 0.5 s crossfade)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FPS = 30
CROSSFADE_SECONDS = 0.5
CROSSFADE_FRAMES = round(CROSSFADE_SECONDS * FPS)
TOTAL_SECONDS = 30.0


def to_frames(seconds: float, fps: int = FPS) -> int:
    return round(seconds * fps)


def clip_lengths(durations: Sequence[float], crossfade: float = CROSSFADE_SECONDS) -> list[float]:
    """How long each clip must run: its scene plus the crossfade tail, except the last."""
    return [d + crossfade for d in durations[:-1]] + [durations[-1]] if durations else []


def transition_offsets(durations: Sequence[float]) -> list[float]:
    """Where each crossfade starts in the output: the running sum of scene durations."""
    offsets, elapsed = [], 0.0
    for duration in durations[:-1]:
        elapsed += duration
        offsets.append(elapsed)
    return offsets


def even_durations(count: int, total: float = TOTAL_SECONDS, fps: int = FPS) -> list[float]:
    """`total` split across `count` scenes in whole frames, the spare frames going last."""
    frames = to_frames(total, fps)
    base, spare = divmod(frames, count)
    return [(base + (1 if i >= count - spare else 0)) / fps for i in range(count)]


@dataclass(frozen=True)
class ClipCut:
    """Which frames of one normalised clip go where, for the segment-wise composition."""

    length: int
    """Frames the clip is padded or trimmed to."""
    head: tuple[int, int] | None
    """Frames that fade in over the previous clip's tail (all clips but the first)."""
    body: tuple[int, int]
    """Frames shown on their own."""
    tail: tuple[int, int] | None
    """Frames that fade out under the next clip's head (all clips but the last)."""


def clip_cuts(durations: Sequence[float], fps: int = FPS) -> list[ClipCut]:
    """Frame ranges [start, end) of every clip's head, body and tail."""
    fade = round(CROSSFADE_SECONDS * fps)
    cuts = []
    last = len(durations) - 1
    for index, duration in enumerate(durations):
        scene = to_frames(duration, fps)
        head = (0, fade) if index > 0 else None
        tail = (scene, scene + fade) if index < last else None
        body = (head[1] if head else 0, scene)
        cuts.append(ClipCut(length=tail[1] if tail else scene, head=head, body=body, tail=tail))
    return cuts
