"""Where a clip or compose job runs: the seam the routers start jobs through.

`InProcessRunner` (`JOB_BACKEND=inprocess`, the default) runs them in this process, in the
background, and records their results in their project when they end. `CeleryRunner`
(`app.workers.enqueue`, `JOB_BACKEND=celery`) only creates them and hands their steps to the
workers, which run the same step functions and record the results themselves.
"""

from __future__ import annotations

from typing import Protocol

from app.db.engine import Database
from app.models.scene import SceneWithSeed
from app.models.video import ComposeRequest
from app.services import clip_service, composition_service, project_recording
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.services.script_service import WordsOptions
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import Job


class JobRunner(Protocol):
    resumes_at_start: bool
    """Whether this process takes up, at start-up, the jobs a stopped process left running
    (workers take up their own: Redis hands their steps out again)."""

    async def start_clips(
        self, deps: ClipJobDeps, scenes: list[SceneWithSeed], project_id: str | None
    ) -> Job: ...

    async def retry_clips(
        self, deps: ClipJobDeps, job_id: str, scene_numbers: list[int], project_id: str | None
    ) -> Job: ...

    async def start_compose(
        self, deps: ComposeJobDeps, request: ComposeRequest, project_id: str | None
    ) -> Job: ...


def words_options(request: ComposeRequest) -> WordsOptions:
    """The voice, captions and call to action a compose request asks for."""
    return WordsOptions(request.voice, request.captions, request.call_to_action)


class InProcessRunner:
    resumes_at_start = True

    def __init__(self, background: BackgroundTasks, db: Database) -> None:
        self._background = background
        self._db = db

    async def start_clips(
        self, deps: ClipJobDeps, scenes: list[SceneWithSeed], project_id: str | None
    ) -> Job:
        job = await clip_service.start_clip_job(deps, self._background, scenes, project_id)
        self._record_clips(deps, job, project_id)
        return job

    async def retry_clips(
        self, deps: ClipJobDeps, job_id: str, scene_numbers: list[int], project_id: str | None
    ) -> Job:
        job = await clip_service.retry_clips(
            deps, self._background, job_id, scene_numbers, project_id
        )
        self._record_clips(deps, job, project_id)
        return job

    async def start_compose(
        self, deps: ComposeJobDeps, request: ComposeRequest, project_id: str | None
    ) -> Job:
        job = await composition_service.start_compose_job(
            deps,
            self._background,
            request.clips,
            request.mood,
            request.creative_brief,
            request.formats,
            script=words_options(request),
            request=request.model_dump(mode="json"),
            project_id=project_id,
        )
        if project_id is not None:
            project_recording.record_ad_when_finished(
                self._db,
                deps.store,
                self._background,
                project_id,
                job,
                request.clips,
                deps.jobs.on_finish,
            )
        return job

    def _record_clips(self, deps: ClipJobDeps, job: Job, project_id: str | None) -> None:
        if project_id is not None:
            project_recording.record_clips_when_finished(
                self._db, self._background, project_id, job, deps.jobs.on_finish
            )
