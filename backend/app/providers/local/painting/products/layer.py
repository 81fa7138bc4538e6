"""A product being drawn: its own colour and coverage over the pixels it covers.

Products are modelled in *product units*: the base sits on y = 0, the top at y = 1, x = 0 is the
centre line and y points up, like a technical drawing. The layer maps every pixel of its box back
to product units (through the placement's scale and rotation), so parts are plain distance
fields and a flat lay is just a rotated placement. Colour is kept premultiplied by coverage, so
glass (partial coverage) composites correctly over whatever is behind it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from app.providers.local.painting.canvas import Array, Box, Canvas
from app.providers.local.painting.palette import Colour


@dataclass(frozen=True)
class Placement:
    cx: float
    """Centre line, in frame units."""
    base: float
    """Where the base sits (y, frame units, downwards); a flat lay's base is its lower end."""
    size: float
    """Product height in frame units."""
    angle: float = 0.0
    """Degrees, counter-clockwise as seen, around the product's middle."""

    @property
    def pivot(self) -> tuple[float, float]:
        return self.cx, self.base - self.size / 2

    def to_frame(self, u: float, v: float) -> tuple[float, float]:
        """A product-unit point in frame units."""
        x, y = self.cx + u * self.size, self.base - v * self.size
        if not self.angle:
            return x, y
        px, py = self.pivot
        a = math.radians(self.angle)
        dx, dy = x - px, y - py
        return px + dx * math.cos(a) + dy * math.sin(a), py - dx * math.sin(a) + dy * math.cos(a)


@dataclass(frozen=True)
class Region:
    rows: slice
    cols: slice
    X: Array
    Y: Array


class Layer:
    def __init__(self, canvas: Canvas, place: Placement, extent: tuple[float, float, float, float]):
        """`extent` (u0, v0, u1, v1) bounds everything the product will paint, in product units."""
        self.place = place
        self.frame_h = canvas.h
        self.px = place.size * canvas.h
        """Pixels per product unit: distance fields times this are pixel distances."""
        box = self._pixel_box(canvas, extent)
        self.box: Box | None = box
        if box is None:
            return
        x0, y0, x1, y1 = box
        h = canvas.h
        fx = (np.arange(x0, x1, dtype=np.float32) + 0.5) / np.float32(h)
        fy = (np.arange(y0, y1, dtype=np.float32) + 0.5) / np.float32(h)
        FX, FY = np.meshgrid(fx, fy)
        if place.angle:
            px, py = place.pivot
            a = math.radians(-place.angle)
            c, s = np.float32(math.cos(a)), np.float32(math.sin(a))
            dx, dy = FX - np.float32(px), FY - np.float32(py)
            FX = dx * c + dy * s + np.float32(px)
            FY = -dx * s + dy * c + np.float32(py)
        inv = np.float32(1.0 / place.size)
        self.X: Array = (FX - np.float32(place.cx)) * inv
        self.Y: Array = (np.float32(place.base) - FY) * inv
        self.rgb: Array = np.zeros((y1 - y0, x1 - x0, 3), np.float32)
        self.alpha: Array = np.zeros((y1 - y0, x1 - x0), np.float32)

    def _pixel_box(self, canvas: Canvas, extent: tuple[float, float, float, float]) -> Box | None:
        u0, v0, u1, v1 = extent
        corners = [self.place.to_frame(u, v) for u in (u0, u1) for v in (v0, v1)]
        xs = [c[0] for c in corners]
        ys = [c[1] for c in corners]
        return canvas.box(min(xs), min(ys), max(xs), max(ys))

    @property
    def empty(self) -> bool:
        return self.box is None

    def region(self, u0: float, v0: float, u1: float, v1: float) -> Region | None:
        """The part of the layer that can hold a part bounded by this product-unit rectangle."""
        if self.box is None:
            return None
        corners = [self.place.to_frame(u, v) for u in (u0, u1) for v in (v0, v1)]
        scale = self.frame_h
        bx0, by0, bx1, by1 = self.box
        xs = [c[0] * scale - bx0 for c in corners]
        ys = [c[1] * scale - by0 for c in corners]
        c0 = max(0, math.floor(min(xs)) - 2)
        c1 = min(bx1 - bx0, math.ceil(max(xs)) + 2)
        r0 = max(0, math.floor(min(ys)) - 2)
        r1 = min(by1 - by0, math.ceil(max(ys)) + 2)
        if c1 <= c0 or r1 <= r0:
            return None
        rows, cols = slice(r0, r1), slice(c0, c1)
        return Region(rows, cols, self.X[rows, cols], self.Y[rows, cols])

    def polygon(self, reg: Region, points: list[tuple[float, float]]) -> Array:
        """Coverage of a polygon given in product units, rasterised 4x supersampled.

        For free-form outlines (a shoe) that would take dozens of distance-field edges. Only the
        polygon's own bounding box is rasterised.
        """
        assert self.box is not None
        h, w = reg.X.shape
        out = np.zeros((h, w), np.float32)
        bx0, by0 = self.box[0] + reg.cols.start, self.box[1] + reg.rows.start
        pix = []
        for u, v in points:
            fx, fy = self.place.to_frame(u, v)
            pix.append((fx * self.frame_h - bx0, fy * self.frame_h - by0))
        c0 = max(0, int(min(p[0] for p in pix)) - 1)
        c1 = min(w, int(max(p[0] for p in pix)) + 2)
        r0 = max(0, int(min(p[1] for p in pix)) - 1)
        r1 = min(h, int(max(p[1] for p in pix)) + 2)
        if c1 <= c0 or r1 <= r0:
            return out
        k = 4 if (c1 - c0) * (r1 - r0) < 300_000 else 2
        img = Image.new("L", ((c1 - c0) * k, (r1 - r0) * k), 0)
        ImageDraw.Draw(img).polygon([((x - c0) * k, (y - r0) * k) for x, y in pix], fill=255)
        out[r0:r1, c0:c1] = np.asarray(img.reduce(k), np.float32) * np.float32(1 / 255)
        return out

    def put(self, reg: Region, cov: Array, colour: Colour | Array) -> None:
        """Paint a part over what the layer holds, by coverage (which may include opacity).

        Only the rows and columns the coverage touches are worked on.
        """
        crop = bounds(cov)
        if crop is None:
            return
        rows, cols = crop
        paint = colour if isinstance(colour, np.ndarray) else np.asarray(colour, np.float32)
        if paint.ndim == 3:
            paint = paint[rows, cols]
        c = cov[rows, cols]
        sub = (_shift(reg.rows, rows), _shift(reg.cols, cols))
        rgb = self.rgb[sub]
        alpha = self.alpha[sub]
        rgb *= 1.0 - c[..., None]
        rgb += paint * c[..., None]
        alpha *= 1.0 - c
        alpha += c

    def shade(self, reg: Region, factor: Array | float, mask: Array | None = None) -> None:
        """Multiply what is already painted (for printed marks and occlusion)."""
        rgb = self.rgb[reg.rows, reg.cols]
        f = np.asarray(factor if mask is None else 1.0 - mask * (1.0 - factor), np.float32)
        rgb *= f[..., None] if f.ndim == 2 else f

    def composite(self, canvas: Canvas) -> None:
        if self.box is None:
            return
        region = canvas.view(self.box)
        region *= 1.0 - self.alpha[..., None]
        region += self.rgb


def bounds(cov: Array) -> tuple[slice, slice] | None:
    """The smallest row and column slices holding every non-zero value, or None."""
    rows = np.flatnonzero(cov.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(cov.any(axis=0))
    return slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1)


def _shift(outer: slice, inner: slice) -> slice:
    start = outer.start or 0
    return slice(start + inner.start, start + inner.stop)
