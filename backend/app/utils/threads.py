"""Blocking calls that finish before their caller's cancellation goes on.

`asyncio.to_thread` cannot stop its thread: cancel the awaiting task and it returns at once
while the thread goes on writing. A batch whose job failed then removes its partial files and
the thread writes one more afterwards, left behind on disk. Here a cancelled caller waits for
its thread to end first, so every file the thread writes exists before the batch cleans up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def run_to_end(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`func(*args, **kwargs)` in a thread; when cancelled, cancelled only once it has ended."""
    work = asyncio.ensure_future(asyncio.to_thread(func, *args, **kwargs))
    try:
        return await asyncio.shield(work)
    except asyncio.CancelledError:
        # The thread's result or error no longer matters, only that it has stopped writing.
        # A caller is often cancelled twice (by a gather, then by whoever cancels the gather's
        # tasks): every later cancellation is also held until the thread has ended.
        while not work.done():
            try:
                await asyncio.wait([work])
            except asyncio.CancelledError:
                continue
        if not work.cancelled():
            work.exception()  # observed, so asyncio does not log it as never retrieved
        raise


async def open_to_write(path: Path) -> BinaryIO:
    """`open(path, "wb")` in a thread. Cancelled meanwhile, the file the thread opened is
    closed before the cancellation goes on: a plain `to_thread(open, ...)` drops it open, its
    descriptor held (and its partial file's space with it) until the garbage collector runs."""
    opened: list[BinaryIO] = []

    def opening() -> BinaryIO:
        opened.append(open(path, "wb"))  # noqa: SIM115 (closed by the caller, or below)
        return opened[-1]

    try:
        return await run_to_end(opening)
    except asyncio.CancelledError:
        for file in opened:
            file.close()
        raise
