"""The API's side of `JOB_BACKEND=celery`: a job is created (its row committed) and its steps
sent to Redis; nothing of it runs here."""

from __future__ import annotations

import asyncio
import logging

from app.config import JobSettings
from app.errors import ErrorCode
from app.models.scene import SceneWithSeed
from app.models.video import ComposeRequest, ErrorInfo
from app.services import clip_service, composition_service
from app.services.checkpoints import DatabaseCheckpoints
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.utils.job_tracker import Job, JobTracker
from app.workers.celery_app import Step, build_celery, clip_steps, compose_step

logger = logging.getLogger(__name__)

NOT_QUEUED = ErrorInfo(
    code=ErrorCode.INTERNAL_ERROR,
    message="The job could not be handed to the workers; try again in a moment.",
)


class CeleryRunner:
    resumes_at_start = False

    def __init__(self, jobs: JobSettings, checkpoints: DatabaseCheckpoints) -> None:
        self._celery = build_celery(jobs)
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
            jobs.fail(job.job_id, NOT_QUEUED.model_copy())
            self._checkpoints.job_finished(job)

    def _send_now(self, steps: list[Step]) -> None:
        """Blocking: kombu publishes over a synchronous Redis connection from its pool."""
        for step in steps:
            self._celery.send_task(step.task, args=step.args)
