"""With `JOB_BACKEND=celery`, Redis out of reach when a job is to be handed to the workers: the
user is told so (503 `queue_unavailable`, in their terms, with `Retry-After`), and nothing is
left behind: no job row, no spend held against the day's budget, no phantom job in the project.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from app.config import BudgetSettings, JobSettings, Settings
from app.db.models import LOCAL_USER_ID, JobStep, Spend
from app.db.models import Job as JobRow
from app.providers.remote.pricing import Estimate
from tests.conftest import serving
from tests.utils.api_process import free_port
from tests.utils.factories import fake_providers, stored_scenes
from tests.utils.fakes import FakeMotion
from tests.utils.scripts import load_script

pytestmark = pytest.mark.anyio

PRICE_PER_SECOND = 0.05


class PaidMotion(FakeMotion):
    """Quotes as a paid model does, so a job holds some of the day's budget while it runs."""

    def quote(self, seconds: float) -> Estimate:
        return Estimate(units=seconds, unit="second", usd=PRICE_PER_SECOND * seconds)


@asynccontextmanager
async def _api(settings: Settings, redis_url: str) -> AsyncIterator[tuple[Any, httpx.AsyncClient]]:
    settings = settings.model_copy(
        update={
            "jobs": JobSettings(backend="celery", redis_url=SecretStr(redis_url)),
            "budget": BudgetSettings(daily_usd=100.0),
        }
    )
    async with serving(settings, fake_providers(PaidMotion())) as served:
        yield served


async def _count(app: Any, table: Any) -> int:
    async with app.state.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def _counts(app: Any) -> list[int]:
    await app.state.runtime.checkpoints.flush()
    return [await _count(app, table) for table in (JobRow, JobStep, Spend)]


async def _refused_and_nothing_left(app: Any, client: httpx.AsyncClient, root: Path) -> None:
    project = (await client.post("/api/projects", json={"name": "Serum"})).json()["project_id"]
    before = await _counts(app)
    spent = (await app.state.spend.status(LOCAL_USER_ID)).spent_usd
    running = app.state.runtime.jobs.running()
    response = await client.post(
        "/api/video/generate",
        params={"project_id": project},
        json={"scenes": stored_scenes(root)},
    )

    assert response.status_code == 503, response.text
    body = response.json()
    assert body["code"] == "queue_unavailable"
    assert body["message"] == (
        "The server could not hand this work to its workers just now; nothing was started and "
        "nothing was charged. Try again in a moment."
    )
    assert int(response.headers["Retry-After"]) > 0
    assert await _counts(app) == before, "no job row (running or failed), step, or spend"
    assert (await app.state.spend.status(LOCAL_USER_ID)).spent_usd == spent, "budget untouched"
    assert app.state.runtime.jobs.running() == running
    shown = (await client.get(f"/api/projects/{project}")).json()
    assert shown["clip_job_id"] is None and shown["clips"] == [], "no phantom job in the project"


async def test_redis_out_of_reach_is_a_503_and_leaves_nothing_behind(
    settings: Settings, media_root: Path
) -> None:
    closed = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    async with _api(settings, closed) as (app, client):
        await _refused_and_nothing_left(app, client, media_root)


@pytest.mark.scale
async def test_redis_stopped_while_the_api_runs_is_a_503_too(
    settings: Settings, media_root: Path, tmp_path: Path
) -> None:
    own = load_script("redis").start(tmp_path / "redis")  # this test stops it
    try:
        async with _api(settings, own.url) as (app, client):
            warm = await client.post(
                "/api/video/generate", json={"scenes": stored_scenes(media_root)}
            )
            assert warm.status_code == 202, "queued (no worker runs it): the API's link is up"
            own.stop()
            await _refused_and_nothing_left(app, client, media_root)
    finally:
        own.stop()
