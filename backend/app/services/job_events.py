"""Progress pushed: a job's status answer, each time it changes, until the job ends.

The stream is the poll turned around: the same body as `GET /api/status/{job_id}`, sent when
the tracker says something changed instead of when a client asks. Changes that come close
together (a clip's progress ticks many times a second) are coalesced: after each event the
stream waits `min_interval` and sends the state as it is then, so a client never falls
behind and never gets more than a few events a second. The last event is the finished job.

Nothing here runs on its own: the stream is an async generator driven by the response, so a
client that goes away cancels it and its `finally` unhooks it from the tracker.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from app.errors import TooManyStreams
from app.models.video import JobStatusResponse
from app.utils.job_tracker import Job, JobTracker


class StreamSlots:
    """How many event streams this process keeps open at once: each holds a connection and
    a watcher, so a crowd of tabs cannot hold the API's connections hostage."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open = 0

    def take(self) -> None:
        if self.open >= self.limit:
            raise TooManyStreams()
        self.open += 1

    def give_back(self) -> None:
        self.open = max(0, self.open - 1)


def _waker(event: asyncio.Event) -> Callable[[Job], None]:
    """A watcher that sets `event` on this loop, from whichever thread reports the change."""
    loop = asyncio.get_running_loop()

    def wake(job: Job) -> None:
        # Progress may be reported from a worker thread (a provider's callback): an Event is
        # only ever set from its own loop.
        try:
            here: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            here = None
        if here is loop:
            event.set()
        elif not loop.is_closed():
            loop.call_soon_threadsafe(event.set)

    return wake


async def job_changes(
    jobs: JobTracker, job_id: str, min_interval: float = 0.25
) -> AsyncIterator[JobStatusResponse]:
    """The job's status now, then after every change, coalesced; ends with the finished job."""
    changed = asyncio.Event()
    stop = jobs.watch(job_id, _waker(changed))
    try:
        last: JobStatusResponse | None = None
        job: Job | None = None
        while True:
            changed.clear()  # before reading, so a change made after the read is not missed
            # A job called off (`JobTracker.call_off`) is forgotten once it has ended: its
            # last state is still what this stream ends with.
            job = jobs.get(job_id) if job is None or jobs.holds(job_id) else job
            status = JobStatusResponse.model_validate(job.fields())
            if status != last:
                yield status
                last = status
            if job.finished:
                return
            await changed.wait()
            await asyncio.sleep(min_interval)
    finally:
        stop()
