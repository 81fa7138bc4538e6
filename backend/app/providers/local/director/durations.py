"""Splitting the 30 seconds between scenes: in half-second steps, weighted by each scene's job.

Floats that are meant to sum to exactly 30 drift when rounded one by one, so the arithmetic is done
in whole steps (60 half-seconds): first a continuous share that respects every scene's bounds, then
largest-remainder rounding, which keeps the sum exact by construction.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.models.common import TOTAL_DURATION

STEP = 0.5
"""Scenes last whole or half seconds: easy to read on a timeline, exact in binary floats."""


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
    total: float = TOTAL_DURATION,
    step: float = STEP,
) -> list[float]:
    """Durations ∝ `weights`, each within its (min, max) bounds, multiples of `step`, summing to
    exactly `total`. Raises ValueError when the bounds make that impossible."""
    if len(weights) != len(bounds) or not weights:
        raise ValueError("need one weight and one (min, max) bound per scene")
    if any(w <= 0 for w in weights):
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
