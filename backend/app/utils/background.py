"""Background work that outlives the request that started it.

`asyncio.create_task` alone is not enough: the loop keeps only weak references to tasks, so a
task nobody holds can be garbage-collected mid-run. We hold them here, log anything that escapes
(a job runner should already have turned failures into a failed job), and cancel what is left
when the app shuts down.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger(__name__)


class BackgroundTasks:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[object]] = set()

    def spawn(self, work: Coroutine[Any, Any, object], name: str) -> asyncio.Task[object]:
        task = asyncio.create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._forget)
        return task

    def _forget(self, task: asyncio.Task[object]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("background task %s crashed", task.get_name(), exc_info=task.exception())

    async def wait_all(self) -> None:
        """Wait for every running task (tests and the CLI use this)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def cancel(self, name: str) -> bool:
        """Cancel the running task called `name` and wait until it has stopped (its clean-up
        done); whether there was one."""
        found = [task for task in self._tasks if task.get_name() == name]
        for task in found:
            task.cancel()
        await asyncio.gather(*found, return_exceptions=True)
        return bool(found)

    async def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
