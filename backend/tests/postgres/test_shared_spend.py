"""Issue 14: on PostgreSQL, the budget's check-and-reserve is atomic per user across processes
(an advisory lock per user): of many reservations made at once through separate engines, only
as many pass as the budget fits, and another user is never held up by it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.db.engine import open_database
from app.db.models import User
from app.errors import BudgetExceeded
from app.utils.spend import DailySpend, Reservation

pytestmark = [pytest.mark.postgres, pytest.mark.anyio]


async def test_concurrent_reservations_from_several_processes_never_overspend(
    postgres_url: str, tmp_path: Path
) -> None:
    async with (
        open_database(postgres_url, None, tmp_path) as first,
        open_database(postgres_url, None, tmp_path) as second,
        open_database(postgres_url, None, tmp_path) as third,
    ):
        async with first.session() as session:
            session.add_all([User(id="ana", name="Ana"), User(id="bo", name="Bo")])
        processes = [DailySpend(db, 1.0) for db in (first, second, third)]
        # Each process's pool warmed with connections of its own, so the attempts overlap.
        await asyncio.gather(*(p.status("bo") for p in processes for _ in range(3)))
        attempts = [processes[n % 3].reserve("ana", 0.3) for n in range(9)]
        attempts.append(processes[0].reserve("bo", 0.9))
        answers = await asyncio.gather(*attempts, return_exceptions=True)

        passed = [a for a in answers if isinstance(a, Reservation)]
        assert sorted(a.user_id for a in passed) == ["ana", "ana", "ana", "bo"]
        assert all(isinstance(a, BudgetExceeded) for a in answers if a not in passed)
        assert (await processes[2].status("ana")).spent_usd == pytest.approx(0.9)
