"""Set dressing: which props and effects an image gets, and where they go.

Effects come from the shot's words first (a "drop", "bubbles", "steam"), then from the look (an
organic set gets leaves, a luxurious one a glint). Ingredients levitating around a product is the
grammar of the genre, so in hero and close shots props float; in flat lays they lie around the
product; in macros they fill the frame at several depths, the nearest out of focus.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from app.providers.local.painting import noise, props, walls
from app.providers.local.painting.canvas import Canvas, blur, resize
from app.providers.local.painting.cues import Cues, Effect, Kind, Look, Shot
from app.providers.local.painting.layout import Stage
from app.providers.local.painting.palette import (
    Colour,
    Scheme,
    chroma,
    darken,
    hsv,
    lighten,
    lum,
    mix,
)
from app.providers.local.painting.products import model

_PRIORITY = (Effect.SPRAY, Effect.DROPS, Effect.BUBBLES, Effect.STEAM, Effect.ICE, Effect.CITRUS,
             Effect.BEANS, Effect.LEAVES, Effect.PETALS, Effect.CONFETTI, Effect.SPEED,
             Effect.SPARKLE, Effect.SMOKE)  # fmt: skip
_MAX_EFFECTS = 3

Painter = Callable[[Canvas], None]


@dataclass(frozen=True)
class Dressing:
    behind: tuple[Painter, ...]
    """Painted before the product (at full resolution)."""
    front: tuple[Painter, ...]
    atmosphere: tuple[Painter, ...]
    """Painted on the reduced-resolution set pass (smoke, speed lines)."""


def choose(cues: Cues, stage: Stage) -> list[Effect]:
    chosen = set(cues.effects)
    if cues.look(Look.ORGANIC) >= 0.5 and cues.density > 0.35:
        chosen.add(Effect.LEAVES)
    if cues.look(Look.BOLD) >= 0.5 and cues.traits.roundness > 0.3:
        chosen.add(Effect.CONFETTI)
    if cues.look(Look.LUXE) >= 0.5:
        chosen.add(Effect.SPARKLE)
    if (cues.look(Look.SPORTY) >= 0.5 or cues.traits.energy > 0.55) and stage.shot in (
        Shot.HERO,
        Shot.CLOSE,
    ):
        chosen.add(Effect.SPEED)
    if cues.kind is Kind.CUP and Effect.ICE not in chosen:
        chosen.add(Effect.STEAM)
    if cues.look(Look.MINIMAL) >= 0.75:  # minimalism keeps one effect at most
        return [e for e in _PRIORITY if e in chosen][:1]
    return [e for e in _PRIORITY if e in chosen][:_MAX_EFFECTS]


def _liquid(scheme: Scheme, kind: Kind) -> Colour:
    if kind in (Kind.CAN, Kind.SNEAKER, Kind.PHONE, Kind.WATCH):
        return mix(scheme.light, scheme.wall, 0.3)  # water: clear drops
    return scheme.product


def _bean_colour(scheme: Scheme) -> Colour:
    warm = [c for c in scheme.colours if lum(c) < 0.4 and hsv(c)[0] < 0.15 and chroma(c) > 0.1]
    return mix(warm[0] if warm else scheme.deep(), (0.3, 0.17, 0.09), 0.45)


def plan(cues: Cues, stage: Stage, scheme: Scheme, rng: random.Random) -> Dressing:
    behind: list[Painter] = []
    front: list[Painter] = []
    atmosphere: list[Painter] = []
    effects = choose(cues, stage)
    place = stage.product
    m = model(cues.kind)
    half_w = m.width * place.size / 2
    product_box = (place.cx - half_w, place.base - place.size, place.cx + half_w, place.base)
    amount = 0.6 + 0.8 * cues.density
    shot = stage.shot
    if shot is Shot.MACRO:
        amount *= 1.4
    for effect in effects:
        r = random.Random(rng.random())
        if effect in (
            Effect.DROPS,
            Effect.SPRAY,
            Effect.BUBBLES,
            Effect.ICE,
            Effect.CITRUS,
            Effect.BEANS,
            Effect.LEAVES,
            Effect.PETALS,
            Effect.CONFETTI,
        ):
            _objects(effect, cues, stage, scheme, r, amount, product_box, behind, front)
        elif effect is Effect.STEAM and shot is not Shot.OVERHEAD:
            front.append(_steam(place.cx, place.base - place.size * 0.62, place.size, scheme, r))
        elif effect is Effect.SMOKE:
            atmosphere.append(_smoke(scheme, r))
        elif effect is Effect.SPEED:
            atmosphere.append(_speed(stage, scheme, r))
        elif effect is Effect.SPARKLE:
            # A glint or two where the light catches an edge: more reads as clip art.
            for _ in range(r.randint(1, 2)):
                x = place.cx + r.choice((-1, 1)) * r.uniform(0.3, 0.5) * half_w
                y = place.base - place.size * r.uniform(0.55, 0.9)
                size = r.uniform(0.012, 0.022) * (1.5 if shot is Shot.MACRO else 1.0)
                front.append(_patch(props.sparkle, x, y, size, scheme.light))
    return Dressing(tuple(behind), tuple(front), tuple(atmosphere))


def _patch(fn: Callable[..., props.Patch | None], *args: object, defocus: float = 0.0) -> Painter:
    def paint(canvas: Canvas) -> None:
        props.put(canvas, fn(canvas, *args), defocus * canvas.h)

    return paint


_COUNT = {Effect.DROPS: 5, Effect.SPRAY: 36, Effect.BUBBLES: 22, Effect.ICE: 3,
          Effect.CITRUS: 3, Effect.BEANS: 12, Effect.LEAVES: 5, Effect.PETALS: 9,
          Effect.CONFETTI: 22}  # fmt: skip
_SIZE = {Effect.DROPS: 0.012, Effect.SPRAY: 0.005, Effect.BUBBLES: 0.008, Effect.ICE: 0.035,
         Effect.CITRUS: 0.05, Effect.BEANS: 0.018, Effect.LEAVES: 0.11, Effect.PETALS: 0.05,
         Effect.CONFETTI: 0.01}  # fmt: skip
"""Typical size in frame units in a hero shot (a radius, or a length for leaves)."""


@dataclass(frozen=True)
class Spot:
    x: float
    y: float
    scale: float
    defocus: float
    """Frame units of blur: 0 in the focal plane."""
    front: bool


def _spots(
    effect: Effect,
    stage: Stage,
    r: random.Random,
    count: int,
    product_box: tuple[float, float, float, float],
) -> list[Spot]:
    """Where the objects go, and how big and sharp each is, for this shot."""
    shot, aspect, place = stage.shot, stage.aspect, stage.product
    x0, y0, x1, y1 = product_box
    spots: list[Spot] = []
    if shot is Shot.MACRO:
        if not stage.product_in_focus:  # one or two hero objects, sharp, near the centre
            for i in range(r.randint(1, 2)):
                spots.append(
                    Spot(
                        aspect * r.uniform(0.35, 0.65),
                        r.uniform(0.35, 0.6) + i * 0.12,
                        r.uniform(3.5, 5.0) / (1 + i),
                        0.0,
                        True,
                    )
                )
        for _ in range(count):
            near = r.random() < 0.35
            spots.append(
                Spot(
                    r.uniform(-0.05, aspect + 0.05),
                    r.uniform(-0.05, 1.05),
                    r.uniform(2.0, 3.5) if near else r.uniform(0.8, 1.8),
                    r.uniform(0.01, 0.02) if near else r.uniform(0.0, 0.006),
                    near,
                )
            )
        return spots
    if shot is Shot.OVERHEAD:
        for x, y in props.scatter(
            r,
            count,
            0.04,
            aspect - 0.04,
            0.04,
            0.96,
            avoid=(x0 - 0.03, y0 - 0.03, x1 + 0.03, y1 + 0.03),
        ):
            spots.append(Spot(x, y, r.uniform(0.8, 1.2), 0.0, False))
        return spots
    grow = {Shot.CLOSE: 1.4, Shot.WIDE: 0.6}.get(shot, 1.0)
    if effect is Effect.DROPS:  # one drop falling towards the product, a few resting by it
        spots.append(
            Spot(
                place.cx + (x1 - x0) * r.uniform(-0.15, 0.15),
                y0 - (y1 - y0) * r.uniform(0.12, 0.22),
                grow * 1.5,
                0.0,
                True,
            )
        )
        for _ in range(max(1, count - 2)):
            spots.append(
                Spot(
                    r.uniform(x0 - 0.06, x1 + 0.06),
                    y1 + r.uniform(-0.005, 0.02),
                    grow * r.uniform(0.5, 0.9),
                    0.0,
                    True,
                )
            )
        return spots
    if effect is Effect.SPRAY:  # a burst radiating from the top of the product
        sx, sy = place.cx, y0 + (y1 - y0) * 0.05
        for _ in range(count):
            angle = r.uniform(-2.7, -0.45)
            dist = r.uniform(0.03, 0.32) * max(place.size, 0.3)
            spots.append(
                Spot(
                    sx + np.cos(angle) * dist,
                    sy + np.sin(angle) * dist * 0.8,
                    grow * r.uniform(0.5, 1.4),
                    0.0,
                    r.random() < 0.5,
                )
            )
        return spots
    if shot is Shot.WIDE or effect is Effect.BEANS:  # resting on the surface by the product
        for _ in range(count):
            side = r.choice((-1, 1))
            x = (x0 if side < 0 else x1) + side * r.uniform(0.02, 0.14)
            spots.append(
                Spot(x, y1 + r.uniform(-0.01, 0.03), grow * r.uniform(0.7, 1.1), 0.0, True)
            )
        return spots
    # Levitating around the product, the genre's favourite trick: a loose ring of objects,
    # a few nearer the lens and out of focus.
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    rx, ry = (x1 - x0) / 2 + 0.06, (y1 - y0) / 2 + 0.03
    for i in range(count):
        angle = (i / max(count, 1)) * 6.283 + r.uniform(-0.4, 0.4)
        reach = r.uniform(1.0, 1.5)
        near = r.random() < 0.25
        spots.append(
            Spot(
                cx + np.cos(angle) * rx * reach,
                cy + np.sin(angle) * ry * reach * 0.9,
                grow * (r.uniform(1.6, 2.2) if near else r.uniform(0.7, 1.2)),
                r.uniform(0.006, 0.012) if near else 0.0,
                near or r.random() < 0.5,
            )
        )
    return spots


def _objects(
    effect: Effect,
    cues: Cues,
    stage: Stage,
    scheme: Scheme,
    r: random.Random,
    amount: float,
    product_box: tuple[float, float, float, float],
    behind: list[Painter],
    front: list[Painter],
) -> None:
    """Place one kind of object around the product, at the depths the shot calls for."""
    count = max(1, int(_COUNT[effect] * amount))
    base = _SIZE[effect]
    liquid = _liquid(scheme, cues.kind)
    palette = [scheme.accent, scheme.accent2, scheme.product, scheme.label]
    for i, spot in enumerate(_spots(effect, stage, r, count, product_box)):
        size = base * spot.scale
        angle = r.uniform(0, 180)
        x, y, blur_by = spot.x, spot.y, spot.defocus
        target = front if spot.front else behind
        if effect in (Effect.DROPS, Effect.SPRAY):
            falling = effect is Effect.DROPS and i == 0 and stage.shot is not Shot.OVERHEAD
            painter = _patch(props.drop, x, y, size, liquid, scheme.light, falling, defocus=blur_by)
        elif effect is Effect.BUBBLES:
            painter = _patch(props.bubble, x, y, size, scheme.light, defocus=blur_by)
        elif effect is Effect.ICE:
            painter = _patch(
                props.ice, x, y, size, angle, scheme.wall, scheme.light, defocus=blur_by
            )
        elif effect is Effect.CITRUS:
            painter = _patch(props.citrus, x, y, size, scheme.accent, defocus=blur_by)
        elif effect is Effect.BEANS:
            painter = _patch(props.bean, x, y, size, angle, _bean_colour(scheme), defocus=blur_by)
        elif effect in (Effect.LEAVES, Effect.PETALS):
            colour = walls.green(scheme) if effect is Effect.LEAVES else lighten(scheme.accent, 0.3)
            width = 0.3 if effect is Effect.LEAVES else 0.6
            painter = _patch(
                props.leaf, x, y, size, angle, colour, scheme.light, width, defocus=blur_by
            )
        else:
            painter = _patch(
                props.confetti,
                x,
                y,
                size,
                angle,
                palette[i % len(palette)],
                r.random() < 0.4,
                defocus=blur_by,
            )
        target.append(painter)


def _steam(cx: float, top: float, size: float, scheme: Scheme, r: random.Random) -> Painter:
    """Wisps of steam curling up from a hot drink: soft strokes, blurred, added as light."""

    def paint(canvas: Canvas) -> None:
        height = size * 1.1
        box = canvas.box(cx - size * 0.5, top - height, cx + size * 0.5, top)
        if box is None:
            return
        x0, y0, x1, y1 = box
        k = 4
        img = Image.new("L", (max(1, (x1 - x0) // k), max(1, (y1 - y0) // k)), 0)
        draw = ImageDraw.Draw(img)
        for i in range(3):
            phase = r.uniform(0, 6.28)
            sway = r.uniform(0.05, 0.1) * size
            start = cx + (i - 1) * size * 0.12
            pts = []
            for j in range(24):
                t = j / 23
                x = start + np.sin(t * 5.0 + phase) * sway * (0.3 + t)
                y = top - t * height
                pts.append(((x * canvas.h - x0) / k, (y * canvas.h - y0) / k))
            draw.line(pts, fill=int(200 - i * 30), width=max(1, int(size * canvas.h * 0.04 / k)))
        mask = blur(np.asarray(img, np.float32) / 255.0, size * canvas.h * 0.02 / k)
        fade = np.linspace(0.2, 1.0, mask.shape[0], dtype=np.float32)[:, None]
        mask = resize((mask * fade).astype(np.float32), x1 - x0, y1 - y0, smooth=False)
        canvas.screen(lighten(scheme.light, 0.5), np.clip(mask * 0.55, 0, 1), box)

    return paint


def _smoke(scheme: Scheme, r: random.Random) -> Painter:
    seed = r.randrange(2**31)

    def paint(canvas: Canvas) -> None:
        gen = np.random.default_rng(seed)
        field = noise.fbm(gen, canvas.w, canvas.h, 0.25 * canvas.h, octaves=4, stretch=1.8)
        ys = np.linspace(0, 1, canvas.h, dtype=np.float32)[:, None]
        wisps = np.clip((field - 0.45) * 2.2, 0, 1) * (0.3 + 0.7 * ys)
        tint = lighten(scheme.light, 0.2) if scheme.dark else darken(scheme.wall, 0.05)
        canvas.screen(tint, (wisps * 0.28).astype(np.float32), canvas.full())

    return paint


def _speed(stage: Stage, scheme: Scheme, r: random.Random) -> Painter:
    """Motion streaks raking across the set, behind the product, in the light's direction."""
    lines = [
        (
            r.uniform(-0.1, stage.aspect),
            r.uniform(0.05, 0.85),
            r.uniform(0.15, 0.4),
            r.uniform(0.0015, 0.004),
        )
        for _ in range(14)
    ]
    slope = r.uniform(-0.35, -0.15)
    colour = lighten(scheme.accent, 0.3) if scheme.dark else lighten(scheme.light, 0.6)

    def paint(canvas: Canvas) -> None:
        for x, y, length, width in lines:
            x1, y1 = x + length, y + length * slope
            props.put(canvas, props.streak(canvas, x, y, x1, y1, width, colour))

    return paint
