"""What the product stands on: marble, wood, sand, stone, concrete, linen, a track, water, tiles.

Each surface is a modulation of one palette colour (veins, grain, ripples, folds), so the set
stays in the mood's colours while reading as a material. Surfaces seen at eye level recede:
texture is laid out in *ground* coordinates, where x spreads out towards the camera and depth
compresses towards the horizon, so plank seams and lane lines converge like real perspective.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.providers.local.painting import noise
from app.providers.local.painting.canvas import Array, smoothstep
from app.providers.local.painting.cues import Setting
from app.providers.local.painting.palette import Colour, darken, is_gold, lighten, lum, mix


@dataclass(frozen=True)
class Ground:
    """Pixel coordinates of a floor region, in frame units and in ground units."""

    X: Array
    Y: Array
    gx: Array
    """Across the floor (perspective-corrected)."""
    gz: Array
    """Into the floor: 0 at the front edge, growing towards the horizon."""
    px: float
    """Pixels per frame unit at this canvas resolution."""
    rng: np.random.Generator

    @property
    def shape(self) -> tuple[int, int]:
        return int(np.broadcast_shapes(self.X.shape, self.Y.shape)[0]), int(
            np.broadcast_shapes(self.X.shape, self.Y.shape)[1]
        )


def ground(
    X: Array, Y: Array, horizon: float | None, cx: float, px: float, rng: np.random.Generator
) -> Ground:
    if horizon is None:  # looking straight down: no perspective
        X2, Y2 = np.broadcast_arrays(X, Y)
        return Ground(X, Y, X2.astype(np.float32), Y2.astype(np.float32), px, rng)
    dist = np.maximum(Y - np.float32(horizon), 0.0) + np.float32(0.025)
    gz = np.float32(0.1) / dist  # depth: large near the horizon
    gx = (X - np.float32(cx)) / dist * np.float32(0.1)
    gx, gz = np.broadcast_arrays(gx, gz)
    return Ground(X, Y, gx.astype(np.float32), gz.astype(np.float32), px, rng)


def _tone(base: Colour, shade: Array) -> Array:
    return np.asarray(base, np.float32) * shade[..., None]


def marble(g: Ground, base: Colour, vein: Colour) -> Array:
    """Veins as the classic turbulence pattern: roughly parallel diagonal lines, wandering and
    fading in and out along their length, over a faint cloudy ground."""
    h, w = g.shape
    warp = noise.fbm(g.rng, w, h, 0.28 * g.px, octaves=5, stretch=1.4)
    fade = noise.fbm(g.rng, w, h, 0.2 * g.px, octaves=3)
    cloud = noise.fbm(g.rng, w, h, 0.12 * g.px, octaves=4)
    t = (g.gx * np.float32(1.0) + g.gz * np.float32(0.55)) * np.float32(7.0) + warp * np.float32(
        3.2
    )
    veins = (1.0 - np.abs(np.sin(t))) ** np.float32(18.0)
    fine = (1.0 - np.abs(np.sin(t * np.float32(3.1) + warp * np.float32(6)))) ** np.float32(60)
    col = _tone(base, 0.96 + 0.06 * cloud)
    strength = smoothstep(0.25, 0.75, fade)
    amount = np.clip((veins * 0.5 + fine * 0.22) * strength, 0.0, 1.0)
    return col + (np.asarray(vein, np.float32) - col) * amount[..., None]


def wood(g: Ground, base: Colour) -> Array:
    """A tabletop of boards running across the frame: seams parallel to the horizon, spaced
    by perspective, grain streaking along each board."""
    h, w = g.shape
    depth = g.gz if float(g.gz.max() - g.gz.min()) > 1.5 else g.Y * np.float32(8.0)
    board = np.float32(0.9)
    index = np.floor(depth / board)
    streaks = noise.fbm(g.rng, w, h, max(2.0, 0.004 * g.px), octaves=3, stretch=40.0)
    figure = noise.fbm(g.rng, w, h, 0.05 * g.px, octaves=3, stretch=8.0)
    per_board = 0.93 + 0.09 * (np.sin(index * np.float32(12.9898)) * 0.5 + 0.5)
    frac = depth / board - index
    seam = 1.0 - 0.35 * smoothstep(0.04, 0.0, np.minimum(frac, 1.0 - frac))
    grain = 0.9 + 0.1 * streaks + 0.08 * np.sin(figure * np.float32(18.0))
    warm = mix(base, (0.55, 0.36, 0.2), 0.15) if lum(base) > 0.3 else base
    return _tone(warm, grain * per_board * seam)


def sand(g: Ground, base: Colour) -> Array:
    h, w = g.shape
    fine = g.rng.standard_normal((h, w), dtype=np.float32) * np.float32(0.025)
    warp = noise.fbm(g.rng, w, h, 0.15 * g.px, octaves=3, stretch=3.0)
    ripples = np.sin(g.gz * np.float32(9.0) + warp * np.float32(5.0) + g.gx * np.float32(2))
    return _tone(mix(base, (0.93, 0.82, 0.64), 0.1), 0.97 + 0.035 * ripples + fine)


def stone(g: Ground, base: Colour, pores: float = 0.5) -> Array:
    h, w = g.shape
    cloud = noise.fbm(g.rng, w, h, 0.12 * g.px, octaves=4, stretch=2.0 if g.gz.max() > 2 else 1)
    specks = (g.rng.random((h, w), dtype=np.float32) > 0.985) * np.float32(0.08 * pores)
    return _tone(base, 0.94 + 0.09 * cloud - specks)


def concrete(g: Ground, base: Colour) -> Array:
    h, w = g.shape
    stains = noise.fbm(g.rng, w, h, 0.35 * g.px, octaves=3)
    col = stone(g, base, pores=1.0)
    return col * (0.9 + 0.14 * smoothstep(0.2, 0.8, stains))[..., None]


def linen(g: Ground, base: Colour) -> Array:
    h, w = g.shape
    folds = noise.fbm(g.rng, w, h, 0.18 * g.px, octaves=3, stretch=2.5)
    gy, gx = np.gradient(folds)
    emboss = (gx - gy) * np.float32(g.px * 0.06)
    weave = np.sin(g.X * np.float32(g.px * 1.5)) * np.sin(g.Y * np.float32(g.px * 1.5))
    return _tone(base, 0.95 + 0.12 * (folds - 0.5) + np.clip(emboss, -0.12, 0.12) + 0.012 * weave)


def track(g: Ground, base: Colour, lines: Colour) -> Array:
    h, w = g.shape
    col = _tone(base, 0.93 + 0.06 * g.rng.random((h, w), dtype=np.float32))
    lane = np.float32(0.35)
    dist = np.abs(g.gx / lane - np.round(g.gx / lane)) * lane
    width = 0.006
    stripe = smoothstep(width * 1.6, width * 0.6, dist)
    return col + (np.asarray(lines, np.float32) - col) * (stripe * 0.9)[..., None]


def water(g: Ground, base: Colour, light: Colour) -> Array:
    h, w = g.shape
    warp = noise.fbm(g.rng, w, h, 0.12 * g.px, octaves=3, stretch=4.0)
    if float(g.gz.max() - g.gz.min()) < 1.5:  # from above: caustic web on a pool floor
        a = np.sin(g.X * np.float32(38) + warp * 6) + np.sin(g.Y * np.float32(33) + warp * 5)
        web = (1.0 - np.abs(a) / 2) ** np.float32(12)
    else:
        web = (0.5 + 0.5 * np.sin(g.gz * np.float32(14.0) + warp * np.float32(7))) ** 20
    col = _tone(base, 0.94 + 0.1 * warp)
    return col + (np.asarray(light, np.float32) - col) * (web * 0.45)[..., None]


def tiles(g: Ground, base: Colour, size: float = 0.07) -> Array:
    u, v = g.gx / np.float32(size * 1.6), g.gz / np.float32(size * 3.0)
    if float(g.gz.max() - g.gz.min()) < 1.5:
        u, v = g.X / np.float32(size), g.Y / np.float32(size)
    du = np.abs(u - np.round(u))
    dv = np.abs(v - np.round(v))
    grout = smoothstep(0.035, 0.015, np.minimum(du, dv))
    cell = np.sin(np.floor(u) * np.float32(12.99) + np.floor(v) * np.float32(78.23)) * 43758.5
    jitter = (cell - np.floor(cell)) * np.float32(0.05)
    col = _tone(base, 0.97 + jitter)
    grout_colour = lighten(base, 0.4) if lum(base) < 0.6 else darken(base, 0.18)
    return col + (np.asarray(grout_colour, np.float32) - col) * grout[..., None]


@dataclass(frozen=True)
class SurfaceColours:
    base: Colour
    vein: Colour
    light: Colour
    lines: Colour


def paint(setting: Setting, g: Ground, colours: SurfaceColours) -> Array | None:
    """The surface's colour over the ground region, or None for a plain seamless floor."""
    base = colours.base
    if setting is Setting.MARBLE:
        return marble(g, base, colours.vein)
    if setting is Setting.WOOD:
        return wood(g, base)
    if setting is Setting.SAND:
        return sand(g, base)
    if setting is Setting.STONE:
        return stone(g, base)
    if setting is Setting.CONCRETE:
        return concrete(g, base)
    if setting is Setting.LINEN:
        return linen(g, base)
    if setting is Setting.TRACK:
        return track(g, base, colours.lines)
    if setting is Setting.WATER:
        return water(g, base, colours.light)
    if setting is Setting.TILES:
        return tiles(g, base)
    return None


def vein_colour(base: Colour, palette: tuple[Colour, ...]) -> Colour:
    """Gold veins where the palette has gold (luxury marble), else a deeper tone of the stone."""
    golds = [c for c in palette if is_gold(c)]
    if golds and lum(base) > 0.6:
        return mix(golds[0], base, 0.35)
    return darken(base, 0.3) if lum(base) > 0.3 else lighten(base, 0.35)
