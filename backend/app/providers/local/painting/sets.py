"""Set design: the plinth the product stands on and the shapes that frame it.

Contemporary product photography builds small sets from a few primitives: a drum or block
plinth, an arch or a disc behind, a second colour block. The shape language follows the tone
(round for calm and playful, angular for bold and edgy) and the number of pieces follows the
style's density (a minimalist frame has one object and space).
"""

from __future__ import annotations

import random

import numpy as np

from app.providers.local.painting import sdf, surfaces
from app.providers.local.painting.canvas import Canvas, blur
from app.providers.local.painting.cues import Cues, Look, Setting, Shot
from app.providers.local.painting.layout import Plinth, Stage
from app.providers.local.painting.palette import Colour, Scheme, darken, lighten, lum, mix
from app.providers.local.painting.products.materials import Finish, Lighting, cylinder

PLINTH_TILT = 0.16
"""The camera's height above a plinth, as the ratio of its top ellipse's height to width."""


def _tone(scheme: Scheme, tone: int) -> Colour:
    """A set piece's colour. On a dark set, saturated colours stay light sources (glows, rims)
    and the solid pieces are deep tones of them: a flat neon block reads as a sticker."""
    if scheme.dark:
        if tone == 2:
            return mix(scheme.accent, scheme.wall, 0.8)
        return lighten(scheme.wall, 0.08 + 0.05 * tone)
    if tone == 2 and scheme.accent != scheme.product:
        return mix(scheme.accent, scheme.wall, 0.25)
    if tone == 1:
        return darken(scheme.wall, 0.08) if lum(scheme.wall) > 0.5 else lighten(scheme.wall, 0.1)
    return scheme.floor if scheme.floor != scheme.wall else darken(scheme.wall, 0.06)


def backdrop_pieces(
    work: Canvas, stage: Stage, scheme: Scheme, cues: Cues, rng: random.Random
) -> None:
    """Arches, discs and colour blocks standing behind the product, with their soft shadows."""
    if stage.shot not in (Shot.HERO, Shot.CLOSE) or stage.horizon is None:
        return
    density = cues.density
    if rng.random() > 0.35 + 0.6 * density:
        return
    place = stage.product
    horizon = stage.horizon
    round_shapes = cues.traits.roundness >= -0.15
    retro = cues.look(Look.RETRO) > 0 or cues.look(Look.ORGANIC) > 0
    box = work.box(0, 0, work.aspect, horizon + 0.01)
    if box is None:
        return
    X, Y = work.grid(box)
    shift = place.cx + rng.uniform(-0.12, 0.12) * stage.aspect
    width = rng.uniform(0.2, 0.3) * stage.aspect / 0.5625 * 0.55
    if round_shapes and (retro or rng.random() < 0.4):
        cy = horizon - rng.uniform(0.22, 0.32)
        d = sdf.circle(X, Y, shift, cy, width)
        colour = mix(scheme.accent, scheme.wall, 0.35 if not scheme.dark else 0.75)
    elif round_shapes:
        top = horizon - rng.uniform(0.38, 0.5)
        d = sdf.box(
            X, Y, shift, (top + horizon + width) / 2, width, (horizon + width - top) / 2, width
        )
        colour = _tone(scheme, rng.choice((1, 2)))
    else:
        top = horizon - rng.uniform(0.35, 0.5)
        d = sdf.box(X, Y, shift, (top + horizon) / 2 + 0.01, width, (horizon - top) / 2 + 0.01)
        colour = _tone(scheme, 2 if cues.look(Look.BOLD) > 0 else 1)
        if density > 0.6:  # a second, overlapping block in another palette colour
            d2 = sdf.box(
                X, Y, shift + width * 1.1 * -stage.light_side, horizon - 0.14, width * 0.6, 0.15
            )
            cov2 = sdf.coverage(d2, work.h)
            _cast(work, box, cov2, stage, scheme)
            work.blend(mix(scheme.accent2, scheme.wall, 0.2 if not scheme.dark else 0.8), cov2, box)
    cov = sdf.coverage(d, work.h)
    _cast(work, box, cov, stage, scheme)
    # Lit from the key side: a gentle gradient across the piece.
    ramp = np.clip(0.5 + (X - np.float32(shift)) / np.float32(2 * width) * -stage.light_side, 0, 1)
    col = np.asarray(colour, np.float32) * (0.9 + 0.1 * ramp)[..., None]
    work.blend(np.broadcast_to(col, (*cov.shape, 3)), cov, box)


def _cast(
    work: Canvas, box: tuple[int, int, int, int], cov: np.ndarray, stage: Stage, scheme: Scheme
) -> None:
    """A piece standing off the wall throws a soft shadow onto it, away from the key."""
    shift = round(0.025 * work.h)
    shadow = np.roll(cov, -shift * int(stage.light_side), axis=1)
    shadow = blur(shadow, 0.015 * work.h)
    work.multiply(scheme.shadow, shadow * np.float32(0.3), box)


def plinth(
    canvas: Canvas,
    p: Plinth,
    stage: Stage,
    scheme: Scheme,
    floor: Setting,
    light: Lighting,
    nrng: np.random.Generator,
) -> None:
    """The plinth, at full resolution (it is in focus, right under the product)."""
    ry = p.half_width * PLINTH_TILT if p.round else p.half_width * 0.12
    box = canvas.box(
        p.cx - p.half_width - 0.01,
        p.top - ry - 0.01,
        p.cx + p.half_width + 0.01,
        p.bottom + ry + 0.01,
    )
    if box is None:
        return
    X, Y = canvas.grid(box)
    colour = _tone(scheme, p.tone)
    texture = None
    if floor is Setting.MARBLE and p.tone == 0:
        g = surfaces.ground(X, Y, None, 0, canvas.h, nrng)
        texture = surfaces.marble(g, colour, surfaces.vein_colour(colour, scheme.colours))
    side_light = Lighting(
        light.side,
        light.key,
        light.fill,
        light.rim,
        light.rim_far,
        0.0,
        min(1.0, light.depth + 0.1),
    )
    n = np.clip((X - np.float32(p.cx)) / np.float32(p.half_width), -1, 1)
    if p.round:
        nz = np.sqrt(np.maximum(1 - n * n, 0))
        Yw = Y - np.float32(ry) * nz  # the front of the drum curves towards the camera
        body = np.maximum(
            np.abs(X - np.float32(p.cx)) - np.float32(p.half_width),
            np.maximum(np.float32(p.top) - Y, Yw - np.float32(p.bottom)),
        )
        shade = cylinder(n * np.float32(0.9), (1.0, 1.0, 1.0), side_light, Finish.SATIN)
    else:
        body = sdf.box(X, Y, p.cx, (p.top + p.bottom) / 2, p.half_width, (p.bottom - p.top) / 2)
        lit = 0.92 + 0.08 * n * np.float32(-light.side)
        shade = np.broadcast_to(lit[..., None], (*lit.shape, 3)).astype(np.float32)
    base = texture if texture is not None else np.asarray(colour, np.float32)
    cov = sdf.coverage(body, canvas.h)
    drop = np.clip((Y - np.float32(p.top)) / np.float32(max(p.bottom - p.top, 0.01)), 0, 1)
    front = base * shade * (1.0 - 0.12 * drop)[..., None]
    canvas.blend(front, cov, box)
    if p.round:
        top = sdf.ellipse(X, Y, p.cx, p.top, p.half_width, ry)
    else:
        top = sdf.convex(
            X,
            -Y,
            [
                (p.cx - p.half_width, -p.top),
                (p.cx + p.half_width, -p.top),
                (p.cx + p.half_width * 0.9, -(p.top - ry)),
                (p.cx - p.half_width * 0.9, -(p.top - ry)),
            ],
        )
    lid = base * np.float32(1.04) + np.float32(0.03)
    canvas.blend(np.clip(lid, 0, 1), sdf.coverage(top, canvas.h), box)
    edge = np.clip(1 - np.abs(top) * np.float32(canvas.h) / 1.5, 0, 1) * (p.top < Y)
    canvas.screen(lighten(light.key, 0.3), edge * np.float32(0.45), box)


def floor_shadow(canvas: Canvas, stage: Stage, p: Plinth, scheme: Scheme) -> None:
    """The plinth's own contact shadow on the floor."""
    ry = p.half_width * PLINTH_TILT
    box = canvas.box(
        p.cx - p.half_width * 1.6, p.bottom - ry * 2, p.cx + p.half_width * 1.6, p.bottom + ry * 3
    )
    if box is None:
        return
    X, Y = canvas.grid(box)
    d = sdf.ellipse(
        X,
        Y,
        p.cx - stage.light_side * p.half_width * 0.15,
        p.bottom + ry * 0.3,
        p.half_width * 1.15,
        ry * 1.6,
    )
    shadow = np.clip(-d / np.float32(ry * 1.6), 0, 1) ** 0.7
    canvas.multiply(scheme.shadow, (shadow * 0.45).astype(np.float32), box)
