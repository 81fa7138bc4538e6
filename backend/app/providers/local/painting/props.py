"""Small things around the product: drops, bubbles, ice, citrus, beans, leaves, petals,
confetti, sparkles. Each is drawn as a patch (colour and coverage over a small box) so it can be
placed sharp, or blurred as if it were in front of or behind the focal plane.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np

from app.providers.local.painting import sdf
from app.providers.local.painting.canvas import Array, Box, Canvas, blur, smoothstep
from app.providers.local.painting.palette import Colour, darken, lighten, mix


@dataclass(frozen=True)
class Patch:
    box: Box
    rgb: Array
    alpha: Array
    glow: bool = False
    """Added as light (screen) rather than painted over."""


def put(canvas: Canvas, patch: Patch | None, defocus: float = 0.0) -> None:
    """Composite a patch; `defocus` (pixels) blurs it as if out of the focal plane."""
    if patch is None:
        return
    box, rgb, alpha = patch.box, patch.rgb, patch.alpha
    if defocus > 0.7:
        # Grow the box first: a blur must be free to spread past the shape's own bounds.
        pad = int(defocus * 3) + 1
        x0, y0, x1, y1 = box
        grown = (
            max(0, x0 - pad),
            max(0, y0 - pad),
            min(canvas.w, x1 + pad),
            min(canvas.h, y1 + pad),
        )
        gh, gw = grown[3] - grown[1], grown[2] - grown[0]
        big_a = np.zeros((gh, gw), np.float32)
        big_rgb = np.zeros((gh, gw, 3), np.float32)
        oy, ox = y0 - grown[1], x0 - grown[0]
        big_a[oy : oy + alpha.shape[0], ox : ox + alpha.shape[1]] = alpha
        big_rgb[oy : oy + alpha.shape[0], ox : ox + alpha.shape[1]] = rgb * alpha[..., None]
        premul = blur(big_rgb, defocus)
        alpha = blur(big_a, defocus)
        rgb = premul / np.maximum(alpha, 1e-4)[..., None]
        box = grown
    if patch.glow:
        canvas.screen(rgb, alpha, box)
    else:
        canvas.blend(rgb, alpha, box)


def _frame(canvas: Canvas, cx: float, cy: float, r: float, pad: float = 1.0):
    box = canvas.box(cx - r * pad, cy - r * pad, cx + r * pad, cy + r * pad)
    if box is None:
        return None
    X, Y = canvas.grid(box)
    return box, X, Y


def _flat(colour: Colour, shape: tuple[int, ...]) -> Array:
    return np.broadcast_to(np.asarray(colour, np.float32), (*shape, 3)).copy()


def drop(
    canvas: Canvas,
    cx: float,
    cy: float,
    r: float,
    colour: Colour,
    light: Colour,
    falling: bool = False,
) -> Patch | None:
    """A liquid drop: see-through body, a dark refracting edge, a hot highlight, a caustic."""
    f = _frame(canvas, cx, cy - (r * 1.2 if falling else 0), r * (2.4 if falling else 1.3))
    if f is None:
        return None
    box, X, Y = f
    d = sdf.circle(X, Y, cx, cy, r)
    if falling:  # a tapering tail above the falling drop
        d = sdf.smooth_union(d, sdf.segment(X, Y, cx, cy, cx, cy - r * 1.7, r * 0.08), r * 0.9)
    cov = sdf.coverage(d, canvas.h)
    depth = np.clip(-d / np.float32(r), 0, 1)
    edge = 1.0 - depth
    rgb = _flat(mix(colour, darken(colour, 1.0), 0.25), cov.shape)
    rgb += (np.asarray(darken(colour, 0.8), np.float32) - rgb) * (edge**3 * 0.6)[..., None]
    lower = np.clip((Y - np.float32(cy)) / np.float32(r), 0, 1) * depth
    rgb += (np.asarray(lighten(colour, 0.6), np.float32) - rgb) * (lower**2 * 0.7)[..., None]
    hot = sdf.coverage(
        sdf.ellipse(X, Y, cx - r * 0.35, cy - r * 0.4, r * 0.22, r * 0.16), canvas.h, soft=1.5
    )
    rgb += (np.asarray(lighten(light, 0.8), np.float32) - rgb) * hot[..., None]
    alpha = cov * (0.55 + 0.4 * edge**2)
    return Patch(box, rgb, np.maximum(alpha, hot * cov))


def bubble(canvas: Canvas, cx: float, cy: float, r: float, light: Colour) -> Patch | None:
    f = _frame(canvas, cx, cy, r, 1.3)
    if f is None:
        return None
    box, X, Y = f
    d = sdf.circle(X, Y, cx, cy, r)
    ring = sdf.coverage(np.abs(d) - np.float32(r * 0.08), canvas.h)
    hot = sdf.coverage(sdf.circle(X, Y, cx - r * 0.4, cy - r * 0.4, r * 0.18), canvas.h)
    fill = sdf.coverage(d, canvas.h) * np.float32(0.12)
    alpha = np.maximum(np.maximum(ring * 0.55, hot * 0.9), fill)
    return Patch(box, _flat(lighten(light, 0.6), alpha.shape), alpha, glow=True)


def ice(
    canvas: Canvas, cx: float, cy: float, r: float, angle: float, tint: Colour, light: Colour
) -> Patch | None:
    f = _frame(canvas, cx, cy, r, 1.6)
    if f is None:
        return None
    box, X, Y = f
    rx, ry = sdf.rotate(X, Y, cx, cy, angle)
    d = sdf.box(rx, ry, cx, cy, r, r, r * 0.3)
    cov = sdf.coverage(d, canvas.h)
    inner = np.clip(-d / np.float32(r * 0.35), 0, 1)
    rgb = _flat(mix(lighten(tint, 0.75), (0.9, 0.96, 1.0), 0.5), cov.shape)
    streak = np.exp(-((((rx - ry) - np.float32(cx - cy - r * 0.3)) / np.float32(r * 0.12)) ** 2))
    rgb += (np.asarray(lighten(light, 0.9), np.float32) - rgb) * (streak * 0.8)[..., None]
    # Clear ice shows what is behind it: mostly its edges and one streak of light show.
    alpha = cov * (0.12 + 0.55 * (1 - inner) ** 2 + 0.45 * streak)
    return Patch(box, rgb, np.clip(alpha, 0, 1))


def citrus(canvas: Canvas, cx: float, cy: float, r: float, colour: Colour) -> Patch | None:
    """A citrus wheel: rind, pith, and translucent segments radiating from the centre."""
    f = _frame(canvas, cx, cy, r, 1.1)
    if f is None:
        return None
    box, X, Y = f
    dx, dy = X - np.float32(cx), Y - np.float32(cy)
    rr = np.hypot(dx, dy) / np.float32(r)
    cov = sdf.coverage(sdf.circle(X, Y, cx, cy, r), canvas.h)
    angle = np.arctan2(dy, dx)
    segments = np.abs(np.sin(angle * 5.0)) * rr
    flesh = mix(colour, (1.0, 0.95, 0.6), 0.25)
    rgb = _flat(flesh, cov.shape) * (0.85 + 0.25 * smoothstep(0.0, 0.25, segments))[..., None]
    pith = smoothstep(0.78, 0.84, rr) * (1 - smoothstep(0.88, 0.92, rr))
    lines = (1 - smoothstep(0.02, 0.06, segments)) * (rr < 0.82) + (rr < 0.08)
    white = np.clip(pith + lines, 0, 1)
    rgb += (np.asarray((1.0, 0.98, 0.9), np.float32) - rgb) * white[..., None]
    rind = smoothstep(0.9, 0.93, rr)
    rgb += (np.asarray(darken(colour, 0.25), np.float32) - rgb) * rind[..., None]
    return Patch(box, rgb, cov)


def bean(
    canvas: Canvas, cx: float, cy: float, r: float, angle: float, colour: Colour
) -> Patch | None:
    """A roasted coffee bean: a glossy oval split by its S-shaped crease."""
    f = _frame(canvas, cx, cy, r, 1.1)
    if f is None:
        return None
    box, X, Y = f
    rx, ry = sdf.rotate(X, Y, cx, cy, angle)
    d = sdf.ellipse(rx, ry, cx, cy, r * 0.68, r)
    cov = sdf.coverage(d, canvas.h)
    u = (rx - np.float32(cx)) / np.float32(r * 0.68)
    v = (ry - np.float32(cy)) / np.float32(r)
    dome = np.sqrt(np.clip(1 - u * u - v * v, 0, 1))
    rgb = _flat(colour, cov.shape) * (0.45 + 0.65 * dome)[..., None]
    crease = np.abs(u - 0.18 * np.sin(v * np.float32(math.pi))) < 0.09
    rgb *= (1 - 0.65 * crease * (np.abs(v) < 0.85))[..., None]
    hot = np.exp(-(((u + 0.35) ** 2 + (v + 0.35) ** 2) / 0.03))
    rgb += (np.float32(1.0) - rgb) * (hot * 0.35)[..., None]
    return Patch(box, np.clip(rgb, 0, 1), cov)


def leaf(
    canvas: Canvas,
    cx: float,
    cy: float,
    length: float,
    angle: float,
    colour: Colour,
    light: Colour,
    width: float = 0.26,
) -> Patch | None:
    f = _frame(canvas, cx, cy, length * 0.6, 1.05)
    if f is None:
        return None
    box, X, Y = f
    rx, ry = sdf.rotate(X, Y, cx, cy, angle)
    d = sdf.leaf(rx, ry, cx, cy, length, length * width / 2)
    cov = sdf.coverage(d, canvas.h)
    across = (ry - np.float32(cy)) / np.float32(length * width / 2)
    rgb = _flat(colour, cov.shape) * (0.8 + 0.25 * np.clip(-across, -1, 1) * 0.5 + 0.15)[..., None]
    rib = sdf.coverage(np.abs(ry - np.float32(cy)) - np.float32(length * 0.006), canvas.h)
    rgb += (np.asarray(lighten(colour, 0.35), np.float32) - rgb) * (rib * 0.6)[..., None]
    edge = np.clip(1 + d / np.float32(length * 0.02), 0, 1) * (across < 0)
    rgb += (np.asarray(light, np.float32) - rgb) * (edge * 0.2)[..., None]
    return Patch(box, np.clip(rgb, 0, 1), cov)


def confetti(
    canvas: Canvas, cx: float, cy: float, r: float, angle: float, colour: Colour, round_shape: bool
) -> Patch | None:
    f = _frame(canvas, cx, cy, r, 1.5)
    if f is None:
        return None
    box, X, Y = f
    rx, ry = sdf.rotate(X, Y, cx, cy, angle)
    d = sdf.circle(rx, ry, cx, cy, r * 0.7) if round_shape else sdf.box(rx, ry, cx, cy, r, r * 0.4)
    cov = sdf.coverage(d, canvas.h)
    shade = 0.85 + 0.15 * np.clip((rx - np.float32(cx)) / np.float32(r), -1, 1)
    return Patch(box, _flat(colour, cov.shape) * shade[..., None], cov)


def sparkle(canvas: Canvas, cx: float, cy: float, r: float, colour: Colour) -> Patch | None:
    """A four-point star glint, as a highlight on polished metal or glass photographs."""
    f = _frame(canvas, cx, cy, r, 1.05)
    if f is None:
        return None
    box, X, Y = f
    dx, dy = np.abs(X - np.float32(cx)), np.abs(Y - np.float32(cy))
    arms = np.exp(-dy / np.float32(r * 0.025)) * np.clip(1 - dx / np.float32(r), 0, 1) ** 2
    arms = np.maximum(
        arms, np.exp(-dx / np.float32(r * 0.025)) * np.clip(1 - dy / np.float32(r), 0, 1) ** 2
    )
    core = np.exp(-np.hypot(dx, dy) / np.float32(r * 0.08))
    alpha = np.clip(arms * 0.9 + core, 0, 1)
    return Patch(box, _flat(lighten(colour, 0.7), alpha.shape), alpha, glow=True)


def streak(
    canvas: Canvas, x0: float, y0: float, x1: float, y1: float, width: float, colour: Colour
) -> Patch | None:
    """A motion streak, brightest at its head and fading along its tail."""
    box = canvas.box(
        min(x0, x1) - width, min(y0, y1) - width, max(x0, x1) + width, max(y0, y1) + width
    )
    if box is None:
        return None
    X, Y = canvas.grid(box)
    d = sdf.segment(X, Y, x0, y0, x1, y1, width)
    length = max(math.hypot(x1 - x0, y1 - y0), 1e-6)
    t = np.clip(
        ((X - np.float32(x0)) * np.float32(x1 - x0) + (Y - np.float32(y0)) * np.float32(y1 - y0))
        / np.float32(length * length),
        0,
        1,
    )
    alpha = sdf.coverage(d, canvas.h, soft=1.5) * t**1.5
    return Patch(box, _flat(colour, alpha.shape), alpha.astype(np.float32), glow=True)


def scatter(
    rng: random.Random,
    count: int,
    x0: float,
    x1: float,
    y0: float,
    y1: float,
    avoid: tuple[float, float, float, float] | None = None,
    tries: int = 12,
) -> list[tuple[float, float]]:
    """Random positions in a rectangle, keeping clear of one box (the product)."""
    points: list[tuple[float, float]] = []
    for _ in range(count):
        for _ in range(tries):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            if avoid is None or not (avoid[0] < x < avoid[2] and avoid[1] < y < avoid[3]):
                points.append((x, y))
                break
    return points
