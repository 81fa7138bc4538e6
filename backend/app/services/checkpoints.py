"""Checkpoints: every clip and compose job, and each of its steps, written to the database as
it starts and as it ends, so that a restarted process can answer for it and resume it.

    job created ─▶ jobs row (status processing, the request: enough to run it again)
    step starts ─▶ job_steps row `clip-3` / `music` / `compose`: processing, attempts + 1
    prediction  ─▶ its Replicate id, as soon as the create answers (to re-attach to)
    step ends   ─▶ complete with its output's storage key and cost, or failed with the error
    job ends    ─▶ status, progress, the whole status answer (`result`), error, cost; and
                   the job's spend settled at that cost (`app.utils.spend`), in the same
                   transaction, wherever the job ends

The job services call these synchronously and never wait: each write is queued and one writer
task applies them in order, each in its own transaction. A write that fails (the database
locked or gone) is logged and dropped; the job goes on, only its resumability suffers. A job
is resumable up to its last checkpoint that landed: a clip whose file was committed but whose
`complete` had not been written when the process died is rendered again.

`Checkpoints` itself writes nothing: the CLI and the pipeline, which run their jobs to the end
in one process, use it as is; the API uses `DatabaseCheckpoints`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import jobs as repo
from app.db import spend as spend_repo
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import JobStep
from app.models.video import ErrorInfo, JobStatusResponse
from app.utils.job_tracker import Job

logger = logging.getLogger(__name__)

Write = Callable[[AsyncSession], Awaitable[None]]
Lease = Callable[[], dict[str, Any]]

DRAIN_SECONDS = 10.0
"""How long a shutdown waits for the queued writes to land."""

CAUGHT_UP_SECONDS = 5.0
"""How long a budget check waits for this process's earlier writes (a job's end) to land."""


class Checkpoints:
    """Records nothing (the CLI, the pipeline, tests of the services alone)."""

    closing: bool = False
    """Set when the process shuts down: work cancelled now is resumed by the next start."""

    @property
    def durable(self) -> bool:
        return False

    def job_created(
        self, job: Job, request: dict[str, Any], project_id: str | None = None
    ) -> None: ...

    def step_started(
        self, job_id: str, name: str, kind: str, scene_number: int | None = None
    ) -> None: ...

    def step_prediction(self, job_id: str, name: str, prediction_id: str) -> None: ...

    def step_finished(
        self,
        job_id: str,
        name: str,
        *,
        output_key: str | None = None,
        cost_usd: float = 0.0,
        error: ErrorInfo | None = None,
    ) -> None: ...

    def job_finished(self, job: Job) -> None: ...

    def keep_on_shutdown(self) -> bool:
        """Whether a remote prediction cancelled now should be left running to re-attach to."""
        return self.durable and self.closing


def job_result(job: Job) -> dict[str, Any]:
    """The job's whole status answer, as JSON: what `GET /api/status/{id}` shows once the
    process no longer holds the job."""
    return JobStatusResponse.model_validate(job.fields()).model_dump(mode="json")


def finished_columns(job: Job) -> dict[str, Any]:
    """The jobs row of a finished job: its end, and the answer it gives from then on."""
    return {
        "status": job.status.value,
        "progress": job.progress,
        "result": job_result(job),
        "error_code": job.error.code.value if job.error else None,
        "error_message": job.error.message if job.error else None,
        "cost_usd": job.cost.total_usd,
    }


class DatabaseCheckpoints(Checkpoints):
    def __init__(self, db: Database, lease: Lease | None = None) -> None:
        self._db = db
        self._lease = lease
        """A new job's lease columns, when several processes share the jobs."""
        self._queue: asyncio.Queue[tuple[str, Write] | asyncio.Future[None] | None] = (
            asyncio.Queue()
        )
        self._writer: asyncio.Task[None] | None = None

    @property
    def durable(self) -> bool:
        return True

    def start(self) -> None:
        self._writer = asyncio.create_task(self._write_all(), name="checkpoints")

    async def flush(self) -> None:
        """Wait until every write queued so far has been applied (or has failed)."""
        await self._queue.join()

    async def caught_up(self) -> None:
        """Wait (bounded) until the writes queued before this call have been applied; later
        ones are not waited for, so a busy process does not hold the caller up for long."""
        if self._writer is None or self._writer.done():
            return
        marker: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait(marker)
        try:
            async with asyncio.timeout(CAUGHT_UP_SECONDS):
                await asyncio.shield(marker)
        except TimeoutError:
            logger.warning("checkpoints: still %d writes behind", self._queue.qsize())

    async def close(self) -> None:
        """Apply what is queued (bounded), then stop the writer."""
        self._queue.put_nowait(None)
        if self._writer is None:
            return
        try:
            async with asyncio.timeout(DRAIN_SECONDS):
                await asyncio.shield(self._writer)
        except TimeoutError:
            logger.warning("checkpoints: %d writes not applied at shutdown", self._queue.qsize())
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer

    def _put(self, what: str, write: Write) -> None:
        self._queue.put_nowait((what, write))

    async def _write_all(self) -> None:
        while True:
            item = await self._queue.get()
            try:
                if item is None:
                    return
                if isinstance(item, asyncio.Future):
                    if not item.done():
                        item.set_result(None)
                    continue
                what, write = item
                try:
                    async with self._db.session() as session:
                        await write(session)
                except Exception:
                    logger.exception("checkpoint not written (%s); the job goes on", what)
            finally:
                self._queue.task_done()

    # --- what the job services call ---------------------------------------------------------

    def job_created(self, job: Job, request: dict[str, Any], project_id: str | None = None) -> None:
        kind, owner = job.kind.value, job.owner
        lease = self._lease() if self._lease is not None else None

        async def write(session: AsyncSession) -> None:
            await repo.add(session, job.job_id, kind, request, project_id, owner, lease)

        self._put(f"job {job.job_id} created", write)

    def step_started(
        self, job_id: str, name: str, kind: str, scene_number: int | None = None
    ) -> None:
        async def write(session: AsyncSession) -> None:
            row = await _step(session, job_id, name)
            attempts = (row.attempts if row is not None else 0) + 1
            await repo.step(
                session,
                job_id,
                name,
                kind=kind,
                scene_number=scene_number,
                status=repo.PROCESSING,
                attempts=attempts,
                error_code=None,
                error_message=None,
            )

        self._put(f"{name} of job {job_id} started", write)

    def step_prediction(self, job_id: str, name: str, prediction_id: str) -> None:
        async def write(session: AsyncSession) -> None:
            await repo.step(session, job_id, name, prediction_id=prediction_id)

        self._put(f"prediction of {name} of job {job_id}", write)

    def step_finished(
        self,
        job_id: str,
        name: str,
        *,
        output_key: str | None = None,
        cost_usd: float = 0.0,
        error: ErrorInfo | None = None,
    ) -> None:
        columns = {
            "status": "failed" if error else "complete",
            "output_key": output_key,
            "cost_usd": cost_usd,
            "error_code": error.code.value if error else None,
            "error_message": error.message if error else None,
        }

        async def write(session: AsyncSession) -> None:
            await repo.step(session, job_id, name, **columns)

        self._put(f"{name} of job {job_id} finished", write)

    def job_finished(self, job: Job) -> None:
        job_id, owner, columns = job.job_id, job.owner, finished_columns(job)

        async def write(session: AsyncSession) -> None:
            await spend_repo.lock_user(session, owner)  # first, as every spend change does
            await write_end(session, job_id, owner, columns)

        self._put(f"job {job.job_id} finished", write)


async def write_end(
    session: AsyncSession, job_id: str, owner: str, columns: dict[str, Any]
) -> bool:
    """A finished job's row (`finished_columns`), and its owner's spend settled at its real
    cost, wherever it ended (the API, or the worker that concluded it); whether it ended here.
    A job already ended (called off while a worker ran it) keeps its first end and its spend.
    The caller has taken the owner's spend lock first, as every spend change does."""
    if not await repo.finish(session, job_id, **columns):
        return False
    # A resumed job's ledger holds only what it spent since; its steps hold the rest.
    cost = max(float(columns["cost_usd"]), await spend_repo.steps_cost(session, job_id))
    await spend_repo.settle_job(session, job_id, owner, cost, utcnow())
    return True


async def _step(session: AsyncSession, job_id: str, name: str) -> JobStep | None:
    job = await repo.get(session, job_id)
    return next((step for step in job.steps if step.name == name), None) if job else None


@asynccontextmanager
async def open_checkpoints(
    db: Database, lease: Lease | None = None
) -> AsyncIterator[DatabaseCheckpoints]:
    checkpoints = DatabaseCheckpoints(db, lease)
    checkpoints.start()
    try:
        yield checkpoints
    finally:
        await checkpoints.close()
