"""Budgets and rate limits on the topology, as a user meets them over HTTP: past the daily
budget a 402 with a sentence before any work starts; past the requests a minute a 429 with
`Retry-After`, for that user alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.scale.conftest import RATE_LIMIT_PER_MINUTE, Topology, signed_up
from tests.utils.factories import mood, scenes
from tests.utils.scripts import load_script

pytestmark = [pytest.mark.scale, pytest.mark.anyio, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def paid_api(topology: Topology) -> Iterator[Any]:
    """A second API on the same services whose clips would be paid (Replicate's Kling, at $0.05
    a second) and whose users may spend $2.00 a day. A refused job never reaches Replicate: its
    address is a closed port of ours."""
    closed = load_script("topology").free_port()
    api = topology.add_api(
        "api-paid",
        {
            "MOTION_PROVIDER": "remote",
            "REPLICATE_API_TOKEN": "r8_scale-test",
            "REPLICATE_BASE_URL": f"http://127.0.0.1:{closed}",
            "DAILY_BUDGET_USD": "2.00",
        },
    )
    yield api
    api.stop()
    topology.apis.remove(api)


async def test_clips_past_the_daily_budget_are_refused_with_a_sentence(paid_api: Any) -> None:
    async with signed_up(paid_api.url, "dee@example.com") as client:
        seeded = await client.post(
            "/api/scenes/seeds", json={"scenes": scenes([6, 6, 6, 6, 6]), "mood_style": mood()}
        )
        assert seeded.status_code == 200, seeded.text
        refused = await client.post(
            "/api/video/generate", json={"scenes": seeded.json()["scenes_with_seeds"]}
        )
    assert refused.status_code == 402
    body = refused.json()
    assert body["code"] == "budget_exceeded"
    message = body["message"]
    assert "$2.25" in message and "$2.00" in message and message.endswith(".")
    assert "127.0.0.1" not in message


async def test_past_the_requests_a_minute_a_user_waits_and_others_do_not(
    topology: Topology,
) -> None:
    async with (
        signed_up(topology.api_url, "eve@example.com") as eve,
        signed_up(topology.api_url, "fay@example.com") as fay,
    ):
        # Empty briefs: each is refused (422) only after it has counted.
        answers = [
            await eve.post("/api/director/brief", json={}) for _ in range(RATE_LIMIT_PER_MINUTE + 3)
        ]
        hers = await fay.post("/api/director/brief", json={})
    statuses = [answer.status_code for answer in answers]
    assert statuses[:RATE_LIMIT_PER_MINUTE] == [422] * RATE_LIMIT_PER_MINUTE
    limited = answers[-1]
    assert limited.status_code == 429, statuses
    assert limited.json()["code"] == "rate_limited"
    retry_after = int(limited.headers["retry-after"])
    assert 1 <= retry_after <= 60 // RATE_LIMIT_PER_MINUTE
    assert f"wait {retry_after} second" in limited.json()["message"]
    assert hers.status_code == 422
