"""A brief's photos, logo, colours and font: optional, and links only to our own uploads."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.models.creative_brief import BriefFields, CreativeBrief
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import brief, fake_providers
from tests.utils.photos import encoded, product_photo

pytestmark = pytest.mark.anyio


def test_a_brief_without_the_new_fields_keeps_the_seed_shape() -> None:
    dumped = CreativeBrief.model_validate(brief()).model_dump()
    assert dumped["product_images"] == [] and dumped["brand"] is None


@pytest.mark.parametrize(
    "url",
    [
        "https://cdn.example.com/photo.png",
        f"{BASE_URL}/media/seeds/abc.png",
        f"{BASE_URL}/media/assets/../secrets/x.png",
        f"{BASE_URL}/media/assets/abc/photo.png?x=1",
        "file:///etc/passwd",
    ],
)
def test_a_link_that_is_not_one_of_our_uploads_is_refused(url: str) -> None:
    with pytest.raises(ValidationError):
        BriefFields(product_images=[url])
    with pytest.raises(ValidationError):
        BriefFields(brand={"logo_url": url})


def test_brand_colours_are_hex_and_the_font_is_one_we_ship() -> None:
    fields = BriefFields(brand={"colors": ["#ff0066"], "font": "DejaVu Serif"})
    assert fields.brand is not None and fields.brand.colors == ["#FF0066"]
    with pytest.raises(ValidationError):
        BriefFields(brand={"colors": ["red"]})
    with pytest.raises(ValidationError):
        BriefFields(brand={"font": "Comic Sans MS"})


async def test_moods_refuse_an_upload_link_that_names_no_stored_file(api: ClientFactory) -> None:
    body = {**brief(), "product_images": [f"{BASE_URL}/media/assets/{'0' * 32}/product.png"]}
    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", json={"creative_brief": body})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "creative_brief", "product_images", 0]


async def test_moods_accept_an_uploaded_photo_and_a_foreign_origin_is_refused(
    api: ClientFactory,
) -> None:
    async with api(fake_providers()) as client:
        upload = await client.post(
            "/api/assets",
            files={"file": ("p.png", encoded(product_photo()), "image/png")},
            data={"kind": "product"},
        )
        url = upload.json()["url"]
        ok = await client.post(
            "/api/moods/generate", json={"creative_brief": {**brief(), "product_images": [url]}}
        )
        assert ok.status_code == 200, ok.text
        foreign = url.replace(BASE_URL, "https://elsewhere.example")
        refused = await client.post(
            "/api/moods/generate",
            json={"creative_brief": {**brief(), "product_images": [foreign]}},
        )
    assert refused.status_code == 422


async def test_one_mood_keeps_the_brand_palette_exactly(api: ClientFactory) -> None:
    colours = ["#0B3D2E", "#F2E8CF", "#E07A5F"]
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/moods/generate",
            json={"creative_brief": {**brief(), "brand": {"colors": [c.lower() for c in colours]}}},
        )
    assert response.status_code == 200
    palettes = [mood["color_palette"] for mood in response.json()["moods"]]
    assert palettes.count(colours) == 1


def test_a_single_brand_colour_gets_a_partner_it_stands_out_on() -> None:
    from app.models.mood import MoodDirection
    from app.services.mood_service import with_brand_palette

    direction = MoodDirection(
        style_name="Any", style_keywords=["x"], color_palette=["#000000", "#FFFFFF"],
        image_prompts=["a", "b", "c", "d"],
    )  # fmt: skip
    dark = CreativeBrief(**brief(brand={"colors": ["#102030"]}))
    assert with_brand_palette([direction], dark)[0].color_palette == ["#102030", "#FFFFFF"]
