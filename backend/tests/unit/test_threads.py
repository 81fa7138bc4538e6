"""A cancelled caller of a blocking write returns only once the write has ended, so the batch
cleaning up after it never misses a file the thread writes late."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from app.utils.threads import run_to_end

pytestmark = pytest.mark.anyio


class SlowWrite:
    """A write that starts at once and finishes only when released, as a big image's does."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.started, self.release = threading.Event(), threading.Event()

    def __call__(self) -> None:
        self.started.set()
        self.release.wait(timeout=10)
        self.out.write_bytes(b"written after the caller was cancelled")


async def test_a_cancelled_caller_waits_for_its_thread_to_finish_writing(tmp_path: Path) -> None:
    late = tmp_path / "late.partial"
    write = SlowWrite(late)
    caller = asyncio.ensure_future(run_to_end(write))
    await asyncio.to_thread(write.started.wait, 10)
    caller.cancel()
    await asyncio.sleep(0.05)
    assert not caller.done(), "still waiting for the thread"
    write.release.set()
    with pytest.raises(asyncio.CancelledError):
        await caller
    assert late.exists(), "the write had ended before the cancellation went on"


async def test_a_caller_cancelled_twice_still_waits(tmp_path: Path) -> None:
    late = tmp_path / "late.partial"
    write = SlowWrite(late)
    caller = asyncio.ensure_future(run_to_end(write))
    await asyncio.to_thread(write.started.wait, 10)
    caller.cancel()
    await asyncio.sleep(0.02)
    caller.cancel()  # as a gather and then its owner both cancel their tasks
    await asyncio.sleep(0.02)
    assert not caller.done(), "the second cancellation is held too"
    write.release.set()
    with pytest.raises(asyncio.CancelledError):
        await caller
    assert late.exists()


async def test_results_and_errors_pass_through() -> None:
    assert await run_to_end(sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        await run_to_end(lambda: 1 / 0)
