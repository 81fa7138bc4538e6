"""One image from one spec: read the words, plan the frame, build the set, light the product.

Two resolutions: the set (walls, floors, skies, bokeh, beams) is smooth or out of focus, so it is
painted at a reduced size and upscaled; the plinth, the product, its shadows and the lettering
are painted at full size, where crisp edges matter. Every random choice comes from generators
seeded by `spec.seed`, so a spec always renders the same pixels.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PIL import Image

from app.providers.base import ImageSpec
from app.providers.local.painting import (
    backdrop,
    dressing,
    finish,
    layout,
    lettering,
    lighting,
    palette,
    photo,
    products,
    sets,
)
from app.providers.local.painting.canvas import Canvas, blur
from app.providers.local.painting.cues import Cues, Effect, Kind, Look, Setting, Shot, read
from app.providers.local.painting.palette import Colour
from app.providers.local.painting.products.layer import Layer
from app.providers.local.painting.products.materials import Lighting
from app.providers.local.painting.products.parts import Dress

WORK_LONG_SIDE = 960
"""Long side of the reduced-resolution set pass, in pixels."""
MIN_SIDE = 96
"""Smaller frames are painted at this size and scaled down (a caption needs a few pixels)."""
MAX_ASPECT = 8.0
"""Frames more elongated than this are painted at this ratio and stretched."""


@dataclass(frozen=True)
class PaintReport:
    """What the painter put where the product stands, so a test (or a log) can tell."""

    model: Kind | None = None
    """The product model drawn, if one was."""
    photo: Path | None = None
    """The user's cut-out composited, if one was."""
    box: tuple[int, int, int, int] | None = None
    """The product's pixel box (x0, y0, x1, y1) in the returned image."""
    lettered: str | None = None
    """The product's name, set in type where the product would stand (nothing to show)."""


def _dress(
    cues: Cues,
    stage: layout.Stage,
    scheme: palette.Scheme,
    light: Lighting,
    rng: random.Random,
    seed: int,
) -> Dress:
    frosted = cues.chilled or Effect.ICE in cues.effects
    tilt = 0.0 if stage.top_view else (0.1 if stage.shot is Shot.MACRO else 0.14)
    return Dress(
        body=scheme.product,
        label=scheme.label,
        trim=scheme.trim,
        ink=scheme.ink,
        accent=scheme.accent,
        liquid=_liquid(cues, scheme),
        metal_trim=scheme.metallic_trim,
        light=light,
        roundness=cues.traits.roundness,
        tilt=tilt,
        variant=rng.randrange(6),
        frosted=frosted,
        seed=seed,
    )


def _liquid(cues: Cues, scheme: palette.Scheme) -> Colour:
    """What fills the bottle: the product colour, unless that is a near-white (a white serum in
    clear glass reads as an empty block), then the palette's accent, like gold-tinted oil."""
    if cues.kind is Kind.CUP:
        return scheme.deep()
    if palette.lum(scheme.product) > 0.8 and palette.chroma(scheme.product) < 0.15:
        return scheme.accent
    return scheme.product


def render(spec: ImageSpec) -> Image.Image:
    """The image for a spec, at exactly its size (tiny or extreme frames are painted at a sane
    size and resampled: a 9x16 thumbnail still shows the same picture, smaller)."""
    return paint(spec)[0]


def paint(spec: ImageSpec) -> tuple[Image.Image, PaintReport]:
    """`render`, with what was drawn as the product."""
    width, height = spec.width, spec.height
    if min(width, height) >= MIN_SIDE and max(width, height) / min(width, height) <= MAX_ASPECT:
        return _render(spec)
    aspect = min(max(width / height, 1 / MAX_ASPECT), MAX_ASPECT)
    inner_w = max(MIN_SIDE, round(MIN_SIDE * aspect))
    inner_h = max(MIN_SIDE, round(MIN_SIDE / aspect))
    image, report = _render(replace(spec, width=inner_w, height=inner_h))
    return image.resize((width, height), Image.Resampling.LANCZOS), replace(report, box=None)


def _product_layer(
    canvas: Canvas, cues: Cues, stage: layout.Stage, dress: Dress, scheme: palette.Scheme,
    cutout: tuple[Path, tuple[np.ndarray, np.ndarray]] | None,
) -> Layer | None:  # fmt: skip
    """The user's photo where the product stands, else the drawn model, else nothing."""
    if cutout is not None:
        rgb, alpha = cutout[1]
        layer = photo.layer(canvas, stage.product, rgb, alpha)
        photo.light(layer, scheme, stage.light_side)
        return layer
    if cues.model is None:
        return None
    return products.paint(canvas, cues.model, stage.product, dress, stage.top_view)


def _render(spec: ImageSpec) -> tuple[Image.Image, PaintReport]:
    width, height = spec.width, spec.height
    cues = read(spec)
    rng = random.Random(spec.seed)
    nrng = np.random.default_rng(spec.seed)
    scheme = palette.cast(spec.palette, cues.dark_bias, rng, cues.look(Look.BOLD) >= 0.5)
    stage = layout.plan(cues, width / height, rng, bool(spec.caption))
    design = backdrop.design(cues, stage, scheme, rng)
    light = lighting.lighting_for(cues, scheme, stage.light_side)
    dress = _dress(cues, stage, scheme, light, rng, spec.seed)
    cutout = (
        (spec.product_photos[0], photo.load(spec.product_photos[0]))
        if spec.product_photos
        else None
    )
    if cutout is not None:  # the user's product is always the sharp subject, whole in frame
        _, alpha = cutout[1]
        place = photo.placement(stage, alpha.shape[1] / alpha.shape[0])
        stage = replace(stage, product=place, product_in_focus=True, ground=None)
    extras = dressing.plan(cues, stage, scheme, rng)

    scale = min(1.0, WORK_LONG_SIDE / max(width, height))
    work = Canvas.filled(max(1, round(width * scale)), max(1, round(height * scale)), scheme.wall)
    backdrop.paint(work, stage, design, scheme, cues, nrng, rng)
    sets.backdrop_pieces(work, stage, scheme, cues, rng)
    lighting.beam(work, stage, scheme, cues)
    for paint in extras.atmosphere:
        paint(work)
    if not stage.product_in_focus and cues.model is not None:  # a soft shape behind the subject
        products.paint(work, cues.model, stage.product, dress, False).composite(work)
    if stage.background_blur > 0:
        work.rgb[:] = blur(work.rgb, stage.background_blur * work.h)
    canvas = work.resized(width, height)

    if stage.plinth is not None:
        sets.floor_shadow(canvas, stage, stage.plinth, scheme)
        sets.plinth(canvas, stage.plinth, stage, scheme, design.floor, light, nrng)
    layer = (
        _product_layer(canvas, cues, stage, dress, scheme, cutout)
        if stage.product_in_focus
        else None
    )
    if layer is not None:
        footprint = _footprint(layer, None if cutout else cues.model)
        if stage.ground is not None:  # levitating: only a soft pool of shadow far below
            lighting.hover_shadow(canvas, stage, scheme, footprint)
        else:
            if stage.plinth is None:
                lighting.reflection(
                    canvas, layer, stage, design.gloss, design.floor is Setting.WATER
                )
            lighting.cast_shadow(canvas, layer, stage, scheme, lighting.shadow_style(cues))
            lighting.contact(canvas, layer, stage, scheme, footprint)
    for extra in extras.behind:
        extra(canvas)
    if layer is not None:
        layer.composite(canvas)
    for extra in extras.front:
        extra(canvas)
    lettered = None
    if spec.caption:
        lettering.caption(
            canvas, spec.caption, scheme, centre_y=sum(layout.TEXT_ZONE) / 2, font=spec.font
        )
    elif layer is None and stage.product_in_focus and (name := _name(spec)):
        # Nothing to show the product by: its name stands where it would, in type.
        place = stage.product
        lettering.caption(
            canvas, name, scheme, centre_y=place.base - place.size / 2, font=spec.font
        )
        lettered = name
    grade = finish.grade_for(cues, scheme)
    image = finish.apply(canvas, grade, scheme, nrng, stage.light_side)
    report = PaintReport(
        model=cues.model if cutout is None and layer is not None else None,
        photo=cutout[0] if cutout is not None and layer is not None else None,
        box=layer.box if layer is not None else None,
        lettered=lettered,
    )
    return image, report


def _footprint(layer: Layer, model: Kind | None) -> float:
    """How wide the product stands on its surface, in product heights (for the contact line):
    a model's known base, or a photo's widest row near its bottom."""
    if model is not None:
        return products.model(model).width * 0.9
    standing = (layer.alpha > 0.5).sum(axis=1)
    bottom = standing[-max(1, len(standing) // 12) :]
    return float(bottom.max(initial=0)) / max(layer.px, 1.0)


def _name(spec: ImageSpec) -> str:
    return spec.product.split(" | ", 1)[0].strip()
