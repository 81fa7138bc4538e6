"""One Replicate prediction, start to finish: create (retried), poll, and cancel at the deadline.

    create ──429/5xx/timeout──▶ wait (Retry-After or backoff) ──▶ create again (up to N tries)
      │
      ▼
    starting → processing → succeeded                  → the finished prediction
                          → failed | canceled          → ProviderError with the model's reason
                          → still running at deadline  → cancel, ProviderTimedOut

Creating is the one POST the client never retries, so it is the one retry loop here. (A create
whose answer times out may have created a prediction anyway; Replicate has no idempotency key,
so the retry can start a second one. Rare, and cheaper than failing the clip.) Polling
GETs are retried on 429/503/504 by the client's transport; the other transient failures of a
poll (500, 502, a dropped connection) are simply polled past, a few in a row at most, since the
next poll asks the same question. If the task running this is cancelled (a job shut down), the
prediction is canceled too, so nobody pays for a clip that no one will see.
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
from app.providers.remote.backoff import Backoff, parse_retry_after
from app.providers.remote.replicate_client import (
    is_retryable,
    last_retry_after,
    poll_may_continue,
    translate,
)

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

TERMINAL = frozenset({"succeeded", "failed", "canceled"})
MAX_POLL_FAILURES = 5
"""Polls in a row that may fail before the prediction is given up on."""
CANCEL_TIMEOUT = 10.0


@dataclass(frozen=True)
class PollPolicy:
    interval: float
    deadline: float
    """Seconds from the first create attempt to success."""
    create: Backoff


async def run_prediction(
    client: replicate.Client,
    model: ReplicateModel,
    payload: dict[str, Any],
    policy: PollPolicy,
    *,
    on_progress: ProgressCallback | None = None,
    on_created: Callable[[Prediction], None] | None = None,
    sleep: Sleep = asyncio.sleep,
) -> Prediction:
    """Run `model` on `payload` and return the prediction in its terminal state.

    A prediction that failed or was canceled comes back as it is (its cost still counts); one
    past the deadline is canceled and raises `ProviderTimedOut`.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + policy.deadline
    prediction = await _create(client, model, payload, policy.create, sleep)
    if on_created is not None:
        on_created(prediction)
    try:
        return await _wait(prediction, model, policy.interval, deadline, on_progress, sleep)
    except ProviderTimedOut:
        await _cancel(client, prediction)
        raise
    except asyncio.CancelledError:
        # Shield the cancel itself: this task is being cancelled and would abort it otherwise.
        await asyncio.shield(_cancel(client, prediction))
        raise


async def _create(
    client: replicate.Client,
    model: ReplicateModel,
    payload: dict[str, Any],
    backoff: Backoff,
    sleep: Sleep,
) -> Prediction:
    doing = f"starting {model.owner_name}"
    for attempt in range(1, backoff.attempts + 1):
        try:
            if model.version:
                return await client.predictions.async_create(version=model.version, input=payload)
            return await client.predictions.async_create(model=model.owner_name, input=payload)
        except Exception as exc:
            if not is_retryable(exc) or attempt == backoff.attempts:
                raise translate(exc, doing) from exc
            wait = backoff.delay(attempt, parse_retry_after(last_retry_after()))
            logger.warning("%s: %s; try %d in %.2f s", doing, exc, attempt + 1, wait)
            await sleep(wait)
    raise AssertionError("unreachable: the loop returns or raises")


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
            await prediction.async_reload()
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


async def _cancel(client: replicate.Client, prediction: Prediction) -> None:
    """Best effort: a cancel that fails is logged, and the original error stands."""
    try:
        async with asyncio.timeout(CANCEL_TIMEOUT):
            canceled = await client.predictions.async_cancel(prediction.id)
        # Keep what the server says (its metrics price the GPU time used until the cancel).
        prediction.status = canceled.status
        prediction.metrics = canceled.metrics
    except Exception as exc:
        logger.warning("could not cancel prediction %s: %s", prediction.id, exc)


def failure_reason(prediction: Prediction) -> ProviderError:
    """Why a terminal, unsuccessful prediction failed, in a sentence."""
    if prediction.status == "canceled":
        return ProviderError(f"The prediction {prediction.id} was canceled before it finished.")
    reason = str(prediction.error or "no reason given").strip().rstrip(".")
    return ProviderError(f"The model failed: {reason}.")
