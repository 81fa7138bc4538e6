"""The storyboard's rules, defined once: how long an ad is, how its scenes split the time.

Everything else reads these: the models (as schema constraints, so they reach the studio's
generated types), the directors, the composer's frame arithmetic, and `GET /api/config`. The
one way time is shared between scenes is `allocate`; a director's plan, a model's plan a little
off 30 s, and a hand edit in the studio (`set_scene_duration`) all go through it. The studio
runs a port of these two functions, checked against `golden_vectors()` by its tests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

TOTAL_SECONDS = 30.0
"""Length of every ad (the seed's `total_duration`)."""
STEP_SECONDS = 0.5
"""Scenes last whole or half seconds: easy to read on a timeline, exact in binary floats."""
MIN_SCENES = 5
MAX_SCENES = 7
CROSSFADE_SECONDS = 0.5
"""Every cut is a crossfade of this length."""
MIN_SCENE_SECONDS = 1.0
"""A scene must outlast the crossfades on both of its sides."""
MAX_SCENE_SECONDS = 15.0
FPS = 30
"""Frames per second of every clip and of the ad."""
DURATION_TOLERANCE = 1e-6


def _share(weights: Sequence[float], lows: list[int], highs: list[int], total: int) -> list[float]:
    """Continuous allocation ∝ weights, clamped to bounds, summing to `total` (water-filling)."""

    def spread(scale: float) -> list[float]:
        return [min(max(scale * w, lo), hi) for w, lo, hi in zip(weights, lows, highs, strict=True)]

    low, high = 0.0, max(highs) / min(weights)
    for _ in range(64):  # bisection: the sum is monotone in the scale; 64 halvings is exact enough
        middle = (low + high) / 2
        if sum(spread(middle)) < total:
            low = middle
        else:
            high = middle
    return spread(high)


def allocate(
    weights: Sequence[float],
    bounds: Sequence[tuple[float, float]],
    total: float = TOTAL_SECONDS,
    step: float = STEP_SECONDS,
) -> list[float]:
    """Durations ∝ `weights`, each within its (min, max) bounds, multiples of `step`, summing to
    exactly `total`. Raises ValueError when the bounds make that impossible.

    Floats meant to sum to exactly 30 drift when rounded one by one, so the arithmetic is done in
    whole steps: first a continuous share that respects every bound, then largest-remainder
    rounding, which keeps the sum exact by construction.
    """
    if len(weights) != len(bounds) or not weights:
        raise ValueError("need one weight and one (min, max) bound per scene")
    if any(not w > 0 for w in weights):
        raise ValueError("weights must be positive")
    units = round(total / step)
    if not math.isclose(units * step, total):
        raise ValueError(f"{total} is not a whole number of {step} s steps")
    lows = [math.ceil(lo / step - 1e-9) for lo, _ in bounds]
    highs = [math.floor(hi / step + 1e-9) for _, hi in bounds]
    if any(lo > hi for lo, hi in zip(lows, highs, strict=True)):
        raise ValueError("a scene's minimum is above its maximum")
    if not sum(lows) <= units <= sum(highs):
        raise ValueError(f"{len(weights)} scenes cannot fill {total} s within these bounds")

    ideal = _share(weights, lows, highs, units)
    counts = [min(max(math.floor(x), lo), hi) for x, lo, hi in zip(ideal, lows, highs, strict=True)]
    # Largest remainder first; ties go to the earlier scene so the result is deterministic.
    order = sorted(range(len(counts)), key=lambda i: (-(ideal[i] - math.floor(ideal[i])), i))
    while sum(counts) < units:
        index = next(i for i in order if counts[i] < highs[i])
        counts[index] += 1
        order.remove(index)
        order.append(index)
    while sum(counts) > units:
        index = next(i for i in reversed(order) if counts[i] > lows[i])
        counts[index] -= 1
        order.remove(index)
        order.insert(0, index)
    return [count * step for count in counts]


def scene_bounds(count: int) -> list[tuple[float, float]]:
    return [(MIN_SCENE_SECONDS, MAX_SCENE_SECONDS)] * count


def round_to_step(seconds: float, step: float = STEP_SECONDS) -> float:
    """The nearest whole step, halves rounding up (as JavaScript's `Math.round` does)."""
    return math.floor(seconds / step + 0.5) * step


def set_scene_duration(durations: Sequence[float], index: int, requested: float) -> list[float]:
    """Scene `index` at `requested` seconds (in steps, within the scene bounds), the others
    sharing what is left of the storyboard's total in proportion to their lengths.

    When the others cannot absorb the whole change, the edited scene gets as close as they
    allow; a request that names no scene, or is not a number, changes nothing.
    """
    current = list(durations)
    count = len(current)
    if not 0 <= index < count or not math.isfinite(requested):
        return current
    total = round_to_step(sum(current))
    others = count - 1
    lowest = max(MIN_SCENE_SECONDS, total - others * MAX_SCENE_SECONDS)
    highest = min(MAX_SCENE_SECONDS, total - others * MIN_SCENE_SECONDS)
    if lowest > highest:
        return current
    target = min(highest, max(lowest, round_to_step(requested)))
    weights = [d if d > 0 else STEP_SECONDS for d in current]
    bounds = scene_bounds(count)
    bounds[index] = (target, target)
    return allocate(weights, bounds, total)


def golden_vectors() -> dict[str, list[dict[str, object]]]:
    """Inputs and the backend's answers, for the studio's port to be checked against."""
    allocations: list[tuple[list[float], list[tuple[float, float]]]] = [
        ([1.0] * 5, scene_bounds(5)),
        ([5, 5, 5, 5, 5, 6], scene_bounds(6)),
        ([2, 4, 4, 4, 4, 8], scene_bounds(6)),
        ([1.3, 7.7, 5.1, 9.9, 4.4], scene_bounds(5)),
        ([3, 1, 1, 1, 1, 1, 2], scene_bounds(7)),
        ([1, 2, 2, 2, 1.5], [(3.0, 4.0), (3.0, 8.0), (3.0, 8.0), (3.0, 8.0), (4.0, 5.0)]),
        ([10, 1, 1, 1, 1], scene_bounds(5)),
    ]
    edits: list[tuple[list[float], int, float]] = [
        ([4, 6, 6, 6, 8], 0, 7),
        ([4, 6, 6, 6, 8], 0, 6),
        ([4, 6, 6, 6, 8], 0, 4.5),
        ([8, 4, 6, 6, 6], 0, 7.5),
        ([6, 6, 6, 6, 6], 2, 40),
        ([6, 6, 6, 6, 6], 2, -3),
        ([6, 6, 6, 6, 6], 0, 7.2),
        ([6, 6, 6, 6, 6], 0, 7.25),
        ([6, 6, 6, 6, 6], 0, 4.76),
        ([6, 1, 1, 7, 15], 0, 15),
        ([9, 15, 2, 2, 2], 0, 4),
        ([5, 5, 5, 5, 5, 5], 5, 1),
        ([4, 4, 4, 4, 4, 5, 5], 6, 12.5),
        ([3.5, 5, 5.5, 4, 4, 4.5, 3.5], 3, 9),
        ([2, 2, 2], 0, 5),
        ([15, 15], 0, 10),
    ]
    return {
        "allocate": [
            {"weights": w, "bounds": [list(b) for b in bounds], "out": allocate(w, bounds)}
            for w, bounds in allocations
        ],
        "set_scene_duration": [
            {
                "durations": d,
                "index": i,
                "requested": r,
                "out": set_scene_duration(d, i, r),
            }
            for d, i, r in edits
        ],
    }
