from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from app.providers.registry import Providers
from tests.conftest import BASE_URL, ClientFactory
from tests.fakes.errors import error_body
from tests.utils.factories import brief, fake_providers, mood, scenes
from tests.utils.fakes import BrokenDirector, FakeImages, FakeMotion, FakeMusic

pytestmark = pytest.mark.anyio


def _error_locs(response) -> list[list[object]]:
    return [error["loc"] for error in response.json()["detail"]]


async def test_moods_are_three_with_four_served_images_each(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", json={"creative_brief": brief()})
        assert response.status_code == 200, response.text
        moods = response.json()["moods"]
        assert len(moods) == 3
        assert len({m["mood_id"] for m in moods}) == 3
        for item in moods:
            assert set(item) == {
                "mood_id", "style_name", "style_keywords", "reference_images", "color_palette"
            }  # fmt: skip
            assert len(item["reference_images"]) == 4
            assert all(c.startswith("#") and len(c) == 7 for c in item["color_palette"])
            for url in item["reference_images"]:
                assert url.startswith(f"{BASE_URL}/media/")
                image = await client.get(url.removeprefix(BASE_URL))
                assert image.status_code == 200
                assert image.headers["content-type"] == "image/png"


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({}, ["body", "creative_brief"]),
        ({"creative_brief": brief(product_name="")}, ["body", "creative_brief", "product_name"]),
        ({"creative_brief": brief(product_name="x" * 5000)}, ["body", "creative_brief", "product_name"]),
        ({"creative_brief": brief(emotional_tone=["calm"] * 500)}, ["body", "creative_brief", "emotional_tone"]),
    ],
)  # fmt: skip
async def test_bad_briefs_are_422_naming_the_field(
    api: ClientFactory, body: dict[str, object], loc: list[object]
) -> None:
    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", json=body)
    assert response.status_code == 422
    assert loc in _error_locs(response)


async def test_scene_plan_has_five_to_seven_scenes_summing_to_thirty(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/scenes/plan", json={"creative_brief": brief(), "selected_mood": mood()}
        )
    assert response.status_code == 200, response.text
    plan = response.json()["scene_plan"]
    assert plan["total_duration"] == 30
    assert 5 <= len(plan["scenes"]) <= 7
    assert sum(scene["duration"] for scene in plan["scenes"]) == pytest.approx(30)
    assert [s["scene_number"] for s in plan["scenes"]] == list(range(1, len(plan["scenes"]) + 1))
    for scene in plan["scenes"]:
        assert scene["description"] and scene["style_prompt"]


async def test_seeds_are_full_frames_in_scene_order(api: ClientFactory) -> None:
    images = FakeImages()
    providers = Providers(
        director=fake_providers().director, images=images, motion=FakeMotion(), music=FakeMusic()
    )
    async with api(providers) as client:
        response = await client.post(
            "/api/scenes/seeds",
            json={"scenes": scenes(), "mood_style": mood(), "creative_brief": brief()},
        )
        assert response.status_code == 200, response.text
        seeded = response.json()["scenes_with_seeds"]
        assert [s["scene_number"] for s in seeded] == [1, 2, 3, 4, 5]
        assert [s["duration"] for s in seeded] == [4, 6, 6, 6, 8]
        first = await client.get(seeded[0]["seed_image_url"].removeprefix(BASE_URL))
    assert Image.open(BytesIO(first.content)).size == (1080, 1920)
    # Only the closing scene carries the product name as a caption.
    captions = [spec.caption for spec in images.specs]
    assert captions.count("Luxury Skincare Serum") == 1
    assert all(spec.palette == ("#FFFFFF", "#D4AF37") for spec in images.specs)
    # Every seed knows the whole storyboard, so each shows the same product.
    assert all("Scene 5:" in spec.context and "Scene 1:" in spec.context for spec in images.specs)


@pytest.mark.parametrize(
    "bad_scenes",
    [
        scenes([5, 5, 5, 5, 5]),  # sums to 25
        scenes([6, 6, 6, 12]),  # four scenes
        scenes([4, 4, 4, 4, 4, 4, 3, 3]),  # eight scenes
        [*scenes([4, 6, 6, 6, 8])[:4], scenes([4, 6, 6, 6, 8])[0] | {"duration": 8}],  # repeated 1
        scenes([0.2, 7.8, 7, 7, 8]),  # a scene shorter than its crossfades
        [],
    ],
)
async def test_invalid_storyboards_are_422_on_scenes(
    api: ClientFactory, bad_scenes: list[dict[str, object]]
) -> None:
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/scenes/seeds", json={"scenes": bad_scenes, "mood_style": mood()}
        )
    assert response.status_code == 422
    assert any(loc[:2] == ["body", "scenes"] for loc in _error_locs(response))


async def test_a_failing_director_is_a_clear_502_and_the_server_keeps_serving(
    api: ClientFactory,
) -> None:
    providers = Providers(
        director=BrokenDirector(), images=FakeImages(), motion=FakeMotion(), music=FakeMusic()
    )
    async with api(providers) as client:
        plan = await client.post(
            "/api/scenes/plan", json={"creative_brief": brief(), "selected_mood": mood()}
        )
        health = await client.get("/health")
    assert plan.status_code == 502
    assert plan.json() == error_body(
        "provider_error",
        "The director returned a plan that could not be read.",
    )
    assert health.status_code == 200


async def test_regenerated_moods_offer_new_directions(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        first = await client.post("/api/moods/generate", json={"creative_brief": brief()})
        shown = [m["style_name"] for m in first.json()["moods"]]
        again = await client.post(
            "/api/moods/generate", json={"creative_brief": brief(), "avoid_styles": shown}
        )
    assert again.status_code == 200, again.text
    fresh = [m["style_name"] for m in again.json()["moods"]]
    assert len(fresh) == 3
    assert not set(fresh) & set(shown)


async def test_one_seed_is_repainted_and_the_others_are_untouched(api: ClientFactory) -> None:
    images = FakeImages()
    providers = Providers(
        director=fake_providers().director, images=images, motion=FakeMotion(), music=FakeMusic()
    )
    body = {"scenes": scenes(), "mood_style": mood(), "creative_brief": brief()}
    async with api(providers) as client:
        first = await client.post("/api/scenes/seeds", json=body)
        original = first.json()["scenes_with_seeds"][2]
        response = await client.post("/api/scenes/seeds/3", json=body | {"variation": 1})
        assert response.status_code == 200, response.text
        repainted = response.json()["scene_with_seed"]
        image = await client.get(repainted["seed_image_url"].removeprefix(BASE_URL))
    assert image.status_code == 200
    assert Image.open(BytesIO(image.content)).size == (1080, 1920)
    assert {k: v for k, v in repainted.items() if k != "seed_image_url"} == {
        k: v for k, v in original.items() if k != "seed_image_url"
    }
    assert repainted["seed_image_url"] != original["seed_image_url"]
    # Five seeds for the storyboard, then exactly one more: another take of scene 3.
    assert len(images.specs) == 6
    retake = images.specs[-1]
    take_one = next(s for s in images.specs[:5] if s.subject == original["description"])
    assert retake.subject == take_one.subject
    assert retake.seed != take_one.seed


async def test_repainting_a_scene_the_storyboard_lacks_is_422(api: ClientFactory) -> None:
    body = {"scenes": scenes(), "mood_style": mood()}
    async with api(fake_providers()) as client:
        response = await client.post("/api/scenes/seeds/7", json=body)
    assert response.status_code == 422
    assert _error_locs(response) == [["path", "scene_number"]]
