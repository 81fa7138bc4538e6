"""Progress pushed: `GET /api/jobs/{job_id}/events`, Server-Sent Events alongside polling."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.sse import EventSourceResponse

from app.deps import CurrentUserId, DbDep, JobsDep, RuntimeDep, SettingsDep
from app.models.errors import ErrorResponse
from app.models.video import JobStatusResponse
from app.routers.responses import JOB, PARAMETERS, merge
from app.services import durable_jobs
from app.services.job_events import job_changes

router = APIRouter(prefix="/api/jobs", tags=["jobs"], responses=merge(JOB, PARAMETERS))


class EventStream(EventSourceResponse):
    """`EventSourceResponse` without a media type of its own: FastAPI documents a route's
    error answers in its response class's media type, and ours are JSON. The stream itself is
    still sent, and documented, as `text/event-stream`."""

    media_type = None  # type: ignore[assignment]


async def _known_job(job_id: str, jobs: JobsDep, db: DbDep, user_id: CurrentUserId) -> str:
    """The job, checked before the stream opens, so an unknown one is a JSON 404; a job of an
    earlier process is read back from its checkpoints (it streams its one final status)."""
    await durable_jobs.load(db, jobs, job_id, user_id)
    return job_id


async def _stream_slot(runtime: RuntimeDep) -> AsyncIterator[None]:
    """One of the process's stream slots, held until the stream has ended (503 when none is
    free), however it ends: the job finished or the client went away."""
    runtime.streams.take()
    try:
        yield
    finally:
        runtime.streams.give_back()


@router.get(
    "/{job_id}/events",
    response_class=EventStream,
    responses={
        200: {"description": "One `message` event per change; its data is the status body."},
        503: {
            "model": ErrorResponse,
            "description": "Every stream slot is taken (`too_many_streams`): poll instead.",
        },
    },
)
async def job_events(
    job_id: Annotated[str, Depends(_known_job)],
    jobs: JobsDep,
    settings: SettingsDep,
    db: DbDep,
    _slot: Annotated[None, Depends(_stream_slot)],
) -> AsyncIterator[JobStatusResponse]:
    """Any job's status (as `GET /api/status/{job_id}` answers it) whenever it changes, a few
    times a second at most, ending with the finished job; a comment every 15 s keeps proxies
    from closing a quiet stream."""
    interval = settings.events.min_interval_seconds
    async with durable_jobs.following(db, jobs, job_id):  # run by another process: its row
        async for status in job_changes(jobs, job_id, interval):
            yield status
