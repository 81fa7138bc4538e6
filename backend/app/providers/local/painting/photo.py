"""The user's own product, from its cut-out, standing where a painted product would.

The cut-out becomes a product `Layer` (colour premultiplied by coverage), so the painter casts
its shadow, its contact line and its reflection from the photo's real silhouette exactly as it
does for a drawn model. Before that the photo is lit like the set: tinted towards the key
light's colour, brought towards the mood's brightness, and shaded from the side the light comes
from, so a studio photo shot under white light sits in a warm, dusky or neon frame.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from app.providers.local.painting.canvas import Array, Box, Canvas
from app.providers.local.painting.layout import Stage
from app.providers.local.painting.palette import Scheme, lum
from app.providers.local.painting.products.layer import Layer, Placement

MAX_HEIGHT = 0.8
"""Of the frame height: the whole product stays in frame, however close the shot."""
MAX_WIDTH = 0.9
"""Of the frame width."""
TINT = 0.14
"""How far the photo's colours move towards the key light's."""


@lru_cache(maxsize=8)
def _cutout(path: Path, mtime: float) -> tuple[Array, Array]:
    """The cut-out as float RGB and alpha (cached: every shot of an ad reads the same few)."""
    with Image.open(path, formats=["PNG"]) as image:
        rgba = np.asarray(image.convert("RGBA"), np.float32) / 255
    return rgba[..., :3], rgba[..., 3]


def load(path: Path) -> tuple[Array, Array]:
    return _cutout(path, path.stat().st_mtime)


def placement(stage: Stage, aspect: float) -> Placement:
    """Where the photo stands: on the drawn product's base and centre line, at its height,
    shrunk to stay whole in frame (a macro's crop would cut the product out of its own ad)."""
    place = stage.product
    size = min(place.size, MAX_HEIGHT, MAX_WIDTH * stage.aspect / aspect)
    half = size * aspect / 2
    cx = min(max(place.cx, half + 0.02), stage.aspect - half - 0.02)
    base = min(max(place.base, size + 0.02), 0.98)
    return Placement(cx, base, size)


def layer(canvas: Canvas, place: Placement, rgb: Array, alpha: Array) -> Layer:
    """The photo, resized to its place, as a layer over `canvas` (not yet composited)."""
    h, w = alpha.shape
    aspect = w / h
    extent = (-aspect / 2, 0.0, aspect / 2, 1.0)
    out = Layer(canvas, place, extent)
    if out.box is None:
        return out
    px = place.size * canvas.h
    tw, th = max(1, round(px * aspect)), max(1, round(px))
    x0 = round((place.cx - place.size * aspect / 2) * canvas.h)
    y0 = round((place.base - place.size) * canvas.h)
    src_rgb = _resized(rgb, tw, th)
    src_a = _resized(alpha[..., None], tw, th)[..., 0]
    _paste(out, out.box, x0, y0, src_rgb * src_a[..., None], src_a)
    return out


def _resized(a: Array, w: int, h: int) -> Array:
    channels = [
        np.asarray(Image.fromarray(a[..., c]).resize((w, h), Image.Resampling.LANCZOS), np.float32)
        for c in range(a.shape[2])
    ]
    return np.clip(np.stack(channels, axis=-1), 0, 1)


def _paste(out: Layer, box: Box, x0: int, y0: int, rgb: Array, alpha: Array) -> None:
    bx0, by0, bx1, by1 = box
    th, tw = alpha.shape
    sx0, sy0 = max(bx0 - x0, 0), max(by0 - y0, 0)
    dx0, dy0 = max(x0 - bx0, 0), max(y0 - by0, 0)
    w = min(tw - sx0, bx1 - bx0 - dx0)
    h = min(th - sy0, by1 - by0 - dy0)
    if w <= 0 or h <= 0:
        return
    out.rgb[dy0 : dy0 + h, dx0 : dx0 + w] = rgb[sy0 : sy0 + h, sx0 : sx0 + w]
    out.alpha[dy0 : dy0 + h, dx0 : dx0 + w] = alpha[sy0 : sy0 + h, sx0 : sx0 + w]


def light(out: Layer, scheme: Scheme, side: float) -> None:
    """Light the photo like the set: key colour, the mood's brightness, a side-to-side falloff."""
    if out.box is None:
        return
    key = np.asarray(scheme.light, np.float32)
    key = key / max(float(key.max()), 1e-3)
    rgb = out.rgb * (1 - TINT) + out.rgb * key * TINT
    level = 0.78 + 0.22 * min(1.0, lum(scheme.light) + (0.0 if scheme.dark else 0.35))
    w = rgb.shape[1]
    across = np.linspace(-1.0, 1.0, w, dtype=np.float32) * np.float32(side)
    falloff = 1.0 + 0.08 * across  # brighter on the side the key light comes from
    lit = rgb * np.float32(level) * falloff[None, :, None]
    out.rgb[:] = np.clip(lit, 0, out.alpha[..., None])  # premultiplied: never above coverage
