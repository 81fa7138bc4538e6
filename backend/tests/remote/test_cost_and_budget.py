"""Cost estimates and the daily budget with Replicate and OpenAI (both faked): the estimate is
the runner's own pricing, and work past the budget is refused before any prediction is made."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.config import BudgetSettings, Settings
from tests.conftest import ClientFactory
from tests.fakes.replicate_api import FakeReplicate
from tests.utils.factories import mood, poll, scenes

pytestmark = pytest.mark.anyio

KLING = "kwaivgi/kling-v2.1"
LINE = "Gold, made gentle."


async def _seeded(client: httpx.AsyncClient, durations: list[float]) -> list[dict[str, Any]]:
    response = await client.post(
        "/api/scenes/seeds",
        json={"scenes": scenes(durations, voiceover=LINE), "mood_style": mood()},
    )
    assert response.status_code == 200, response.text
    seeded: list[dict[str, Any]] = response.json()["scenes_with_seeds"]
    return seeded


@pytest.mark.slow
async def test_the_estimate_is_what_the_clips_are_then_billed(
    api: ClientFactory, settings: Settings, fake_replicate: FakeReplicate
) -> None:
    async with api() as client:
        seeded = await _seeded(client, [6, 6, 6, 6, 6])
        estimate = (
            await client.post("/api/video/estimate", json={"scenes": seeded, "voice": "coral"})
        ).json()
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        clips, _ = await poll(client, f"/api/video/status/{job['job_id']}")

    assert clips["status"] == "complete", clips
    # Kling at $0.05 a second: four 6.5 s clips ask for 10 s (5 s would fall 1.5 s short),
    # the last 6 s one for 5 s; the job's ledger says the same.
    assert estimate["clips_usd"] == pytest.approx(45 * 0.05)
    assert clips["cost"]["estimated_usd"] == pytest.approx(estimate["clips_usd"])
    items = {item["capability"]: item for item in estimate["items"]}
    assert items["motion"]["provider"] == f"replicate:{KLING}"
    # MusicGen bills GPU seconds: the model's expected run time at its price.
    music = settings.replicate.music
    assert items["music"]["estimated_usd"] == pytest.approx(
        music.price_usd * music.estimate_compute_seconds
    )
    # OpenAI speech: every character of every spoken line.
    assert items["voice"]["units"] == 5 * len(LINE)
    assert items["voice"]["estimated_usd"] == pytest.approx(
        5 * len(LINE) * settings.voice.openai_price_per_mchar / 1_000_000
    )
    assert estimate["compose_usd"] == pytest.approx(
        items["music"]["estimated_usd"] + items["voice"]["estimated_usd"]
    )
    assert estimate["total_usd"] == pytest.approx(estimate["clips_usd"] + estimate["compose_usd"])


async def test_an_ad_without_a_voice_is_not_charged_for_one(api: ClientFactory) -> None:
    async with api() as client:
        seeded = await _seeded(client, [6, 6, 6, 6, 6])
        estimate = (
            await client.post("/api/video/estimate", json={"scenes": seeded, "voice": "none"})
        ).json()
    assert "voice" not in {item["capability"] for item in estimate["items"]}


async def test_clips_past_the_daily_budget_are_a_402_and_no_prediction_is_made(
    api: ClientFactory, settings: Settings, fake_replicate: FakeReplicate
) -> None:
    settings.budget = BudgetSettings(daily_usd=2.0)
    async with api() as client:
        seeded = await _seeded(client, [6, 6, 6, 6, 6])
        refused = await client.post("/api/video/generate", json={"scenes": seeded})
        budget = (await client.post("/api/video/estimate", json={"scenes": seeded})).json()[
            "budget"
        ]

    assert refused.status_code == 402
    body = refused.json()
    assert body["code"] == "budget_exceeded"
    assert body["message"].startswith(
        "This would cost about $2.25, more than is left of your daily budget of $2.00: "
        "$0.00 is spent today, $2.00 left. The budget resets at midnight UTC, in "
    )
    assert fake_replicate.created(KLING) == []
    assert budget == {**budget, "daily_usd": 2.0, "spent_usd": 0.0, "remaining_usd": 2.0}


@pytest.mark.slow
async def test_a_finished_job_counts_against_the_budget_by_what_it_cost(
    api: ClientFactory, settings: Settings, fake_replicate: FakeReplicate
) -> None:
    settings.budget = BudgetSettings(daily_usd=3.0)
    async with api() as client:
        seeded = await _seeded(client, [6, 6, 6, 6, 6])
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        await poll(client, f"/api/video/status/{job['job_id']}")
        again = await client.post("/api/video/generate", json={"scenes": seeded})
        budget = (await client.post("/api/video/estimate", json={"scenes": seeded})).json()[
            "budget"
        ]

    assert again.status_code == 402
    assert "$2.25 is spent today, $0.75 left" in again.json()["message"]
    assert budget["spent_usd"] == pytest.approx(2.25)
    assert len(fake_replicate.created(KLING)) == 5
