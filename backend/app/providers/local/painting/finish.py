"""The last pass, as a colourist and a film stock would do it: grade, halation, light leak,
vignette and grain, then 8 bits.

Grain doubles as dither: without it, smooth float gradients quantised to 8 bits show bands.
All full-frame work happens here in a handful of vectorised operations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from app.providers.local.painting.canvas import Canvas, blur
from app.providers.local.painting.cues import Cues, Light, Look
from app.providers.local.painting.palette import Scheme, lighten


@dataclass(frozen=True)
class Grade:
    saturation: float
    contrast: float
    warmth: float
    fade: float
    vignette: float
    grain: float
    """Standard deviation of the grain in 8-bit levels."""
    clump: float
    bloom: float
    halation: float
    leak: float


def grade_for(cues: Cues, scheme: Scheme) -> Grade:
    t = cues.traits
    retro = cues.look(Look.RETRO)
    dreamy = cues.look(Look.DREAMY)
    moody = cues.look(Look.MOODY)
    gritty = cues.look(Look.GRITTY)
    bold = cues.look(Look.BOLD)
    light = cues.light
    return Grade(
        saturation=1.0 + 0.2 * t.saturation + 0.12 * bold - 0.12 * dreamy - 0.1 * retro,
        contrast=0.12 * t.contrast + 0.12 * moody + 0.08 * bold - 0.12 * dreamy - 0.05 * retro,
        warmth=0.035 * t.warmth + 0.04 * retro + (0.03 if light is Light.GOLDEN else 0.0),
        fade=0.07 * retro + 0.04 * dreamy,
        vignette=0.12 + 0.16 * moody + (0.12 if scheme.dark else 0.0) + 0.06 * retro,
        grain=1.6 + 4.0 * retro + 3.0 * gritty + (1.0 if scheme.dark else 0.0),
        clump=1.0 + 0.8 * retro + 0.5 * gritty,
        bloom=0.12
        + 0.3 * dreamy
        + (0.25 if light in (Light.BACKLIT, Light.NEON) else 0.0)
        + (0.15 if light is Light.GOLDEN else 0.0),
        halation=0.25 * retro,
        leak=0.3 * retro,
    )


_CHUNK = 64
"""Rows finished at a time: small enough to stay in cache across the dozen operations."""


def apply(
    canvas: Canvas, g: Grade, scheme: Scheme, rng: np.random.Generator, side: float
) -> Image.Image:
    """Grade, glow, vignette and grain the canvas, and quantise it to an 8-bit RGB image.

    Every step is per pixel, so the frame is processed in bands of rows: the full-frame arrays
    are each touched once instead of a dozen times (the pass is memory-bound).
    """
    rgb = canvas.rgb
    h, w = rgb.shape[:2]
    glow = _glow(canvas, g)
    ys = (np.arange(h, dtype=np.float32) / np.float32(h))[:, None]
    xs = (np.arange(w, dtype=np.float32) / np.float32(w))[None, :]
    vignette = 1.0 - np.float32(g.vignette) * np.clip(
        ((xs - 0.5) * 2) ** 2 * 0.8 + ((ys - 0.5) * 2) ** 2 * 0.55, 0, 2
    ) ** np.float32(1.3)
    leak_x = np.exp(-np.abs(xs - (0.0 if side < 0 else 1.0)) / np.float32(0.18))
    leak_y = np.exp(-(((ys - 0.3) / 0.5) ** 2)) * np.float32(g.leak)
    leak_colour = np.asarray((1.0, 0.55, 0.25), np.float32)
    warm = np.asarray([1 + g.warmth, 1 + g.warmth * 0.3, 1 - g.warmth], np.float32)
    gain = warm * np.float32(1 - g.fade)
    lift = np.asarray(lighten(scheme.shadow, 0.35), np.float32) * np.float32(g.fade)
    weights = np.asarray([0.2126, 0.7152, 0.0722], np.float32)
    sat, contrast = np.float32(g.saturation), np.float32(g.contrast * 2.0)
    grain = _grain_tile(rng, g)
    tile = grain.shape[0]
    out = np.empty((h, w, 3), np.uint8)
    for r0 in range(0, h, _CHUNK):
        r1 = min(h, r0 + _CHUNK)
        c = rgb[r0:r1]
        if glow is not None:
            c += (1.0 - c) * glow[r0:r1]
        if g.leak > 0:
            c += (1.0 - c) * ((leak_x * leak_y[r0:r1])[..., None] * leak_colour)
        if abs(g.saturation - 1.0) > 0.01:
            luma = (c @ weights)[..., None]
            c *= sat
            c += luma * (1 - sat)
        if abs(g.contrast) > 0.01:
            # An S-curve around the middle (or its inverse): the ends stay put, nothing clips.
            curve = np.clip(c, 0.0, 1.0)
            curve *= -2.0
            curve += 3.0
            curve *= c
            curve *= c
            curve -= c
            curve *= contrast
            c += curve
        c *= gain
        c += lift
        c *= vignette[r0:r1, :, None]
        rows = np.arange(r0, r1) % tile
        c += np.tile(grain[rows], (1, -(-w // tile)))[:, :w, None]
        c *= 255.0
        c += 0.5
        np.clip(c, 0, 255, out=c)
        out[r0:r1] = c
    return Image.fromarray(out, "RGB")


def _glow(canvas: Canvas, g: Grade) -> np.ndarray | None:
    """Bloom (and film halation, tinted red) as a full-size map, or None when nothing glows."""
    small = _shrink(canvas.rgb, 8)
    total = np.zeros_like(small)
    for threshold, strength, tint in (
        (0.72, g.bloom, (1.0, 1.0, 1.0)),
        (0.8, g.halation, (1.0, 0.45, 0.25)),
    ):
        if strength <= 0:
            continue
        bright = np.clip((small - np.float32(threshold)) / np.float32(1 - threshold), 0, 1)
        if not bright.any():
            continue
        halo = blur(bright, 3.0) + blur(bright, 9.0) * np.float32(0.6)
        total += halo * (np.asarray(tint, np.float32) * np.float32(strength))
    if not total.any():
        return None
    # Glow is soft: 8 bits and a bilinear upscale of the whole map at once lose nothing.
    img = Image.fromarray((np.clip(total, 0, 1) * 255 + 0.5).astype(np.uint8), "RGB")
    big = img.resize((canvas.w, canvas.h), Image.Resampling.BILINEAR)
    return np.asarray(big, np.float32) * np.float32(1 / 255)


def _shrink(rgb: np.ndarray, k: int) -> np.ndarray:
    """Average k x k blocks (the edges that do not fill a block are dropped)."""
    h, w = rgb.shape[0] // k, rgb.shape[1] // k
    # Summing one axis at a time keeps numpy on contiguous memory (a 2-axis mean is 6x slower).
    rows = rgb[: h * k, : w * k].reshape(h, k, w * k, 3).sum(axis=1)
    return rows.reshape(h, w, k, 3).sum(axis=2) * np.float32(1 / (k * k))


def _grain_tile(rng: np.random.Generator, g: Grade) -> np.ndarray:
    """A 512-pixel square of grain, tiled over the frame (its repeat is invisible at this
    strength); triangular noise, the textbook dither for quantising without banding."""
    size = 512
    raw = rng.random((size, size), dtype=np.float32) + rng.random((size, size), dtype=np.float32)
    raw -= 1.0
    if g.clump > 1.05:  # fast film: grains clump into larger specks
        raw = np.asarray(
            Image.fromarray(raw[:: max(1, round(g.clump)), :: max(1, round(g.clump))]).resize(
                (size, size), Image.Resampling.BILINEAR
            ),
            np.float32,
        ) * np.float32(g.clump**0.5)
    # Triangular noise on -1..1 has a standard deviation of 1/sqrt(6).
    return raw * np.float32(g.grain / 255.0 * 6**0.5)
