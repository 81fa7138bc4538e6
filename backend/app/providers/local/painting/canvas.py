"""The float canvas everything is painted on, and the blur every soft thing is made with.

Painting happens in float32 (0..1) so gradients keep their precision until the very end, where
grain dithers them into 8 bits without banding. Positions and sizes are in *frame units*: 1.0 is
the canvas height and x runs from 0 to the aspect ratio. The same drawing code therefore paints a
720x1280 thumbnail, a 1080x1920 seed or a half-resolution backdrop pass.

Every paint call takes a pixel box so only the pixels a shape touches are computed: a 1080x1920
frame is 2 million pixels and a full-frame blend costs ~15 ms, so the budget allows few of them.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from app.providers.local.painting.palette import Colour

Array = np.ndarray
Box = tuple[int, int, int, int]
"""Pixel box: x0, y0, x1, y1 (exclusive), always inside the canvas."""
Paint = Colour | Array
"""A flat colour or an (h, w, 3) array matching the box."""


class Canvas:
    def __init__(self, rgb: Array) -> None:
        self.rgb = rgb

    @classmethod
    def filled(cls, width: int, height: int, colour: Colour) -> Canvas:
        rgb = np.empty((height, width, 3), np.float32)
        rgb[:] = colour
        return cls(rgb)

    @property
    def h(self) -> int:
        return int(self.rgb.shape[0])

    @property
    def w(self) -> int:
        return int(self.rgb.shape[1])

    @property
    def aspect(self) -> float:
        return self.w / self.h

    def px(self, units: float) -> float:
        return units * self.h

    def box(self, x0: float, y0: float, x1: float, y1: float) -> Box | None:
        """The pixel box covering a rectangle in frame units, clipped; None when off-canvas."""
        h = self.h
        bx0 = max(0, int(np.floor(x0 * h)))
        by0 = max(0, int(np.floor(y0 * h)))
        bx1 = min(self.w, int(np.ceil(x1 * h)) + 1)
        by1 = min(self.h, int(np.ceil(y1 * h)) + 1)
        if bx1 <= bx0 or by1 <= by0:
            return None
        return bx0, by0, bx1, by1

    def full(self) -> Box:
        return 0, 0, self.w, self.h

    def grid(self, box: Box) -> tuple[Array, Array]:
        """Frame-unit coordinates of pixel centres in the box: X (1, w) and Y (h, 1)."""
        x0, y0, x1, y1 = box
        inv = np.float32(1.0 / self.h)
        xs = (np.arange(x0, x1, dtype=np.float32) + 0.5) * inv
        ys = (np.arange(y0, y1, dtype=np.float32) + 0.5) * inv
        return xs[None, :], ys[:, None]

    def view(self, box: Box) -> Array:
        x0, y0, x1, y1 = box
        return self.rgb[y0:y1, x0:x1]

    def blend(self, paint: Paint, alpha: Array, box: Box) -> None:
        """Normal painting: paint over what is there, by alpha."""
        region = self.view(box)
        region += (_as_paint(paint) - region) * alpha[..., None]

    def screen(self, paint: Paint, alpha: Array, box: Box) -> None:
        """Light: brightens without clipping, the way light adds to a photograph."""
        region = self.view(box)
        region += (1.0 - region) * (_as_paint(paint) * alpha[..., None])

    def multiply(self, paint: Paint, alpha: Array, box: Box) -> None:
        """Shadow: darkens towards `paint` (a shadow colour), by alpha."""
        region = self.view(box)
        region *= 1.0 - alpha[..., None] * (1.0 - _as_paint(paint))

    def resized(self, width: int, height: int) -> Canvas:
        return Canvas(resize(self.rgb, width, height))


def _as_paint(paint: Paint) -> Array:
    if isinstance(paint, np.ndarray):
        return paint
    return np.asarray(paint, np.float32)


def resize(a: Array, width: int, height: int, smooth: bool = True) -> Array:
    """Resize a 2-D or (h, w, c) float array (bicubic up, box down)."""
    if a.shape[1] == width and a.shape[0] == height:
        return a
    up = width >= a.shape[1]
    method = (
        (Image.Resampling.BICUBIC if smooth else Image.Resampling.BILINEAR)
        if up
        else (Image.Resampling.BOX)
    )
    if a.ndim == 2:
        return np.asarray(Image.fromarray(a).resize((width, height), method), np.float32)
    channels = [
        np.asarray(Image.fromarray(np.ascontiguousarray(a[..., c])).resize((width, height), method))
        for c in range(a.shape[2])
    ]
    return np.stack(channels, axis=-1).astype(np.float32, copy=False)


def _box_blur(a: Array, r: int, axis: int) -> Array:
    """Mean over a window of 2r+1 along one axis, from a running sum (cost independent of r)."""
    if r < 1:
        return a
    pad = [(0, 0)] * a.ndim
    pad[axis] = (r + 1, r)
    c = np.cumsum(np.pad(a, pad, mode="edge"), axis=axis, dtype=np.float32)
    n = a.shape[axis]
    hi: list[slice] = [slice(None)] * a.ndim
    lo: list[slice] = [slice(None)] * a.ndim
    hi[axis] = slice(2 * r + 1, 2 * r + 1 + n)
    lo[axis] = slice(0, n)
    return (c[tuple(hi)] - c[tuple(lo)]) * np.float32(1.0 / (2 * r + 1))


def blur(a: Array, sigma_px: float) -> Array:
    """A Gaussian-like blur of any radius at a bounded cost.

    Large blurs run on a downsampled copy (a blur removes exactly the detail the downsample
    loses), as three box passes per axis, then scale back up.
    """
    if sigma_px < 0.5:
        return a
    h, w = a.shape[:2]
    k = max(1, int(sigma_px / 3))
    small = resize(a, max(1, round(w / k)), max(1, round(h / k))) if k > 1 else a
    r = max(1, round(sigma_px / k * 0.95))
    for axis in (0, 1):
        for _ in range(3):
            small = _box_blur(small, r, axis)
    if k == 1:
        return small
    return resize(small, w, h, smooth=False)


def smoothstep(e0: float, e1: float, x: Array) -> Array:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)
