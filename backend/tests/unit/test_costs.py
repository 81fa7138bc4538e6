"""Charging provider calls to whichever job (or CLI run) is running them."""

from __future__ import annotations

import asyncio

import pytest

from app.models.cost import ProviderCall
from app.utils.costs import CostLedger, charged_to, record

pytestmark = pytest.mark.anyio


def call(usd: float, capability: str = "motion") -> ProviderCall:
    return ProviderCall(
        provider="replicate", model="m", capability=capability, outcome="succeeded",
        units=1, unit="run", estimated_usd=usd,
    )  # fmt: skip


async def test_calls_in_tasks_spawned_inside_a_ledger_are_charged_to_it() -> None:
    ledger = CostLedger()

    async def clip(usd: float) -> None:
        await asyncio.sleep(0)
        record(call(usd))

    with charged_to(ledger):
        await asyncio.gather(clip(0.25), clip(0.5))
    record(call(9.0))  # outside: only logged
    summary = ledger.summary()
    assert (summary.calls, summary.estimated_usd) == (2, 0.75)


async def test_a_jobs_ledger_inside_a_runs_ledger_charges_both() -> None:
    run, job = CostLedger(), CostLedger()
    with charged_to(run):
        record(call(0.003, "images"))
        with charged_to(job):
            record(call(0.25))
    assert [c.estimated_usd for c in job.calls] == [0.25]
    assert [c.estimated_usd for c in run.calls] == [0.003, 0.25]


async def test_two_jobs_running_at_once_keep_their_own_calls() -> None:
    first, second = CostLedger(), CostLedger()

    async def job(ledger: CostLedger, usd: float) -> None:
        with charged_to(ledger):
            for _ in range(3):
                await asyncio.sleep(0)
                record(call(usd))

    await asyncio.gather(job(first, 1.0), job(second, 2.0))
    assert [c.estimated_usd for c in first.calls] == [1.0] * 3
    assert [c.estimated_usd for c in second.calls] == [2.0] * 3
