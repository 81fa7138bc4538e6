"""Timing arithmetic for crossfaded ads, in whole frames so nothing drifts. Pure functions only.

Scenes have durations d_1..d_N summing to 30 s. Every clip but the last carries a 0.5 s tail
that crossfades into the next clip's first 0.5 s, so clip i runs d_i + 0.5 s (the last one d_N)
and transition k starts at T_k = d_1 + … + d_k. The final video is then exactly sum(d_i) = 30 s:

    clip 1  |------ d1 ------|xx|
    clip 2                   |xx|---- d2 - 0.5 ----|xx|
    clip 3                                         |xx|-- d3 - 0.5 --|
    output  |------ d1 ------|xx|---- d2 - 0.5 ----|xx|-- d3 - 0.5 --|   (xx = 0.5 s crossfade)

The composer works segment by segment: segment k is clip k's body followed by the crossfade
of its tail into clip k+1's head, so every output frame belongs to exactly one segment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.errors import InvalidRequest
from app.storyboard_rules import CROSSFADE_SECONDS, FPS, TOTAL_SECONDS

__all__ = ["CROSSFADE_FRAMES", "CROSSFADE_SECONDS", "FPS", "TOTAL_SECONDS"]

CROSSFADE_FRAMES = round(CROSSFADE_SECONDS * FPS)


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


def output_duration(lengths: Sequence[float], crossfade: float = CROSSFADE_SECONDS) -> float:
    """Length of clips of `lengths` chained with crossfades: each fade overlaps two clips."""
    return sum(lengths) - crossfade * max(0, len(lengths) - 1)


def even_durations(count: int, total: float = TOTAL_SECONDS, fps: int = FPS) -> list[float]:
    """`total` split evenly across `count` scenes in whole frames, the spare frames going last.

    For clips whose scene durations are unknown (a compose request without them).
    """
    if count < 1:
        raise InvalidRequest("An ad needs at least one clip.")
    base, spare = divmod(to_frames(total, fps), count)
    return [(base + (1 if i >= count - spare else 0)) / fps for i in range(count)]


def scene_frames(
    durations: Sequence[float], total: float = TOTAL_SECONDS, fps: int = FPS
) -> list[int]:
    """Frames each scene holds the screen, summing to exactly `total` s of frames.

    Boundaries are rounded from running sums (not each scene on its own), so rounding never
    adds or loses a frame; durations that do not sum to `total` are stretched proportionally,
    because the ad is `total` s long whatever the storyboard says.
    """
    if not durations:
        raise InvalidRequest("An ad needs at least one clip.")
    if any(not d > 0 for d in durations):
        raise InvalidRequest(f"Every scene must last a positive time; got {list(durations)}.")
    scale = total / sum(durations)
    frames, elapsed, previous = [], 0.0, 0
    for duration in durations:
        elapsed += duration * scale
        boundary = to_frames(elapsed, fps)
        frames.append(boundary - previous)
        previous = boundary
    too_short = [i + 1 for i, f in enumerate(frames) if f <= (CROSSFADE_FRAMES if i else 0)]
    if too_short:
        raise InvalidRequest(
            f"Scene {too_short[0]} is too short to hold the screen around a "
            f"{CROSSFADE_SECONDS:g} s crossfade; make every scene longer than that."
        )
    return frames


@dataclass(frozen=True)
class ClipCut:
    """Which frames of one normalised clip go where, for the segment-wise composition.

    Ranges are [start, end) in the clip's own frames, after it is converted to the output rate.
    """

    length: int
    """Frames the clip is padded or trimmed to."""
    head: tuple[int, int] | None
    """Frames that fade in over the previous clip's tail (all clips but the first)."""
    body: tuple[int, int]
    """Frames shown on their own."""
    tail: tuple[int, int] | None
    """Frames that fade out under the next clip's head (all clips but the last)."""

    @property
    def segment_frames(self) -> int:
        """Frames this clip's segment adds to the output: its body, then its crossfade."""
        fade = self.tail[1] - self.tail[0] if self.tail else 0
        return self.body[1] - self.body[0] + fade


def clip_cuts(
    durations: Sequence[float], total: float = TOTAL_SECONDS, fps: int = FPS
) -> list[ClipCut]:
    """Head, body and tail frames of every clip, for scenes of `durations` seconds."""
    fade = CROSSFADE_FRAMES
    frames = scene_frames(durations, total, fps)
    last = len(frames) - 1
    cuts = []
    for index, scene in enumerate(frames):
        head = (0, fade) if index > 0 else None
        tail = (scene, scene + fade) if index < last else None
        body = (head[1] if head else 0, scene)
        cuts.append(ClipCut(length=tail[1] if tail else scene, head=head, body=body, tail=tail))
    return cuts
