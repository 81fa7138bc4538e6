"""Backdrops: what stands behind the product — sky and sea, a city at night, neon tubes, a mesh
gradient, out-of-focus foliage, sunlight through a window.

Each paints the wall region of the reduced-resolution set pass in the palette's colours.
"""

from __future__ import annotations

import random

import numpy as np

from app.providers.local.painting import noise, sdf
from app.providers.local.painting.canvas import Array, Canvas, blur, resize, smoothstep
from app.providers.local.painting.cues import Cues, Light, Shot
from app.providers.local.painting.layout import Stage
from app.providers.local.painting.palette import (
    Colour,
    Scheme,
    chroma,
    darken,
    hsv,
    lighten,
    mix,
)

Box = tuple[int, int, int, int]


def sky_colour(scheme: Scheme) -> Colour:
    blues = [c for c in scheme.colours if 0.45 <= hsv(c)[0] <= 0.72 and chroma(c) > 0.12]
    if blues:
        return blues[0]
    return mix(scheme.wall, scheme.accent, 0.35)


def green(scheme: Scheme) -> Colour:
    greens = [c for c in scheme.colours if 0.18 <= hsv(c)[0] <= 0.45 and chroma(c) > 0.1]
    if greens:
        return greens[0]
    return mix(darken(scheme.wall, 0.5), scheme.accent2, 0.35)


def gradient(top: Colour, bottom: Colour, t: Array) -> Array:
    a, b = np.asarray(top, np.float32), np.asarray(bottom, np.float32)
    return a + (b - a) * t[..., None]


def sky(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    stage: Stage,
    scheme: Scheme,
    cues: Cues,
    nrng: np.random.Generator,
    sea: bool,
) -> None:
    horizon = stage.horizon or 1.0
    sky_line = horizon - (0.1 if sea else 0.0)
    top = sky_colour(scheme)
    low = lighten(scheme.wall, 0.35)
    if cues.light is Light.GOLDEN:
        low = mix(low, scheme.light, 0.5)
    t = np.clip(Y / np.float32(max(sky_line, 0.05)), 0, 1)
    region = work.view(box)
    region[:] = np.broadcast_to(gradient(top, low, t**1.4), region.shape)
    h, w = region.shape[:2]
    # Soft cumulus: smooth noise, a gentle threshold, then a blur so edges stay fluffy; their
    # undersides a touch darker, as real clouds are.
    clouds = noise.fbm(nrng, w, h, 0.3 * work.h, octaves=3, stretch=2.2)
    puff = blur(smoothstep(0.5, 0.78, clouds), 0.006 * work.h) * np.clip(1.15 - t, 0, 1)
    below = np.clip(np.roll(puff, -int(0.02 * work.h), axis=0) - puff, 0, 1)
    cloud_col = np.asarray(lighten(scheme.wall, 0.8), np.float32)
    region += (cloud_col - region) * (puff * 0.7)[..., None]
    region *= (1.0 - below * 0.12)[..., None]
    if cues.light in (Light.GOLDEN, Light.BACKLIT):
        sx = stage.aspect * (0.5 + 0.3 * stage.light_side)
        r = np.hypot(X - np.float32(sx), Y - np.float32(sky_line - 0.08))
        work.screen(lighten(scheme.light, 0.4), np.exp(-r / np.float32(0.08)) * 0.8, box)
    if sea:
        rows = (Y[:, 0] >= sky_line) & (Y[:, 0] < horizon + 0.05)
        if rows.any():
            sea_col = darken(sky_colour(scheme), 0.35)
            ts = np.clip((Y[rows] - np.float32(sky_line)) / np.float32(horizon - sky_line), 0, 1)
            glints = noise.value(nrng, w, int(rows.sum()), 2.0, stretch=12.0)
            band = gradient(darken(sea_col, 0.2), lighten(sea_col, 0.25), ts)
            band = band + np.float32(0.25) * smoothstep(0.8, 0.95, glints)[..., None]
            region[rows] = np.broadcast_to(band, region[rows].shape)


def city(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    stage: Stage,
    scheme: Scheme,
    nrng: np.random.Generator,
    rng: random.Random,
) -> None:
    horizon = stage.horizon or 1.0
    region = work.view(box)
    h, w = region.shape[:2]
    glow = np.exp(-((np.float32(horizon) - Y) / np.float32(0.25)).clip(0)) * np.float32(0.35)
    work.screen(scheme.accent, np.broadcast_to(glow, (h, w)), box)
    skyline = np.full((h, w), np.inf, np.float32)
    x = -0.02
    while x < work.aspect:
        bw = rng.uniform(0.04, 0.1)
        bh = rng.uniform(0.08, 0.32)
        skyline = np.minimum(skyline, sdf.box(X, Y, x + bw / 2, horizon - bh / 2, bw / 2, bh / 2))
        x += bw * rng.uniform(0.85, 1.05)
    mass = sdf.coverage(skyline, work.h)
    building = darken(scheme.wall, 0.35) if scheme.dark else mix(scheme.wall, scheme.shadow, 0.35)
    work.blend(building, mass, box)
    if scheme.dark:  # a few lit windows, scattered, not a pattern
        cells = np.floor(X * np.float32(90)) * np.float32(7.13) + np.floor(
            Y * np.float32(70)
        ) * np.float32(3.71)
        lit = (np.sin(cells) * np.float32(43758.5)) % 1.0 > 0.86
        windows = (np.sin(X * np.float32(565)) > 0.2) & (np.sin(Y * np.float32(440)) > 0.0)
        on = blur((windows & lit).astype(np.float32) * mass, 0.5)
        work.screen(mix(scheme.light, (1.0, 0.85, 0.6), 0.4), on * np.float32(0.35), box)
    bokeh(work, box, X, Y, scheme, rng, count=26, top=horizon - 0.45, bottom=horizon)


def bokeh(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    scheme: Scheme,
    rng: random.Random,
    count: int,
    top: float,
    bottom: float,
) -> None:
    """Out-of-focus points of light: discs with a brighter rim, as real lenses draw them."""
    colours = [scheme.accent, scheme.accent2, scheme.light]
    h, w = work.view(box).shape[:2]
    lights = np.zeros((h, w, 3), np.float32)
    for _ in range(count):
        cx = rng.uniform(0, work.aspect)
        cy = rng.uniform(top, bottom)
        r = rng.uniform(0.012, 0.045)
        sub = work.box(cx - r, cy - r, cx + r, cy + r)
        if sub is None:
            continue
        sx, sy = work.grid(sub)
        d = sdf.circle(sx, sy, cx, cy, r)
        disc = sdf.coverage(d, work.h, soft=2.5) * (0.55 + 0.45 * smoothstep(-r * 0.35, 0, d))
        colour = np.asarray(rng.choice(colours), np.float32)
        x0, y0, x1, y1 = sub
        ox, oy = x0 - box[0], y0 - box[1]
        if oy >= h or ox >= w:
            continue
        patch = lights[oy : oy + (y1 - y0), ox : ox + (x1 - x0)]
        patch += (
            disc[: patch.shape[0], : patch.shape[1], None]
            * colour
            * np.float32(rng.uniform(0.3, 0.7))
        )
    region = work.view(box)
    region += (1.0 - region) * np.clip(lights, 0.0, 1.0)


def neon(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    stage: Stage,
    scheme: Scheme,
    rng: random.Random,
) -> None:
    place = stage.product
    cy = place.base - place.size * 0.55
    radius = max(place.size * 0.62, 0.16)
    if stage.shot in (Shot.MACRO, Shot.CLOSE):
        radius, cy = 0.32 * stage.aspect / 0.56, 0.4
    shapes = rng.randrange(3)
    cx = place.cx if stage.shot is not Shot.MACRO else stage.aspect / 2
    if shapes == 0:
        d = np.abs(sdf.circle(X, Y, cx, cy, radius))
    elif shapes == 1:  # an arch: a rounded-top frame
        inner = sdf.box(X, Y, cx, cy + radius * 0.4, radius * 0.8, radius * 1.4, radius * 0.8)
        d = np.abs(inner)
    else:
        d = np.abs(sdf.box(X, Y, cx, cy, radius * 0.85, radius * 1.25, 0.01))
    tube(work, box, d, scheme.accent)
    bar_x = cx + (radius + 0.08) * (-stage.light_side)
    tube(
        work, box, np.abs(sdf.segment(X, Y, bar_x, cy - 0.3, bar_x, cy + 0.15, 0.0)), scheme.accent2
    )
    bokeh(work, box, X, Y, scheme, rng, count=14, top=0.02, bottom=(stage.horizon or 0.8))


def tube(work: Canvas, box: tuple[int, int, int, int], d: Array, colour: Colour) -> None:
    """A neon tube: a white-hot core inside a coloured glow that falls off with distance."""
    core = sdf.coverage(d - np.float32(0.0035), work.h, soft=1.5)
    glow = np.exp(-((d / np.float32(0.02)) ** 2)) * 0.6 + np.exp(-d / np.float32(0.09)) * 0.22
    work.screen(colour, np.clip(glow, 0, 1), box)
    work.screen(lighten(colour, 0.75), core, box)


def mesh(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    stage: Stage,
    scheme: Scheme,
    rng: random.Random,
) -> None:
    """A soft mesh gradient: palette colours melting into each other, as tech brands do.

    On a dark set the colours are added as light (mixing them as paint turns them to mud).
    """
    for i, colour in enumerate((scheme.accent, scheme.accent2)):
        cx = stage.aspect * (0.15 if i == 0 else 0.85) + rng.uniform(-0.1, 0.1)
        cy = rng.uniform(0.08, 0.45)
        r = np.hypot(X - np.float32(cx), Y - np.float32(cy))
        amount = np.exp(-((r / np.float32(rng.uniform(0.3, 0.45))) ** 2)).astype(np.float32)
        if scheme.dark:
            work.screen(colour, amount * np.float32(0.55), box)
        else:
            work.blend(colour, amount * np.float32(0.4), box)
    horizon = stage.horizon or 1.0
    line = np.exp(-np.abs(Y - np.float32(horizon)) / np.float32(0.012)) * np.float32(0.7)
    work.screen(lighten(scheme.accent, 0.4), np.broadcast_to(line, (Y.shape[0], X.shape[1])), box)


def foliage(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    stage: Stage,
    scheme: Scheme,
    nrng: np.random.Generator,
    rng: random.Random,
) -> None:
    """Out-of-focus leaves framing the top and sides, and dappled light through them.

    The leaves are far out of focus, so they are drawn at a quarter of the pass's resolution,
    blurred there and scaled up: sixteen times less work for the same picture.
    """
    region = work.view(box)
    h, w = region.shape[:2]
    k = 4
    sh, sw = max(1, h // k), max(1, w // k)
    sx = X[:, ::k][:, :sw]
    sy = Y[::k][:sh]
    leaf = green(scheme)
    tones = [darken(leaf, 0.35), leaf, lighten(leaf, 0.2)]
    leaves = np.zeros((sh, sw), np.float32)
    paint = np.zeros((sh, sw, 3), np.float32)
    for _ in range(34):
        edge = rng.random()
        if edge < 0.4:
            cx = rng.uniform(-0.05, 0.2)
        elif edge < 0.8:
            cx = work.aspect - rng.uniform(-0.05, 0.2)
        else:
            cx = rng.uniform(0, work.aspect)
        cy = rng.uniform(-0.05, (stage.horizon or 0.8) * 0.8)
        length = rng.uniform(0.08, 0.2)
        rx, ry = sdf.rotate(sx, sy, cx, cy, rng.uniform(0, 180))
        d = sdf.leaf(rx, ry, cx, cy, length, length * 0.22)
        cov = sdf.coverage(d, work.h / k, soft=1.0)
        colour = np.asarray(rng.choice(tones), np.float32)
        paint += (colour - paint) * cov[..., None]
        leaves = np.maximum(leaves, cov)
    sigma = 0.012 * work.h / k
    soft = resize(blur(leaves, sigma), w, h, smooth=False)
    paint = resize(blur(paint, sigma), w, h, smooth=False)
    region += (paint / np.maximum(soft, 1e-3)[..., None] - region) * (soft * 0.9)[..., None]
    dapple = smoothstep(0.55, 0.7, noise.fbm(nrng, w, h, 0.1 * work.h, octaves=3))
    work.screen(scheme.light, dapple * np.float32(0.18), box)


def window(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    stage: Stage,
    scheme: Scheme,
    cues: Cues,
    nrng: np.random.Generator,
    rng: random.Random,
) -> None:
    """Sunlight through a window falling across the wall: the lifestyle shot's signature."""
    side = stage.light_side
    horizon = stage.horizon or 0.8
    x0 = stage.aspect * (0.5 + 0.35 * side) - 0.2
    skew = np.float32(0.45 * side)
    u = X - np.float32(x0) - (Y - np.float32(horizon)) * skew
    v = Y - np.float32(horizon * 0.25)
    pane = sdf.box(u, v, 0.0, horizon * 0.3, 0.2, horizon * 0.3, 0.0)
    mullions = np.minimum(
        np.abs(u) - np.float32(0.008), np.abs(v - np.float32(horizon * 0.3)) - np.float32(0.008)
    )
    patch = sdf.coverage(np.maximum(pane, -mullions), work.h, soft=6.0)
    warm = mix(scheme.light, (1.0, 0.78, 0.5), 0.45 if cues.light is Light.GOLDEN else 0.15)
    h, w = work.view(box).shape[:2]
    if rng.random() < 0.6:  # a plant outside the window breaks the light up
        leaves = smoothstep(0.5, 0.62, noise.fbm(nrng, w, h, 0.06 * work.h, octaves=3))
        patch = patch * (1.0 - 0.55 * leaves)
    # Sunlight cannot brighten a white wall much; the room around it is what goes darker. So
    # the wall outside the patch falls into soft shade, and the patch keeps a warm glow.
    work.multiply(scheme.shadow, (1.0 - patch) * np.float32(0.16), box)
    work.screen(warm, patch * np.float32(0.35 if not scheme.dark else 0.3), box)
