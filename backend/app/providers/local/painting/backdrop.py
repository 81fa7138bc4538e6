"""The set behind and under the product: a wall (or sky, city, foliage…) and a floor.

Painted on the reduced-resolution pass: everything here is either smooth or out of focus, so it
loses nothing by being upscaled, and the full-resolution budget is kept for the product.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from app.providers.local.painting import sdf, surfaces, walls
from app.providers.local.painting.canvas import Array, Canvas, smoothstep
from app.providers.local.painting.cues import Cues, Light, Look, Setting, Shot
from app.providers.local.painting.layout import Stage
from app.providers.local.painting.palette import (
    Scheme,
    darken,
    lighten,
    lum,
    mix,
)

WALLS = (Setting.SKY, Setting.SEA, Setting.CITY, Setting.NEON, Setting.NATURE, Setting.WINDOW,
         Setting.GRID, Setting.TILES, Setting.CONCRETE, Setting.STUDIO)  # fmt: skip
FLOORS = (Setting.MARBLE, Setting.WOOD, Setting.SAND, Setting.STONE, Setting.CONCRETE,
          Setting.LINEN, Setting.TRACK, Setting.WATER, Setting.TILES, Setting.GLOSS)  # fmt: skip
_FLOOR_FOR_WALL = {Setting.SEA: Setting.SAND, Setting.CITY: Setting.GLOSS,
                   Setting.NEON: Setting.GLOSS, Setting.GRID: Setting.GLOSS}  # fmt: skip


@dataclass(frozen=True)
class Design:
    wall: Setting
    floor: Setting
    gloss: float
    """How mirror-like the floor is, 0..1."""


def design(cues: Cues, stage: Stage, scheme: Scheme, rng: random.Random) -> Design:
    # Tiles can dress a wall or a floor: a wall only when nothing else is cued for the floor.
    tiled_wall = not any(f in cues.settings for f in FLOORS if f is not Setting.TILES)
    walls = [s for s in cues.settings if s in WALLS and (s is not Setting.TILES or tiled_wall)]
    floors = [s for s in cues.settings if s in FLOORS]
    wall = walls[0] if walls else None
    if wall is None:
        if cues.look(Look.FUTURISTIC) >= 0.5:
            wall = Setting.GRID
        elif stage.shot is Shot.WIDE:
            wall = Setting.CITY if scheme.dark else Setting.WINDOW
        else:
            wall = Setting.STUDIO
    if stage.shot is Shot.WIDE and wall is Setting.STUDIO:
        wall = Setting.CITY if scheme.dark else Setting.WINDOW
    floor = floors[0] if floors else _FLOOR_FOR_WALL.get(wall, Setting.STUDIO)
    if floor is Setting.TILES and wall is Setting.TILES:
        floor = Setting.STONE
    gloss = 0.06
    if floor in (Setting.GLOSS, Setting.WATER):
        gloss = 0.45
    elif floor is Setting.MARBLE or scheme.dark:
        gloss = 0.28
    return Design(wall, floor, gloss)


def paint(
    work: Canvas,
    stage: Stage,
    d: Design,
    scheme: Scheme,
    cues: Cues,
    nrng: np.random.Generator,
    rng: random.Random,
) -> None:
    if stage.horizon is None:
        _top_down(work, d, scheme, cues, nrng)
        return
    horizon = stage.horizon
    wall_box = work.box(0, 0, work.aspect, min(horizon + 0.05, 1.0))
    if wall_box is not None:
        _wall(work, wall_box, stage, d, scheme, cues, nrng, rng)
    if horizon < 1.0:
        _floor(work, stage, d, scheme, cues, nrng)


def _wall(
    work: Canvas,
    box: tuple[int, int, int, int],
    stage: Stage,
    d: Design,
    scheme: Scheme,
    cues: Cues,
    nrng: np.random.Generator,
    rng: random.Random,
) -> None:
    X, Y = work.grid(box)
    horizon = stage.horizon or 1.0
    t = np.clip(Y / np.float32(max(horizon, 0.05)), 0.0, 1.0)
    wall = scheme.wall
    # A wall is never evenly lit: darker towards the top, the palette colour where the light
    # falls; that leaves headroom for the key light's pool to glow on a white wall.
    lit = darken(wall, 0.03) if not scheme.dark else mix(wall, scheme.accent, 0.12)
    col = walls.gradient(darken(wall, 0.16 if not scheme.dark else 0.4), lit, t**0.8)
    col = np.broadcast_to(col, (*t.shape[:1], X.shape[1], 3)).copy()
    region = work.view(box)
    region[:] = col
    kind = d.wall
    if kind in (Setting.SKY, Setting.SEA):
        walls.sky(work, box, X, Y, stage, scheme, cues, nrng, sea=kind is Setting.SEA)
    elif kind is Setting.CITY:
        walls.city(work, box, X, Y, stage, scheme, nrng, rng)
    elif kind is Setting.NEON:
        walls.neon(work, box, X, Y, stage, scheme, rng)
    elif kind is Setting.GRID:
        walls.mesh(work, box, X, Y, stage, scheme, rng)
    elif kind is Setting.TILES:
        g = surfaces.ground(X, Y, None, 0, work.h, nrng)
        region[:] = surfaces.tiles(g, wall, 0.075) * (0.9 + 0.1 * t)[..., None]
    elif kind is Setting.CONCRETE:
        g = surfaces.ground(X, Y, None, 0, work.h, nrng)
        region[:] = surfaces.concrete(g, wall) * (0.9 + 0.12 * t)[..., None]
        holes = np.full(region.shape[:2], np.inf, np.float32)
        for hx in np.arange(0.12, work.aspect, 0.2):
            for hy in np.arange(0.1, horizon, 0.2):
                holes = np.minimum(holes, sdf.circle(X, Y, float(hx), float(hy), 0.006))
        work.multiply(darken(wall, 0.6), sdf.coverage(holes, work.h) * 0.6, box)
    elif kind is Setting.NATURE:
        walls.foliage(work, box, X, Y, stage, scheme, nrng, rng)
    elif kind is Setting.WINDOW:
        walls.window(work, box, X, Y, stage, scheme, cues, nrng, rng)
    _pool(work, box, X, Y, stage, scheme, cues)


def _pool(
    work: Canvas,
    box: tuple[int, int, int, int],
    X: Array,
    Y: Array,
    stage: Stage,
    scheme: Scheme,
    cues: Cues,
) -> None:
    """The key light's pool on the wall: what makes a backdrop glow behind the product."""
    place = stage.product
    cx = place.cx + stage.light_side * 0.12 * stage.aspect
    cy = (stage.horizon or 0.6) - 0.22
    r = np.hypot((X - np.float32(cx)) / np.float32(0.9), Y - np.float32(cy))
    glow = np.exp(-((r / np.float32(0.42)) ** 2))
    strength = 0.3 if not scheme.dark else 0.2
    if cues.light is Light.SPOT:
        strength = 0.4 if scheme.dark else 0.28
    colour = scheme.light if not scheme.dark else mix(scheme.accent, scheme.wall, 0.4)
    work.screen(colour, glow * np.float32(strength), box)


def _floor(
    work: Canvas, stage: Stage, d: Design, scheme: Scheme, cues: Cues, nrng: np.random.Generator
) -> None:
    horizon = stage.horizon or 1.0
    box = work.box(0, horizon - 0.06, work.aspect, 1.0)
    if box is None:
        return
    X, Y = work.grid(box)
    g = surfaces.ground(X, Y, horizon, stage.product.cx, work.h, nrng)
    base = scheme.floor
    colours = surfaces.SurfaceColours(
        base=base,
        vein=surfaces.vein_colour(base, scheme.colours),
        light=scheme.light,
        lines=lighten(scheme.bright(), 0.5),
    )
    texture = surfaces.paint(d.floor, g, colours)
    depth = np.clip((Y - np.float32(horizon)) / np.float32(max(1.0 - horizon, 0.05)), 0, 1)
    falloff = (1.0 - (0.14 if not scheme.dark else 0.45) * depth**1.2).astype(np.float32)
    if texture is None:
        texture = np.broadcast_to(np.asarray(base, np.float32), (*depth.shape[:1], X.shape[1], 3))
    col = texture * falloff[..., None]
    plain = d.floor in (Setting.STUDIO, Setting.GLOSS) and d.wall in (
        Setting.STUDIO,
        Setting.GRID,
        Setting.NEON,
    )
    # A seamless studio sweep curves wall into floor; a table or ground meets it at an edge.
    edge = 0.035 if plain else 0.0025
    t = smoothstep(-edge, edge, Y - np.float32(horizon))
    region = work.view(box)
    region += (col - region) * t[..., None]
    if not plain:
        line = np.exp(-np.abs(Y - np.float32(horizon + 0.004)) / np.float32(0.003))
        work.screen(
            scheme.light, np.broadcast_to(line * np.float32(0.25), (t.shape[0], X.shape[1])), box
        )
        above = np.clip(1 - (np.float32(horizon) - Y) / np.float32(0.03), 0, 1) * (1 - t)
        work.multiply(
            scheme.shadow, np.broadcast_to(above * np.float32(0.25), (t.shape[0], X.shape[1])), box
        )
    if d.floor is Setting.GRID or (d.wall is Setting.GRID and d.floor is Setting.GLOSS):
        _grid_lines(work, box, g, scheme, horizon, Y)


def _grid_lines(
    work: Canvas,
    box: tuple[int, int, int, int],
    g: surfaces.Ground,
    scheme: Scheme,
    horizon: float,
    Y: Array,
) -> None:
    cell = np.float32(0.12)
    du = np.abs(g.gx / cell - np.round(g.gx / cell))
    dv = np.abs(g.gz / (cell * 3) - np.round(g.gz / (cell * 3)))
    width = 0.03
    lines = np.maximum(
        smoothstep(width * 2, width * 0.5, du), smoothstep(width * 2, width * 0.5, dv)
    )
    fade = np.clip((Y - np.float32(horizon)) / np.float32(0.04), 0, 1) * np.exp(
        -np.maximum(g.gz - 1.0, 0) * 0.15
    )
    work.screen(scheme.accent, (lines * fade * np.float32(0.5)).astype(np.float32), box)


def _top_down(
    work: Canvas, d: Design, scheme: Scheme, cues: Cues, nrng: np.random.Generator
) -> None:
    box = work.full()
    X, Y = work.grid(box)
    g = surfaces.ground(X, Y, None, 0, work.h, nrng)
    colours = surfaces.SurfaceColours(
        base=scheme.floor if d.floor is not Setting.STUDIO else scheme.wall,
        vein=surfaces.vein_colour(scheme.floor, scheme.colours),
        light=scheme.light,
        lines=lighten(scheme.bright(), 0.5),
    )
    texture = surfaces.paint(
        d.floor if d.floor is not Setting.GLOSS else Setting.STUDIO, g, colours
    )
    region = work.view(box)
    if texture is not None:
        region[:] = texture
    else:
        region[:] = scheme.wall
        if cues.look(Look.BOLD) >= 0.5:  # pop flat lay: two colour fields split on a diagonal
            split = sdf.coverage(
                Y - np.float32(0.55) - (X - np.float32(work.aspect / 2)) * 0.6, work.h
            )
            work.blend(scheme.accent, 1.0 - split, box)
    cx, cy = work.aspect * 0.35, 0.3
    r = np.hypot(X - np.float32(cx), Y - np.float32(cy))
    work.screen(
        scheme.light,
        np.exp(-((r / np.float32(0.7)) ** 2)) * np.float32(0.2 if not scheme.dark else 0.1),
        box,
    )
    if lum(scheme.wall) > 0.2:
        work.multiply(scheme.shadow, np.clip(r - 0.3, 0, 1) * np.float32(0.15), box)
