"""Packaged and carried goods: a box, a stand-up pouch, a handbag, a watch, and a generic
sculptural object for products the words do not name.
"""

from __future__ import annotations

import numpy as np

from app.providers.local.painting import sdf
from app.providers.local.painting.palette import Colour, darken, lighten, lum, mix
from app.providers.local.painting.products.layer import Layer
from app.providers.local.painting.products.materials import (
    Finish,
    cylinder,
    cylinder_normal,
    face,
    on_relief,
    relief,
)
from app.providers.local.painting.products.parts import Dress, ink_for, turned, word_mask

_FRONT = [(-0.45, 0.0), (0.2, 0.0), (0.2, 0.8), (-0.45, 0.8)]
_SIDE = [(0.2, 0.0), (0.45, 0.1), (0.45, 0.9), (0.2, 0.8)]
_TOP = [(-0.45, 0.8), (0.2, 0.8), (0.45, 0.9), (-0.2, 0.9)]


def box(layer: Layer, dress: Dress) -> None:
    """A carton in three-quarter view: front, side and lid, each lit by its angle to the key."""
    reg = layer.region(-0.46, -0.01, 0.46, 0.91)
    if reg is None:
        return
    X, Y, px, light = reg.X, reg.Y, layer.px, dress.light
    lit_side = light.side > 0
    faces = (
        (_FRONT, 0.8 if lit_side else 0.95, Y, X + np.float32(0.45)),
        (
            _SIDE,
            0.97 if lit_side else 0.62,
            Y - (X - np.float32(0.2)) * np.float32(0.4),
            np.float32(0.45) - X,
        ),
        (_TOP, 1.04, Y, X + np.float32(0.45)),
    )
    band_colour = dress.accent if dress.accent != dress.body else dress.label
    for points, brightness, v, along in faces:
        d = sdf.convex(X, Y, points)
        cov = sdf.coverage(d, px)
        gradient = np.clip(along / np.float32(0.9), 0, 1)
        layer.put(reg, cov, face(dress.body, brightness, gradient, light, sheen=0.08))
        if points is not _TOP:
            stripe = np.maximum(d, np.abs(v - np.float32(0.36)) - np.float32(0.07))
            layer.put(reg, sdf.coverage(stripe, px), face(band_colour, brightness, gradient, light))
            seam = np.maximum(d, np.abs(v - np.float32(0.64)) - np.float32(0.003))
            layer.shade(reg, 0.8, sdf.coverage(seam, px))
        # Edges of a folded carton catch a thin line of light.
        edge = np.clip(1 - np.abs(d) * np.float32(px) / 1.2, 0, 1) * (d > -0.01)
        layer.put(reg, edge * np.float32(0.35), lighten(light.key, 0.3))
    front = sdf.convex(X, Y, _FRONT)
    ink = ink_for(dress.body, dress.label)
    brightness = 0.8 if lit_side else 0.95
    marks = word_mask(X, Y, front, px, dress.rng("box"), -0.125, 0.56, 0.2, 0.05, 2)
    layer.put(reg, marks, tuple(c * brightness for c in ink))  # type: ignore[arg-type]


def pouch(layer: Layer, dress: Dress) -> None:
    """A stand-up pouch (coffee, snacks): soft, crimp-sealed, with a printed panel."""
    reg = layer.region(-0.38, -0.01, 0.38, 1.0)
    if reg is None:
        return
    X, Y, px = reg.X, reg.Y, layer.px
    crimp = np.float32(0.008) * np.abs(np.sin(X * np.float32(120.0)))
    body = sdf.taper(X, Y, 0.0, 0.495, 0.36, 0.33, 0.495, 0.05)
    body = np.maximum(body, Y - np.float32(0.99) + crimp)
    lit = relief(body, px, 0.3, dress.light)
    creases = 1.0 + np.float32(0.05) * np.sin(X * np.float32(23.0) + np.sin(Y * np.float32(9.0)))
    lit.shade[:] = lit.shade * creases
    cov = sdf.coverage(body, px)
    layer.put(reg, cov, on_relief(lit, dress.body, dress.light, Finish.SATIN))
    seal = np.maximum(body, np.float32(0.87) - Y)
    ribs = 0.9 + 0.1 * np.sin(Y * np.float32(500.0))
    layer.shade(reg, ribs.astype(np.float32), sdf.coverage(seal, px))
    panel = np.maximum(sdf.box(X, Y, 0.0, 0.45, 0.23, 0.17, 0.03), body)
    label = (
        dress.label if abs(lum(dress.label) - lum(dress.body)) > 0.15 else lighten(dress.body, 0.8)
    )
    layer.put(reg, sdf.coverage(panel, px), on_relief(lit, label, dress.light, Finish.MATTE))
    marks = word_mask(X, Y, panel, px, dress.rng("pouch"), 0.0, 0.5, 0.16, 0.05, 2)
    layer.put(reg, marks, on_relief(lit, ink_for(label, dress.ink), dress.light, Finish.MATTE))
    valve = sdf.ring(X, Y, 0.2, 0.76, 0.03, 0.012)
    layer.put(reg, sdf.coverage(valve, px), darken(dress.body, 0.3))


def bag(layer: Layer, dress: Dress) -> None:
    """A structured leather handbag: body, flap, clasp and a top handle."""
    handle = layer.region(-0.32, 0.55, 0.32, 0.9)
    strap = darken(dress.body, 0.25)
    if handle is not None:
        d = np.maximum(
            sdf.ring(handle.X, handle.Y, 0.0, 0.58, 0.25, 0.045), np.float32(0.6) - handle.Y
        )
        lit = relief(d, layer.px, 0.03, dress.light)
        layer.put(
            handle, sdf.coverage(d, layer.px), on_relief(lit, strap, dress.light, Finish.SATIN)
        )
    reg = layer.region(-0.52, -0.01, 0.52, 0.63)
    if reg is None:
        return
    X, Y, px = reg.X, reg.Y, layer.px
    r = 0.05 + 0.05 * (dress.roundness + 1) / 2
    body = sdf.taper(X, Y, 0.0, 0.31, 0.5, 0.41, 0.31, r)
    lit = relief(body, px, 0.18, dress.light)
    layer.put(reg, sdf.coverage(body, px), on_relief(lit, dress.body, dress.light, Finish.SATIN))
    flap = np.maximum(sdf.taper(X, Y, 0.0, 0.47, 0.46, 0.41, 0.15, 0.14), body)
    under = np.clip(1 - np.abs(flap - np.float32(0.012)) / np.float32(0.012), 0, 1)
    layer.shade(reg, 1 - 0.35 * under * (np.float32(0.4) > Y))
    flap_lit = relief(flap, px, 0.05, dress.light)
    layer.put(
        reg,
        sdf.coverage(flap, px),
        on_relief(flap_lit, mix(dress.body, strap, 0.3), dress.light, Finish.SATIN),
    )
    stitch = (np.abs(flap + np.float32(0.022)) < 0.003) & (np.sin(X * np.float32(260)) > 0.1)
    layer.put(reg, stitch.astype(np.float32) * np.float32(0.7), lighten(dress.body, 0.35))
    clasp = sdf.box(X, Y, 0.0, 0.34, 0.065, 0.04, 0.012)
    trim = dress.trim if dress.metal_trim else lighten(dress.trim, 0.2)
    layer.put(
        reg,
        sdf.coverage(clasp, px),
        cylinder(cylinder_normal(X, 0.0, 0.065), trim, dress.light, Finish.METAL),
    )


def watch(layer: Layer, dress: Dress) -> None:
    """A wristwatch face-on at ten past ten (the hands frame the logo, as in every watch ad)."""
    strap = darken(dress.label, 0.2) if lum(dress.label) < 0.5 else darken(dress.body, 0.5)
    for y0, y1, hw0, hw1 in ((0.0, 0.34, 0.15, 0.17), (0.66, 1.0, 0.17, 0.15)):
        part = layer.region(-0.2, y0, 0.2, y1)
        if part is None:
            continue
        d = sdf.taper(part.X, part.Y, 0.0, (y0 + y1) / 2, hw0, hw1, (y1 - y0) / 2, 0.02)
        lit = relief(d, layer.px, 0.06, dress.light)
        layer.put(part, sdf.coverage(d, layer.px), on_relief(lit, strap, dress.light, Finish.MATTE))
        stitch = (np.abs(d + np.float32(0.018)) < 0.0025) & (np.sin(part.Y * np.float32(300)) > 0)
        layer.put(part, stitch.astype(np.float32) * np.float32(0.6), lighten(strap, 0.4))
    reg = layer.region(-0.36, 0.16, 0.36, 0.84)
    if reg is None:
        return
    X, Y, px = reg.X, reg.Y - np.float32(0.5), layer.px
    metal = dress.trim if dress.metal_trim else mix(dress.trim, (0.82, 0.82, 0.84), 0.6)
    crown = sdf.box(X, Y, 0.32, 0.0, 0.035, 0.04, 0.01)
    case = np.minimum(sdf.circle(X, Y, 0.0, 0.0, 0.3), crown)
    rr = np.hypot(X, Y)
    layer.put(
        reg,
        sdf.coverage(case, px),
        cylinder(np.clip(X / 0.3, -1, 1), metal, dress.light, Finish.METAL),
    )
    angle = np.arctan2(X, Y)  # 0 at twelve o'clock, clockwise
    dial = dress.body
    sunburst = 0.94 + 0.06 * np.cos(angle * np.float32(2.0) - np.float32(dress.light.side))
    dial_col = np.asarray(dial, np.float32) * (sunburst * (1 - 0.12 * rr / 0.26))[..., None]
    layer.put(reg, sdf.coverage(sdf.circle(X, Y, 0.0, 0.0, 0.255), px), dial_col)
    ink = ink_for(dial, dress.label)
    step = np.float32(np.pi / 6)
    off = np.abs((angle + step / 2) % step - step / 2) * rr
    ticks = np.maximum(off - np.float32(0.007), np.abs(rr - np.float32(0.215)) - np.float32(0.025))
    layer.put(reg, sdf.coverage(ticks, px), ink)
    for turn, length, width in ((-0.167, 0.13, 0.014), (0.167, 0.2, 0.01)):
        a = turn * 2 * np.pi
        hand = sdf.segment(X, Y, 0.0, 0.0, length * np.sin(a), length * np.cos(a), width)
        layer.put(reg, sdf.coverage(hand, px), ink)
    a = 0.55 * 2 * np.pi
    seconds = sdf.segment(
        X, Y, -0.04 * np.sin(a), -0.04 * np.cos(a), 0.22 * np.sin(a), 0.22 * np.cos(a), 0.004
    )
    layer.put(reg, sdf.coverage(seconds, px), dress.accent)
    layer.put(reg, sdf.coverage(sdf.circle(X, Y, 0.0, 0.0, 0.018), px), metal)
    glass = np.clip(
        np.float32(1.0) - np.abs(X + Y * np.float32(0.8) + np.float32(0.1)) / 0.12, 0, 1
    ) * (rr < 0.255)
    layer.put(reg, glass * np.float32(0.12), (1.0, 1.0, 1.0))


def sculpture(layer: Layer, dress: Dress) -> None:
    """A generic premium object: a soft dome on a plinth-like base with a metal band."""
    r = 0.03 + 0.08 * (dress.roundness + 1) / 2
    body = turned(layer, dress, 0.27, 0.0, 0.62, r, dress.body, Finish.GLOSS)
    if body is None:
        return
    dome = layer.region(-0.28, 0.5, 0.28, 0.93)
    if dome is not None:
        d = np.maximum(sdf.circle(dome.X, dome.Y, 0.0, 0.63, 0.27), np.float32(0.6) - dome.Y)
        n = cylinder_normal(dome.X, 0.0, 0.27)
        layer.put(
            dome, sdf.coverage(d, layer.px), cylinder(n, dress.body, dress.light, Finish.GLOSS)
        )
    turned(layer, dress, 0.275, 0.17, 0.21, 0.005, dress.trim, dress.trim_finish)
    light: Colour = lighten(dress.accent, 0.3)
    spot = layer.region(-0.03, 0.42, 0.03, 0.48)
    if spot is not None:
        d = sdf.circle(spot.X, spot.Y, 0.0, 0.45, 0.012)
        layer.put(spot, sdf.coverage(d, layer.px), light)
