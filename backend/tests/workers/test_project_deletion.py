"""With `JOB_BACKEND=celery`, deleting a project stops its jobs in the workers too: a step
rendering as the project goes keeps nothing (no file in the store, nothing recorded), a step
not yet started never runs (no prediction paid for), and whoever follows the job sees it end
with a sentence.

The worker's step runs here, in the test's event loop (`app.workers.steps`, as a Celery task
runs it), against the fake Replicate: its prediction is held until the project is deleted.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from app.config import (
    FetchSettings,
    FFmpegSettings,
    JobSettings,
    ProviderChoice,
    ReplicateSettings,
    Settings,
)
from app.config_models import MotionModel
from app.errors import ErrorCode
from app.main import create_app
from app.models.video import JobStatus
from app.utils.job_tracker import Job
from app.workers import steps
from tests.conftest import BASE_URL
from tests.fakes import media
from tests.fakes.live_server import LiveServer
from tests.fakes.replicate_api import TOKEN, FakeReplicate
from tests.utils.factories import scenes
from tests.utils.redis_server import RedisServer

pytestmark = [pytest.mark.anyio, pytest.mark.scale]


@pytest.fixture(scope="module")
def replicate() -> Iterator[FakeReplicate]:
    media.mp4(5)  # rendered once up front, outside any prediction's deadline
    fake = FakeReplicate()
    server = LiveServer(fake.app()).start()
    fake.origin = server.origin
    yield fake
    server.stop()


@pytest.fixture
def worker_settings(
    settings: Settings, redis_server: RedisServer, replicate: FakeReplicate
) -> Settings:
    replicate.reset()
    return settings.model_copy(
        update={
            "jobs": JobSettings(backend="celery", redis_url=SecretStr(redis_server.url())),
            "fetch": FetchSettings(allowed_hosts=["127.0.0.1"]),
            "ffmpeg": FFmpegSettings(preset="ultrafast"),
            "replicate": ReplicateSettings(
                api_token=SecretStr(TOKEN),
                base_url=replicate.origin,
                poll_interval=0.02,
                backoff_base_seconds=0.01,
                backoff_max_seconds=0.05,
                motion=MotionModel(deadline_seconds=60),
            ),
            "providers": settings.providers.model_copy(update={"motion": ProviderChoice.REMOTE}),
        }
    )


@asynccontextmanager
async def _api(settings: Settings) -> AsyncIterator[tuple[Any, httpx.AsyncClient]]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            yield app, client


def _storyboard(media_root: Path) -> list[dict[str, Any]]:
    """Five scenes whose seeds are in the store; the first one's prediction is held."""
    seeds = media_root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    board = scenes()
    for scene in board:
        number = scene["scene_number"]
        (seeds / f"seed-{number}.png").write_bytes(media.png(90, 160, f"scene {number}"))
        scene["seed_image_url"] = f"{BASE_URL}/media/seeds/seed-{number}.png"
    board[0]["description"] += " [held]"
    return board


async def _until(check: Any, what: str) -> None:
    for _ in range(1500):  # 30 s
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def _made(media_root: Path) -> list[str]:
    """Every file the workers' steps may write (clips, their records and sidecars)."""
    return sorted(
        str(path.relative_to(media_root))
        for path in media_root.rglob("*")
        if path.is_file() and not path.relative_to(media_root).as_posix().startswith("seeds/")
    )


async def test_deleting_a_project_stops_its_jobs_in_the_workers(
    worker_settings: Settings, media_root: Path, replicate: FakeReplicate
) -> None:
    replicate.held = True
    async with _api(worker_settings) as (app, client):
        project = (await client.post("/api/projects", json={"name": "Serum"})).json()
        params = {"project_id": project["project_id"]}
        started = await client.post(
            "/api/video/generate", params=params, json={"scenes": _storyboard(media_root)}
        )
        assert started.status_code == 202, started.text
        job_id = started.json()["job_id"]
        seen: list[Job] = []
        app.state.runtime.jobs.watch(job_id, seen.append)  # as an open event stream does

        rendering = asyncio.create_task(steps.clip_step(worker_settings, job_id, 1))
        await _until(lambda: len(replicate.created()) == 1, "the first clip's prediction")

        deleted = await client.delete(f"/api/projects/{project['project_id']}")
        assert deleted.status_code == 204
        replicate.held = False  # the prediction finishes after all: its clip comes back
        await asyncio.wait_for(rendering, 60)
        await steps.clip_step(worker_settings, job_id, 2)  # handed out after the deletion

        status = await client.get(f"/api/video/status/{job_id}")
        gone = await client.get(f"/api/projects/{project['project_id']}")

    assert len(replicate.created()) == 1, "a step not yet started never runs"
    assert _made(media_root) == [], "the stopped step kept no file"
    ended = seen[-1]
    assert ended.status is JobStatus.FAILED
    assert ended.error is not None and ended.error.code is ErrorCode.JOB_CANCELLED
    assert ended.error.message == "This job was stopped because its project was deleted."
    assert (status.status_code, gone.status_code) == (404, 404)
