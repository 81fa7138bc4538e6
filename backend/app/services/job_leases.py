"""Job leases: which API process runs each unfinished job, so that several processes on one
database (`JOB_BACKEND=inprocess`) never both resume it.

    job created   its row carries this process's lease (the same write, `job_created`)
    every 20 s    the process renews the leases of the jobs it runs, then takes up any job
                  whose lease has run out (its process died) or whose process is gone
    start-up      a job is resumed only once its lease is taken, atomically (an UPDATE whose
                  WHERE says the lease is free; of two processes, one changes the row)
    shutdown      once its jobs have stopped and their checkpoints landed, the process gives
                  its leases back: the next start, or another process, takes them up at once

A lease is free when nobody holds it, when it has expired, or when its holder is a process of
this host that no longer exists (an API killed and started again need not wait out the lease).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from app.db.base import utcnow
from app.db.engine import Database
from app.db.jobs import PROCESSING
from app.db.models import Job

logger = logging.getLogger(__name__)

LEASE_SECONDS = 60.0
"""How long a lease lasts unrenewed: how long the jobs of a process that died on another host
wait before another process takes them up."""
RENEW_SECONDS = LEASE_SECONDS / 3

Adopt = Callable[[], Awaitable[int]]
"""Takes up every job whose lease is free (`durable_jobs.resume_unfinished`); how many."""


def new_owner() -> str:
    """This process: its host and pid (to tell, on this host, whether it still runs), and a
    random part, so that a later process given the same pid is not taken for it."""
    return f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:12]}"


def gone(owner: str) -> bool:
    """Whether `owner` was a process of this host that no longer runs."""
    host, _, rest = owner.partition("/")
    pid_text = rest.partition("/")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, but is not ours to signal
        return False
    return False


class Leases:
    def __init__(
        self,
        db: Database,
        owner: str | None = None,
        seconds: float = LEASE_SECONDS,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.owner = owner or new_owner()
        self._db = db
        self._seconds = seconds
        self._now = now
        self._task: asyncio.Task[None] | None = None

    def columns(self) -> dict[str, Any]:
        """A new job's lease, written with its row."""
        return {"lease_owner": self.owner, "lease_expires_at": self._expiry()}

    def _expiry(self) -> datetime:
        return self._now() + timedelta(seconds=self._seconds)

    async def claim(self, job_id: str) -> bool:
        """Take the job's lease if it is free; whether this process now holds it."""
        now = self._now()
        async with self._db.session() as session:
            row = (
                await session.execute(
                    select(Job.lease_owner, Job.lease_expires_at).where(
                        Job.id == job_id, Job.status == PROCESSING
                    )
                )
            ).one_or_none()
            if row is None:
                return False
            holder, expires = row
            free = holder is None or expires is None or expires < now or gone(holder)
            if holder == self.owner or not free:
                return False
            # Taken only if nobody took it since it was read.
            same_holder = Job.lease_owner.is_(None) if holder is None else Job.lease_owner == holder
            taken = await session.execute(
                update(Job)
                .where(Job.id == job_id, Job.status == PROCESSING, same_holder)
                .values(lease_owner=self.owner, lease_expires_at=self._expiry())
            )
            return bool(taken.rowcount)  # type: ignore[attr-defined]

    async def renew(self) -> None:
        async with self._db.session() as session:
            await session.execute(
                update(Job)
                .where(Job.lease_owner == self.owner, Job.status == PROCESSING)
                .values(lease_expires_at=self._expiry())
            )

    async def release(self) -> None:
        async with self._db.session() as session:
            await session.execute(
                update(Job)
                .where(Job.lease_owner == self.owner)
                .values(lease_owner=None, lease_expires_at=None)
            )

    async def free_jobs(self) -> list[str]:
        """Unfinished jobs whose lease another process could take now (oldest first)."""
        now = self._now()
        async with self._db.session() as session:
            rows = await session.execute(
                select(Job.id, Job.lease_owner, Job.lease_expires_at)
                .where(
                    Job.status == PROCESSING,
                    or_(Job.lease_owner.is_(None), Job.lease_owner != self.owner),
                )
                .order_by(Job.created_at, Job.id)
            )
            return [
                job_id
                for job_id, holder, expires in rows
                if holder is None or expires is None or expires < now or gone(holder)
            ]

    def keep(self, adopt: Adopt, every: float = RENEW_SECONDS) -> None:
        """Renew this process's leases every `every` seconds, and take up orphaned jobs."""
        self._task = asyncio.create_task(self._keep(adopt, every), name="job-leases")

    async def _keep(self, adopt: Adopt, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await self.renew()
                if await self.free_jobs():
                    await adopt()
            except Exception:
                logger.exception("job leases not renewed; retried in %.0f s", every)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


@asynccontextmanager
async def open_leases(db: Database) -> AsyncIterator[Leases]:
    """This process's leases, given back on exit (after its jobs, and its checkpoints, stop)."""
    leases = Leases(db)
    try:
        yield leases
    finally:
        await leases.stop()
        try:
            await leases.release()
        except Exception:
            logger.exception("job leases not given back; they expire in %.0f s", LEASE_SECONDS)
