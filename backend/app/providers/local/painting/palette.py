"""Colour: parsing a mood's palette and casting each colour in a role.

An art director does not spread five colours evenly over a frame: one owns the backdrop, one
the product, one is kept for small accents. Casting roles from the palette's order (most
important first), its lightness and its saturation keeps every image on-palette while still
reading as designed. Colours are RGB tuples of floats in 0..1 (sRGB, like the PNG).
"""

from __future__ import annotations

import colorsys
import random
from collections.abc import Sequence
from dataclasses import dataclass

from app.utils.helpers import hex_to_rgb, is_hex_colour

Colour = tuple[float, float, float]

WHITE: Colour = (1.0, 1.0, 1.0)
BLACK: Colour = (0.0, 0.0, 0.0)
_FALLBACK = ("#F4EFE6", "#2B2B2B", "#C9A46A")
"""Warm ivory, charcoal and brass: a neutral look for a spec with no usable palette."""


def parse(hexes: Sequence[str]) -> list[Colour]:
    colours = [rgb(h) for h in hexes if is_hex_colour(h)]
    return colours or [rgb(h) for h in _FALLBACK]


def rgb(value: str) -> Colour:
    r, g, b = hex_to_rgb(value)
    return (r / 255, g / 255, b / 255)


def lum(c: Colour) -> float:
    """Perceived lightness (Rec. 709 weights on the encoded values: close enough for casting)."""
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def chroma(c: Colour) -> float:
    return max(c) - min(c)


def hsv(c: Colour) -> tuple[float, float, float]:
    return colorsys.rgb_to_hsv(*c)


def from_hsv(h: float, s: float, v: float) -> Colour:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, min(max(s, 0.0), 1.0), min(max(v, 0.0), 1.0))
    return (r, g, b)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def lighten(c: Colour, t: float) -> Colour:
    return mix(c, WHITE, t)


def darken(c: Colour, t: float) -> Colour:
    """Towards a deep version of the same hue (not grey), as real shadows on a colour look."""
    h, s, v = hsv(c)
    deep = from_hsv(h, min(1.0, s * 1.1 + 0.05), v * 0.18)
    return mix(c, deep, t)


def dist(a: Colour, b: Colour) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5)


def contrast(a: Colour, b: Colour) -> float:
    """How well two colours separate: lightness difference, helped by hue difference."""
    return abs(lum(a) - lum(b)) + 0.35 * dist(a, b)


def is_gold(c: Colour) -> bool:
    h, s, v = hsv(c)
    return 0.07 <= h <= 0.17 and s >= 0.3 and v >= 0.45


def warmth(c: Colour) -> float:
    """-1 (cool blue) .. 1 (warm orange), weighted by saturation."""
    return (c[0] - c[2]) * min(1.0, chroma(c) * 2)


@dataclass(frozen=True)
class Scheme:
    """The palette cast into roles for one image."""

    colours: tuple[Colour, ...]
    dark: bool
    """Low-key image (dark backdrop) or high-key."""
    wall: Colour
    floor: Colour
    product: Colour
    label: Colour
    trim: Colour
    accent: Colour
    accent2: Colour
    light: Colour
    """The colour of the key light and of highlights."""
    shadow: Colour
    ink: Colour
    """Lettering colour; `scrim` sits behind it."""
    scrim: Colour
    metallic_trim: bool

    def deep(self) -> Colour:
        return min(self.colours, key=lum)

    def bright(self) -> Colour:
        return max(self.colours, key=lum)


def cast(
    hexes: Sequence[str], dark_bias: float, rng: random.Random, blocking: bool = False
) -> Scheme:
    """Roles for the palette; `dark_bias` (0..1) is how strongly the words ask for a dark set,
    `blocking` whether the look likes flat fields of contrasting colour (pop, bold)."""
    colours = parse(hexes)
    if len(colours) == 1:
        only = colours[0]
        colours = [only, darken(only, 0.7) if lum(only) > 0.5 else lighten(only, 0.8)]
    lums = [lum(c) for c in colours]
    darkest = min(colours, key=lum)
    # Night and neon words make a dark set even from a light palette (its colours deepened);
    # milder cues only when the palette has a dark colour of its own.
    dark = lums[0] < 0.3 or (dark_bias >= 0.5 and lum(darkest) < 0.3) or dark_bias >= 0.9

    def keyed(c: Colour) -> bool:
        return lum(c) < 0.32 if dark else lum(c) > 0.45

    walls = [c for c in colours if keyed(c)]
    if not walls:  # the palette has no colour for this key: derive one from the lead colour
        walls = [darken(colours[0], 0.85) if dark else lighten(colours[0], 0.8)]
    # Occasionally another colour of the same key takes the wall, for variety across a mood's
    # images; a saturated one only when the look likes colour blocking.
    quiet = [c for c in walls[1:] if blocking or chroma(c) < 0.25]
    wall = quiet[0] if quiet and rng.random() < 0.25 else walls[0]
    # The floor is a quiet partner of the wall: the nearest palette colour of the same key (a
    # gold floor under a white wall shouts), unless the look wants colour blocking.
    floors = sorted(
        (c for c in walls if c != wall and 0.03 < dist(c, wall) < 0.45),
        key=lambda c: dist(c, wall) + chroma(c),
    )
    if blocking and len(walls) > 1 and rng.random() < 0.5:
        floors = [c for c in walls if c != wall] + floors
    floor = floors[0] if floors else (lighten(wall, 0.06) if dark else darken(wall, 0.08))

    others = [c for c in colours if c != wall]
    strong = [c for c in others if contrast(c, wall) > 0.32] or sorted(
        others, key=lambda c: -contrast(c, wall)
    )
    product = strong[1] if len(strong) > 1 and rng.random() < 0.3 else strong[0]

    rest = [c for c in colours if c not in (wall, product)] or [wall]
    by_chroma = sorted(rest, key=lambda c: -chroma(c))
    # The accent is the first clearly coloured colour in the palette's own order (its most
    # important), not merely the loudest one.
    vivid = [c for c in rest if chroma(c) > 0.45]
    accent = vivid[0] if vivid else (by_chroma[0] if chroma(by_chroma[0]) > 0.2 else product)
    by_chroma = [accent] + [c for c in by_chroma if c != accent]
    accent2 = by_chroma[1] if len(by_chroma) > 1 else lighten(accent, 0.4)
    golds = [c for c in colours if is_gold(c) and c != product]
    metallic = bool(golds)
    trim = golds[0] if golds else max(rest, key=lambda c: contrast(c, product))
    label = max(
        [c for c in colours if c != product] or [wall],
        key=lambda c: contrast(c, product) + (0.25 if c == wall else 0.0),
    )
    brightest = max(colours, key=lum)
    light = accent if dark and chroma(accent) > 0.4 else lighten(brightest, 0.55)
    shadow = mix(darken(wall, 0.75), darkest, 0.5 if lum(darkest) < 0.35 else 0.2)
    if dark:
        ink, scrim = lighten(brightest, 0.3), darkest
    else:
        ink = darkest if lum(darkest) < 0.35 else darken(darkest, 0.7)
        scrim = brightest
    return Scheme(
        colours=tuple(colours),
        dark=dark,
        wall=wall,
        floor=floor,
        product=product,
        label=label,
        trim=trim,
        accent=accent,
        accent2=accent2,
        light=light,
        shadow=shadow,
        ink=ink,
        scrim=scrim,
        metallic_trim=metallic,
    )
