"""Creating something at Replicate (a prediction, a file): retried, and never lost to a cancel.

    POST ──429/5xx/timeout──▶ wait (Retry-After or backoff) ──▶ POST again (up to N tries)
      │
      └── caller cancelled mid-POST ──▶ wait for the answer (bounded) ──▶ undo what it made

The client never retries a POST, so this is the one retry loop on one. (A POST whose answer
times out may have created something anyway; Replicate has no idempotency key, so the retry can
create a second one. Rare, and cheaper than failing the clip.)

A caller may be cancelled while its POST is in flight: when one of twelve mood images fails,
the others are called off. By then Replicate may already have created the prediction, and
aborting the request would lose its id: the prediction would run, and bill, unseen. So each POST
runs in a task of its own that the caller's cancellation does not reach; the cancelled caller
waits for the answer a bounded time (`settle`) and hands whatever was created to `undo` (cancel
the prediction, delete the file) before it stops. A POST that does not answer in time is left
to the deadline Replicate enforces itself (`Cancel-After`).

Cancellation often comes twice (`gather_or_cancel` cancels what `gather` already cancelled, a
shutdown cancels everything), so such clean-up runs through `finish`, which a second cancel does
not cut short either: it is bounded in time on its own.

Each POST is sent in a context of its own (`replicate_client.request_context`), which carries
its `Cancel-After` in and its answer's `Retry-After` out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from app.providers.remote.backoff import Backoff, parse_retry_after
from app.providers.remote.replicate_client import (
    is_retryable,
    last_retry_after,
    request_context,
    translate,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


async def create(
    post: Callable[[], Coroutine[Any, Any, T]],
    undo: Callable[[T], Awaitable[None]],
    *,
    doing: str,
    backoff: Backoff,
    settle: float,
    sleep: Sleep = asyncio.sleep,
    cancel_after: Callable[[], str | None] = lambda: None,
) -> T:
    """The result of `post()`, tried up to `backoff.attempts` times; `doing` completes
    "... while {doing}" in errors. `cancel_after()` is each try's `Cancel-After`, if any."""
    loop = asyncio.get_running_loop()
    for attempt in range(1, backoff.attempts + 1):
        context = request_context(cancel_after())
        request = loop.create_task(post(), context=context)
        request.add_done_callback(_observed)
        try:
            return await asyncio.shield(request)
        except asyncio.CancelledError:
            await finish(_settle(request, undo, settle, doing))
            raise
        except Exception as exc:
            if not is_retryable(exc) or attempt == backoff.attempts:
                raise translate(exc, doing) from exc
            wait = backoff.delay(attempt, parse_retry_after(last_retry_after(context)))
            logger.warning("%s: %s; try %d in %.2f s", doing, exc, attempt + 1, wait)
            await sleep(wait)
    raise AssertionError("unreachable: the loop returns or raises")


async def _settle(
    request: asyncio.Task[T], undo: Callable[[T], Awaitable[None]], settle: float, doing: str
) -> None:
    """Undo what a POST its caller no longer waits for created, once its answer says what."""
    done, _ = await asyncio.wait({request}, timeout=settle)
    if not done:
        request.cancel()
        logger.warning(
            "%s: no answer %g s after being called off; whatever it created is left to "
            "Replicate's own deadline",
            doing,
            settle,
        )
        return
    if request.cancelled() or request.exception() is not None:
        return  # nothing was created, or nothing we could know of
    await undo(request.result())


async def finish(cleanup: Coroutine[Any, Any, None]) -> None:
    """Run `cleanup` to its end even if the caller is cancelled meanwhile, then let that
    cancellation go on: clean-up that stops halfway leaves things running, and billing."""
    task = asyncio.ensure_future(cleanup)
    interrupted = False
    while not task.done():
        try:
            await asyncio.wait({task})
        except asyncio.CancelledError:
            interrupted = True
    if interrupted:
        raise asyncio.CancelledError
    task.result()


def _observed(task: asyncio.Task[Any]) -> None:
    """Mark a POST's failure as seen: when its caller is gone, nobody else reads it."""
    if not task.cancelled():
        task.exception()
