"""The API's view of the workers' jobs: their reports, applied to its own `JobTracker`.

One task subscribes to the workers' changes (`progress`) and applies each to the job the
tracker holds, so polling, event streams and end-of-job listeners (the day's spend) work as for
a job run in process. A job's end is read from its row, where the worker wrote its whole answer
before saying so.

Nothing is lost to a missed message: each time the subscription (re)starts, every running job
the tracker holds is caught up from its hash and its row; a job the API adopts from the
database (a restart, `durable_jobs.load`) is caught up the same way as it is adopted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.db import jobs as repo
from app.db.engine import Database
from app.models.video import JobStatusResponse
from app.services.durable_jobs import end_as_stored
from app.utils.job_tracker import JobTracker
from app.workers import progress

logger = logging.getLogger(__name__)

RECONNECT_SECONDS = 1.0


class JobMirror:
    def __init__(self, redis_url: str, db: Database, jobs: JobTracker) -> None:
        # Pings on a quiet subscription, so a connection dropped silently is noticed.
        self._redis = Redis.from_url(redis_url, health_check_interval=30)
        self._db = db
        self._jobs = jobs
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._jobs.refresher = self.refresh
        self._task = asyncio.create_task(self._follow(), name="job-mirror")

    async def close(self) -> None:
        self._jobs.refresher = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._redis.aclose()

    async def _follow(self) -> None:
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.subscribe(progress.CHANNEL)
                    for job_id in self._jobs.running():  # what was missed while away
                        await self.refresh(job_id)
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            await self._apply(message["data"])
            except (RedisError, OSError):
                logger.warning("lost Redis; following the workers again in a moment")
            except Exception:
                logger.exception("following the workers failed; again in a moment")
            await asyncio.sleep(RECONNECT_SECONDS)

    async def _apply(self, data: str | bytes) -> None:
        change = progress.parse(data)
        if change is None:
            return
        job_id, field, value = change
        try:
            if field == progress.END:
                await self._ended(job_id)
            else:
                progress.apply(self._jobs, job_id, field, value)
        except Exception:  # one bad report (or the database away) must not stop the mirror
            logger.exception("job %s: a worker's report could not be applied", job_id)

    async def refresh(self, job_id: str) -> None:
        """Catch the held job up with its hash, then with its row if it has ended."""
        if not self._jobs.holds(job_id) or self._jobs.get(job_id).finished:
            return
        try:
            fields: dict[str, Any] = await progress.read(self._redis, job_id)
        except (RedisError, OSError):
            logger.warning("job %s: its progress could not be read from Redis", job_id)
            fields = {}
        for field, value in fields.items():
            if field != progress.END:
                progress.apply(self._jobs, job_id, field, value)
        await self._ended(job_id)

    async def _ended(self, job_id: str) -> None:
        """End the held job as its row says, if the row says it has ended."""
        if not self._jobs.holds(job_id) or self._jobs.get(job_id).finished:
            return
        async with self._db.session() as session:
            row = await repo.get(session, job_id)
            result = row.result if row is not None else None
        if result is None:
            return
        end_as_stored(self._jobs, job_id, JobStatusResponse.model_validate(result))
