"""The steps a worker runs: each opens what it needs, reads its checkpoint, runs the same step
function the API runs in process, reports to Redis, and closes what it opened.

Idempotent by step id: a step handed out again (its worker died, or Redis redelivered it) that
finds its checkpoint finished does nothing but conclude the job if that is still owed; one that
finds a remote prediction recorded re-attaches to it rather than paying for a new one.

Called off (its project deleted, `app.services.project_jobs`): the API ends the job's
row as `job_cancelled`, then deletes the project with what its jobs recorded. A step reads the
row as it starts (not running: nothing to do) and again once its own output is recorded (the
checkpoints flushed); called off meanwhile, it removes every file it committed
(`storage.batch.noting_commits`) and records nothing in the project. Checking after recording
is what leaves nothing behind: a deletion that read the job before the step's output was
recorded had called the job off first, so the step sees it and cleans up itself.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import async_sessionmaker

from app.auth.media_links import bind_store, links_for
from app.auth.owner import working_for
from app.config import Settings
from app.db import jobs as repo
from app.db.engine import Database, build_engine
from app.db.models import LOCAL_USER_ID
from app.db.models import Job as JobRow
from app.db.urls import data_dir_for, database_url
from app.errors import ErrorCode
from app.fetching import Fetcher, build_fetcher
from app.models.video import ComposeRequest, JobKind, JobStatus
from app.providers.registry import Providers, build_providers
from app.services import clip_service, composition_service, project_recording
from app.services.checkpoints import DatabaseCheckpoints, open_checkpoints
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.services.script_service import WordsOptions
from app.storage.batch import noting_commits
from app.storage.build import build_store
from app.storage.media_store import MediaStore
from app.utils.costs import charged_to
from app.utils.job_tracker import Job, JobTracker
from app.workers import progress
from app.workers.conclusion import clip_job, conclude_clips

logger = logging.getLogger(__name__)


@dataclass
class Worker:
    """What one step uses, opened for it alone (each step runs on an event loop of its own)."""

    settings: Settings
    store: MediaStore
    fetcher: Fetcher
    providers: Providers
    db: Database
    checkpoints: DatabaseCheckpoints
    redis: Redis
    publisher: progress.Publisher


_stores: dict[int, MediaStore] = {}


def _store(settings: Settings) -> MediaStore:
    """The process's media store, kept from one step to the next (it holds no connection or
    loop): with a bucket, its local cache is counted, and trimmed, as one."""
    store = _stores.get(id(settings))
    if store is None:
        store = _stores[id(settings)] = build_store(settings)
        links = links_for(settings.auth)
        if links is not None:
            bind_store(store, links)
    return store


@asynccontextmanager
async def open_worker(settings: Settings) -> AsyncIterator[Worker]:
    store = _store(settings)
    fetcher = build_fetcher(settings)
    providers = build_providers(settings, fetcher)
    database = settings.database
    url = database_url(database.url, data_dir_for(database.data_dir, settings.media.root))
    engine = build_engine(url)  # migrated once, when the worker started (`__main__`)
    db = Database(url, engine, async_sessionmaker(engine, expire_on_commit=False))
    redis = Redis.from_url(settings.jobs.redis)
    try:
        async with open_checkpoints(db) as checkpoints:
            publisher = progress.Publisher(redis)
            try:
                yield Worker(settings, store, fetcher, providers, db, checkpoints, redis, publisher)
            finally:
                await publisher.close()
    finally:
        await providers.aclose()
        await redis.aclose()
        await engine.dispose()


async def _running(db: Database, job_id: str, kind: JobKind) -> JobRow | None:
    """The job's row, if it is of `kind` and still running (else its step has nothing to do)."""
    async with db.session() as session:
        row = await repo.get(session, job_id)
    if row is None or row.kind != kind.value or row.status != repo.PROCESSING:
        logger.info("%s step of job %s: nothing to do (ended or gone)", kind.value, job_id)
        return None
    return row


async def _called_off(worker: Worker, job_id: str, made: list[str]) -> bool:
    """Whether the job was called off while this step ran (its row gone, or ended as
    cancelled); if so, the files the step committed are removed. Asked once the step's own
    output is recorded (the checkpoints flushed)."""
    async with worker.db.session() as session:
        row = await repo.get(session, job_id)
    if row is not None and row.error_code != ErrorCode.JOB_CANCELLED.value:
        return False
    logger.info("job %s was called off: removing the %d files its step made", job_id, len(made))
    await asyncio.to_thread(worker.store.remove, made)
    return True


async def clip_step(settings: Settings, job_id: str, scene_number: int) -> None:
    async with open_worker(settings) as worker:
        row = await _running(worker.db, job_id, JobKind.CLIPS)
        if row is None:
            return
        with working_for(row.user_id or LOCAL_USER_ID):
            job = clip_job(row, worker.store.url_for)
            made: list[str] = []
            if not any(clip.scene_number == scene_number for clip in job.clips):
                return
            if job.clip(scene_number).status is JobStatus.PROCESSING:
                step = next((s for s in row.steps if s.name == f"clip-{scene_number}"), None)
                prediction_id = step.prediction_id if step else None
                logger.info(
                    "clip job %s: scene %d %s",
                    job_id,
                    scene_number,
                    "re-attaching to its prediction" if prediction_id else "rendering",
                )
                with noting_commits() as made:
                    await _render(worker, job, scene_number, prediction_id)
            await worker.checkpoints.flush()
            if made and await _called_off(worker, job_id, made):
                return
            await worker.publisher.flush()
            calls = progress.clip_calls(await progress.read(worker.redis, job_id))
            ended = await conclude_clips(worker.db, job_id, worker.store.url_for, calls)
            if ended is not None:
                logger.info("clip job %s %s", job_id, ended.status.value)
                worker.publisher.put(job_id, progress.END, ended.status.value)


async def _render(worker: Worker, job: Job, scene_number: int, prediction_id: str | None) -> None:
    tracker = JobTracker()
    tracker.adopt(job)
    field = progress.clip_field(scene_number)
    deps = ClipJobDeps(
        store=worker.store,
        jobs=tracker,
        motion=worker.providers.motion,
        fetcher=worker.fetcher,
        ffmpeg=worker.settings.ffmpeg,
        checkpoints=worker.checkpoints,
    )
    report = lambda changed: worker.publisher.put(  # noqa: E731
        changed.job_id, field, progress.clip_value(changed.clip(scene_number), changed.cost.calls)
    )
    tracker.watch(job.job_id, report)
    with charged_to(job.cost):
        await clip_service.render_clip_step(
            deps, job.job_id, job.scenes, scene_number, prediction_id
        )
    report(job)  # with its calls, which may have come after its last change


async def compose_step(settings: Settings, job_id: str) -> None:
    async with open_worker(settings) as worker:
        row = await _running(worker.db, job_id, JobKind.COMPOSE)
        if row is None:
            return
        owner = row.user_id or LOCAL_USER_ID
        with working_for(owner):
            request = ComposeRequest.model_validate(row.request)
            tracker = JobTracker()
            tracker.adopt(Job(job_id, JobKind.COMPOSE, owner=owner))
            tracker.watch(
                job_id,
                lambda changed: (
                    None
                    if changed.finished
                    else worker.publisher.put(job_id, progress.PROGRESS, changed.progress)
                ),
            )
            deps = ComposeJobDeps(
                store=worker.store,
                jobs=tracker,
                music=worker.providers.music,
                fetcher=worker.fetcher,
                ffmpeg=worker.settings.ffmpeg,
                voice=worker.providers.voice,
                default_voice=worker.settings.voice.name,
                checkpoints=worker.checkpoints,
            )
            music = next((step for step in row.steps if step.name == "music"), None)
            with noting_commits() as made:
                job = await composition_service.run_compose_job(
                    deps,
                    job_id,
                    request.clips,
                    request.mood,
                    request.creative_brief,
                    request.formats,
                    script=WordsOptions(request.voice, request.captions, request.call_to_action),
                    music_prediction=music.prediction_id if music else None,
                )
            await worker.checkpoints.flush()
            if await _called_off(worker, job_id, made):
                return
            if row.project_id is not None:
                await project_recording.record_ad(
                    worker.db, worker.store, row.project_id, job, request.clips
                )
            logger.info("compose job %s %s", job_id, job.status.value)
            worker.publisher.put(job_id, progress.END, job.status.value)
