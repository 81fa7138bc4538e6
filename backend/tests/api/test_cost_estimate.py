"""The cost estimate with local providers: nothing to pay, and no budget stands in the way."""

from __future__ import annotations

import pytest

from app.config import BudgetSettings, Settings
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers, mood, scenes

pytestmark = pytest.mark.anyio


def seeded(**overrides: object) -> list[dict[str, object]]:
    return [
        {**scene, "seed_image_url": "http://testserver/media/seeds/seed.png"}
        for scene in scenes(**overrides)
    ]


async def test_local_providers_cost_nothing_and_the_budget_is_unlimited(
    api: ClientFactory,
) -> None:
    async with api() as client:
        response = await client.post(
            "/api/video/estimate",
            json={"scenes": seeded(voiceover="Made for you."), "voice": "joe"},
        )
    assert response.status_code == 200, response.text
    estimate = response.json()
    assert estimate["clips_usd"] == estimate["compose_usd"] == estimate["total_usd"] == 0
    assert {item["capability"] for item in estimate["items"]} >= {"motion", "music"}
    assert all(item["estimated_usd"] == 0 for item in estimate["items"])
    assert estimate["budget"]["daily_usd"] == 0
    assert estimate["budget"]["remaining_usd"] is None


async def test_free_work_starts_whatever_the_budget(settings: Settings, api: ClientFactory) -> None:
    settings.budget = BudgetSettings(daily_usd=0.01)
    async with api(fake_providers()) as client:
        seeds = await client.post(
            "/api/scenes/seeds", json={"scenes": scenes(), "mood_style": mood()}
        )
        started = await client.post(
            "/api/video/generate", json={"scenes": seeds.json()["scenes_with_seeds"]}
        )
    assert started.status_code == 202, started.text
