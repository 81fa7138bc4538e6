"""Jobs and their steps, as checkpointed: small queries, one purpose each. Callers own the session.

A job row is inserted once, when the job is created; afterwards only updated, so that a write
arriving for a job deleted meanwhile (its project was) changes nothing instead of bringing it
back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete as delete_rows
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.db import spend
from app.db.base import utcnow
from app.db.models import LOCAL_USER_ID, Job, JobStep

PROCESSING = "processing"


async def add(
    session: AsyncSession,
    job_id: str,
    kind: str,
    request: dict[str, Any],
    project_id: str | None,
    user_id: str | None = None,
    lease: dict[str, Any] | None = None,
) -> None:
    """`lease`: the process running the job (`app.services.job_leases`), if it says."""
    session.add(
        Job(
            id=job_id,
            kind=kind,
            status=PROCESSING,
            request=request,
            project_id=project_id,
            user_id=user_id,
            **(lease or {}),
        )
    )
    await session.flush()


async def change(session: AsyncSession, job_id: str, **columns: Any) -> None:
    await session.execute(
        update(Job).where(Job.id == job_id).values(**columns, updated_at=utcnow())
    )


async def finish(session: AsyncSession, job_id: str, **columns: Any) -> bool:
    """End a running job with these columns; whether it was running. A job ends once: the
    first end to land wins (a worker's end arriving after its job was called off changes
    nothing)."""
    done = await session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == PROCESSING)
        .values(**columns, updated_at=utcnow())
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


async def step(session: AsyncSession, job_id: str, name: str, **columns: Any) -> None:
    """Write a step's columns, inserting the step if it is new (nothing if the job is gone)."""
    query = select(JobStep).where(JobStep.job_id == job_id, JobStep.name == name)
    row = await session.scalar(query)
    if row is None:
        if await session.get(Job, job_id) is None:
            return
        row = JobStep(job_id=job_id, name=name, **columns)
        session.add(row)
    else:
        for column, value in columns.items():
            setattr(row, column, value)
        row.updated_at = utcnow()
    await session.flush()


async def get(session: AsyncSession, job_id: str) -> Job | None:
    query = select(Job).where(Job.id == job_id).options(selectinload(Job.steps))
    return (await session.scalars(query)).one_or_none()


async def owner_of(session: AsyncSession, job_id: str) -> str | None:
    """Whose job it is (the local user's when no one signed in), None if there is no such job."""
    row = await session.execute(select(Job.user_id).where(Job.id == job_id))
    found = row.first()
    return None if found is None else (found[0] or LOCAL_USER_ID)


async def lock(session: AsyncSession, job_id: str) -> Job | None:
    """The job with its steps, locked until the session ends: PostgreSQL holds its row
    (`FOR UPDATE`), SQLite the whole database (every transaction begins `IMMEDIATE`), so two
    workers finishing a job's last clips at once decide its end one after the other."""
    query = (
        select(Job)
        .where(Job.id == job_id)
        .options(selectinload(Job.steps))
        .with_for_update(of=Job)
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(query)).one_or_none()


async def unfinished(session: AsyncSession) -> Sequence[Job]:
    """Jobs a process was running when it stopped, oldest first."""
    query = (
        select(Job)
        .where(Job.status == PROCESSING)
        .options(selectinload(Job.steps))
        .order_by(Job.created_at, Job.id)
    )
    return (await session.scalars(query)).all()


async def of_project(session: AsyncSession, project_id: str) -> Sequence[Job]:
    query = select(Job).where(Job.project_id == project_id).options(selectinload(Job.steps))
    return (await session.scalars(query)).all()


async def withdraw(session: AsyncSession, job_id: str) -> None:
    """Delete a job that never started (its steps could not be handed to the workers): nothing
    of it ran, nothing was spent, so nothing of it is kept."""
    await session.execute(delete_rows(Job).where(Job.id == job_id))


async def delete(session: AsyncSession, jobs: Sequence[Job]) -> None:
    """Delete the jobs (their project is going). One stopped while running never reaches its
    end checkpoint: its spend is settled here, at what its steps had cost."""
    for job in jobs:
        if job.status == PROCESSING and job.user_id is not None:
            await spend.lock_user(session, job.user_id)
            cost = await spend.steps_cost(session, job.id)
            await spend.settle_job(session, job.id, job.user_id, cost, utcnow())
        await session.delete(job)
    await session.flush()
