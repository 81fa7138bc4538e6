"""Turned containers: dropper bottle, pump bottle, perfume flacon, jar, can and cup.

Proportions follow real packaging (a 30 ml dropper is about 2.4 times as tall as wide, a slim
can about 2), because the eye recognises a product by its proportions before anything else.
"""

from __future__ import annotations

import numpy as np

from app.providers.local.painting import sdf
from app.providers.local.painting.canvas import Array, smoothstep
from app.providers.local.painting.palette import Colour, darken, lighten, lum, mix
from app.providers.local.painting.products.layer import Layer
from app.providers.local.painting.products.materials import Finish, cylinder, cylinder_normal
from app.providers.local.painting.products.parts import (
    Dress,
    band,
    droplets,
    glint,
    ink_for,
    liquid_colour,
    lit_columns,
    top_face,
    turned,
    wordmark,
)


def _radius(dress: Dress, soft: float, hard: float) -> float:
    """Corner radius between a hard and a soft shape language."""
    t = (dress.roundness + 1) / 2
    return hard + (soft - hard) * t


def dropper(layer: Layer, dress: Dress) -> None:
    r = _radius(dress, 0.09, 0.025)
    body = turned(layer, dress, 0.2, 0.0, 0.62, r, dress.body, Finish.GLASS)
    if body is None:
        return
    # The liquid, seen through the glass: darker and richer than the glass itself.
    liquid = mix(dress.body, liquid_colour(dress), 0.5)
    d_liq = sdf.box(body.reg.X, body.Yw, 0.0, 0.265, 0.178, 0.235, max(r - 0.02, 0.01))
    cov_liq = sdf.coverage(d_liq, layer.px)
    layer.put(
        body.reg,
        cov_liq * np.float32(0.82),
        lit_columns(layer, body, 0.178, liquid, Finish.GLOSS, dress.light),
    )
    meniscus = np.clip(1 - np.abs(body.Yw - np.float32(0.5)) * np.float32(layer.px) / 1.2, 0, 1)
    layer.put(body.reg, meniscus * cov_liq * np.float32(0.6), lighten(liquid, 0.6))
    label = (
        dress.label if abs(lum(dress.label) - lum(dress.body)) > 0.15 else lighten(dress.body, 0.85)
    )
    band(layer, body, 0.11, 0.37, label, Finish.SATIN, dress)
    wordmark(layer, body, 0.27, 0.1, 0.03, ink_for(label, dress.ink), dress, "dropper")
    glint(layer, body, dress)
    turned(layer, dress, 0.07, 0.6, 0.68, 0.01, dress.trim, dress.trim_finish)
    collar = turned(layer, dress, 0.095, 0.655, 0.78, 0.012, dress.trim, dress.trim_finish)
    if collar is not None:  # knurled ribs catch the light in fine lines
        ribs = 0.9 + 0.1 * np.sin(collar.reg.X * np.float32(260.0))
        layer.shade(collar.reg, ribs.astype(np.float32), collar.cov)
    bulb_colour = darken(dress.trim, 0.35) if dress.metal_trim else dress.ink
    turned(layer, dress, 0.066, 0.77, 1.0, 0.066, bulb_colour, Finish.SATIN)


def pump(layer: Layer, dress: Dress) -> None:
    r = _radius(dress, 0.1, 0.03)
    body = turned(layer, dress, 0.2, 0.0, 0.72, r, dress.body, Finish.GLOSS)
    if body is None:
        return
    ink = ink_for(dress.body, dress.label)
    wordmark(layer, body, 0.42, 0.12, 0.032, ink, dress, "pump", lines=3)
    turned(layer, dress, 0.1, 0.7, 0.78, 0.012, dress.trim, dress.trim_finish)
    top_face(layer, dress, 0.0, 0.78, 0.09, dress.trim, dress.trim_finish)
    turned(layer, dress, 0.028, 0.77, 0.86, 0.005, dress.trim, dress.trim_finish)
    head = layer.region(-0.1, 0.84, 0.22, 0.95)
    if head is not None:
        d = np.minimum(
            sdf.box(head.X, head.Y, 0.0, 0.895, 0.085, 0.04, 0.02),
            sdf.box(head.X, head.Y, 0.12, 0.905, 0.1, 0.016, 0.014),
        )
        n = cylinder_normal(head.X, 0.0, 0.085)
        layer.put(
            head, sdf.coverage(d, layer.px), cylinder(n, dress.trim, dress.light, dress.trim_finish)
        )


def perfume(layer: Layer, dress: Dress) -> None:
    r = _radius(dress, 0.1, 0.02)
    body = turned(layer, dress, 0.34, 0.0, 0.6, r, dress.body, Finish.GLASS, opacity=1.3)
    if body is None:
        return
    # Thick glass: the juice sits inside a heavy base and walls.
    d_in = sdf.box(body.reg.X, body.Yw, 0.0, 0.29, 0.27, 0.21, max(r - 0.04, 0.01))
    juice = lit_columns(layer, body, 0.27, liquid_colour(dress), Finish.GLOSS, dress.light)
    layer.put(body.reg, sdf.coverage(d_in, layer.px) * np.float32(0.78), juice)
    # Bevelled edges of the block glass catch light as bright lines.
    edge = np.clip(1.0 - np.abs(body.d + np.float32(0.03)) * np.float32(layer.px) / 2.0, 0, 1)
    layer.put(body.reg, edge * np.float32(0.45), lighten(dress.light.key, 0.4))
    plaque = sdf.box(body.reg.X, body.Yw, 0.0, 0.3, 0.13, 0.055, 0.008)
    layer.put(
        body.reg, sdf.coverage(plaque, layer.px), body.lit(dress.label, dress.light, Finish.SATIN)
    )
    wordmark(layer, body, 0.31, 0.08, 0.022, ink_for(dress.label, dress.ink), dress, "perfume", 1)
    glint(layer, body, dress)
    turned(layer, dress, 0.06, 0.58, 0.66, 0.01, dress.trim, dress.trim_finish)
    if dress.roundness > 0.2:
        cap = layer.region(-0.2, 0.64, 0.2, 1.0)
        if cap is not None:
            d = sdf.circle(cap.X, cap.Y, 0.0, 0.82, 0.18)
            n = cylinder_normal(cap.X, 0.0, 0.18)
            layer.put(
                cap,
                sdf.coverage(d, layer.px),
                cylinder(n, dress.trim, dress.light, dress.trim_finish),
            )
    else:
        turned(layer, dress, 0.19, 0.65, 1.0, 0.012, dress.trim, dress.trim_finish)
        top_face(layer, dress, 0.0, 1.0, 0.18, dress.trim, dress.trim_finish)


def jar(layer: Layer, dress: Dress) -> None:
    r = _radius(dress, 0.14, 0.04)
    body = turned(layer, dress, 0.7, 0.0, 0.6, r, dress.body, Finish.GLOSS)
    if body is None:
        return
    label = (
        dress.label if abs(lum(dress.label) - lum(dress.body)) > 0.2 else lighten(dress.body, 0.8)
    )
    band(layer, body, 0.14, 0.44, label, Finish.SATIN, dress)
    wordmark(layer, body, 0.33, 0.26, 0.05, ink_for(label, dress.ink), dress, "jar")
    lid = turned(layer, dress, 0.73, 0.58, 0.95, 0.04, dress.trim, dress.trim_finish)
    if lid is not None:  # fine grip ridges around the lid
        ridges = 0.88 + 0.12 * np.abs(np.sin(lid.n * np.float32(60.0)))
        layer.shade(lid.reg, ridges.astype(np.float32), lid.cov)
    top_face(layer, dress, 0.0, 0.95, 0.7, dress.trim, dress.trim_finish)


def jar_top(layer: Layer, dress: Dress) -> None:
    """A jar seen from directly above (flat lays): a lid with turned rings."""
    reg = layer.region(-0.75, -0.25, 0.75, 1.25)
    if reg is None:
        return
    d = sdf.circle(reg.X, reg.Y, 0.0, 0.5, 0.72)
    rr = np.hypot(reg.X, reg.Y - np.float32(0.5)) / np.float32(0.72)
    n = np.clip(rr, 0, 1) * np.sign(reg.X + 1e-6)
    base = cylinder(n * np.float32(0.6), dress.trim, dress.light, dress.trim_finish)
    layer.put(reg, sdf.coverage(d, layer.px), base)
    rings = 0.93 + 0.07 * np.cos(rr * np.float32(90.0))
    layer.shade(reg, rings.astype(np.float32), (rr > 0.82) & (rr < 1.0))
    inner = sdf.circle(reg.X, reg.Y, 0.0, 0.5, 0.45)
    layer.put(
        reg,
        sdf.coverage(inner, layer.px),
        np.asarray(lighten(dress.label, 0.05), np.float32) * (1.0 - 0.1 * rr)[..., None],
    )


def can(layer: Layer, dress: Dress) -> None:
    # Cans are aluminium; only a gold palette earns them gold ends.
    metal = lighten(dress.trim, 0.35) if dress.metal_trim else (0.78, 0.79, 0.81)
    turned(layer, dress, 0.212, 0.0, 0.06, 0.012, metal, Finish.METAL, hw_top=0.245)
    body = turned(layer, dress, 0.245, 0.05, 0.92, 0.01, dress.body, Finish.GLOSS)
    if body is None:
        return
    X, Yw = body.reg.X, body.Yw
    graphic = dress.variant % 3
    if graphic == 0:  # a diagonal stripe wrapping the can
        stripe = np.abs(Yw - np.float32(0.42) + np.float32(0.5) * X) - np.float32(0.075)
        cov = sdf.coverage(np.maximum(stripe, body.d), layer.px)
        layer.put(body.reg, cov, body.lit(dress.accent, dress.light, Finish.GLOSS))
    elif graphic == 1:  # a colour block with a hairline
        band(layer, body, 0.05, 0.36, dress.accent, Finish.GLOSS, dress)
        band(layer, body, 0.37, 0.385, dress.label, Finish.GLOSS, dress)
    else:  # a big emblem ring
        ring = sdf.ring(X, Yw, 0.0, 0.66, 0.13, 0.03)
        cov = sdf.coverage(np.maximum(ring, body.d), layer.px)
        layer.put(body.reg, cov, body.lit(dress.accent, dress.light, Finish.GLOSS))
    wordmark(
        layer,
        body,
        0.56 if graphic != 2 else 0.45,
        0.15,
        0.045,
        ink_for(dress.body, dress.label),
        dress,
        "can",
    )
    if dress.frosted:
        droplets(layer, body, dress, 140, 0.009, 0.08, 0.9, 0.245)
    turned(layer, dress, 0.245, 0.91, 0.985, 0.012, metal, Finish.METAL, hw_top=0.2)
    top_face(layer, dress, 0.0, 0.985, 0.2, darken(metal, 0.25), Finish.SATIN)
    top_face(layer, dress, 0.0, 0.982, 0.165, darken(metal, 0.45), Finish.SATIN)


def cup(layer: Layer, dress: Dress) -> None:
    ceramic = dress.body
    saucer = turned(layer, dress, 0.62, 0.0, 0.05, 0.025, ceramic, Finish.GLOSS, hw_top=0.66)
    if saucer is not None:
        top_face(layer, dress, 0.0, 0.05, 0.66, ceramic, Finish.SATIN)
    # The handle first, so the body overlaps its root.
    handle = layer.region(0.2, 0.18, 0.62, 0.62)
    if handle is not None:
        d = np.maximum(
            sdf.ring(handle.X, handle.Y, 0.39, 0.4, 0.12, 0.045), np.float32(0.33) - handle.X
        )
        n = np.clip((handle.Y - np.float32(0.4)) / np.float32(0.14), -1, 1)
        layer.put(
            handle,
            sdf.coverage(d, layer.px),
            cylinder(n * np.float32(-0.6), ceramic, dress.light, Finish.GLOSS),
        )
    body = turned(layer, dress, 0.25, 0.06, 0.6, 0.08, ceramic, Finish.GLOSS, hw_top=0.37)
    if body is None:
        return
    if abs(lum(dress.label) - lum(ceramic)) > 0.2 and dress.variant % 2:
        band(layer, body, 0.26, 0.3, dress.label, Finish.GLOSS, dress)
    # The coffee: a dark ellipse inside the rim, crema lighter towards the middle.
    ry = max(dress.tilt, 0.08) * 0.37
    top_face(layer, dress, 0.0, 0.6, 0.37, ceramic, Finish.SATIN)
    reg = layer.region(-0.36, 0.6 - ry, 0.36, 0.6 + ry)
    if reg is not None:
        d = sdf.ellipse(reg.X, reg.Y, 0.0, 0.603, 0.335, ry * 0.86)
        rr = np.hypot(reg.X / np.float32(0.335), (reg.Y - np.float32(0.603)) / np.float32(ry))
        coffee = mix(darken(dress.liquid, 0.6), (0.24, 0.13, 0.07), 0.5)
        crema = mix(lighten(dress.liquid, 0.2), (0.78, 0.55, 0.33), 0.5)
        col = (
            np.asarray(coffee, np.float32)
            + (np.asarray(crema, np.float32) - np.asarray(coffee, np.float32))
            * np.clip(1.0 - rr, 0, 1)[..., None] ** 0.7
        )
        layer.put(reg, sdf.coverage(d, layer.px), col)


def _dish(X: Array, Y: Array, radius: float, colour: Colour, side: float) -> Array:
    """A round ceramic seen from above: lit across from the key's side, a bright rim."""
    rr = np.hypot(X, Y) / np.float32(radius)
    across = np.clip((X * np.float32(-side) - Y) / np.float32(radius * 1.4), -1, 1)
    shade = 0.9 + 0.08 * across + 0.1 * smoothstep(0.86, 0.97, rr) * (1 - smoothstep(0.97, 1, rr))
    return np.asarray(colour, np.float32) * shade[..., None]


def cup_top(layer: Layer, dress: Dress) -> None:
    """A cup from directly above: saucer, cup rim, handle, coffee with crema and a heart."""
    reg = layer.region(-0.8, -0.3, 0.95, 1.3)
    if reg is None:
        return
    X, Y = reg.X, reg.Y - np.float32(0.5)
    px, side = layer.px, dress.light.side
    layer.put(
        reg, sdf.coverage(sdf.circle(X, Y, 0.0, 0.0, 0.75), px), _dish(X, Y, 0.75, dress.body, side)
    )
    # The cup stands on the saucer: a soft ring of shadow around its foot.
    rr = np.hypot(X, Y)
    layer.shade(reg, (1 - 0.22 * np.exp(-(((rr - 0.42) / 0.05) ** 2))).astype(np.float32))
    handle = sdf.box(X, Y, 0.5, 0.0, 0.16, 0.055, 0.05)
    layer.put(reg, sdf.coverage(handle, px), _dish(X, Y - np.float32(0.0), 0.9, dress.body, side))
    layer.put(
        reg,
        sdf.coverage(sdf.circle(X, Y, 0.0, 0.0, 0.4), px),
        _dish(X, Y, 0.4, lighten(dress.body, 0.08), side),
    )
    coffee = mix(darken(dress.liquid, 0.6), (0.24, 0.13, 0.07), 0.5)
    crema = mix(lighten(dress.liquid, 0.25), (0.8, 0.6, 0.38), 0.5)
    t = np.clip(1.0 - rr / 0.34, 0, 1)
    dark, light = np.asarray(coffee, np.float32), np.asarray(crema, np.float32)
    col = dark + (light - dark) * (0.35 + 0.3 * t**0.5)[..., None]
    layer.put(reg, sdf.coverage(sdf.circle(X, Y, 0.0, 0.0, 0.34), px), col)
    lobes = np.minimum(
        sdf.circle(X, Y, -0.055, 0.035, 0.062), sdf.circle(X, Y, 0.055, 0.035, 0.062)
    )
    point = sdf.convex(X, Y, [(-0.112, 0.02), (0.0, -0.125), (0.112, 0.02)])
    heart = np.minimum(lobes, point)
    layer.put(reg, sdf.coverage(heart, px, 2.0) * np.float32(0.85), lighten(crema, 0.45))
