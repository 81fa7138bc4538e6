"""The API's side of `JOB_BACKEND=celery`: a job is created (its row committed) and its steps
sent to Redis; nothing of it runs here.

Redis out of reach as the steps are sent: the job is withdrawn as if it had never been asked
for (its row deleted, the tracker forgets it) and the request answers 503 `queue_unavailable`,
so the day's budget gives back what it held for it (`DailySpend.pay_for` releases a
reservation whose start raised) and the project shows no job that will never run. A step sent
before Redis went away finds no row and does nothing (`steps._running`)."""

from __future__ import annotations

import asyncio
import logging

from app.config import JobSettings
from app.db import jobs as repo
from app.db.engine import Database
from app.errors import QueueUnavailable
from app.models.scene import SceneWithSeed
from app.models.video import ComposeRequest
from app.services import clip_service, composition_service
from app.services.checkpoints import DatabaseCheckpoints
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.utils.job_tracker import Job, JobTracker
from app.workers.celery_app import Step, build_celery, clip_steps, compose_step

logger = logging.getLogger(__name__)


class CeleryRunner:
    resumes_at_start = False

    def __init__(self, jobs: JobSettings, db: Database, checkpoints: DatabaseCheckpoints) -> None:
        self._celery = build_celery(jobs)
        self._db = db
        self._checkpoints = checkpoints

    async def start_clips(
        self, deps: ClipJobDeps, scenes: list[SceneWithSeed], project_id: str | None
    ) -> Job:
        job = await clip_service.create_clip_job(deps, scenes, project_id)
        await self._send(deps.jobs, job, clip_steps(job.job_id, [s.scene_number for s in scenes]))
        return job

    async def retry_clips(
        self, deps: ClipJobDeps, job_id: str, scene_numbers: list[int], project_id: str | None
    ) -> Job:
        job, wanted = await clip_service.create_retry_job(deps, job_id, scene_numbers, project_id)
        await self._send(deps.jobs, job, clip_steps(job.job_id, sorted(wanted)))
        return job

    async def start_compose(
        self, deps: ComposeJobDeps, request: ComposeRequest, project_id: str | None
    ) -> Job:
        body = request.model_dump(mode="json")
        job = await composition_service.create_compose_job(deps, body, project_id)
        await self._send(deps.jobs, job, [compose_step(job.job_id)])
        return job

    async def _send(self, jobs: JobTracker, job: Job, steps: list[Step]) -> None:
        # The row (and its request) committed first: a worker quick off the mark finds it.
        await self._checkpoints.flush()
        try:
            await asyncio.to_thread(self._send_now, steps)
        except Exception:
            logger.exception("job %s: its steps could not be sent to Redis", job.job_id)
            jobs.forget(job.job_id)
            async with self._db.session() as session:
                await repo.withdraw(session, job.job_id)
            raise QueueUnavailable() from None

    def _send_now(self, steps: list[Step]) -> None:
        """Blocking: kombu publishes over a synchronous Redis connection from its pool."""
        for step in steps:
            self._celery.send_task(step.task, args=step.args)
