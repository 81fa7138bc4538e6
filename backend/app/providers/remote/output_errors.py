"""A model's output that could not be fetched, in the provider's terms: the model is named,
never its output's URL, host or the status it answered (those go to the log)."""

from __future__ import annotations

from app.errors import ProviderBadOutput, ProviderError, ProviderTimedOut
from app.fetching import FetchError, MediaKind, Reason


def output_error(exc: FetchError, model: str, kind: MediaKind, seconds: float) -> ProviderError:
    if exc.reason is Reason.DEADLINE:
        return ProviderTimedOut(f"Downloading the output of {model} took over {seconds:g} s.")
    if exc.reason is Reason.TOO_LARGE:
        return ProviderBadOutput(f"The output of {model} is larger than we accept.")
    if exc.reason in (Reason.NOT_MEDIA, Reason.EMPTY, Reason.CONTENT_TYPE):
        return ProviderBadOutput(f"The output of {model} {kind.unreadable}.")
    return ProviderBadOutput(f"The output of {model} could not be downloaded.")
