"""`asyncio.gather` that does not leave the others running when one fails.

Plain `gather` raises the first error and lets the sibling awaitables run on, unobserved: a
request that has already failed keeps paying for remote predictions nobody will see, and its
stragglers outlive the connections they use. Here the first failure cancels the rest (a
cancelled Replicate prediction is canceled at Replicate too) before it is raised as it is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def gather_or_cancel(*awaitables: Awaitable[T]) -> list[T]:
    """Every result in order, or the first error once every other task has stopped."""
    tasks = [asyncio.ensure_future(awaitable) for awaitable in awaitables]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
