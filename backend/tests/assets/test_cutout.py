"""Cutting a product out of a shop photo, with no model weights."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from app.assets.cutout import cut_out
from tests.utils.photos import product_photo


def _on(backdrop: np.ndarray) -> Image.Image:
    photo = Image.fromarray(backdrop.clip(0, 255).astype(np.uint8))
    photo.paste(Image.new("RGB", (100, 200), (120, 40, 40)), (150, 150))
    return photo


yy, xx = np.mgrid[0:500, 0:400].astype(np.float32)
SWEEP = np.repeat((200 + 55 * yy / 500)[..., None], 3, axis=2)
"""A paper sweep lit from above: lighter towards the bottom."""
VIGNETTE = np.repeat(
    (255 - 90 * (((xx - 200) / 200) ** 2 + ((yy - 250) / 250) ** 2))[..., None], 3, 2
)


@pytest.mark.parametrize("backdrop", [SWEEP, VIGNETTE], ids=["sweep", "vignette"])
def test_a_product_on_a_graded_backdrop_is_cut_out_tight(backdrop: np.ndarray) -> None:
    cut = cut_out(_on(backdrop))
    assert 98 <= cut.width <= 106 and 198 <= cut.height <= 206
    alpha = np.asarray(cut.getchannel("A"))
    assert alpha[100, 50] == 255 and (alpha > 128).mean() > 0.9


def test_a_label_inside_the_product_stays_even_if_it_is_the_backdrop_colour() -> None:
    photo = product_photo()
    photo.paste((245, 245, 245), (180, 230, 220, 270))  # a white label, enclosed by the product
    alpha = np.asarray(cut_out(photo).getchannel("A"))
    assert alpha[alpha.shape[0] // 2, alpha.shape[1] // 2] == 255


def test_a_busy_photo_is_used_whole_rather_than_cut_wrongly() -> None:
    noise = np.random.default_rng(0).integers(0, 255, (300, 200, 3)).astype(np.uint8)
    cut = cut_out(Image.fromarray(noise))
    assert cut.size[0] > 190 and cut.size[1] > 290
    alpha = np.asarray(cut.getchannel("A"))
    assert alpha[150, 100] == 255 and alpha[0, 0] < 64  # feathered edges
