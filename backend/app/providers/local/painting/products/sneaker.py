"""A running shoe in side profile: sole unit, upper, overlays, laces.

A shoe's outline is all curves, so its parts are polygons traced through a few control points
(smoothed with Catmull-Rom splines) and rasterised, and its volume comes from a blurred copy of
the upper's coverage used as a height map. Proportions follow a modern runner: a thick midsole
with a heel-to-toe drop, toe spring, a padded collar and a tongue standing proud of the laces.
"""

from __future__ import annotations

import numpy as np

from app.providers.local.painting.canvas import blur
from app.providers.local.painting.palette import Colour, darken, lighten, lum
from app.providers.local.painting.products.layer import Layer, Region, bounds
from app.providers.local.painting.products.materials import (
    Finish,
    Relief,
    on_relief,
    relief_of_height,
)
from app.providers.local.painting.products.parts import Dress

Points = list[tuple[float, float]]

# fmt: off
_MIDSOLE: Points = [(-1.33, 0.11), (-1.22, 0.02), (0.55, 0.015), (0.95, 0.04), (1.18, 0.1),
                    (1.3, 0.15), (1.32, 0.2), (1.25, 0.225), (0.4, 0.23), (-0.4, 0.27),
                    (-1.1, 0.31), (-1.36, 0.31)]
_UPPER: Points = [(-1.3, 0.28), (-1.35, 0.5), (-1.3, 0.7), (-1.17, 0.8), (-0.95, 0.78),
                  (-0.72, 0.67), (-0.52, 0.7), (-0.43, 0.87), (-0.3, 0.9), (-0.2, 0.78),
                  (0.1, 0.66), (0.5, 0.55), (0.85, 0.48), (1.1, 0.42), (1.26, 0.34),
                  (1.31, 0.26), (1.28, 0.21), (0.4, 0.22), (-0.4, 0.26), (-1.1, 0.29)]
# fmt: on
_HEEL: Points = [(-1.36, 0.28), (-1.35, 0.5), (-1.22, 0.62), (-1.0, 0.52), (-0.9, 0.28)]
_TOE: Points = [(0.92, 0.21), (0.98, 0.45), (1.18, 0.4), (1.31, 0.28), (1.28, 0.2)]
_SADDLE: Points = [(-0.62, 0.26), (-0.26, 0.74), (0.14, 0.64), (-0.08, 0.23)]
_EYESTAY: Points = [(-0.26, 0.82), (0.55, 0.56), (0.48, 0.47), (-0.32, 0.72)]
_TAB: Points = [(-1.31, 0.68), (-1.36, 0.9), (-1.25, 0.92), (-1.19, 0.78)]
_SOCK: Points = [
    (-1.17, 0.8),
    (-0.95, 0.78),
    (-0.72, 0.67),
    (-0.55, 0.7),
    (-0.72, 0.72),
    (-0.95, 0.82),
]


def _spline(points: Points, closed: bool = True, steps: int = 6) -> Points:
    """A Catmull-Rom curve through the control points: smooth outlines from a few numbers."""
    out: Points = []
    n = len(points)
    for i in range(n if closed else n - 1):
        p0, p1 = points[(i - 1) % n], points[i]
        p2, p3 = points[(i + 1) % n], points[(i + 2) % n]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * b
                        + (-a + c) * t
                        + (2 * a - 5 * b + 4 * c - d) * t2
                        + (-a + 3 * b - 3 * c + d) * t3
                    )
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    return out


def _mirror(points: Points, flip: bool) -> Points:
    return [(-u, v) for u, v in points] if flip else points


def sneaker(layer: Layer, dress: Dress) -> None:
    reg = layer.region(-1.4, -0.02, 1.4, 1.0)
    if reg is None:
        return
    flip = dress.light.side > 0  # the toe points away from the key, so light rakes along it
    px, light = layer.px, dress.light

    def cover(points: Points, smooth: bool = True) -> np.ndarray:
        return layer.polygon(reg, _mirror(_spline(points) if smooth else points, flip))

    def volume(mask: np.ndarray, radius: float) -> Relief:
        """Light a part from a blurred copy of its coverage, computed around the part only."""
        crop = bounds(mask)
        full = Relief(*(np.zeros(mask.shape, np.float32) for _ in range(4)))
        if crop is None:
            return full
        pad = int(radius * px * 3) + 2
        rows = slice(max(0, crop[0].start - pad), min(mask.shape[0], crop[0].stop + pad))
        cols = slice(max(0, crop[1].start - pad), min(mask.shape[1], crop[1].stop + pad))
        height = blur(mask[rows, cols], radius * px)
        lit = relief_of_height(np.sqrt(np.clip(height, 0, 1)), px * radius * 0.9, light)
        for whole, part in zip(full, lit, strict=True):
            whole[rows, cols] = part
        return full

    def paint(cov: np.ndarray, form: Relief, colour: Colour, finish: Finish) -> None:
        """Shade only where the part is: most parts cover a sliver of the shoe's box."""
        crop = bounds(cov)
        if crop is None:
            return
        part = Relief(*(a[crop] for a in (form.shade, form.spec, form.grazing, form.rim)))
        full = np.zeros((*cov.shape, 3), np.float32)
        full[crop] = on_relief(part, colour, light, finish)
        layer.put(reg, cov, full)

    foam = dress.label if lum(dress.label) > 0.7 else lighten(dress.body, 0.88)
    rubber = darken(dress.body, 0.75) if lum(dress.body) > 0.25 else (0.1, 0.1, 0.11)
    overlay = dress.accent if dress.accent != dress.body else dress.label

    # The outsole is the bottom band of the sole unit: the midsole outline, and above it the
    # same outline lifted by the rubber's thickness, so the band follows the toe spring.
    sole = cover(_MIDSOLE)
    paint(sole, volume(sole, 0.03), rubber, Finish.MATTE)
    mid = sole * cover([(u, v + 0.035) for u, v in _MIDSOLE])
    paint(mid, volume(mid, 0.05), foam, Finish.SATIN)
    _groove(layer, reg, flip)

    upper = cover(_UPPER)
    form = volume(upper, 0.12)
    # The upper is a big rounded form: lit from above, falling into shadow towards the sole.
    knit = 0.96 + 0.04 * (np.sin(reg.X * np.float32(160.0)) * np.sin(reg.Y * np.float32(160.0)))
    top_lit = np.float32(0.78) + np.float32(0.32) * np.clip((reg.Y - 0.2) / 0.6, 0, 1)
    form.shade[:] = form.shade * knit * top_lit
    paint(upper, form, dress.body, Finish.MATTE)
    paint(cover(_SOCK) * upper, form, darken(dress.body, 0.4), Finish.MATTE)
    for points, colour in (
        (_SADDLE, overlay),
        (_HEEL, darken(overlay, 0.15)),
        (_TOE, darken(dress.body, 0.12)),
    ):
        paint(cover(points) * upper, form, colour, Finish.SATIN)
    eyestay = cover(_EYESTAY)
    paint(eyestay, form, darken(dress.body, 0.3), Finish.SATIN)
    _laces(layer, reg, foam, dress, flip)
    tab = cover(_TAB, smooth=False)
    paint(tab, volume(tab, 0.02), overlay, Finish.SATIN)


def _groove(layer: Layer, reg: Region, flip: bool) -> None:
    """A sculpted line along the midsole, the way foam is moulded."""
    x = reg.X * np.float32(-1.0 if flip else 1.0)
    line = np.float32(0.16) + np.float32(0.03) * np.cos(x * np.float32(1.6))
    groove = np.clip(1 - np.abs(reg.Y - line) * np.float32(layer.px) / 1.5, 0, 1)
    inside = (np.abs(x) < 1.15) & (reg.Y > 0.07)
    layer.shade(reg, 0.85, (groove * inside).astype(np.float32))


def _laces(
    layer: Layer, reg: Region, colour: tuple[float, float, float], dress: Dress, flip: bool
) -> None:
    ax, ay, bx, by = -0.2, 0.78, 0.48, 0.53
    length = float(np.hypot(bx - ax, by - ay))
    ux, uy = (bx - ax) / length, (by - ay) / length
    half, thick = 0.075, 0.017
    for i in range(6):
        t = i / 5
        cx, cy = ax + (bx - ax) * t, ay + (by - ay) * t
        # Each lace crosses the eyestay at a slight angle.
        pts = [
            (cx - uy * half - ux * thick, cy + ux * half - uy * thick),
            (cx - uy * half + ux * thick, cy + ux * half + uy * thick),
            (cx + uy * half + ux * thick, cy - ux * half + uy * thick),
            (cx + uy * half - ux * thick, cy - ux * half - uy * thick),
        ]
        cov = layer.polygon(reg, _mirror(pts, flip))
        layer.put(reg, cov, np.asarray(colour, np.float32) * np.float32(0.95 - 0.05 * (i % 2)))
