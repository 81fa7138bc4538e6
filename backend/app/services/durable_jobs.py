"""Jobs that outlive their process: read back from the database, and resumed at start-up
(cancelled with their project: `project_jobs`).

Resuming, at start-up (after the media store's sweep has removed the partial files a killed
process left, and before any request is served):

    clip job   finished clips stay finished: their checkpointed file is reused, never rendered
               again; a clip whose remote prediction was in flight re-attaches to it by its id
               (GET and poll on, no new create); any other unfinished clip starts over
    compose    runs again from its clips and its request (music and ad are committed together,
               so an interrupted compose has no file of its own to keep); a remote music
               prediction is re-attached by its id, its output fetched again if it had finished

A resumed job is held by the tracker under its old id, so the studio polling it carries on, and
records its result in its project as the first process would have.

Answering: a job the tracker does not hold (a restart, or forgotten past its 500) is read back
from its checkpoint, the whole status answer written when it ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from app.auth.owner import working_for
from app.db import jobs as repo
from app.db.engine import Database
from app.db.models import LOCAL_USER_ID, JobStep
from app.db.models import Job as JobRow
from app.errors import ErrorCode, JobNotFound
from app.models.scene import SceneWithSeed
from app.models.video import (
    Clip,
    ComposeRequest,
    ErrorInfo,
    JobKind,
    JobStatus,
    JobStatusResponse,
)
from app.services import clip_service, composition_service, project_recording
from app.services.checkpoints import Checkpoints
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.services.job_leases import Leases
from app.services.script_service import WordsOptions
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.costs import CostLedger
from app.utils.job_tracker import ClipState, Job, JobTracker

logger = logging.getLogger(__name__)

NOT_RESUMABLE = ErrorInfo(
    code=ErrorCode.INTERNAL_ERROR,
    message="This job was interrupted by a restart and could not be resumed; start it again.",
)


MIRROR_REFRESH_SECONDS = 2.0
"""How often an open event stream of a job another process runs reads its row again."""


async def load(db: Database, jobs: JobTracker, job_id: str, owner: str | None = None) -> Job:
    """The job, as held in memory, else as its checkpoint says (held from then on). Given an
    `owner`, another user's job is as unknown as a missing one.

    A job another process runs is held as its row says, and read again on every load until it
    has ended there: its end reaches this process's status answers and event streams."""
    if not jobs.holds(job_id):
        async with db.session() as session:
            row = await repo.get(session, job_id)
            if row is None:
                raise JobNotFound(job_id)
            adopted = jobs.adopt(job_from_row(row))
            if row.result is None and jobs.refresher is None:
                jobs.mirrored.add(job_id)  # another API process runs it: read its row again
        if jobs.refresher is not None and not adopted.finished:
            await jobs.refresher(job_id)  # run by a worker: caught up with where it has got
    elif job_id in jobs.mirrored:
        await _refresh(db, jobs, job_id)
    return jobs.get(job_id) if owner is None else jobs.get_owned(job_id, owner)


async def _refresh(db: Database, jobs: JobTracker, job_id: str) -> None:
    async with db.session() as session:
        row = await repo.get(session, job_id)
        if row is None or row.result is None:
            return
        answer = JobStatusResponse.model_validate(row.result)
    jobs.mirrored.discard(job_id)
    end_as_stored(jobs, job_id, answer)


def end_as_stored(jobs: JobTracker, job_id: str, answer: JobStatusResponse) -> None:
    """End the held job as the answer its row stores says, once another process has ended it
    (another API process, or a worker: `app.workers.mirror`): its clips, its bill, its files
    and its end. A job held as finished already is left as it is."""
    job = jobs.get(job_id)
    if job.finished:
        return
    job.clips = [_clip_state(clip) for clip in answer.clips]
    job.cost = CostLedger(calls=list(answer.cost.items))
    if answer.status is JobStatus.FAILED:
        jobs.fail(job_id, answer.error or NOT_RESUMABLE.model_copy())
        return
    jobs.complete(
        job_id,
        final_video_url=answer.final_video_url,
        final_videos=dict(answer.final_videos),
        duration=answer.duration,
        audio_url=answer.audio_url,
        captions_url=answer.captions_url,
        captions_srt_url=answer.captions_srt_url,
    )


@asynccontextmanager
async def following(db: Database, jobs: JobTracker, job_id: str) -> AsyncIterator[None]:
    """While an event stream is open on a job another process runs, read its row every
    `MIRROR_REFRESH_SECONDS`, so that the stream ends when the job does."""
    if job_id not in jobs.mirrored:
        yield
        return

    async def refresh() -> None:
        while job_id in jobs.mirrored:
            await asyncio.sleep(MIRROR_REFRESH_SECONDS)
            try:
                await _refresh(db, jobs, job_id)
            except Exception:
                logger.exception("job %s not read again", job_id)

    task = asyncio.create_task(refresh(), name=f"follow-{job_id}")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def job_from_row(row: JobRow) -> Job:
    """The job as its row says: running (as far as its request tells), or ended (its answer)."""
    kind, owner = JobKind(row.kind), row.user_id or LOCAL_USER_ID
    scenes = [SceneWithSeed.model_validate(s) for s in row.request.get("scenes", [])]
    if row.result is None:  # still running, in another process: as far as it has got
        clips = [_clip_state(Clip.model_validate(c)) for c in row.request.get("clips", [])]
        return Job(row.id, kind, progress=row.progress, clips=clips, scenes=scenes, owner=owner)
    answer = JobStatusResponse.model_validate(row.result)
    return Job(
        job_id=row.id,
        kind=kind,
        status=answer.status,
        progress=answer.progress,
        clips=[_clip_state(clip) for clip in answer.clips],
        final_video_url=answer.final_video_url,
        final_videos=dict(answer.final_videos),
        duration=answer.duration,
        audio_url=answer.audio_url,
        captions_url=answer.captions_url,
        captions_srt_url=answer.captions_srt_url,
        error=answer.error,
        scenes=scenes,
        cost=CostLedger(calls=list(answer.cost.items)),
        owner=owner,
    )


def _clip_state(clip: Clip) -> ClipState:
    done = clip.status is not JobStatus.PROCESSING
    return ClipState(
        clip.scene_number,
        clip.duration,
        status=clip.status,
        video_url=clip.video_url,
        error=clip.error,
        fraction=1.0 if done else 0.0,
    )


@dataclass(frozen=True)
class _Unfinished:
    """What a resume needs of a job row, read in one session."""

    job_id: str
    kind: str
    owner: str
    """Whose job: it goes on working for them (media links signed for them, if accounts)."""
    project_id: str | None
    request: dict[str, Any]
    steps: dict[str, tuple[str, str | None, str | None, ErrorInfo | None]]
    """Step name → status, output key, prediction id, error."""


async def resume_unfinished(
    db: Database,
    clip_deps: ClipJobDeps,
    compose_deps: ComposeJobDeps,
    background: BackgroundTasks,
    leases: Leases | None = None,
) -> int:
    """Take up every job a stopped process left unfinished; how many. With `leases` (several
    processes on one database), only the jobs whose lease this process could take: a job
    another live process runs is left to it."""
    started = time.perf_counter()
    async with db.session() as session:
        rows = await repo.unfinished(session)
        unfinished = [_snapshot(row) for row in rows]
    if leases is not None:
        unfinished = [job for job in unfinished if await leases.claim(job.job_id)]
    for job in unfinished:
        if clip_deps.jobs.holds(job.job_id):  # held as its row said: from now on, run here
            clip_deps.jobs.forget(job.job_id)
            clip_deps.jobs.mirrored.discard(job.job_id)
        try:
            with working_for(job.owner):  # the tasks spawned here carry the owner with them
                if job.kind == JobKind.CLIPS:
                    await _resume_clips(db, clip_deps, background, job)
                else:
                    _resume_compose(db, compose_deps, background, job)
        except Exception:
            logger.exception("job %s could not be resumed", job.job_id)
            _give_up(clip_deps.jobs, clip_deps.checkpoints, job)
    if unfinished:  # the last process stopped with work in flight: worth an operator's eye
        logger.warning(
            "resumed %d unfinished jobs in %.3f s",
            len(unfinished),
            time.perf_counter() - started,
        )
    return len(unfinished)


def _snapshot(row: JobRow) -> _Unfinished:
    steps = {
        step.name: (step.status, step.output_key, step.prediction_id, stored_error(step))
        for step in row.steps
    }
    owner = row.user_id or LOCAL_USER_ID
    return _Unfinished(row.id, row.kind, owner, row.project_id, dict(row.request), steps)


def stored_error(step: JobStep) -> ErrorInfo | None:
    """A failed step's error as checkpointed (an `ErrorCode` value, written by us)."""
    if step.error_code is None:
        return None
    code = next((c for c in ErrorCode if c.value == step.error_code), ErrorCode.INTERNAL_ERROR)
    return ErrorInfo(code=code, message=step.error_message or "")


async def _resume_clips(
    db: Database, deps: ClipJobDeps, background: BackgroundTasks, unfinished: _Unfinished
) -> None:
    request = unfinished.request
    scenes = [SceneWithSeed.model_validate(s) for s in request["scenes"]]
    clips = [_clip_state(Clip.model_validate(c)) for c in request["clips"]]
    predictions: dict[int, str] = {}
    for clip in clips:
        if clip.status is not JobStatus.PROCESSING:
            continue  # carried over complete by a retry
        status, key, prediction_id, error = unfinished.steps.get(
            clip_service.step_name(clip.scene_number), ("processing", None, None, None)
        )
        if status == "complete" and key and await _exists(deps.store, key):
            clip.status, clip.video_url, clip.fraction = (
                JobStatus.COMPLETE,
                deps.store.url_for(key),
                1,
            )
        elif status == "failed":
            clip.status, clip.error, clip.fraction = (
                JobStatus.FAILED,
                error or NOT_RESUMABLE.model_copy(),
                1,
            )
        elif prediction_id:
            predictions[clip.scene_number] = prediction_id
    job = deps.jobs.adopt(Job(unfinished.job_id, JobKind.CLIPS, clips=clips, scenes=scenes))
    only = {clip.scene_number for clip in clips if clip.status is JobStatus.PROCESSING}
    logger.info(
        "clip job %s: %d clips kept, %d to render (%d re-attached to their prediction)",
        job.job_id,
        len(clips) - len(only),
        len(only),
        len(predictions),
    )
    if unfinished.project_id is not None:
        project_recording.record_clips_when_finished(
            db, background, unfinished.project_id, job, deps.jobs.on_finish
        )
    background.spawn(
        clip_service.run_clip_job(deps, job.job_id, scenes, only, predictions),
        name=clip_service.task_name(job.job_id),
    )


def _resume_compose(
    db: Database, deps: ComposeJobDeps, background: BackgroundTasks, unfinished: _Unfinished
) -> None:
    request = ComposeRequest.model_validate(unfinished.request)
    job = deps.jobs.adopt(Job(unfinished.job_id, JobKind.COMPOSE))
    logger.info("compose job %s: composed again from its clips", job.job_id)
    if unfinished.project_id is not None:
        project_recording.record_ad_when_finished(
            db,
            deps.store,
            background,
            unfinished.project_id,
            job,
            request.clips,
            deps.jobs.on_finish,
        )
    script = WordsOptions(request.voice, request.captions, request.call_to_action)
    music = unfinished.steps.get("music")
    background.spawn(
        composition_service.run_compose_job(
            deps,
            job.job_id,
            request.clips,
            request.mood,
            request.creative_brief,
            request.formats,
            script=script,
            music_prediction=music[2] if music else None,
        ),
        name=composition_service.task_name(job.job_id),
    )


def _give_up(jobs: JobTracker, checkpoints: Checkpoints, unfinished: _Unfinished) -> None:
    job = jobs.adopt(Job(unfinished.job_id, JobKind(unfinished.kind), owner=unfinished.owner))
    if not job.finished:
        jobs.fail(job.job_id, NOT_RESUMABLE.model_copy())
    checkpoints.job_finished(job)


async def _exists(store: MediaStore, key: str) -> bool:
    """Whether a checkpointed output is still in the store (blocking check, in a thread; with
    a bucket it asks the bucket rather than downloading the file)."""
    return await asyncio.to_thread(store.holds, key)
