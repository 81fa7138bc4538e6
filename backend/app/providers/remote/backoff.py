"""How long to wait before trying again: the server's `Retry-After` if it sent one, else a
jittered exponential backoff. Pure, so the arithmetic is tested without waiting.

Only used where no client retries for us (creating a Replicate prediction): openai-python
retries on its own and honours `Retry-After`, and replicate-python's transport retries GETs.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    attempts: int
    """Tries in all, the first included."""
    base: float
    """Seconds before the second try; doubled for each one after."""
    cap: float
    """No wait is longer, `Retry-After` included (a server asking for an hour is not obeyed)."""

    def delay(
        self,
        retry: int,
        retry_after: float | None = None,
        rand: Callable[[], float] = random.random,
    ) -> float:
        """Seconds to wait before retry number `retry` (1 for the first retry)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.cap)
        exponential = min(self.cap, self.base * 2 ** (retry - 1))
        # Jitter spreads retries of many clips that failed together (one 429 burst) over time.
        return exponential * (0.5 + 0.5 * rand())


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds from a `Retry-After` header: delta-seconds (integer or decimal) or an HTTP date."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return max(email.utils.mktime_tz(parsed) - now(), 0.0)
    return seconds if math.isfinite(seconds) and seconds >= 0 else None
