"""The daily provider budget: reserve before paid work, settle at its real cost, reset at
midnight UTC, and a refusal that says the budget, what is spent, and when it resets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.errors import BudgetExceeded
from app.models.cost import ProviderCall
from app.models.video import JobKind
from app.utils.job_tracker import JobTracker
from app.utils.spend import DailySpend

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_work_past_the_budget_is_refused_with_budget_spend_and_reset() -> None:
    clock = Clock(datetime(2026, 3, 2, 20, 30, tzinfo=UTC))
    spend = DailySpend(5.0, clock)
    spend.settle(spend.reserve("ana", 4.8), 4.8)

    with pytest.raises(BudgetExceeded) as refused:
        spend.reserve("ana", 0.75)

    assert refused.value.status_code == 402
    assert refused.value.message == (
        "This would cost about $0.75, more than is left of your daily budget of $5.00: "
        "$4.80 is spent today, $0.20 left. The budget resets at midnight UTC, in 3 h 30 min."
    )
    # Another user's budget is their own; work that fits is allowed.
    spend.reserve("bo", 0.75)
    spend.reserve("ana", 0.2)


def test_reservations_count_until_settled_at_the_real_cost() -> None:
    spend = DailySpend(1.0, Clock(datetime(2026, 3, 2, 9, tzinfo=UTC)))
    first = spend.reserve("ana", 0.6)
    with pytest.raises(BudgetExceeded):
        spend.reserve("ana", 0.6)  # two jobs started together cannot both slip under it
    spend.settle(first, 0.3)  # it cost less than estimated
    assert spend.status("ana").spent_usd == pytest.approx(0.3)
    assert spend.status("ana").remaining_usd == pytest.approx(0.7)
    spend.reserve("ana", 0.6)


def test_the_day_resets_at_midnight_utc() -> None:
    clock = Clock(datetime(2026, 3, 2, 23, 59, tzinfo=UTC))
    spend = DailySpend(1.0, clock)
    spend.settle(spend.reserve("ana", 1.0), 1.0)
    assert spend.status("ana").resets_at == datetime(2026, 3, 3, tzinfo=UTC)
    with pytest.raises(BudgetExceeded):
        spend.reserve("ana", 0.1)
    clock.now += timedelta(minutes=2)
    assert spend.status("ana").spent_usd == 0
    spend.reserve("ana", 0.1)


def test_free_work_and_an_unlimited_budget_are_never_refused() -> None:
    spend = DailySpend(0.0)
    spend.settle(spend.reserve("ana", 1000.0), 1000.0)
    assert spend.status("ana").remaining_usd is None
    assert spend.status("ana").spent_usd == 1000.0
    limited = DailySpend(1.0)
    limited.settle(limited.reserve("ana", 1.0), 1.0)
    limited.reserve("ana", 0.0)  # local providers cost nothing


async def test_a_job_is_charged_its_ledger_when_it_finishes_and_never_started_when_refused() -> (
    None
):
    jobs = JobTracker()
    spend = DailySpend(1.0)
    started: list[str] = []

    async def start() -> object:
        job = jobs.create(JobKind.CLIPS)
        started.append(job.job_id)
        return job

    job = await spend.pay_for("ana", 0.5, start, jobs.on_finish)  # type: ignore[arg-type]
    assert spend.status("ana").spent_usd == pytest.approx(0.5)  # reserved while it runs
    job.cost.add(
        ProviderCall(
            provider="replicate",
            model="m/m",
            capability="motion",
            outcome="succeeded",
            units=5,
            unit="output_second",
            estimated_usd=0.25,
        )
    )
    jobs.complete(job.job_id)
    assert spend.status("ana").spent_usd == pytest.approx(0.25)

    with pytest.raises(BudgetExceeded):
        await spend.pay_for("ana", 0.8, start, jobs.on_finish)  # type: ignore[arg-type]
    assert len(started) == 1


async def test_a_start_that_fails_gives_its_reservation_back() -> None:
    spend = DailySpend(1.0)

    async def start() -> object:
        raise RuntimeError("storage full")

    with pytest.raises(RuntimeError):
        await spend.pay_for("ana", 0.9, start, JobTracker().on_finish)  # type: ignore[arg-type]
    assert spend.status("ana").spent_usd == 0
