"""The official `replicate` client, built from our settings, and its errors in our terms.

`REPLICATE_BASE_URL` is the client's own variable: any server speaking the Replicate HTTP API
(a proxy, a fake) can stand in. The client appends `/v1/...` to every path, so a base URL that
already ends in `/v1` (as people often write it) is trimmed rather than doubled.

What the client does on its own (replicate 1.0.7, `client.RetryTransport`): GET, PUT and DELETE
are retried on 429, 503 and 504, honouring integer `Retry-After`; a POST never is. Its
`ReplicateError` keeps the status and the problem details but not the headers, so a response
hook remembers the last `Retry-After` for the task that made the request: httpx awaits the hook
in that task, so the value is there, and only there, when the error reaches our retry loop.
"""

from __future__ import annotations

from contextvars import ContextVar

import httpx
import replicate
from replicate.exceptions import ReplicateError

from app.config import ReplicateSettings
from app.errors import ProviderError, ProviderRateLimited, ProviderTimedOut

_last_retry_after: ContextVar[str | None] = ContextVar("replicate_retry_after", default=None)

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
RETRIED_BY_CLIENT = frozenset({429, 503, 504})
"""What the client's transport already retries on a GET: retrying those again would stack."""


async def _remember_retry_after(response: httpx.Response) -> None:
    _last_retry_after.set(response.headers.get("retry-after"))


def last_retry_after() -> str | None:
    """The `Retry-After` of the last response this task received from Replicate."""
    return _last_retry_after.get()


def api_origin(base_url: str | None) -> str | None:
    if not base_url:
        return None
    trimmed = base_url.rstrip("/")
    return trimmed.removesuffix("/v1") or None


def build_client(
    settings: ReplicateSettings, transport: httpx.AsyncBaseTransport
) -> replicate.Client:
    """A client whose connections live in `transport`, which the caller owns and closes."""
    token = settings.api_token.get_secret_value() if settings.api_token else None
    timeout = httpx.Timeout(settings.timeout_seconds, connect=min(10.0, settings.timeout_seconds))
    return replicate.Client(
        api_token=token,
        base_url=api_origin(settings.base_url),
        timeout=timeout,
        transport=transport,
        event_hooks={"response": [_remember_retry_after]},
    )


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, ReplicateError):
        return exc.status in RETRYABLE_STATUS
    return isinstance(exc, httpx.TimeoutException | httpx.TransportError)


def poll_may_continue(exc: BaseException) -> bool:
    """A failed status check worth polling past: transient, and not already retried."""
    if isinstance(exc, ReplicateError):
        return exc.status in RETRYABLE_STATUS - RETRIED_BY_CLIENT
    return isinstance(exc, httpx.TransportError)


def translate(exc: BaseException, doing: str) -> ProviderError:
    """A client or transport error as one of ours; `doing` completes "... while {doing}"."""
    if isinstance(exc, ProviderError):
        return exc
    if isinstance(exc, httpx.TimeoutException):
        return ProviderTimedOut(f"Replicate did not answer in time while {doing}.")
    if isinstance(exc, httpx.TransportError):
        return ProviderError(f"Could not reach Replicate while {doing} ({type(exc).__name__}).")
    if isinstance(exc, ReplicateError):
        detail = exc.detail or exc.title or "no detail given"
        status = exc.status or 0
        if status == 429:
            return ProviderRateLimited(
                f"Replicate is rate-limiting us while {doing}; try again in a minute."
            )
        if status in (401, 403):
            return ProviderError(
                f"Replicate refused the API token (HTTP {status}) while {doing}: "
                "check REPLICATE_API_TOKEN."
            )
        if status == 402:
            return ProviderError(f"Replicate asks for payment while {doing}: {detail}")
        if status == 404:
            return ProviderError(f"Replicate does not know this model or prediction ({doing}).")
        if status == 422:
            return ProviderError(
                f"Replicate rejected the inputs while {doing}: {detail}. The model's input "
                "mapping in settings may not match the model."
            )
        return ProviderError(f"Replicate answered HTTP {status} while {doing}: {detail}")
    return ProviderError(f"Replicate failed while {doing}: {exc}")
