"""Who pays for a provider call: the ledger of whatever job (or CLI run) is running it.

Providers cannot know which job they work for, and should not: they call `record()`, and the
call lands in the ledger of the current context. A job runner opens its job's ledger with
`charged_to()`; asyncio copies context into the tasks it spawns, so every clip rendered for a
job is charged to it. A ledger opened inside another one (a clip job inside a CLI run) also
charges its parent, so the CLI's total includes the jobs it started.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from app.models.cost import JobCost, ProviderCall

logger = logging.getLogger(__name__)

_current: ContextVar[CostLedger | None] = ContextVar("reelsmith_cost_ledger", default=None)


@dataclass
class CostLedger:
    calls: list[ProviderCall] = field(default_factory=list)
    parent: CostLedger | None = None

    def add(self, call: ProviderCall) -> None:
        self.calls.append(call)
        if self.parent is not None:
            self.parent.add(call)

    @property
    def total_usd(self) -> float:
        return sum(call.estimated_usd for call in self.calls)

    def summary(self) -> JobCost:
        return JobCost(
            calls=len(self.calls),
            estimated_usd=round(self.total_usd, 6),
            items=list(self.calls),
        )


@contextmanager
def charged_to(ledger: CostLedger) -> Iterator[CostLedger]:
    """Charge every call made in this context (and the tasks it spawns) to `ledger`."""
    if ledger.parent is None and _current.get() is not ledger:
        ledger.parent = _current.get()
    token = _current.set(ledger)
    try:
        yield ledger
    finally:
        _current.reset(token)


def record(call: ProviderCall) -> None:
    """Charge a call to the current ledger; calls outside any ledger are only logged."""
    logger.info(
        "%s %s (%s): %s, %g %s, about $%.4f",
        call.provider,
        call.model,
        call.capability,
        call.outcome,
        call.units,
        call.unit,
        call.estimated_usd,
    )
    ledger = _current.get()
    if ledger is not None:
        ledger.add(call)
