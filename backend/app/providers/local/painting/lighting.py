"""Light and shadow between the product and its set: what makes it sit *in* the scene.

A product pasted on a background floats; one with a dark contact line, a soft cast shadow that
sharpens where it touches, and a faint reflection on a polished floor sits there. Shadows are
cast from the product's own silhouette, transformed at quarter resolution (they are soft), so
their cost does not grow with the frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from app.providers.local.painting import sdf
from app.providers.local.painting.canvas import Canvas, blur, resize, smoothstep
from app.providers.local.painting.cues import Cues, Light, Look
from app.providers.local.painting.layout import Stage
from app.providers.local.painting.palette import Colour, Scheme, lighten, mix
from app.providers.local.painting.products.layer import Layer
from app.providers.local.painting.products.materials import Lighting

_SHADOW_SCALE = 4
"""Cast shadows are computed at 1/4 resolution: they are soft, so nothing is lost."""


@dataclass(frozen=True)
class ShadowStyle:
    reach: float
    """Sideways reach per unit of product height (long at golden hour, short under a spot)."""
    squash: float
    """How far back the shadow climbs per unit of product height."""
    softness: float
    opacity: float


def shadow_style(cues: Cues) -> ShadowStyle:
    if cues.light is Light.GOLDEN:
        return ShadowStyle(1.1, 0.22, 0.5, 0.5)
    if cues.light is Light.SPOT:
        return ShadowStyle(0.25, 0.12, 0.6, 0.65)
    if cues.light is Light.BRIGHT or cues.look(Look.BOLD) >= 0.5:
        return ShadowStyle(0.55, 0.3, 0.35, 0.45)
    return ShadowStyle(0.45, 0.3, 1.0, 0.32)


def lighting_for(cues: Cues, scheme: Scheme, side: float) -> Lighting:
    """The product's light rig, from the cued light and the palette."""
    depth = 0.45 + 0.25 * cues.traits.contrast
    rim, rim_far, rim_strength = scheme.light, scheme.light, 0.25
    key = lighten(scheme.light, 0.5)
    if cues.light is Light.NEON or (scheme.dark and cues.look(Look.FUTURISTIC) > 0):
        rim, rim_far, rim_strength = lighten(scheme.accent, 0.2), lighten(scheme.accent2, 0.2), 0.8
        depth = 0.8
    elif cues.light is Light.SPOT:
        depth, rim_strength = 0.95, 0.45
    elif cues.light is Light.GOLDEN:
        key = mix(key, (1.0, 0.8, 0.55), 0.35)
        rim, rim_far, rim_strength = mix(scheme.light, (1.0, 0.72, 0.4), 0.5), key, 0.5
    elif cues.light is Light.BACKLIT:
        rim_strength = 0.75
    elif cues.light is Light.BRIGHT:
        depth = 0.3
    if scheme.dark:
        depth = max(depth, 0.75)
    fill = mix(scheme.wall, scheme.floor, 0.5)
    return Lighting(side, key, fill, rim, rim_far, rim_strength, float(np.clip(depth, 0.15, 1.0)))


def cast_shadow(
    canvas: Canvas, layer: Layer, stage: Stage, scheme: Scheme, style: ShadowStyle
) -> None:
    """The product's shadow thrown back and away from the key light, onto floor or plinth."""
    if layer.box is None:
        return
    if stage.top_view:
        _drop_shadow(canvas, layer, stage, scheme)
        return
    place = stage.product
    k = _SHADOW_SCALE
    hp = place.size * canvas.h  # product height in pixels
    base = place.base * canvas.h
    reach = style.reach * -stage.light_side
    lx0, ly0, lx1, ly1 = layer.box
    ox0 = min(lx0, lx0 + reach * hp) - 0.1 * hp
    ox1 = max(lx1, lx1 + reach * hp) + 0.1 * hp
    oy0 = base - style.squash * hp - 0.1 * hp
    oy1 = base + 0.03 * hp
    out = canvas.box(ox0 / canvas.h, oy0 / canvas.h, ox1 / canvas.h, oy1 / canvas.h)
    if out is None:
        return
    bx0, by0, bx1, by1 = out
    small_w, small_h = max(1, (bx1 - bx0) // k), max(1, (by1 - by0) // k)
    alpha = Image.fromarray(layer.alpha).resize(
        (max(1, (lx1 - lx0) // k), max(1, (ly1 - ly0) // k)), Image.Resampling.BOX
    )
    # Map each shadow pixel back to the silhouette point that casts it (PIL's affine takes the
    # inverse map): height above the base is stretched from the squashed shadow, and the
    # sideways reach is undone.
    sq = max(style.squash, 0.05)
    b = base / k
    o_x, o_y = bx0 / k, by0 / k
    i_x, i_y = lx0 / k, ly0 / k
    shear = reach / sq
    coeffs = (1.0, shear, o_x - i_x - shear * (b - o_y), 0.0, 1.0 / sq, b - (b - o_y) / sq - i_y)
    flat = np.asarray(
        alpha.transform(
            (small_w, small_h), Image.Transform.AFFINE, coeffs, Image.Resampling.BILINEAR
        ),
        np.float32,
    )
    rows = (np.arange(small_h, dtype=np.float32) + o_y + 0.5)[:, None]
    flat = flat * (rows <= b + 1)
    # Sharp where it touches, softer as it travels (a blend of two blurs).
    near = blur(flat, 0.01 * hp / k * style.softness + 0.6)
    far = blur(flat, 0.06 * hp / k * style.softness + 1.0)
    travel = np.clip((b - rows) / np.float32(max(sq * hp / k, 1)), 0, 1)
    soft = near + (far - near) * travel
    fade = 1.0 - 0.6 * travel
    shadow = resize((soft * fade).astype(np.float32), bx1 - bx0, by1 - by0, smooth=False)
    canvas.multiply(scheme.shadow, np.clip(shadow, 0, 1) * np.float32(style.opacity), out)


def _drop_shadow(canvas: Canvas, layer: Layer, stage: Stage, scheme: Scheme) -> None:
    """Flat lays are lit from above-left: the shadow falls down and to the right."""
    assert layer.box is not None
    lx0, ly0, lx1, ly1 = layer.box
    hp = stage.product.size * canvas.h
    dx, dy = int(0.05 * hp * -stage.light_side), int(0.07 * hp)
    pad = int(0.12 * hp)
    out = canvas.box(
        (lx0 - pad) / canvas.h,
        (ly0 - pad) / canvas.h,
        (lx1 + pad) / canvas.h,
        (ly1 + pad) / canvas.h,
    )
    if out is None:
        return
    bx0, by0, bx1, by1 = out
    full = np.zeros((by1 - by0, bx1 - bx0), np.float32)
    ys, xs = ly0 - by0 + dy, lx0 - bx0 + dx
    src = layer.alpha
    y0, x0 = max(ys, 0), max(xs, 0)
    y1, x1 = min(ys + src.shape[0], full.shape[0]), min(xs + src.shape[1], full.shape[1])
    if y1 > y0 and x1 > x0:
        full[y0:y1, x0:x1] = src[y0 - ys : y1 - ys, x0 - xs : x1 - xs]
    soft = blur(full, 0.035 * hp)
    canvas.multiply(scheme.shadow, soft * np.float32(0.4), out)


def contact(canvas: Canvas, layer: Layer, stage: Stage, scheme: Scheme, width: float) -> None:
    """The thin dark line where the product meets the surface."""
    if stage.top_view or layer.box is None:
        return
    place = stage.product
    rx = width * place.size / 2
    ry = max(0.02 * place.size, 2.0 / canvas.h)
    box = canvas.box(
        place.cx - rx * 1.5, place.base - ry * 2.5, place.cx + rx * 1.5, place.base + ry * 3
    )
    if box is None:
        return
    X, Y = canvas.grid(box)
    # A Gaussian ellipse, not a hard one: it must fade to nothing well inside its box.
    e = ((X - np.float32(place.cx)) / np.float32(rx)) ** 2 + (
        (Y - np.float32(place.base)) / np.float32(ry)
    ) ** 2
    canvas.multiply(scheme.shadow, (np.exp(-e * 2.2) * 0.65).astype(np.float32), box)


def hover_shadow(canvas: Canvas, stage: Stage, scheme: Scheme, width: float) -> None:
    """A levitating product's shadow: a soft pool on the surface below, wider and fainter the
    higher it floats."""
    if stage.ground is None:
        return
    place = stage.product
    height = max(stage.ground - place.base, 0.0)
    rx = width * place.size * (0.45 + height)
    ry = max(0.03 * place.size + height * 0.1, 3.0 / canvas.h)
    cx = place.cx - stage.light_side * height * 0.3
    box = canvas.box(cx - rx * 1.6, stage.ground - ry * 2.5, cx + rx * 1.6, stage.ground + ry * 2.5)
    if box is None:
        return
    X, Y = canvas.grid(box)
    e = ((X - np.float32(cx)) / np.float32(rx)) ** 2 + (
        (Y - np.float32(stage.ground)) / np.float32(ry)
    ) ** 2
    strength = 0.5 / (1.0 + height * 6)
    canvas.multiply(scheme.shadow, (np.exp(-e * 2.0) * strength).astype(np.float32), box)


def reflection(canvas: Canvas, layer: Layer, stage: Stage, gloss: float, ripple: bool) -> None:
    """A mirror image under the product on polished or wet floors, fading with distance."""
    if layer.box is None or gloss <= 0.08 or stage.top_view:
        return
    place = stage.product
    base_px = round(place.base * canvas.h)
    lx0, ly0, lx1, _ = layer.box
    rows = min(base_px - ly0, canvas.h - base_px)
    if rows <= 2:
        return
    rgb = layer.rgb[base_px - ly0 - rows : base_px - ly0][::-1]
    alpha = layer.alpha[base_px - ly0 - rows : base_px - ly0][::-1]
    depth = np.arange(rows, dtype=np.float32)[:, None] / np.float32(place.size * canvas.h)
    fade = np.float32(gloss) * np.exp(-depth / np.float32(0.28))
    if ripple:
        shift = (np.sin(np.arange(rows) * (90.0 / canvas.h) * 6.0) * 0.004 * canvas.h).astype(int)
        cols = np.clip(np.arange(rgb.shape[1])[None, :] - shift[:, None], 0, rgb.shape[1] - 1)
        rgb = np.take_along_axis(rgb, cols[..., None], axis=1)
        alpha = np.take_along_axis(alpha, cols, axis=1)
    sigma = 0.004 * canvas.h * (1.5 - gloss)
    rgb, alpha = blur(rgb, sigma), blur(alpha, sigma)
    box = (lx0, base_px, lx1, base_px + rows)
    region = canvas.view(box)
    a = (alpha * fade)[..., None]
    region *= 1.0 - a
    region += rgb * fade[..., None]


def beam(work: Canvas, stage: Stage, scheme: Scheme, cues: Cues) -> None:
    """A spotlight's visible cone through haze, landing on the product (reduced-res pass)."""
    if cues.light is not Light.SPOT or stage.top_view:
        return
    place = stage.product
    apex_x = place.cx + stage.light_side * 0.25 * stage.aspect
    apex_y = -0.15
    target_y = place.base
    box = work.full()
    X, Y = work.grid(box)
    t = np.clip((Y - np.float32(apex_y)) / np.float32(target_y - apex_y), 0, 1.3)
    centre = np.float32(apex_x) + (np.float32(place.cx) - np.float32(apex_x)) * t
    half = np.float32(0.02) + np.float32(0.35 * max(place.size, 0.25)) * t
    across = np.abs(X - centre) / half
    cone = np.exp(-(across**2) * 2.0) * smoothstep(0.0, 0.5, t) * np.clip(1.25 - t, 0, 1)
    colour: Colour = mix(scheme.light, (1.0, 0.9, 0.75), 0.3)
    work.screen(colour, (cone * np.float32(0.28)).astype(np.float32), box)
    pool = sdf.ellipse(X, Y, place.cx, place.base, 0.35 * max(place.size, 0.2), 0.06)
    work.screen(
        colour, (np.exp(-np.maximum(pool, 0) / np.float32(0.05)) * 0.3).astype(np.float32), box
    )
