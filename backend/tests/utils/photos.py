"""Product photos for tests: a distinctive pattern on a plain backdrop, findable afterwards."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def pattern(size: int = 160) -> Image.Image:
    """A checkerboard of saturated colours in a tall rectangle: no painter draws this."""
    h, w = size, int(size * 0.7)
    y, x = np.mgrid[0:h, 0:w]
    cells = ((y // (size // 8)) + (x // (size // 8))) % 3
    colours = np.array([[230, 20, 120], [20, 170, 60], [30, 60, 220]], np.uint8)
    return Image.fromarray(colours[cells])


def product_photo(size: int = 400, backdrop: tuple[int, int, int] = (245, 245, 245)) -> Image.Image:
    """The pattern standing in the middle of a plain studio backdrop, like a shop's photo."""
    photo = Image.new("RGB", (size, int(size * 1.25)), backdrop)
    product = pattern(size // 2)
    photo.paste(product, ((photo.width - product.width) // 2, (photo.height - product.height) // 2))
    return photo


def encoded(image: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **params)
    return out.getvalue()
