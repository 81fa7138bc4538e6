"""The official `replicate` client, built from our settings, and its errors in our terms.

`REPLICATE_BASE_URL` is the client's own variable: any server speaking the Replicate HTTP API
(a proxy, a fake) can stand in. The client appends `/v1/...` to every path, so a base URL that
already ends in `/v1` (as people often write it) is trimmed rather than doubled.

What the client does on its own (replicate 1.0.7, `client.RetryTransport`): GET, PUT and DELETE
are retried on 429, 503 and 504, honouring integer `Retry-After`; a POST never is. Its
`ReplicateError` keeps the status and the problem details but not the headers, so a response
hook remembers the last `Retry-After` in the context of the request that got it: httpx awaits
its hooks in the task that sends, so the value is there, and only there, when the error reaches
our retry loop. The same way in, a request hook adds the `Cancel-After` header that 1.0.7 has no
parameter for to a create sent in a context that carries one (`request_context`).

What 1.0.7 does not know: the `aborted` status (a prediction Replicate dropped before it started,
for instance when its `Cancel-After` deadline came first). Its `Prediction.status` is a closed
`Literal`, so a prediction that is aborted fails to parse; `reported_status` reads the status
from that parse error.
"""

from __future__ import annotations

import math
from contextvars import Context, ContextVar, copy_context

import httpx
import replicate
from pydantic.v1 import ValidationError as SDKValidationError
from replicate.exceptions import ReplicateError

from app.config import ReplicateSettings
from app.errors import ProviderError, ProviderRateLimited, ProviderTimedOut

_last_retry_after: ContextVar[str | None] = ContextVar("replicate_retry_after", default=None)
_cancel_after: ContextVar[str | None] = ContextVar("replicate_cancel_after", default=None)

MIN_CANCEL_AFTER_SECONDS = 5
"""The shortest `Cancel-After` Replicate accepts."""

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
RETRIED_BY_CLIENT = frozenset({429, 503, 504})
"""What the client's transport already retries on a GET: retrying those again would stack."""


async def _remember_retry_after(response: httpx.Response) -> None:
    _last_retry_after.set(response.headers.get("retry-after"))


async def _add_cancel_after(request: httpx.Request) -> None:
    value = _cancel_after.get()
    if value is not None and request.method == "POST":
        request.headers["Cancel-After"] = value


def last_retry_after(context: Context | None = None) -> str | None:
    """The `Retry-After` of the last response received in `context` (this task's if None)."""
    return _last_retry_after.get() if context is None else context.get(_last_retry_after)


def request_context(cancel_after: str | None = None) -> Context:
    """A context to send one POST in: it carries `cancel_after` into the request's
    `Cancel-After` header, and keeps the answer's `Retry-After` for `last_retry_after`."""
    context = copy_context()
    context.run(_cancel_after.set, cancel_after)
    context.run(_last_retry_after.set, None)
    return context


def cancel_after_header(seconds: float) -> str:
    """A `Cancel-After` value: whole seconds, rounded up, never under Replicate's minimum."""
    whole = math.ceil(seconds) if math.isfinite(seconds) else MIN_CANCEL_AFTER_SECONDS
    return f"{max(whole, MIN_CANCEL_AFTER_SECONDS)}s"


def reported_status(exc: BaseException) -> str | None:
    """The status a prediction answer gave when the client could not parse it (`aborted`)."""
    if not isinstance(exc, SDKValidationError):
        return None
    for error in exc.errors():
        given = (error.get("ctx") or {}).get("given")
        if error.get("loc") == ("status",) and isinstance(given, str):
            return given
    return None


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
        event_hooks={"request": [_add_cancel_after], "response": [_remember_retry_after]},
    )


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, ReplicateError):
        return exc.status in RETRYABLE_STATUS
    return isinstance(exc, httpx.TimeoutException | httpx.TransportError | TimeoutError)


def poll_may_continue(exc: BaseException) -> bool:
    """A failed status check worth polling past: transient, and not already retried."""
    if isinstance(exc, ReplicateError):
        return exc.status in RETRYABLE_STATUS - RETRIED_BY_CLIENT
    return isinstance(exc, httpx.TransportError)


def translate(exc: BaseException, doing: str) -> ProviderError:
    """A client or transport error as one of ours; `doing` completes "... while {doing}"."""
    if isinstance(exc, ProviderError):
        return exc
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
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
