"""The official `openai` client, built from our settings, and its errors in our terms.

Timeouts and retries are set once, on the client: it retries 408, 409, 429, 5xx and timeouts
with exponential backoff and honours `Retry-After` (and `retry-after-ms`). Nothing here retries
on top of it; an error that reaches us has already been retried as often as settings allow.
"""

from __future__ import annotations

import openai
from openai.types import CompletionUsage

from app.config import OpenAISettings
from app.errors import ProviderBadOutput, ProviderError, ProviderRateLimited, ProviderTimedOut
from app.models.cost import ProviderCall
from app.providers.remote.pricing import token_cost
from app.utils.costs import record

DEFAULT_BASE_URL = "https://api.openai.com/v1"
"""Passed explicitly: left to itself the SDK would read a blank `OPENAI_BASE_URL` as the URL."""


def build_client(settings: OpenAISettings) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(
        api_key=settings.api_key.get_secret_value() if settings.api_key else None,
        base_url=settings.base_url or DEFAULT_BASE_URL,
        timeout=settings.timeout_seconds,
        max_retries=settings.max_retries,
    )


def translate(exc: openai.OpenAIError, doing: str) -> ProviderError:
    """An SDK error as one of ours; `doing` completes "... while {doing}"."""
    if isinstance(exc, openai.APITimeoutError):
        return ProviderTimedOut(f"OpenAI did not answer in time while {doing}.")
    if isinstance(exc, openai.APIConnectionError):
        return ProviderError(f"Could not reach OpenAI while {doing}.")
    if isinstance(exc, openai.RateLimitError):
        if exc.code == "insufficient_quota":
            return ProviderError(f"The OpenAI account is out of quota ({doing}).")
        return ProviderRateLimited(f"OpenAI is rate-limiting us while {doing}; try again shortly.")
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return ProviderError(
            f"OpenAI refused the API key while {doing}: check OPENAI_API_KEY and OPENAI_MODEL."
        )
    if isinstance(exc, openai.LengthFinishReasonError):
        return ProviderBadOutput(f"The model's answer was cut off while {doing}.")
    if isinstance(exc, openai.ContentFilterFinishReasonError):
        return ProviderBadOutput(f"OpenAI's content filter stopped the answer while {doing}.")
    if isinstance(exc, openai.APIStatusError):
        return ProviderError(f"OpenAI answered HTTP {exc.status_code} while {doing}: {exc.message}")
    return ProviderError(f"OpenAI failed while {doing}: {exc}")


def record_usage(settings: OpenAISettings, model: str, usage: CompletionUsage | None) -> None:
    """Charge one completion to the current ledger, priced from its token counts."""
    prompt = usage.prompt_tokens if usage else 0
    completion = usage.completion_tokens if usage else 0
    record(
        ProviderCall(
            provider="openai",
            model=model,
            capability="director",
            outcome="succeeded",
            units=prompt + completion,
            unit="token",
            estimated_usd=token_cost(
                prompt, completion, settings.price_input_per_mtok, settings.price_output_per_mtok
            ),
        )
    )
