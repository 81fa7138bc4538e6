"""Product models: each kind of product as a drawing in product units, plus its proportions.

`draw` paints a product into its own layer (not yet on the canvas), so the caller can cast its
shadow and reflection from the same silhouette before compositing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.providers.local.painting.canvas import Canvas
from app.providers.local.painting.cues import Kind
from app.providers.local.painting.products import devices, goods, sneaker, vessels
from app.providers.local.painting.products.layer import Layer, Placement
from app.providers.local.painting.products.parts import Dress

Draw = Callable[[Layer, Dress], None]


@dataclass(frozen=True)
class Model:
    draw: Draw
    extent: tuple[float, float, float, float]
    """Everything it paints, (u0, v0, u1, v1) in product units."""
    focus: tuple[float, float]
    """What a macro shot frames: the most characterful detail."""
    top_view: Draw | None = None
    """A different drawing for straight-down shots, for things that are round from above."""

    @property
    def width(self) -> float:
        return self.extent[2] - self.extent[0]


MODELS: dict[Kind, Model] = {
    Kind.DROPPER: Model(vessels.dropper, (-0.22, -0.05, 0.22, 1.01), (0.0, 0.52)),
    Kind.PUMP: Model(vessels.pump, (-0.22, -0.05, 0.23, 0.96), (0.05, 0.7)),
    Kind.PERFUME: Model(vessels.perfume, (-0.35, -0.06, 0.35, 1.03), (0.0, 0.6)),
    Kind.JAR: Model(vessels.jar, (-0.74, -0.12, 0.74, 1.06), (0.25, 0.6), vessels.jar_top),
    Kind.CAN: Model(vessels.can, (-0.25, -0.05, 0.25, 1.03), (0.0, 0.72)),
    Kind.BOX: Model(goods.box, (-0.46, -0.01, 0.46, 0.91), (-0.1, 0.6)),
    Kind.POUCH: Model(goods.pouch, (-0.38, -0.01, 0.38, 1.0), (0.0, 0.6)),
    Kind.PHONE: Model(devices.phone, (-0.25, -0.01, 0.25, 1.01), (0.0, 0.7)),
    Kind.LAPTOP: Model(devices.laptop, (-0.76, -0.01, 0.76, 1.0), (0.0, 0.6)),
    Kind.SNEAKER: Model(sneaker.sneaker, (-1.4, -0.02, 1.4, 1.0), (0.2, 0.55)),
    Kind.BAG: Model(goods.bag, (-0.52, -0.01, 0.52, 0.9), (0.0, 0.36)),
    Kind.WATCH: Model(goods.watch, (-0.37, -0.01, 0.37, 1.01), (0.0, 0.5)),
    Kind.CUP: Model(vessels.cup, (-0.67, -0.1, 0.67, 0.7), (0.0, 0.55), vessels.cup_top),
    Kind.OBJECT: Model(goods.sculpture, (-0.29, -0.06, 0.29, 0.92), (0.0, 0.6)),
}


def model(kind: Kind) -> Model:
    return MODELS[kind]


def paint(canvas: Canvas, kind: Kind, place: Placement, dress: Dress, top_view: bool) -> Layer:
    """Draw the product into a fresh layer over `canvas`'s geometry (not onto its pixels)."""
    m = MODELS[kind]
    draw = m.top_view if top_view and m.top_view is not None else m.draw
    extent = m.extent if draw is m.draw else (-0.95, -0.35, 0.95, 1.35)
    layer = Layer(canvas, place, extent)
    if layer.empty:
        return layer
    draw(layer, dress)
    if not top_view:
        _ground(layer)
    return layer


def _ground(layer: Layer) -> None:
    """Where a product meets its surface no light gets in: darken the last few millimetres."""
    occlusion = 1.0 - np.float32(0.35) * np.exp(-np.maximum(layer.Y, 0.0) / np.float32(0.025))
    layer.rgb *= occlusion[..., None]
