"""With product photos, seed and mood images come from a model that keeps the photographed
product (FLUX Kontext, `input_image`); the photo reaches Replicate through its files API."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from app.assets.cutout import cut_out
from app.config import Settings
from app.providers.remote.replicate_images import ReplicateImageProvider
from app.utils.costs import CostLedger, charged_to
from tests.fakes.replicate_api import FakeReplicate
from tests.remote.helpers import image_spec
from tests.utils.matching import best_match
from tests.utils.photos import pattern, product_photo

pytestmark = pytest.mark.anyio

KONTEXT = "black-forest-labs/flux-kontext-pro"
INNER = pattern(200).crop((35, 50, 105, 150))
"""The middle of the pattern `product_photo()` shows (no edge pixels)."""


async def test_a_spec_with_a_product_photo_is_made_from_that_photo(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    cutout = tmp_path / "cutout.png"
    cut_out(product_photo()).save(cutout)
    spec = replace(image_spec("Kiln & Co mug on a wooden table"), product_photos=(cutout,))
    provider = ReplicateImageProvider(settings)
    ledger = CostLedger()
    try:
        with charged_to(ledger):
            out = await provider.generate(spec, tmp_path / "seed.png")
    finally:
        await provider.aclose()
    [prediction] = fake_replicate.created(KONTEXT)
    assert fake_replicate.created("black-forest-labs/flux-schnell") == []
    assert prediction.input["input_image"].startswith(f"{fake_replicate.origin}/")  # files API
    assert "exactly the one in the reference image" in prediction.input["prompt"]
    assert prediction.input["aspect_ratio"] == "9:16"
    # The upload is the photo, and it is deleted once the prediction is over.
    [uploaded] = fake_replicate.uploads.received.values()
    assert uploaded.id in fake_replicate.uploads.deleted
    with Image.open(io.BytesIO(uploaded.data)) as sent:
        assert best_match(sent.convert("RGB"), INNER) > 0.9
    # The seed shows the product (the fake, like the model, keeps it).
    with Image.open(out) as image:
        assert image.size == (1080, 1920)
        small = image.convert("RGB").reduce(4)
        found = max(
            best_match(small, INNER.resize((round(70 * s), round(100 * s))))
            for s in (0.5, 0.625, 0.75, 1.0)
        )
    assert found > 0.8
    assert [(c.capability, c.estimated_usd) for c in ledger.calls] == [
        ("images", pytest.approx(0.04))
    ]


async def test_without_a_photo_flux_makes_the_image_as_before(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateImageProvider(settings)
    try:
        await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    assert fake_replicate.created(KONTEXT) == []
    assert len(fake_replicate.created("black-forest-labs/flux-schnell")) == 1
