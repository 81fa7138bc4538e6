"""Issue 14: the daily budget holds across API processes. Two servers on one database (as two
API processes behind a load balancer would be) count one spend: what one started, the other
sees, and refuses what no longer fits."""

from __future__ import annotations

import pytest

from app.config import BudgetSettings, Settings
from tests.conftest import ClientFactory
from tests.fakes.replicate_api import FakeReplicate
from tests.remote.test_cost_and_budget import KLING, _seeded

pytestmark = pytest.mark.anyio


async def test_a_job_started_on_one_process_counts_against_the_budget_on_another(
    api: ClientFactory, settings: Settings, fake_replicate: FakeReplicate
) -> None:
    settings.budget = BudgetSettings(daily_usd=3.0)
    async with api() as first, api() as second:
        seeded = await _seeded(first, [6, 6, 6, 6, 6])
        started = await first.post("/api/video/generate", json={"scenes": seeded})
        refused = await second.post("/api/video/generate", json={"scenes": seeded})
        budget = (await second.post("/api/video/estimate", json={"scenes": seeded})).json()[
            "budget"
        ]

    assert started.status_code == 202, started.text
    assert refused.status_code == 402
    assert refused.json()["code"] == "budget_exceeded"
    assert "$2.25 is spent today, $0.75 left" in refused.json()["message"]
    assert budget["spent_usd"] == pytest.approx(2.25)
    assert len(fake_replicate.created(KLING)) <= 5  # the refused job made no prediction
