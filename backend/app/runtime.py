"""The long-lived objects one process shares: built once, handed to routes and the CLI."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from app.config import Settings
from app.db.engine import Database
from app.fetching import Fetcher, build_fetcher
from app.pipeline import PipelineDeps
from app.providers.registry import Providers, build_providers
from app.services.checkpoints import Checkpoints, DatabaseCheckpoints
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.services.job_events import StreamSlots
from app.services.job_runner import InProcessRunner, JobRunner
from app.storage.build import build_store
from app.storage.media_store import MediaStore
from app.storage.partials import sweep
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import JobTracker

logger = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    store: MediaStore
    jobs: JobTracker
    background: BackgroundTasks
    providers: Providers
    fetcher: Fetcher
    """The one outbound-fetch policy: client links and model outputs alike."""
    checkpoints: Checkpoints
    """Where jobs are recorded step by step (the API: its database; the CLI: nowhere)."""
    streams: StreamSlots
    """Progress-event streams open now, at most `EVENTS_MAX_STREAMS`."""
    runner: JobRunner | None = None
    """Where clip and compose jobs run (`JOB_BACKEND`); the API's, opened by `open_runner`."""

    # The edge: each job takes only what it uses, unpacked from here.

    def clip_job_deps(self) -> ClipJobDeps:
        return ClipJobDeps(
            store=self.store,
            jobs=self.jobs,
            motion=self.providers.motion,
            fetcher=self.fetcher,
            ffmpeg=self.settings.ffmpeg,
            checkpoints=self.checkpoints,
        )

    def compose_job_deps(self) -> ComposeJobDeps:
        return ComposeJobDeps(
            store=self.store,
            jobs=self.jobs,
            music=self.providers.music,
            fetcher=self.fetcher,
            ffmpeg=self.settings.ffmpeg,
            voice=self.providers.voice,
            default_voice=self.settings.voice.name,
            checkpoints=self.checkpoints,
        )

    def pipeline_deps(self) -> PipelineDeps:
        return PipelineDeps(
            store=self.store,
            providers=self.providers,
            fetcher=self.fetcher,
            ffmpeg=self.settings.ffmpeg,
            default_voice=self.settings.voice.name,
        )


@asynccontextmanager
async def open_runtime(
    settings: Settings, providers: Providers | None = None, checkpoints: Checkpoints | None = None
) -> AsyncIterator[Runtime]:
    """The runtime, its background work cancelled on exit.

    A graceful shutdown (SIGTERM) with durable checkpoints leaves each job where its last
    checkpoint says, for the next start to resume, and leaves a remote prediction in flight
    running (`checkpoints.closing`): the next start re-attaches to it by its id, so the clip is
    paid for once rather than canceled and paid again. If no process comes back, Replicate's own
    `Cancel-After` deadline (sent with each create) ends it. Without durable checkpoints (the
    CLI) nobody would re-attach, and in-flight predictions are canceled as before.
    """
    store = await open_store(settings)
    fetcher = build_fetcher(settings)
    runtime = Runtime(
        settings=settings,
        store=store,
        jobs=JobTracker(),
        background=BackgroundTasks(),
        providers=providers or build_providers(settings, fetcher),
        fetcher=fetcher,
        checkpoints=checkpoints or Checkpoints(),
        streams=StreamSlots(settings.events.max_streams),
    )
    try:
        yield runtime
    finally:
        runtime.checkpoints.closing = True
        await runtime.background.cancel_all()
        if providers is None:  # ours to close; providers handed in belong to the caller
            await runtime.providers.aclose()


@asynccontextmanager
async def open_runner(
    runtime: Runtime, db: Database, checkpoints: DatabaseCheckpoints
) -> AsyncIterator[JobRunner]:
    """The API's job runner, as `JOB_BACKEND` says: its own background tasks, or the workers
    (whose reports it then follows, `app.workers.mirror`, until the block ends)."""
    jobs = runtime.settings.jobs
    if jobs.backend != "celery":
        runtime.runner = InProcessRunner(runtime.background, db)
        yield runtime.runner
        return
    # Imported here: a studio running its jobs itself never loads Celery or Redis.
    from app.workers.enqueue import CeleryRunner
    from app.workers.mirror import JobMirror

    mirror = JobMirror(jobs.redis, db, runtime.jobs)
    mirror.start()
    try:
        runtime.runner = CeleryRunner(jobs, db, checkpoints)
        yield runtime.runner
    finally:
        await mirror.close()


async def open_store(settings: Settings) -> MediaStore:
    """The media store, cleared of work a killed process left behind, its bytes being counted.

    The sweep finishes before any job can start (a job's own partial files must not be taken
    for leftovers); the count, which stats every file, goes on in a thread.
    """
    store = build_store(settings)
    if store.bucket is not None:
        await asyncio.to_thread(store.bucket.remote.open)
    swept = await asyncio.to_thread(sweep, store.root)
    if swept.files or swept.folders:
        logger.info(
            "media store: removed %d partial files and %d temporary folders left by an "
            "interrupted run",
            swept.files,
            swept.folders,
        )
    if store.bucket is not None:
        await asyncio.to_thread(store.bucket.trim)
    store.start_counting()
    return store
