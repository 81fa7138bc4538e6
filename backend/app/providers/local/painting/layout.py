"""Composition: where the horizon, the product, its plinth and the empty space go.

Each shot type has a recognisable framing in product advertising: a hero stands centred on a
plinth with air above for a headline; a close-up crops tight and sits on a third; a macro fills
the frame with one detail; a lifestyle frame pulls back to show a place; a flat lay looks
straight down. Minimalist looks shrink the product to leave more negative space; bold ones fill
the frame. Everything is in frame units (1.0 = canvas height, x from 0 to the aspect ratio).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.providers.local.painting.cues import Cues, Effect, Kind, Look, Shot
from app.providers.local.painting.products import model
from app.providers.local.painting.products.layer import Placement

TEXT_ZONE = (0.73, 0.9)
"""The lower third kept readable for a caption (y range, frame units)."""


@dataclass(frozen=True)
class Plinth:
    cx: float
    top: float
    """y of the plinth's top face (the product's base rests here)."""
    half_width: float
    bottom: float
    round: bool
    """A drum (round shape language) or a block (angular)."""
    tone: int
    """Which palette role paints it: 0 floor, 1 wall, 2 accent."""


@dataclass(frozen=True)
class Stage:
    shot: Shot
    aspect: float
    horizon: float | None
    """Where floor meets wall (y); None when looking straight down."""
    product: Placement
    plinth: Plinth | None
    light_side: float
    """-1: key light from the left; 1: from the right."""
    background_blur: float
    """Depth of field: how soft the set behind the product is (frame units)."""
    copy_space: bool
    """Room was left for words (a caption or on-screen text)."""
    product_in_focus: bool = True
    """False in an ingredient macro: the drop is the subject, the product a soft shape behind."""
    ground: float | None = None
    """Where the surface under a levitating product is (y), for its shadow; None if standing."""

    @property
    def top_view(self) -> bool:
        return self.shot is Shot.OVERHEAD


_INGREDIENTS = frozenset(
    {Effect.DROPS, Effect.BUBBLES, Effect.BEANS, Effect.SPRAY, Effect.CITRUS, Effect.PETALS}
)
"""Effects that can be a macro's subject on their own."""
_FLOATERS = frozenset({Kind.SNEAKER})
"""Products shot levitating in hero and close frames (a sneaker caught mid-stride)."""
_SELF_TEXTURED = frozenset({Kind.CAN, Kind.SNEAKER, Kind.WATCH, Kind.PHONE, Kind.LAPTOP})
"""Products whose own surface is the macro's subject (condensation, mesh, a dial, a screen)."""


def _fit(kind: Kind, height: float, max_width: float) -> float:
    """Product height for a target height, shrunk if its width would overflow."""
    return min(height, max_width / model(kind).width)


def plan(cues: Cues, aspect: float, rng: random.Random, caption: bool) -> Stage:
    scale = 1.0 - 0.18 * cues.look(Look.MINIMAL) + 0.12 * cues.look(Look.BOLD)
    side = rng.choice((-1.0, 1.0))
    centre = aspect / 2
    copy = caption or cues.copy_space
    shot = cues.shot
    kind = cues.kind
    width = model(kind).width
    plinth: Plinth | None = None
    in_focus = True

    if shot is Shot.HERO:
        if caption:  # an end card: a low plinth high in the frame, the lower third for the name
            horizon = rng.uniform(0.48, 0.52)
            top = horizon + rng.uniform(0.08, 0.1)
            bottom = top + rng.uniform(0.06, 0.08)
            size = _fit(kind, 0.3 * scale, 0.56 * aspect)
        else:
            horizon = rng.uniform(0.58, 0.64)
            top = horizon + rng.uniform(0.06, 0.09)
            bottom = min(top + rng.uniform(0.17, 0.24), 1.04)
            size = _fit(kind, 0.36 * scale, 0.62 * aspect)
        half = max(0.55 * size * width, 0.17 * aspect) * rng.uniform(1.15, 1.45)
        plinth = Plinth(
            centre,
            top,
            min(half, 0.46 * aspect),
            bottom,
            cues.traits.roundness >= -0.2,
            rng.randrange(3),
        )
        place = Placement(centre, top, size)
        blur = 0.0
        if kind in _FLOATERS and not caption:  # caught mid-air above the plinth, toe up
            place = Placement(
                centre, top - size * rng.uniform(0.5, 0.8), size * 1.25, side * -rng.uniform(8, 14)
            )
    elif shot is Shot.CLOSE:
        horizon = rng.uniform(0.5, 0.62)
        size = _fit(kind, rng.uniform(0.6, 0.68) * scale * (0.85 if copy else 1.0), 0.84 * aspect)
        room = max(0.0, (aspect - size * width) / 2 - 0.03)
        offset = min(rng.uniform(0.08, 0.14) * aspect, room) * rng.choice((-1, 1))
        place = Placement(centre + offset, rng.uniform(0.9, 0.95), size)
        blur = 0.006
        if kind in _FLOATERS:  # a shoe fills a close-up best at an angle, mid-air
            size = _fit(kind, 0.5, 0.98 * aspect)
            place = Placement(centre, rng.uniform(0.62, 0.72), size, side * -rng.uniform(12, 20))
    elif shot is Shot.MACRO:
        if cues.effects & _INGREDIENTS and kind not in _SELF_TEXTURED:
            # The ingredient is the subject: the product stands soft and large to one side.
            in_focus = False
            size = _fit(kind, rng.uniform(0.9, 1.1), 0.9 * aspect)
            place = Placement(centre + side * 0.22 * aspect, rng.uniform(1.0, 1.08), size)
        else:
            size = _fit(kind, rng.uniform(1.4, 1.8), 2.6 * aspect)
            fx, fy = model(kind).focus
            tx, ty = centre + rng.uniform(-0.06, 0.06) * aspect, rng.uniform(0.44, 0.52)
            place = Placement(tx - fx * size, ty + fy * size, size)
        horizon = min(rng.uniform(0.62, 0.74), place.base)
        blur = 0.02
    elif shot is Shot.WIDE:
        horizon = rng.uniform(0.62, 0.7)
        size = _fit(kind, rng.uniform(0.22, 0.27) * scale, 0.45 * aspect)
        x = aspect * rng.choice((0.36, 0.64))
        place = Placement(x, horizon + rng.uniform(0.1, 0.14), size)
        blur = 0.003
    else:  # overhead
        horizon = None
        round_top = model(kind).top_view is not None
        size = _fit(kind, 0.36 if round_top else 0.5 * scale, 0.75 * aspect)
        angle = 0.0 if round_top else rng.choice((-1, 1)) * rng.uniform(22, 40)
        if kind in (Kind.WATCH, Kind.PHONE, Kind.LAPTOP, Kind.BOX):
            angle = rng.uniform(-14, 14)
        cy = 0.47 + rng.uniform(-0.04, 0.04) - (0.05 if copy else 0.0)
        place = Placement(centre + rng.uniform(-0.04, 0.04), cy + size / 2, size, angle)
        blur = 0.0
    ground = None
    if place.angle and shot in (Shot.HERO, Shot.CLOSE):
        ground = plinth.top if plinth is not None else min(place.base + 0.12, 0.97)
    return Stage(shot, aspect, horizon, place, plinth, side, blur, copy, in_focus, ground)
