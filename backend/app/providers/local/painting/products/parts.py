"""Building blocks shared by the product models: turned parts, top faces, printed marks.

The camera in a pack shot sits slightly above the product, so every horizontal circle of a
bottle or can is seen as a shallow ellipse: bands curve down at the front, and the top of a lid
shows as a thin ellipse. `turned` bends each part's coordinates by that ellipse (`tilt`), which
is most of what makes a flat silhouette read as a solid object.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np

from app.providers.local.painting import sdf
from app.providers.local.painting.canvas import Array
from app.providers.local.painting.palette import Colour, darken, lighten, lum, mix
from app.providers.local.painting.products.layer import Layer, Region
from app.providers.local.painting.products.materials import (
    Finish,
    Lighting,
    cylinder,
    cylinder_normal,
    glass_glint,
    glass_opacity,
)


@dataclass(frozen=True)
class Dress:
    """How one product is dressed and lit for one image."""

    body: Colour
    label: Colour
    trim: Colour
    ink: Colour
    accent: Colour
    liquid: Colour
    metal_trim: bool
    light: Lighting
    roundness: float
    """-1 (angular) .. 1 (soft): corner radii and cap shapes follow it."""
    tilt: float
    """How far above the product the camera sits (0: exact profile, as in a flat lay)."""
    variant: int
    """Which of a model's graphic variants to print (seeded)."""
    frosted: bool
    seed: int

    @property
    def trim_finish(self) -> Finish:
        return Finish.METAL if self.metal_trim else Finish.SATIN

    def rng(self, salt: str) -> random.Random:
        return random.Random(f"{self.seed}:{salt}")


@dataclass(frozen=True)
class Turned:
    """A turned (cylindrical) part once painted: where, its normals and its coverage."""

    reg: Region
    n: Array
    Yw: Array
    d: Array
    cov: Array
    upright: bool
    """Shading then depends on the column only, so it is computed for one row."""

    def lit(self, colour: Colour, light: Lighting, finish: Finish) -> Array:
        """The part's surface in a colour, lit: one row broadcast down when upright."""
        if self.upright:
            row = cylinder(self.n[:1], colour, light, finish)
            return np.broadcast_to(row, (*self.n.shape, 3))
        return cylinder(self.n, colour, light, finish)


def turned(
    layer: Layer,
    dress: Dress,
    hw: float,
    y0: float,
    y1: float,
    r: float,
    colour: Colour,
    finish: Finish,
    cx: float = 0.0,
    hw_top: float | None = None,
    opacity: float = 1.0,
) -> Turned | None:
    """Paint a turned part (optionally tapering to `hw_top`) and return it for further marks."""
    top_hw = hw if hw_top is None else hw_top
    wide = max(hw, top_hw)
    lift = dress.tilt * wide
    reg = layer.region(cx - wide, y0 - lift, cx + wide, y1 + lift)
    if reg is None:
        return None
    t = np.clip((reg.Y - np.float32(y0)) / np.float32(max(y1 - y0, 1e-6)), 0.0, 1.0)
    half = np.float32(hw) + np.float32(top_hw - hw) * t
    n = cylinder_normal(reg.X, cx, half)
    nz = np.sqrt(np.maximum(1.0 - n * n, 0.0))
    Yw = reg.Y + np.float32(dress.tilt) * half * nz
    if hw_top is None:
        d = sdf.box(reg.X, Yw, cx, (y0 + y1) / 2, hw, (y1 - y0) / 2, r)
    else:
        d = sdf.taper(reg.X, Yw, cx, (y0 + y1) / 2, hw, top_hw, (y1 - y0) / 2, r)
    cov = sdf.coverage(d, layer.px)
    part = Turned(reg, n, Yw, d, cov, upright=not layer.place.angle and hw_top is None)
    if finish is Finish.GLASS:
        shaded = part.lit(lighten(colour, 0.15), dress.light, Finish.GLASS)
        n_op = n[:1] if part.upright else n
        layer.put(reg, cov * glass_opacity(n_op, 0.38 * opacity + 0.12), shaded)
    else:
        layer.put(reg, cov * np.float32(opacity), part.lit(colour, dress.light, finish))
    return part


def glint(layer: Layer, part: Turned, dress: Dress, strength: float = 0.9) -> None:
    """Opaque highlights on glass, painted last so labels never cover them."""
    n = part.n[:1] if part.upright else part.n
    g = glass_glint(n, dress.light) * part.cov * np.float32(strength)
    layer.put(part.reg, g, lighten(dress.light.key, 0.5))


def top_face(
    layer: Layer, dress: Dress, cx: float, y: float, rx: float, colour: Colour, finish: Finish
) -> None:
    """The top of a turned part, seen as a thin ellipse; lit from above, so lighter."""
    ry = dress.tilt * rx
    if ry * layer.px < 1.0:
        return
    reg = layer.region(cx - rx, y - ry, cx + rx, y + ry)
    if reg is None:
        return
    d = sdf.ellipse(reg.X, reg.Y, cx, y, rx, ry)
    cov = sdf.coverage(d, layer.px)
    # A soft gradient from the back edge (catching the key) to the front lip.
    t = np.clip((reg.Y - np.float32(y - ry)) / np.float32(2 * ry), 0.0, 1.0)
    top = lighten(colour, 0.22 if finish is not Finish.METAL else 0.4)
    col = np.asarray(top, np.float32) * (0.86 + 0.14 * t)[..., None]
    layer.put(reg, cov, col)
    rim = np.clip(1.0 - np.abs(d) * np.float32(layer.px) / 1.5, 0.0, 1.0) * np.float32(0.5)
    layer.put(reg, rim * (np.float32(y) < reg.Y), lighten(dress.light.key, 0.6))


def band(
    layer: Layer, part: Turned, y0: float, y1: float, colour: Colour, finish: Finish, dress: Dress
) -> Array:
    """Print a band (a label, a colour block) around a turned part; returns its coverage."""
    d = np.maximum(part.d, np.maximum(np.float32(y0) - part.Yw, part.Yw - np.float32(y1)))
    cov = sdf.coverage(d, layer.px)
    layer.put(part.reg, cov, part.lit(colour, dress.light, finish))
    return cov


def _window(
    X: Array, Y: Array, x0: float, x1: float, y0: float, y1: float
) -> tuple[slice, slice] | None:
    """The rows and columns where (X, Y) falls in a rectangle: marks are computed only there."""
    inside = (x0 <= X) & (x1 >= X) & (y0 <= Y) & (y1 >= Y)
    rows = np.flatnonzero(inside.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(inside.any(axis=0))
    return slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1)


def word_mask(
    X: Array,
    Y: Array,
    d: Array,
    px: float,
    rng: random.Random,
    cx: float,
    cy: float,
    half_width: float,
    height: float,
    lines: int = 2,
) -> Array:
    """A label's graphics at a glance: a small emblem over a few lines of greeked type.

    Real words would need the product's name (most shots do not carry it) and invented letters
    read as gibberish; an emblem over fine, word-spaced lines reads as a designed label, the way
    layout mock-ups show text.
    """
    shape = np.broadcast_shapes(X.shape, Y.shape)
    cover = np.zeros(shape, np.float32)
    X, Y = np.broadcast_to(X, shape), np.broadcast_to(Y, shape)
    r = height * 0.75
    win = _window(
        X,
        Y,
        cx - half_width * 1.1,
        cx + half_width * 1.1,
        cy - height * 3.2 - lines * height,
        cy + r * 1.4,
    )
    if win is None:
        return cover
    x, y, dd = X[win], Y[win], np.broadcast_to(d, shape)[win]
    style = rng.randrange(3)
    if style == 0:  # a ring with a dot
        emblem = np.minimum(sdf.ring(x, y, cx, cy, r, r * 0.16), sdf.circle(x, y, cx, cy, r * 0.28))
    elif style == 1:  # an outlined diamond
        rx, ry = sdf.rotate(x, y, cx, cy, 45.0)
        emblem = np.abs(sdf.box(rx, ry, cx, cy, r * 0.75, r * 0.75)) - np.float32(r * 0.08)
    else:  # two interlocking rings, like a monogram
        emblem = np.minimum(
            sdf.ring(x, y, cx - r * 0.35, cy, r * 0.7, r * 0.13),
            sdf.ring(x, y, cx + r * 0.35, cy, r * 0.7, r * 0.13),
        )
    marks = emblem
    line_y = cy - r * 2.1
    for i in range(lines + 1):
        width = half_width * (0.95 if i == 0 else 0.75 - 0.15 * i)
        thick = height * (0.15 if i == 0 else 0.08)
        left = cx - width
        while left < cx + width - 0.04 * half_width:
            word = min(rng.uniform(0.12, 0.32) * half_width, cx + width - left)
            marks = np.minimum(
                marks, sdf.box(x, y, left + word / 2, line_y, word / 2, thick, thick * 0.5)
            )
            left += word + 0.07 * half_width
        line_y -= height * (0.75 if i == 0 else 0.5)
    cover[win] = sdf.coverage(np.maximum(marks, dd), px)
    return cover


def wordmark(
    layer: Layer,
    part: Turned,
    cy: float,
    half_width: float,
    height: float,
    colour: Colour,
    dress: Dress,
    salt: str,
    lines: int = 2,
) -> None:
    """A word mark printed on a turned part: it follows the curve and the shading."""
    cover = word_mask(
        part.reg.X, part.Yw, part.d, layer.px, dress.rng(salt), 0.0, cy, half_width, height, lines
    )
    layer.put(part.reg, cover, part.lit(colour, dress.light, Finish.SATIN))


def droplets(
    layer: Layer,
    part: Turned,
    dress: Dress,
    count: int,
    size: float,
    y0: float,
    y1: float,
    hw: float,
) -> None:
    """Condensation: many small beads, each a bright point over a faint dark refraction edge,
    on a frosted film (the can has just left the fridge)."""
    rng = dress.rng("drops")
    X, Yw, px = part.reg.X, part.Yw, layer.px
    frost = np.clip(1.0 - np.abs(part.n) ** 4, 0, 1) * np.float32(0.14)
    layer.put(part.reg, frost * part.cov, lighten(dress.light.key, 0.6))
    assert layer.box is not None
    ox = layer.box[0] + (part.reg.cols.start or 0)
    oy = layer.box[1] + (part.reg.rows.start or 0)
    h, w = X.shape
    for _ in range(count):
        cx = rng.uniform(-hw * 0.9, hw * 0.9)
        cy = rng.uniform(y0, y1)
        r = size * rng.uniform(0.35, 1.0)
        squash = max(0.25, 1.0 - (cx / hw) ** 2)  # beads foreshorten as the can curves away
        # Where the bead appears: its surface height, lowered by the view from above.
        seen = cy - dress.tilt * hw * math.sqrt(max(0.0, 1.0 - (cx / hw) ** 2))
        fx, fy = layer.place.to_frame(cx, seen)
        col, row = fx * layer.frame_h - ox, fy * layer.frame_h - oy
        reach = r * px * 1.6 + 2
        c0, c1 = max(0, int(col - reach)), min(w, int(col + reach) + 1)
        r0, r1 = max(0, int(row - reach)), min(h, int(row + reach) + 1)
        if c1 <= c0 or r1 <= r0:
            continue
        win = (slice(r0, r1), slice(c0, c1))
        x, y = X[win], Yw[win]
        if x.size == 0:
            continue
        d = sdf.ellipse(x, y, cx, cy, r * squash, r)
        bead = sdf.coverage(d, px)
        lower = np.clip((np.float32(cy) - y) / np.float32(r), 0, 1)
        rgb = layer.rgb[part.reg.rows, part.reg.cols][win]
        rgb *= (1.0 - bead * (0.12 + 0.25 * lower))[..., None]
        spot = sdf.coverage(sdf.circle(x, y, cx - r * 0.3 * squash, cy + r * 0.35, r * 0.3), px)
        rgb += (np.asarray(lighten(dress.light.key, 0.7), np.float32) - rgb) * (
            spot * part.cov[win] * 0.9
        )[..., None]


def ink_for(background: Colour, preferred: Colour) -> Colour:
    """Printed marks must read on their label: keep the preferred ink unless it vanishes."""
    if abs(lum(background) - lum(preferred)) > 0.3:
        return preferred
    return darken(background, 0.75) if lum(background) > 0.5 else lighten(background, 0.8)


def lit_columns(
    layer: Layer, part: Turned, hw: float, colour: Colour, finish: Finish, light: Lighting
) -> Array:
    """A surface inside a turned part (liquid behind glass) with its own radius."""
    if part.upright:
        n = cylinder_normal(part.reg.X[:1], 0.0, hw)
        return np.broadcast_to(cylinder(n, colour, light, finish), (*part.n.shape, 3))
    return cylinder(cylinder_normal(part.reg.X, 0.0, hw), colour, light, finish)


def liquid_colour(dress: Dress) -> Colour:
    return mix(dress.liquid, darken(dress.liquid, 1.0), 0.25)
