"""How surfaces take light: the difference between a flat sticker and a product render.

Studio product photography has a recognisable grammar, and each function here paints one part
of it: a key light modelling the form, a narrow specular strip from a softbox, a second strip
from the fill, the environment's colour bleeding into grazing edges, and a rim light separating
the silhouette from the backdrop. Cylinders (bottles, cans, caps) shade analytically from their
horizontal coordinate; free-form parts (sneakers, bags, pouches) are "inflated" from their
distance field so any silhouette gets volume.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

import numpy as np

from app.providers.local.painting.canvas import Array, smoothstep
from app.providers.local.painting.palette import Colour, lighten


class Finish(StrEnum):
    MATTE = "matte"
    SATIN = "satin"
    GLOSS = "gloss"
    METAL = "metal"
    GLASS = "glass"


@dataclass(frozen=True)
class Lighting:
    side: float
    """-1: key light from the left; 1: from the right."""
    key: Colour
    fill: Colour
    """What surrounds the product; reflected at grazing angles."""
    rim: Colour
    rim_far: Colour
    """Rim light on the key side (neon sets light both edges in different colours)."""
    rim_strength: float
    depth: float
    """How far shading falls off into the shadow side, 0 (flat, airy) .. 1 (chiaroscuro)."""


_SPEC = {Finish.MATTE: (0.10, 12.0), Finish.SATIN: (0.35, 40.0), Finish.GLOSS: (0.85, 160.0),
         Finish.METAL: (1.0, 90.0), Finish.GLASS: (1.0, 220.0)}  # fmt: skip
"""Specular strength and tightness per finish."""


def _c(colour: Colour | Array) -> Array:
    return colour if isinstance(colour, np.ndarray) else np.asarray(colour, np.float32)


def cylinder_normal(X: Array, cx: float, hw: float | Array) -> Array:
    """Horizontal component of the surface normal across a vertical cylinder, -1..1."""
    return np.clip((X - np.float32(cx)) / hw, -1.0, 1.0)


def cylinder(n: Array, base: Colour | Array, light: Lighting, finish: Finish) -> Array:
    """A vertical cylinder (bottle, can, cap) lit by a side key, a fill strip and a rim."""
    side = np.float32(light.side)
    nz = np.sqrt(np.maximum(1.0 - n * n, 0.0))
    lx, lz = side * np.float32(0.64), np.float32(0.77)
    diffuse = np.clip(n * lx + nz * lz, 0.0, 1.0)
    ambient = np.float32(0.62 - 0.34 * light.depth)
    shade = ambient + (1.0 - ambient) * diffuse
    if finish is Finish.METAL:
        return _metal(n, base, light)
    col = _c(base) * shade[..., None]
    # Grazing edges mirror the surroundings (Fresnel); stronger on glossy finishes.
    grazing = (1.0 - nz) ** 3 * np.float32(0.5 if finish in (Finish.GLOSS, Finish.GLASS) else 0.2)
    col += (_c(light.fill) - col) * grazing[..., None]
    strength, power = _SPEC[finish]
    # Key softbox: a bright vertical strip on the lit side.
    hx, hz = lx, lz + np.float32(1.0)
    norm = np.float32(1.0 / np.hypot(float(hx), float(hz)))
    spec = np.clip((n * hx + nz * hz) * norm, 0.0, 1.0) ** np.float32(power)
    # Fill strip: a narrower, dimmer reflection near the far edge, as studio bottles show.
    strip = np.exp(-(((n + side * np.float32(0.8)) / np.float32(0.05)) ** 2))
    gloss = spec * np.float32(strength) + strip * np.float32(strength * 0.45)
    col += (_c(light.key) - col) * np.clip(gloss, 0.0, 1.0)[..., None]
    return _rim(col, n, light)


def _metal(n: Array, base: Colour | Array, light: Lighting) -> Array:
    """Polished metal: hard bands of the studio reflected across the curve."""
    side = np.float32(light.side)
    bands = 0.5 + 0.5 * np.sin(n * np.float32(4.6) - side * np.float32(1.3))
    bands = bands ** np.float32(1.7)
    deep = np.float32(0.22)
    col = _c(base) * (deep + np.float32(1.05) * bands)[..., None]
    hot = np.exp(-(((n + side * np.float32(0.42)) / np.float32(0.07)) ** 2))
    bright = _c(lighten(base, 0.75)) if isinstance(base, tuple) else np.float32(0.95)
    col += (bright - col) * hot[..., None]
    return _rim(col, n, light)


def _rim(col: Array, n: Array, light: Lighting) -> Array:
    if light.rim_strength <= 0:
        return np.clip(col, 0.0, 1.0)
    side = np.float32(light.side)
    far = smoothstep(0.86, 0.995, (-side * n)) * np.float32(light.rim_strength)
    near = smoothstep(0.9, 0.995, (side * n)) * np.float32(light.rim_strength * 0.6)
    col += (_c(light.rim) - col) * far[..., None]
    col += (_c(light.rim_far) - col) * near[..., None]
    return np.clip(col, 0.0, 1.0)


def glass_opacity(n: Array, base: float = 0.3) -> Array:
    """Glass is transparent face-on and nearly opaque at the edges (Fresnel)."""
    nz = np.sqrt(np.maximum(1.0 - n * n, 0.0))
    return np.float32(base) + np.float32(1.0 - base) * (1.0 - nz) ** 2


def glass_glint(n: Array, light: Lighting) -> Array:
    """Where glass throws the light back: opaque highlights over the transparent body."""
    side = np.float32(light.side)
    key = np.exp(-(((n + side * np.float32(0.5)) / np.float32(0.07)) ** 2))
    fill = np.exp(-(((n - side * np.float32(0.78)) / np.float32(0.035)) ** 2)) * np.float32(0.6)
    return np.clip(key + fill, 0.0, 1.0)


class Relief(NamedTuple):
    """The light falling on a free-form part, independent of its colour."""

    shade: Array
    spec: Array
    grazing: Array
    rim: Array


def relief(d: Array, px: float, radius: float, light: Lighting) -> Relief:
    """Light a free-form part as if its silhouette were inflated like a cushion.

    The distance to the edge, bent into a quarter circle, is a height map; its slope is the
    surface normal. `radius` (product units) is how far in from the edge the form is rounded.
    Computed once per part, then applied to each colour printed on it.
    """
    t = np.clip(-d / np.float32(radius), 0.0, 1.0)
    return relief_of_height(np.sqrt(1.0 - (1.0 - t) ** 2), px * radius * 0.5, light)


def relief_of_height(height: Array, slope_scale: float, light: Lighting) -> Relief:
    """Light a height map (0 at the silhouette, 1 on top); `slope_scale` sets how steep."""
    gy, gx = np.gradient(height)
    slope = np.float32(slope_scale)
    nx, ny = -gx * slope, -gy * slope
    norm = 1.0 / np.sqrt(nx * nx + ny * ny + 1.0)
    nx, ny, nz = nx * norm, ny * norm, norm
    side = np.float32(light.side)
    lx, ly, lz = side * np.float32(0.55), np.float32(-0.45), np.float32(0.7)
    diffuse = np.clip(nx * lx + ny * ly + nz * lz, 0.0, 1.0)
    ambient = np.float32(0.55 - 0.3 * light.depth)
    hx, hy, hz = lx, ly, lz + np.float32(1.0)
    hn = np.float32(1.0 / np.sqrt(float(hx * hx + hy * hy + hz * hz)))
    spec = np.clip((nx * hx + ny * hy + nz * hz) * hn, 0.0, 1.0)
    rim = np.clip(-nx * side, 0.0, 1.0) * (1.0 - nz) * np.float32(light.rim_strength)
    return Relief(
        shade=ambient + (1.0 - ambient) * diffuse,
        spec=spec,
        grazing=(1.0 - nz) ** 2 * np.float32(0.25),
        rim=rim,
    )


def on_relief(r: Relief, base: Colour | Array, light: Lighting, finish: Finish) -> Array:
    col = _c(base) * r.shade[..., None]
    strength, power = _SPEC[finish]
    gloss = r.spec ** np.float32(power * 0.5) * np.float32(strength * 0.8)
    col += (_c(light.key) - col) * gloss[..., None]
    col += (_c(light.fill) - col) * r.grazing[..., None]
    if light.rim_strength > 0:
        col += (_c(light.rim) - col) * r.rim[..., None]
    return np.clip(col, 0.0, 1.0)


def face(
    base: Colour, brightness: float, gradient: Array, light: Lighting, sheen: float = 0.0
) -> Array:
    """A flat face (a box side): one brightness, a gentle gradient across it, optional sheen."""
    shade = np.float32(brightness) * (1.0 - np.float32(0.12) * gradient)
    col = np.asarray(base, np.float32) * shade[..., None]
    if sheen:
        col += (np.asarray(light.key, np.float32) - col) * (np.float32(sheen) * (1.0 - gradient))[
            ..., None
        ] ** 2
    return np.clip(col, 0.0, 1.0)
