"""With `JOB_BACKEND=celery`, deleting a project stops its jobs in the workers too: a step
rendering as the project goes keeps nothing (no file in the store, nothing recorded), a step
not yet started never runs (no prediction paid for), and whoever follows the job sees it end
with a sentence.

The worker's step runs here, in the test's event loop (`app.workers.steps`, as a Celery task
runs it), against the fake Replicate: its prediction is held until the project is deleted.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from app.config import FFmpegSettings, JobSettings, ProviderChoice, Settings
from app.config_models import MotionModel
from app.errors import ErrorCode
from app.models.video import JobStatus
from app.utils.job_tracker import Job
from app.workers import steps
from tests.conftest import serving
from tests.fakes.replicate_api import FakeReplicate
from tests.utils.factories import stored_scenes
from tests.utils.redis_server import RedisServer
from tests.utils.remote_fakes import FAKES_ALLOWED, fake_replicate_settings

pytestmark = [pytest.mark.anyio, pytest.mark.scale]


@pytest.fixture
def worker_settings(
    settings: Settings, redis_server: RedisServer, fake_replicate: FakeReplicate
) -> Settings:
    return settings.model_copy(
        update={
            "jobs": JobSettings(backend="celery", redis_url=SecretStr(redis_server.url())),
            "fetch": FAKES_ALLOWED,
            "ffmpeg": FFmpegSettings(preset="ultrafast"),
            "replicate": fake_replicate_settings(
                fake_replicate, motion=MotionModel(deadline_seconds=60)
            ),
            "providers": settings.providers.model_copy(update={"motion": ProviderChoice.REMOTE}),
        }
    )


def _storyboard(media_root: Path) -> list[dict[str, Any]]:
    """Five scenes whose seeds are in the store; the first one's prediction is held."""
    board = stored_scenes(media_root)
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
    worker_settings: Settings, media_root: Path, fake_replicate: FakeReplicate
) -> None:
    fake_replicate.held = True
    async with serving(worker_settings) as (app, client):
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
        await _until(lambda: len(fake_replicate.created()) == 1, "the first clip's prediction")

        deleted = await client.delete(f"/api/projects/{project['project_id']}")
        assert deleted.status_code == 204
        fake_replicate.held = False  # the prediction finishes after all: its clip comes back
        await asyncio.wait_for(rendering, 60)
        await steps.clip_step(worker_settings, job_id, 2)  # handed out after the deletion

        status = await client.get(f"/api/video/status/{job_id}")
        gone = await client.get(f"/api/projects/{project['project_id']}")

    assert len(fake_replicate.created()) == 1, "a step not yet started never runs"
    assert _made(media_root) == [], "the stopped step kept no file"
    ended = seen[-1]
    assert ended.status is JobStatus.FAILED
    assert ended.error is not None and ended.error.code is ErrorCode.JOB_CANCELLED
    assert ended.error.message == "This job was stopped because its project was deleted."
    assert (status.status_code, gone.status_code) == (404, 404)
