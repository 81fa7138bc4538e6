"""One Replicate prediction, start to finish: create, poll, and cancel on any exit but success.

    create (retried; see `creates`), with `Cancel-After` = our deadline + a grace
      │
      ▼
    starting → processing → succeeded                      → the finished prediction
                          → failed | canceled | aborted    → returned as it is (its cost counts)
    anything else: the deadline passed, polling gave up, the task was cancelled (a job shut
    down, a sibling image failed), even while the create was in flight → cancel, then raise

Nobody pays for a prediction that no one will see: whatever ends the wait early, the prediction
is canceled at Replicate before the error goes on. And if this process dies before it can,
Replicate ends the prediction itself at the `Cancel-After` deadline sent with the create: a few
seconds after ours, so that while we are alive our own cancel (and its clearer error) comes
first.

One exit is the exception: a process shutting down (SIGTERM) while its job is checkpointed
(`keep_on_shutdown()`) leaves the prediction running. Its id is in the job's checkpoint, and the
next start re-attaches to it (`attach_prediction`: GET it, poll on), so the clip is paid for
once; canceling it would throw away GPU time already paid for and pay it again after the
restart. If no process comes back in time, Replicate's own `Cancel-After` deadline ends it.

Polling GETs are retried on 429/503/504 by the client's transport; the other transient failures
of a poll (500, 502, a dropped connection) are simply polled past, a few in a row at most, since
the next poll asks the same question.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import replicate
from replicate.prediction import Prediction

from app.config_models import ReplicateModel
from app.errors import ProviderError, ProviderTimedOut
from app.providers.base import ProgressCallback
from app.providers.remote.backoff import Backoff
from app.providers.remote.creates import create, finish
from app.providers.remote.replicate_client import (
    cancel_after_header,
    poll_may_continue,
    reported_status,
    translate,
)

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

TERMINAL = frozenset({"succeeded", "failed", "canceled", "aborted"})
MAX_POLL_FAILURES = 5
"""Polls in a row that may fail before the prediction is given up on (and canceled)."""
CANCEL_TIMEOUT = 10.0
CANCEL_AFTER_GRACE = 10.0
"""Seconds Replicate's own deadline (`Cancel-After`) comes after ours."""


@dataclass(frozen=True)
class PollPolicy:
    interval: float
    deadline: float
    """Seconds from the first create attempt to success."""
    create: Backoff
    settle: float
    """Seconds a create still in flight when its caller is cancelled may take to answer, so
    that its prediction can be canceled (the request's own timeout is a natural bound)."""


async def run_prediction(
    client: replicate.Client,
    model: ReplicateModel,
    payload: dict[str, Any],
    policy: PollPolicy,
    *,
    on_progress: ProgressCallback | None = None,
    on_created: Callable[[Prediction], None] | None = None,
    sleep: Sleep = asyncio.sleep,
    keep_on_shutdown: Callable[[], bool] = lambda: False,
) -> Prediction:
    """Run `model` on `payload` and return the prediction in its terminal state.

    A prediction that failed, was canceled or aborted comes back as it is (its cost still
    counts); on any other exit it is canceled first. `on_created` sees the prediction as soon
    as its id is known, whatever happens next.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + policy.deadline

    def created(prediction: Prediction) -> Prediction:
        if on_created is not None:
            on_created(prediction)
        return prediction

    async def post() -> Prediction:
        if model.version:
            return await client.predictions.async_create(version=model.version, input=payload)
        return await client.predictions.async_create(model=model.owner_name, input=payload)

    async def called_off(prediction: Prediction) -> None:
        await cancel(client, created(prediction))

    prediction = created(
        await create(
            post,
            called_off,
            doing=f"starting {model.owner_name}",
            backoff=policy.create,
            settle=policy.settle,
            sleep=sleep,
            cancel_after=lambda: cancel_after_header(deadline - loop.time() + CANCEL_AFTER_GRACE),
        )
    )
    return await _wait_or_cancel(
        client, prediction, model, policy, deadline, on_progress, sleep, keep_on_shutdown
    )


async def attach_prediction(
    client: replicate.Client,
    model: ReplicateModel,
    prediction_id: str,
    policy: PollPolicy,
    *,
    on_progress: ProgressCallback | None = None,
    sleep: Sleep = asyncio.sleep,
    keep_on_shutdown: Callable[[], bool] = lambda: False,
) -> Prediction | None:
    """Re-attach to a prediction an earlier process created: GET it and poll it to its end, as
    `run_prediction` would have; nothing is created. None when there is nothing to wait for:
    Replicate no longer knows it, or it was canceled or aborted while no process watched it
    (its `Cancel-After` deadline came first); the caller then creates a new one."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + policy.deadline
    try:
        prediction = await client.predictions.async_get(prediction_id)
    except Exception as exc:
        status = reported_status(exc)
        if status == "aborted" or getattr(exc, "status", None) == 404:
            return None
        raise translate(exc, f"checking on {model.owner_name}") from exc
    if prediction.status in ("canceled", "aborted"):
        return None
    logger.info("re-attached to prediction %s (%s)", prediction.id, prediction.status)
    return await _wait_or_cancel(
        client, prediction, model, policy, deadline, on_progress, sleep, keep_on_shutdown
    )


async def _wait_or_cancel(
    client: replicate.Client,
    prediction: Prediction,
    model: ReplicateModel,
    policy: PollPolicy,
    deadline: float,
    on_progress: ProgressCallback | None,
    sleep: Sleep,
    keep_on_shutdown: Callable[[], bool],
) -> Prediction:
    try:
        return await _wait(prediction, model, policy.interval, deadline, on_progress, sleep)
    except asyncio.CancelledError:
        if keep_on_shutdown():
            logger.info("shutting down: prediction %s left running to re-attach", prediction.id)
            raise
        await finish(cancel(client, prediction))
        raise
    except BaseException:
        await finish(cancel(client, prediction))
        raise


async def _wait(
    prediction: Prediction,
    model: ReplicateModel,
    interval: float,
    deadline: float,
    on_progress: ProgressCallback | None,
    sleep: Sleep,
) -> Prediction:
    loop = asyncio.get_running_loop()
    failures = 0
    while prediction.status not in TERMINAL:
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise ProviderTimedOut(
                f"{model.owner_name} did not finish within {model.deadline_seconds:g} s "
                f"(prediction {prediction.id} was {prediction.status}); it has been canceled."
            )
        await sleep(min(interval, remaining))
        try:
            await _reload(prediction)
            failures = 0
        except Exception as exc:
            failures += 1
            if not poll_may_continue(exc) or failures >= MAX_POLL_FAILURES:
                raise translate(exc, f"checking on {model.owner_name}") from exc
            logger.warning("polling prediction %s failed (%s); polling on", prediction.id, exc)
            continue
        if on_progress is not None and prediction.progress is not None:
            # The client parses the model's tqdm lines; `percentage` is already a fraction.
            on_progress(min(max(prediction.progress.percentage, 0.0), 1.0))
    return prediction


async def _reload(prediction: Prediction) -> None:
    try:
        await prediction.async_reload()
    except Exception as exc:
        status = reported_status(exc)
        if status is None:
            raise
        prediction.status = status  # type: ignore[assignment]  # `aborted`, unknown to 1.0.7


async def cancel(client: replicate.Client, prediction: Prediction) -> None:
    """Best effort, for a prediction still running: a cancel that fails is logged, and the
    original error stands (Replicate's own deadline ends the prediction then)."""
    if prediction.status in TERMINAL:
        return
    try:
        async with asyncio.timeout(CANCEL_TIMEOUT):
            canceled = await client.predictions.async_cancel(prediction.id)
        # Keep what the server says (its metrics price the GPU time used until the cancel).
        prediction.status = canceled.status
        prediction.metrics = canceled.metrics
    except Exception as exc:
        status = reported_status(exc)
        if status is not None:
            prediction.status = status  # type: ignore[assignment]
            return
        logger.warning("could not cancel prediction %s: %s", prediction.id, exc)


def failure_reason(prediction: Prediction) -> ProviderError:
    """Why a terminal, unsuccessful prediction failed, in a sentence."""
    if prediction.status == "aborted":
        return ProviderTimedOut(
            f"Replicate never started the prediction {prediction.id} and dropped it (nothing is "
            "charged for it); try again in a few minutes."
        )
    if prediction.status == "canceled":
        return ProviderError(f"The prediction {prediction.id} was canceled before it finished.")
    reason = str(prediction.error or "no reason given").strip().rstrip(".")
    return ProviderError(f"The model failed: {reason}.")
