"""Screens: a phone and a laptop showing a clean app interface in the mood's colours.

Software has no shape of its own, so it is shown the way SaaS ads show it: a device whose
screen carries a calm dashboard (a hero card with a rising chart, a list, a call-to-action pill).
"""

from __future__ import annotations

import numpy as np

from app.providers.local.painting import sdf
from app.providers.local.painting.canvas import Array
from app.providers.local.painting.palette import Colour, darken, lighten, lum, mix
from app.providers.local.painting.products.layer import Layer, Region
from app.providers.local.painting.products.materials import Finish, cylinder, cylinder_normal
from app.providers.local.painting.products.parts import Dress


def _screen(
    layer: Layer,
    reg: Region,
    X: Array,
    Y: Array,
    screen: Array,
    dress: Dress,
    x0: float,
    x1: float,
    y0: float,
    y1: float,
) -> None:
    """An interface laid out in the screen rectangle (product units)."""
    px = layer.px
    w, h = x1 - x0, y1 - y0
    dark_ui = lum(dress.label) < 0.45
    bg = dress.label
    top = mix(bg, dress.accent, 0.18)
    t = np.clip((Y - np.float32(y0)) / np.float32(h), 0, 1)
    col = (
        np.asarray(bg, np.float32)
        + (np.asarray(top, np.float32) - np.asarray(bg, np.float32)) * t[..., None]
    )
    layer.put(reg, screen, col)
    card_col = lighten(bg, 0.12) if dark_ui else lighten(bg, 0.75)
    ink = lighten(bg, 0.7) if dark_ui else darken(bg, 0.8)
    rows = [
        # (cx, cy, half w, half h) as fractions of the screen
        (0.5, 0.72, 0.42, 0.16),
        (0.5, 0.44, 0.42, 0.065),
        (0.5, 0.3, 0.42, 0.065),
    ]
    clip = np.float32(1) - screen
    for fx, fy, fw, fh in rows:
        d = sdf.box(X, Y, x0 + fx * w, y0 + fy * h, fw * w, fh * h, 0.1 * min(w, h))
        layer.put(reg, sdf.coverage(d, px) * (1 - clip), card_col)
    # A rising bar chart in the hero card.
    bars = 7
    for i in range(bars):
        bx = x0 + w * (0.16 + 0.68 * i / (bars - 1))
        height = h * (0.04 + 0.17 * ((i + 1) / bars) ** 1.4 * (0.85 + 0.3 * ((i * 37) % 5) / 5))
        base = y0 + h * 0.6
        d = sdf.box(X, Y, bx, base + height / 2, w * 0.032, height / 2, w * 0.01)
        layer.put(reg, sdf.coverage(d, px), dress.accent)
    title = sdf.box(X, Y, x0 + w * 0.3, y0 + h * 0.84, w * 0.17, h * 0.012, h * 0.01)
    layer.put(reg, sdf.coverage(title, px), ink)
    for fy in (0.44, 0.3):
        dot = sdf.circle(X, Y, x0 + w * 0.2, y0 + fy * h, w * 0.055)
        layer.put(reg, sdf.coverage(dot, px), mix(dress.accent, card_col, 0.3))
        line = sdf.box(X, Y, x0 + w * 0.5, y0 + (fy + 0.015) * h, w * 0.2, h * 0.01, h * 0.008)
        layer.put(reg, sdf.coverage(line, px), ink)
        sub = sdf.box(X, Y, x0 + w * 0.45, y0 + (fy - 0.02) * h, w * 0.15, h * 0.007, h * 0.006)
        layer.put(reg, sdf.coverage(sub, px) * np.float32(0.5), ink)
    pill = sdf.box(X, Y, x0 + w * 0.5, y0 + h * 0.12, w * 0.3, h * 0.035, h * 0.035)
    layer.put(reg, sdf.coverage(pill, px), dress.accent)
    # Cover glass: a faint diagonal reflection across the whole screen.
    sheen = np.clip(
        1
        - np.abs(
            (X - np.float32(x0)) * np.float32(0.9) - (Y - np.float32(y0)) + np.float32(h * 0.25)
        )
        / np.float32(h * 0.22),
        0,
        1,
    )
    layer.put(reg, screen * sheen * np.float32(0.08), (1.0, 1.0, 1.0))


def phone(layer: Layer, dress: Dress) -> None:
    reg = layer.region(-0.25, -0.01, 0.25, 1.01)
    if reg is None:
        return
    X, Y, px = reg.X, reg.Y, layer.px
    r = 0.045 + 0.02 * (dress.roundness + 1) / 2
    frame = sdf.box(X, Y, 0.0, 0.5, 0.24, 0.5, r)
    metal: Colour = dress.trim if dress.metal_trim else mix(dress.trim, (0.75, 0.76, 0.8), 0.5)
    layer.put(
        reg,
        sdf.coverage(frame, px),
        cylinder(cylinder_normal(X, 0.0, 0.24), metal, dress.light, Finish.METAL),
    )
    glass = sdf.box(X, Y, 0.0, 0.5, 0.232, 0.492, r - 0.008)
    layer.put(reg, sdf.coverage(glass, px), (0.03, 0.03, 0.035))
    screen_d = sdf.box(X, Y, 0.0, 0.5, 0.214, 0.474, r - 0.022)
    screen = sdf.coverage(screen_d, px)
    _screen(layer, reg, X, Y, screen, dress, -0.214, 0.214, 0.026, 0.974)
    island = sdf.box(X, Y, 0.0, 0.945, 0.055, 0.013, 0.013)
    layer.put(reg, sdf.coverage(island, px), (0.01, 0.01, 0.012))


def laptop(layer: Layer, dress: Dress) -> None:
    reg = layer.region(-0.76, -0.01, 0.76, 1.0)
    if reg is None:
        return
    X, Y, px = reg.X, reg.Y, layer.px
    metal: Colour = dress.trim if dress.metal_trim else mix(dress.trim, (0.78, 0.79, 0.82), 0.6)
    lid = sdf.box(X, Y, 0.0, 0.56, 0.66, 0.44, 0.03)
    layer.put(reg, sdf.coverage(lid, px), mix(metal, (0.05, 0.05, 0.06), 0.85))
    screen_d = sdf.box(X, Y, 0.0, 0.57, 0.62, 0.4, 0.008)
    _screen(layer, reg, X, Y, sdf.coverage(screen_d, px), dress, -0.62, 0.62, 0.17, 0.97)
    base = sdf.taper(X, Y, 0.0, 0.06, 0.75, 0.67, 0.06, 0.015)
    shade = cylinder(
        cylinder_normal(X, 0.0, 0.75) * np.float32(0.5), metal, dress.light, Finish.SATIN
    )
    layer.put(reg, sdf.coverage(base, px), shade)
    lip = sdf.box(X, Y, 0.0, 0.115, 0.12, 0.008, 0.008)
    layer.put(reg, sdf.coverage(lip, px), darken(metal, 0.3))
