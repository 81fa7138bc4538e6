"""The product without its background, as a PNG with alpha, needing no model weights.

Product photos for shops are shot on a plain backdrop (white sweep, grey card, a coloured
paper). The backdrop is what touches the border and looks like the border: its colour is read
from the border pixels, every pixel near that colour *and connected to the border* is backdrop
(so a white label on the product, enclosed by the product, stays), and a small opening removes
specks. The mask is found on a reduced copy and scaled back up, which also gives a soft edge.

A photo that already has transparency is its own cut-out. A photo whose border is not one plain
colour (a product in a scene) cannot be separated this way: the whole photo is used, with
softened corners, rather than a wrong cut.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

WORK_SIDE = 320
"""Long side of the reduced copy the mask is found on."""
MIN_TOLERANCE = 24.0
"""RGB distance (0-255) always counted as backdrop: JPEG noise and a soft falloff."""
PLAIN_BORDER = 0.6
"""At least this share of the border must be near its median colour for a plain backdrop."""


def cut_out(image: Image.Image) -> Image.Image:
    """The product as RGBA, cropped to what is left of it (blocking)."""
    if image.mode == "RGBA" and int(np.asarray(image.getchannel("A")).min()) < 255:
        return _crop(image)
    rgb = image.convert("RGB")
    mask = _foreground(rgb)
    if mask is None:
        return _crop(_whole(rgb))
    alpha = Image.fromarray((mask * 255).astype(np.uint8)).resize(
        rgb.size, Image.Resampling.BILINEAR
    )
    alpha = alpha.filter(ImageFilter.GaussianBlur(0.6))
    out = rgb.convert("RGBA")
    out.putalpha(alpha)
    return _crop(out)


def _foreground(rgb: Image.Image) -> np.ndarray | None:
    """Where the product is on a reduced copy (float 0/1), or None if the backdrop is not plain."""
    small = rgb.copy()
    small.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.BOX)
    px = np.asarray(small, np.float32)
    backdrop, border_dist = _backdrop(px)
    if np.mean(border_dist < MIN_TOLERANCE * 1.5) < PLAIN_BORDER:
        return None
    tolerance = max(MIN_TOLERANCE, float(np.percentile(border_dist, 90)) * 1.6)
    near = np.linalg.norm(px - backdrop, axis=2) < tolerance
    background = _reach_from_border(near)
    fg = Image.fromarray((~background * 255).astype(np.uint8))
    fg = fg.filter(ImageFilter.MinFilter(3)).filter(ImageFilter.MaxFilter(3))  # drop specks
    mask = np.asarray(fg, np.float32) / 255
    share = float(mask.mean())
    if not 0.01 <= share <= 0.97:
        return None
    return mask


def _backdrop(px: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The backdrop's colour at every pixel, as a smooth surface fitted to the border (a sweep
    lit from above fades top to bottom, a vignette darkens the corners), and how far each
    border pixel is from it."""
    h, w, _ = px.shape
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    x, y = x / max(w - 1, 1) - 0.5, y / max(h - 1, 1) - 0.5
    terms = np.stack([np.ones_like(x), x, y, x * x, y * y, x * y], axis=-1)
    edge = np.zeros((h, w), bool)
    edge[0], edge[-1], edge[:, 0], edge[:, -1] = True, True, True, True
    # Least squares twice: the second fit leaves out border pixels the product touches.
    keep = edge
    for _ in range(2):
        coef, *_ = np.linalg.lstsq(terms[keep], px[keep], rcond=None)
        fitted = terms @ coef
        dist = np.linalg.norm(px - fitted, axis=2)
        keep = edge & (dist < max(MIN_TOLERANCE, float(np.percentile(dist[edge], 75)) * 2))
    return fitted, dist[edge]


def _reach_from_border(near: np.ndarray) -> np.ndarray:
    """The pixels of `near` connected (4-way) to the image border: a flood fill by dilation."""
    reached = np.zeros_like(near)
    reached[0], reached[-1], reached[:, 0], reached[:, -1] = (
        near[0],
        near[-1],
        near[:, 0],
        near[:, -1],
    )
    while True:
        grown = reached.copy()
        grown[1:] |= reached[:-1]
        grown[:-1] |= reached[1:]
        grown[:, 1:] |= reached[:, :-1]
        grown[:, :-1] |= reached[:, 1:]
        grown &= near
        if np.array_equal(grown, reached):
            return reached
        reached = grown


def _whole(rgb: Image.Image) -> Image.Image:
    """The whole photo as the product, its edges feathered so it sits in a set, not on it."""
    w, h = rgb.size
    inset = max(2, round(min(w, h) * 0.03))
    alpha = Image.new("L", (w, h), 0)
    alpha.paste(255, (inset, inset, w - inset, h - inset))
    alpha = alpha.filter(ImageFilter.GaussianBlur(inset / 2))
    out = rgb.convert("RGBA")
    out.putalpha(alpha)
    return out


def _crop(image: Image.Image) -> Image.Image:
    box = image.getchannel("A").point(lambda a: 255 if a > 8 else 0).getbbox()
    return image.crop(box) if box else image
