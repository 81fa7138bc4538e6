"""Procedural noise: the raw material of stone, sand, clouds, smoke and film grain.

Value noise is a coarse grid of random numbers smoothly interpolated by a bicubic resize, which
runs in C and costs a few milliseconds even at full resolution; summing octaves gives fractal
(fBm) noise. All noise comes from the caller's seeded Generator, so images are reproducible.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

Array = np.ndarray


def value(
    rng: np.random.Generator, width: int, height: int, cell: float, stretch: float = 1.0
) -> Array:
    """Smooth noise in roughly 0..1 with features about `cell` pixels tall, `stretch` times
    as wide (stretched noise reads as a surface receding from the camera, or as wood grain)."""
    cy = max(1.0, cell)
    cx = max(1.0, cell * stretch)
    gw = int(np.ceil(width / cx)) + 3
    gh = int(np.ceil(height / cy)) + 3
    grid = rng.random((gh, gw), dtype=np.float32)
    big = Image.fromarray(grid).resize((int(gw * cx), int(gh * cy)), Image.Resampling.BICUBIC)
    out = np.asarray(big, np.float32)
    ox, oy = int(cx), int(cy)  # skip the first cell, whose interpolation sees the padded edge
    return out[oy : oy + height, ox : ox + width]


def fbm(
    rng: np.random.Generator,
    width: int,
    height: int,
    cell: float,
    octaves: int = 4,
    gain: float = 0.5,
    stretch: float = 1.0,
) -> Array:
    """Fractal noise normalised to 0..1: big forms with finer detail riding on them."""
    total = np.zeros((height, width), np.float32)
    amp, norm = 1.0, 0.0
    for _ in range(octaves):
        if cell < 1.5:
            break
        total += np.float32(amp) * value(rng, width, height, cell, stretch)
        norm += amp
        amp *= gain
        cell /= 2.0
    if norm == 0:
        return np.full((height, width), 0.5, np.float32)
    total /= np.float32(norm)
    lo, hi = float(total.min()), float(total.max())
    return (total - lo) / np.float32(max(hi - lo, 1e-6))
