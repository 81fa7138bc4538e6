"""Issue 14: several API processes on one database (`JOB_BACKEND=inprocess`) never both resume
one job. Each unfinished job carries a lease (its process, until when): taken atomically,
renewed while the job runs, free once it expires, is given back, or its process is gone."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from app.config import Settings
from app.db import jobs as jobs_repo
from app.db.engine import Database, open_database
from app.db.models import LOCAL_USER_ID
from app.db.models import Job as JobRow
from app.main import create_app
from app.models.video import JobKind, JobStatus
from app.services.checkpoints import job_result
from app.services.job_leases import Leases, gone
from app.utils.job_tracker import Job, JobTracker
from tests.conftest import BASE_URL
from tests.utils.factories import fake_providers

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@asynccontextmanager
async def database(folder: Path) -> AsyncIterator[Database]:
    async with open_database(None, folder / "data", folder / "media") as db:
        yield db


async def _add_job(db: Database, job_id: str, leases: Leases | None = None) -> None:
    async with db.session() as session:
        lease = leases.columns() if leases is not None else None
        await jobs_repo.add(session, job_id, "clips", {}, None, LOCAL_USER_ID, lease)


async def _holder(db: Database, job_id: str) -> str | None:
    async with db.session() as session:
        row = await session.get(JobRow, job_id)
        assert row is not None
        return row.lease_owner


async def test_a_live_lease_is_another_process_s_until_it_expires_or_is_given_back(
    tmp_path: Path,
) -> None:
    clock = Clock()
    async with database(tmp_path) as db:
        first = Leases(db, "host-a/1/aaaa", seconds=60, now=clock)
        second = Leases(db, "host-b/1/bbbb", seconds=60, now=clock)
        await _add_job(db, "job-1", first)

        assert not await second.claim("job-1"), "the job runs in the first process"
        assert await second.free_jobs() == []
        clock.now += timedelta(seconds=50)
        await first.renew()  # the first process still runs it
        clock.now += timedelta(seconds=50)
        assert not await second.claim("job-1")

        clock.now += timedelta(seconds=61)  # the first process stopped renewing: it died
        assert await second.free_jobs() == ["job-1"]
        assert await second.claim("job-1")
        assert not await first.claim("job-1"), "now it is the second's"
        assert await _holder(db, "job-1") == "host-b/1/bbbb"

        await second.release()  # a graceful shutdown: the next start takes it up at once
        assert await first.claim("job-1")


async def test_of_two_processes_claiming_one_job_at_once_exactly_one_wins(tmp_path: Path) -> None:
    async with database(tmp_path) as first_db, database(tmp_path) as second_db:
        await _add_job(first_db, "job-1")  # written before leases existed: free
        first, second = Leases(first_db), Leases(second_db)
        won = await asyncio.gather(first.claim("job-1"), second.claim("job-1"))
        assert sorted(won) == [False, True]


async def test_the_lease_of_a_process_of_this_host_that_is_gone_is_free(tmp_path: Path) -> None:
    """An API killed and started again takes its jobs up at once, not after the lease."""
    dead = await asyncio.create_subprocess_exec("true")
    await dead.wait()
    host = socket.gethostname()
    assert gone(f"{host}/{dead.pid}/cafe")
    assert not gone(f"{host}/{os.getpid()}/cafe"), "this process runs"
    assert not gone(f"elsewhere/{dead.pid}/cafe"), "another host's: only its lease tells"

    async with database(tmp_path) as db:
        killed = Leases(db, f"{host}/{dead.pid}/cafe")
        await _add_job(db, "job-1", killed)
        assert await Leases(db).claim("job-1")


async def test_a_job_another_process_runs_is_not_resumed_and_its_end_is_read_from_its_row(
    settings: Settings,
) -> None:
    """The second API process leaves the job to the first; asked about it, it answers as the
    job's row says, up to its end."""
    app = create_app(settings, fake_providers())
    data = settings.media.root.parent / "data"
    other = f"{socket.gethostname()}/{os.getpid()}/other-api"  # alive: this very process
    async with open_database(None, data, settings.media.root) as db:
        runner = Leases(db, other)
        await _add_job(db, "job-1", runner)

        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
                running = (await client.get("/api/status/job-1")).json()
                tracker: JobTracker = app.state.runtime.jobs
                # The first process ends the job and checkpoints its answer.
                ended = Job(
                    "job-1",
                    JobKind.CLIPS,
                    status=JobStatus.COMPLETE,
                    progress=100,
                    owner=LOCAL_USER_ID,
                )
                async with db.session() as session:
                    await jobs_repo.change(
                        session, "job-1", status="complete", progress=100, result=job_result(ended)
                    )
                events = await client.get("/api/jobs/job-1/events")
                final = (await client.get("/api/status/job-1")).json()

        assert await _holder(db, "job-1") == other, "never taken from the first process"
    assert running["status"] == "processing"
    assert not tracker.holds("job-1") or tracker.get("job-1").finished
    assert final["status"] == "complete" and final["progress"] == 100
    assert '"status":"complete"' in events.text.replace(" ", "")


async def test_a_live_process_renews_its_leases_and_takes_up_the_jobs_of_one_that_died(
    tmp_path: Path,
) -> None:
    clock = Clock()
    async with database(tmp_path) as db:
        died = Leases(db, "host-b/1/bbbb", seconds=60, now=clock)
        alive = Leases(db, "host-a/1/aaaa", seconds=60, now=clock)
        await _add_job(db, "mine", alive)
        await _add_job(db, "orphan", died)
        clock.now += timedelta(seconds=61)  # past both leases: only the live one renews
        adopted: list[list[str]] = []
        taken_up = asyncio.Event()

        async def adopt() -> int:
            ids = [job_id for job_id in await alive.free_jobs() if await alive.claim(job_id)]
            adopted.append(ids)
            taken_up.set()
            return len(ids)

        alive.keep(adopt, every=0.01)
        await asyncio.wait_for(taken_up.wait(), timeout=30)
        await alive.stop()

        assert adopted[0] == ["orphan"], "its own job renewed, not taken up again"
        assert await _holder(db, "orphan") == "host-a/1/aaaa"
        assert not await died.claim("mine")
