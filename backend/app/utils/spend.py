"""Each user's provider spend today, against the daily budget (`DAILY_BUDGET_USD`).

Kept in memory, per process: a restart forgets the day's spend, and two API processes each
count their own. Durable, shared spend belongs with the jobs table once jobs are persisted (it
would need a migration of its own); until then the budget is a guard against runaway spend in
one process, not an accounting record.

Paid work reserves its estimate before it starts, so two jobs started together cannot both
slip under the budget; when the job finishes, its reservation is replaced by what its ledger
says it really cost.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from app.errors import BudgetExceeded
from app.models.cost import BudgetStatus
from app.utils.job_tracker import Job

Clock = Callable[[], datetime]
OnFinish = Callable[[str, Callable[[Job], None]], None]
"""`JobTracker.on_finish`."""

_CENT = 0.005


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class _Day:
    day: date
    spent: float = 0.0
    reserved: float = 0.0


@dataclass(frozen=True)
class Reservation:
    user_id: str
    usd: float


class DailySpend:
    def __init__(self, daily_usd: float, now: Clock = _utc_now) -> None:
        self.daily_usd = daily_usd
        """0: unlimited; spend is still counted, so the studio can show it."""
        self._now = now
        self._days: dict[str, _Day] = {}

    def status(self, user_id: str) -> BudgetStatus:
        today = self._today(user_id)
        used = today.spent + today.reserved
        return BudgetStatus(
            daily_usd=self.daily_usd,
            spent_usd=round(used, 6),
            remaining_usd=round(max(0.0, self.daily_usd - used), 6) if self.daily_usd else None,
            resets_at=self._midnight(),
        )

    def reserve(self, user_id: str, usd: float) -> Reservation:
        """Hold `usd` of today's budget for work about to start, or refuse it (402) when it
        would go past the budget. Free work (local providers) is never refused."""
        today = self._today(user_id)
        used = today.spent + today.reserved
        if self.daily_usd and usd > 0 and used + usd > self.daily_usd + 1e-9:
            raise BudgetExceeded(self._refusal(used, usd))
        today.reserved += usd
        return Reservation(user_id, usd)

    def settle(self, reservation: Reservation, actual_usd: float) -> None:
        """The work is over: its reservation gives way to what it really cost."""
        today = self._today(reservation.user_id)
        today.reserved = max(0.0, today.reserved - reservation.usd)
        today.spent += actual_usd

    async def pay_for(
        self, user_id: str, usd: float, start: Callable[[], Awaitable[Job]], on_finish: OnFinish
    ) -> Job:
        """Start a job whose estimate is `usd` if the budget allows it (else 402, and `start`
        is never called); the job's real cost is counted when it finishes."""
        reservation = self.reserve(user_id, usd)
        try:
            job = await start()
        except BaseException:
            self.settle(reservation, 0.0)
            raise
        on_finish(job.job_id, lambda done: self.settle(reservation, done.cost.total_usd))
        return job

    def _today(self, user_id: str) -> _Day:
        today = self._now().astimezone(UTC).date()
        record = self._days.get(user_id)
        if record is None or record.day != today:
            # Work reserved yesterday and still running is still owed.
            carried = record.reserved if record is not None else 0.0
            record = self._days[user_id] = _Day(today, reserved=carried)
        return record

    def _midnight(self) -> datetime:
        tomorrow = self._now().astimezone(UTC).date() + timedelta(days=1)
        return datetime.combine(tomorrow, time(), tzinfo=UTC)

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
