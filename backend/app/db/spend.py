"""Each user's spend, as rows of `spend`: small queries, one purpose each. Callers own the session.

Every change to a user's rows starts with `lock_user`, so that a reservation, the job it is
attached to, and that job's settlement happen one after another across processes:

    PostgreSQL  a transaction-scoped advisory lock on the user (released at commit)
    SQLite      nothing more: every transaction begins IMMEDIATE (`app.db.engine`) and so
                holds the database's one write lock from its first statement
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import and_, case, delete, func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobStep, Spend

LOCK_NAMESPACE = 0x5E17D
"""The first key of the two-key advisory lock, so that other locks of ours never collide."""

HELD_AT_MOST = timedelta(hours=24)
"""A reservation whose job never settled (its process and every resume gone) stops counting
after this: no step runs this long."""


def user_lock_key(user_id: str) -> int:
    """The user's half of the advisory lock: a stable signed 32-bit hash of the id."""
    return int.from_bytes(hashlib.sha256(user_id.encode()).digest()[:4], "big", signed=True)


async def lock_user(session: AsyncSession, user_id: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            text("SELECT pg_advisory_xact_lock(:namespace, :key)"),
            {"namespace": LOCK_NAMESPACE, "key": user_lock_key(user_id)},
        )


async def used(session: AsyncSession, user_id: str, day_start: datetime, now: datetime) -> float:
    """Today's spend: what settled since `day_start`, plus what running jobs hold."""
    held = Spend.settled_at.is_(None)
    amount = case((held, Spend.estimate_usd), else_=func.coalesce(Spend.cost_usd, 0.0))
    query = select(func.coalesce(func.sum(amount), 0.0)).where(
        Spend.user_id == user_id,
        or_(
            Spend.settled_at >= day_start,
            and_(held, Spend.reserved_at >= now - HELD_AT_MOST),
        ),
    )
    return float(await session.scalar(query) or 0.0)


async def reserve(session: AsyncSession, user_id: str, usd: float, now: datetime) -> str:
    row = Spend(user_id=user_id, estimate_usd=usd, reserved_at=now)
    session.add(row)
    await session.flush()
    return row.id


async def attach(session: AsyncSession, reservation_id: str, job_id: str) -> None:
    """The reserved job has started as `job_id`. Should it have ended already (settled before
    this), its settlement stands and the reservation goes."""
    settled = await session.scalar(select(Spend.id).where(Spend.job_id == job_id))
    if settled is not None:
        await release(session, reservation_id)
        return
    await session.execute(update(Spend).where(Spend.id == reservation_id).values(job_id=job_id))


async def release(session: AsyncSession, reservation_id: str) -> None:
    await session.execute(delete(Spend).where(Spend.id == reservation_id))


async def settle_reservation(
    session: AsyncSession, reservation_id: str, cost_usd: float, now: datetime
) -> None:
    await session.execute(
        update(Spend)
        .where(Spend.id == reservation_id, Spend.settled_at.is_(None))
        .values(cost_usd=cost_usd, settled_at=now)
    )


async def settle_job(
    session: AsyncSession, job_id: str, user_id: str, cost_usd: float, now: datetime
) -> None:
    """The job has ended, having cost `cost_usd`: its reservation gives way to that. A job not
    yet attached to its reservation (it ended within its own start) gets a row of its own,
    which the attach then finds."""
    done = await session.execute(
        update(Spend)
        .where(Spend.job_id == job_id, Spend.settled_at.is_(None))
        .values(cost_usd=cost_usd, settled_at=now)
    )
    if done.rowcount:  # type: ignore[attr-defined]
        return
    known = await session.scalar(select(Spend.id).where(Spend.job_id == job_id))
    if cost_usd > 0 and known is None:
        session.add(
            Spend(
                user_id=user_id,
                job_id=job_id,
                estimate_usd=0.0,
                cost_usd=cost_usd,
                reserved_at=now,
                settled_at=now,
            )
        )
        await session.flush()


async def steps_cost(session: AsyncSession, job_id: str) -> float:
    """What the job's checkpointed steps cost, across every process that ran them (a resumed
    job's own ledger knows only what it spent since it was resumed)."""
    query = select(func.coalesce(func.sum(JobStep.cost_usd), 0.0)).where(JobStep.job_id == job_id)
    return float(await session.scalar(query) or 0.0)
