"""The daily provider budget: reserve before paid work, settle at its real cost, reset at
midnight UTC, and a refusal that says the budget, what is spent, and when it resets.

The spend lives in the database: every test runs on a SQLite file, and the ones about several
processes open it through engines of their own, as two API processes (or a worker) would."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.db.engine import Database, open_database
from app.db.models import User
from app.errors import BudgetExceeded
from app.models.cost import ProviderCall
from app.models.video import JobKind
from app.services.checkpoints import open_checkpoints
from app.utils.job_tracker import Job, JobTracker
from app.utils.spend import DailySpend

pytestmark = pytest.mark.anyio

USERS = ("ana", "bo")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@asynccontextmanager
async def database(folder: Path) -> AsyncIterator[Database]:
    """The test's database (created on first open); another open is another process."""
    async with open_database(None, folder / "data", folder / "media") as db:
        async with db.session() as session:
            for user in USERS:
                if await session.get(User, user) is None:
                    session.add(User(id=user, name=user))
        yield db


def _charge(job: Job, usd: float) -> None:
    job.cost.add(
        ProviderCall(
            provider="replicate",
            model="m/m",
            capability="motion",
            outcome="succeeded",
            units=5,
            unit="output_second",
            estimated_usd=usd,
        )
    )


async def test_work_past_the_budget_is_refused_with_budget_spend_and_reset(
    tmp_path: Path,
) -> None:
    clock = Clock(datetime(2026, 3, 2, 20, 30, tzinfo=UTC))
    async with database(tmp_path) as db:
        spend = DailySpend(db, 5.0, clock)
        await spend.settle(await spend.reserve("ana", 4.8), 4.8)

        with pytest.raises(BudgetExceeded) as refused:
            await spend.reserve("ana", 0.75)

        assert refused.value.status_code == 402
        assert refused.value.message == (
            "This would cost about $0.75, more than is left of your daily budget of $5.00: "
            "$4.80 is spent today, $0.20 left. The budget resets at midnight UTC, in 3 h 30 min."
        )
        # Another user's budget is their own; work that fits is allowed.
        await spend.reserve("bo", 0.75)
        await spend.reserve("ana", 0.2)


async def test_reservations_count_until_settled_at_the_real_cost(tmp_path: Path) -> None:
    async with database(tmp_path) as db:
        spend = DailySpend(db, 1.0, Clock(datetime(2026, 3, 2, 9, tzinfo=UTC)))
        first = await spend.reserve("ana", 0.6)
        with pytest.raises(BudgetExceeded):
            await spend.reserve("ana", 0.6)  # two jobs started together cannot both slip under
        await spend.settle(first, 0.3)  # it cost less than estimated
        assert (await spend.status("ana")).spent_usd == pytest.approx(0.3)
        assert (await spend.status("ana")).remaining_usd == pytest.approx(0.7)
        await spend.reserve("ana", 0.6)


async def test_the_day_resets_at_midnight_utc(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 3, 2, 23, 59, tzinfo=UTC))
    async with database(tmp_path) as db:
        spend = DailySpend(db, 1.0, clock)
        await spend.settle(await spend.reserve("ana", 1.0), 1.0)
        assert (await spend.status("ana")).resets_at == datetime(2026, 3, 3, tzinfo=UTC)
        with pytest.raises(BudgetExceeded):
            await spend.reserve("ana", 0.1)
        clock.now += timedelta(minutes=2)
        assert (await spend.status("ana")).spent_usd == 0
        await spend.reserve("ana", 0.1)


async def test_work_still_running_at_midnight_is_still_owed_the_next_day(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 3, 2, 23, 50, tzinfo=UTC))
    async with database(tmp_path) as db:
        spend = DailySpend(db, 1.0, clock)
        running = await spend.reserve("ana", 0.7)
        clock.now += timedelta(minutes=20)
        assert (await spend.status("ana")).spent_usd == pytest.approx(0.7)
        await spend.settle(running, 0.4)  # it ended today: today's spend
        assert (await spend.status("ana")).spent_usd == pytest.approx(0.4)
        # A reservation whose job never ended (every process gone) stops counting in a day.
        await spend.reserve("ana", 0.5)
        clock.now += timedelta(hours=25)
        assert (await spend.status("ana")).spent_usd == 0


async def test_free_work_and_an_unlimited_budget_are_never_refused(tmp_path: Path) -> None:
    async with database(tmp_path) as db:
        spend = DailySpend(db, 0.0)
        await spend.settle(await spend.reserve("ana", 1000.0), 1000.0)
        assert (await spend.status("ana")).remaining_usd is None
        assert (await spend.status("ana")).spent_usd == 1000.0
        limited = DailySpend(db, 1.0)
        await limited.settle(await limited.reserve("bo", 1.0), 1.0)
        await limited.reserve("bo", 0.0)  # local providers cost nothing


async def test_a_job_is_charged_its_ledger_when_it_ends_and_never_started_when_refused(
    tmp_path: Path,
) -> None:
    jobs = JobTracker()
    started: list[str] = []

    async def start() -> Job:
        job = jobs.create(JobKind.CLIPS, owner="ana")
        checkpoints.job_created(job, {})
        started.append(job.job_id)
        return job

    async with database(tmp_path) as db, open_checkpoints(db) as checkpoints:
        spend = DailySpend(db, 1.0, caught_up=checkpoints.caught_up)
        job = await spend.pay_for("ana", 0.5, start)
        assert (await spend.status("ana")).spent_usd == pytest.approx(0.5)  # held while it runs
        _charge(job, 0.25)
        jobs.complete(job.job_id)
        checkpoints.job_finished(job)  # where the job ends, its end settles its spend
        assert (await spend.status("ana")).spent_usd == pytest.approx(0.25)

        with pytest.raises(BudgetExceeded):
            await spend.pay_for("ana", 0.8, start)
    assert len(started) == 1


async def test_a_job_that_ends_within_its_own_start_is_charged_once(tmp_path: Path) -> None:
    """Its end is settled before its reservation learns its id: the settlement stands."""
    jobs = JobTracker()

    async with database(tmp_path) as db, open_checkpoints(db) as checkpoints:

        async def start() -> Job:
            job = jobs.create(JobKind.CLIPS, owner="ana")
            checkpoints.job_created(job, {})
            _charge(job, 0.1)
            jobs.complete(job.job_id)
            checkpoints.job_finished(job)
            await checkpoints.flush()
            return job

        spend = DailySpend(db, 1.0, caught_up=checkpoints.caught_up)
        await spend.pay_for("ana", 0.6, start)
        assert (await spend.status("ana")).spent_usd == pytest.approx(0.1)


async def test_a_start_that_fails_gives_its_reservation_back(tmp_path: Path) -> None:
    async def start() -> Job:
        raise RuntimeError("storage full")

    async with database(tmp_path) as db:
        spend = DailySpend(db, 1.0)
        with pytest.raises(RuntimeError):
            await spend.pay_for("ana", 0.9, start)
        assert (await spend.status("ana")).spent_usd == 0


async def test_two_processes_share_the_budget_and_only_one_of_two_jobs_fits(
    tmp_path: Path,
) -> None:
    async with database(tmp_path) as first_db, database(tmp_path) as second_db:
        first, second = DailySpend(first_db, 1.0), DailySpend(second_db, 1.0)
        answers = await asyncio.gather(
            first.reserve("ana", 0.6), second.reserve("ana", 0.6), return_exceptions=True
        )
        assert sorted(type(a).__name__ for a in answers) == ["BudgetExceeded", "Reservation"]
        assert (await second.status("ana")).spent_usd == pytest.approx(0.6)

    async with database(tmp_path) as restarted:  # a restart forgets none of it
        assert (await DailySpend(restarted, 1.0).status("ana")).spent_usd == pytest.approx(0.6)


async def test_a_job_deleted_with_its_project_while_running_is_charged_what_its_steps_cost(
    tmp_path: Path,
) -> None:
    """Its end checkpoint never comes; the deletion settles it, and it is not held for a day."""
    from app.db import jobs as jobs_repo

    jobs = JobTracker()
    async with database(tmp_path) as db, open_checkpoints(db) as checkpoints:

        async def start() -> Job:
            job = jobs.create(JobKind.CLIPS, owner="ana")
            checkpoints.job_created(job, {})
            checkpoints.step_started(job.job_id, "clip-1", "clip", 1)
            checkpoints.step_finished(job.job_id, "clip-1", output_key="c.mp4", cost_usd=0.25)
            return job

        spend = DailySpend(db, 1.0, caught_up=checkpoints.caught_up)
        job = await spend.pay_for("ana", 0.75, start)
        await checkpoints.flush()
        async with db.session() as session:
            row = await jobs_repo.get(session, job.job_id)
            assert row is not None
            await jobs_repo.delete(session, [row])
        assert (await spend.status("ana")).spent_usd == pytest.approx(0.25)
