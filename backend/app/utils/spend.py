"""Each user's provider spend today, against the daily budget (`DAILY_BUDGET_USD`).

Kept in the database (`spend`, one row per paid job), so that every API process and every
worker counts the same money, and a restart forgets none of it. A user's spend today is what
their jobs that ended today really cost, plus the estimate of their jobs still running:

    reserve   the request's process, before the job starts: under the user's lock, today's
              spend is summed and the estimate either fits (a row holds it) or is refused (402)
    attach    the job has started: the row learns its job id, before the answer is sent
    settle    wherever the job ends (this process, another after a restart, a worker): the
              job's end checkpoint replaces the estimate with what it really cost
              (`DatabaseCheckpoints.job_finished`), in the same transaction

Two requests at once cannot both slip under a budget only one fits: the second to take the
user's lock sees the first one's reservation. Free work (local providers) is never refused
and writes nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from app.db import spend as repo
from app.db.engine import Database
from app.errors import BudgetExceeded
from app.models.cost import BudgetStatus
from app.utils.job_tracker import Job

Clock = Callable[[], datetime]
CaughtUp = Callable[[], Awaitable[None]]
"""Waits until this process's own checkpoints have landed (a job that ended here a moment ago
is settled in the database by then)."""

_CENT = 0.005


def _utc_now() -> datetime:
    return datetime.now(UTC)


async def _nothing_to_wait_for() -> None:
    return None


@dataclass(frozen=True)
class Reservation:
    user_id: str
    usd: float
    id: str | None
    """The row holding it; None for free work, which holds nothing."""


class DailySpend:
    def __init__(
        self,
        db: Database,
        daily_usd: float,
        now: Clock = _utc_now,
        caught_up: CaughtUp = _nothing_to_wait_for,
    ) -> None:
        self.daily_usd = daily_usd
        """0: unlimited; spend is still counted, so the studio can show it."""
        self._db = db
        self._now = now
        self._caught_up = caught_up

    async def status(self, user_id: str) -> BudgetStatus:
        await self._caught_up()
        async with self._db.session() as session:
            used = await repo.used(session, user_id, self._day_start(), self._now())
        return BudgetStatus(
            daily_usd=self.daily_usd,
            spent_usd=round(used, 6),
            remaining_usd=round(max(0.0, self.daily_usd - used), 6) if self.daily_usd else None,
            resets_at=self._midnight(),
        )

    async def reserve(self, user_id: str, usd: float) -> Reservation:
        """Hold `usd` of today's budget for work about to start, or refuse it (402) when it
        would go past the budget. Free work (local providers) is never refused."""
        if usd <= 0:
            return Reservation(user_id, 0.0, None)
        await self._caught_up()
        now = self._now()
        async with self._db.session() as session:
            await repo.lock_user(session, user_id)
            used = await repo.used(session, user_id, self._day_start(), now)
            if self.daily_usd and used + usd > self.daily_usd + 1e-9:
                raise BudgetExceeded(self._refusal(used, usd))
            reservation_id = await repo.reserve(session, user_id, usd, now)
        return Reservation(user_id, usd, reservation_id)

    async def settle(self, reservation: Reservation, actual_usd: float) -> None:
        """The work is over: its reservation gives way to what it really cost. (A job settles
        through its end checkpoint instead; this is for work that is not a job.)"""
        if reservation.id is None:
            return
        async with self._db.session() as session:
            await repo.lock_user(session, reservation.user_id)
            await repo.settle_reservation(session, reservation.id, actual_usd, self._now())

    async def pay_for(self, user_id: str, usd: float, start: Callable[[], Awaitable[Job]]) -> Job:
        """Start a job whose estimate is `usd` if the budget allows it (else 402, and `start`
        is never called). The reservation is the job's from then on, settled at its real cost
        by the checkpoint of its end, in whichever process it ends."""
        reservation = await self.reserve(user_id, usd)
        try:
            job = await start()
        except BaseException:
            await self._release(reservation)
            raise
        if reservation.id is not None:
            async with self._db.session() as session:
                await repo.lock_user(session, user_id)
                await repo.attach(session, reservation.id, job.job_id)
        return job

    async def _release(self, reservation: Reservation) -> None:
        if reservation.id is None:
            return
        async with self._db.session() as session:
            await repo.lock_user(session, reservation.user_id)
            await repo.release(session, reservation.id)

    def _day_start(self) -> datetime:
        return datetime.combine(self._now().astimezone(UTC).date(), time(), tzinfo=UTC)

    def _midnight(self) -> datetime:
        return self._day_start() + timedelta(days=1)

    def _refusal(self, used: float, usd: float) -> str:
        left = max(0.0, self.daily_usd - used)
        wait = self._midnight() - self._now()
        hours, minutes = divmod(max(1, round(wait.total_seconds() / 60)), 60)
        resets = f"{hours} h {minutes} min" if hours else f"{minutes} min"
        return (
            f"This would cost about {_usd(usd)}, more than is left of your daily budget of "
            f"{_usd(self.daily_usd)}: {_usd(used)} is spent today, {_usd(left)} left. "
            f"The budget resets at midnight UTC, in {resets}."
        )


def _usd(amount: float) -> str:
    return f"${amount:,.2f}" if amount >= _CENT or amount == 0 else f"${amount:,.4f}"
