"""The API's mirror of the workers' jobs, on a real Redis: reports move its tracker's jobs on,
a job adopted after a restart catches up from its hash, and a job ends as its row says (its
end-of-job listeners called once, with what it cost)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from redis.asyncio import Redis

from app.db import jobs as jobs_repo
from app.db.engine import open_database
from app.models.cost import ProviderCall
from app.models.video import JobKind, JobStatus
from app.services import durable_jobs
from app.services.checkpoints import finished_columns
from app.utils.costs import CostLedger
from app.utils.job_tracker import ClipState, Job, JobTracker
from app.workers import progress
from app.workers.mirror import JobMirror
from tests.utils.factories import scenes
from tests.utils.redis_server import RedisServer

pytestmark = [pytest.mark.anyio, pytest.mark.scale]

SEED = "http://testserver/media/seeds/s.png"
CALL = ProviderCall(
    provider="replicate", model="kwaivgi/kling-v2.1", capability="motion",
    outcome="succeeded", units=5, unit="second", estimated_usd=0.25,
)  # fmt: skip


async def _until(check: Callable[[], bool], what: str) -> None:
    for _ in range(1000):  # 20 s
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def _listening(redis: Redis) -> bool:
    counts = dict(await redis.pubsub_numsub(progress.CHANNEL))
    return bool(counts.get(progress.CHANNEL.encode()))


async def test_the_api_follows_a_workers_job_and_catches_up_after_a_restart(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    url = redis_server.url()
    board = [{**scene, "seed_image_url": SEED} for scene in scenes([15, 15])]
    request = {
        "scenes": board,
        "clips": [{"scene_number": n, "status": "processing"} for n in (1, 2)],
    }
    async with open_database(None, tmp_path / "data", tmp_path / "media") as db:
        async with db.session() as session:
            await jobs_repo.add(session, "job-1", "clips", request, None)
        redis = Redis.from_url(url)
        publisher = progress.Publisher(redis)
        jobs = JobTracker()
        mirror = JobMirror(url, db, jobs)
        mirror.start()
        try:
            # Adopted from its row, as a status request after a restart does.
            job = await durable_jobs.load(db, jobs, "job-1")
            ended: list[float] = []
            jobs.on_finish("job-1", lambda done: ended.append(done.cost.total_usd))
            for _ in range(1000):  # a change published before the mirror listens is lost
                if await _listening(redis):
                    break
                await asyncio.sleep(0.02)

            publisher.put("job-1", "clip-1", progress.clip_value(ClipState(1, fraction=0.5)))
            await _until(lambda: job.progress == 25, "a clip's progress")

            # Reported while the API was away (written, never heard): read back on adoption.
            jobs.forget("job-1")
            done = ClipState(1, status=JobStatus.COMPLETE, video_url=f"{SEED}?clip", fraction=1)
            await redis.hset(
                progress.job_key("job-1"), "clip-1", json.dumps(progress.clip_value(done))
            )
            job = await durable_jobs.load(db, jobs, "job-1")
            assert job.clip(1).status is JobStatus.COMPLETE and job.progress == 50
            jobs.on_finish("job-1", lambda done: ended.append(done.cost.total_usd))

            # The worker concludes: the row holds the answer, then the end is announced.
            concluded = Job(
                "job-1",
                JobKind.CLIPS,
                status=JobStatus.COMPLETE,
                progress=100,
                clips=[done, ClipState(2, status=JobStatus.COMPLETE, video_url=f"{SEED}?2")],
                cost=CostLedger(calls=[CALL, CALL]),
            )
            async with db.session() as session:
                await jobs_repo.change(session, "job-1", **finished_columns(concluded))
            publisher.put("job-1", progress.END, "complete")
            await _until(lambda: job.finished, "the job's end")
        finally:
            await mirror.close()
            await publisher.close()
            await redis.aclose()

    assert job.status is JobStatus.COMPLETE and job.progress == 100
    assert [clip.video_url for clip in job.clips] == [f"{SEED}?clip", f"{SEED}?2"]
    assert ended == [0.5], "its listeners heard once what it cost (the day's budget settles)"
